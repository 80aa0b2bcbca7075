import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Form, Input, Radio, Row, Select, Space } from 'antd';
import { UsergroupAddOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../shared/domain';
import { addInvitees, delegatesOfGroups } from '../../../shared/visits';
import { useProfile, useRepo } from '../../app/session';
import { planVisit, updateVisitPlan, type VisitPlanForm as PlanInput } from '../../data/visitCommands';
import { DATE_FORMAT, fromDateString, toDateString } from './dates';
import { useVisitCommand } from './useVisitCommand';
import { useVisitRoster } from './useVisitRoster';

interface Values {
  kind: Visit['kind'];
  topic: string;
  sites: string[];
  startDate: Dayjs | null;
  endDate: Dayjs | null;
  organisingGroupId?: string;
  invitedDelegateIds: string[];
  agenda: string;
}

const FIELDS: readonly string[] = ['kind', 'topic', 'sites', 'startDate', 'endDate', 'organisingGroupId', 'invitedDelegateIds', 'agenda'];

function initialValues(visit: Visit | undefined): Values {
  return {
    kind: visit?.kind ?? 'inspection',
    topic: visit?.topic ?? '',
    sites: visit?.sites ?? [],
    startDate: fromDateString(visit?.startDate),
    endDate: fromDateString(visit?.endDate),
    ...(visit?.organisingGroupId ? { organisingGroupId: visit.organisingGroupId } : {}),
    invitedDelegateIds: visit?.invitedDelegateIds ?? [],
    agenda: visit?.agenda ?? '',
  };
}

/**
 * 计划视察 / 修改计划: kind, topic, sites, dates, organising group, invitees (a whole activity group at once, or one
 * by one), agenda. Problems are shown beside their fields and nothing typed is lost.
 */
export function VisitPlanForm({ visit, onDone }: { visit?: Visit; onDone: (visit: Visit) => void }) {
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const roster = useVisitRoster(repo.db);
  const [form] = Form.useForm<Values>();
  const { busy, run } = useVisitCommand();
  const [groupToAdd, setGroupToAdd] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<string | undefined>();
  const invited = Form.useWatch('invitedDelegateIds', form) ?? [];
  const organisingGroupId = Form.useWatch('organisingGroupId', form);

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const input: PlanInput = {
      kind: v.kind,
      topic: v.topic ?? '',
      sites: v.sites ?? [],
      startDate: toDateString(v.startDate),
      endDate: toDateString(v.endDate),
      ...(v.organisingGroupId ? { organisingGroupId: v.organisingGroupId } : {}),
      invitedDelegateIds: v.invitedDelegateIds ?? [],
      agenda: v.agenda ?? '',
    };
    const acting = { role: profile.role, actorId: profile.actorId };
    setRefusal(undefined);
    const saved = await run(
      () => (visit ? updateVisitPlan(repo, visit.id, acting, input) : planVisit(repo, acting, input)),
      visit ? t('form.updated') : t('form.planned'),
      (errors) => {
        const entries = Object.entries(errors);
        form.setFields(entries.filter(([name]) => FIELDS.includes(name)).map(([name, text]) => ({ name: name as keyof Values, errors: [text] })));
        const elsewhere = entries.filter(([name]) => !FIELDS.includes(name)).map(([, text]) => text);
        setRefusal(elsewhere.length ? elsewhere.join('；') : t('form.fixErrors'));
      },
    );
    if (saved) onDone(saved);
  };

  const addGroup = () => {
    const groupId = groupToAdd ?? organisingGroupId;
    if (!roster || !groupId) return;
    const members = delegatesOfGroups(roster.delegates, [groupId]).map((d) => d.id);
    const current: string[] = form.getFieldValue('invitedDelegateIds') ?? [];
    const next = addInvitees(current, members);
    form.setFields([{ name: 'invitedDelegateIds', value: next, errors: [] }]);
    message.info(t('form.groupAdded', { count: next.length - current.length }));
  };

  const groupOptions = (roster?.groups ?? []).map((g) => ({ value: g.id, label: g.name }));
  const delegateOptions = (roster?.delegates ?? [])
    .filter((d) => (!d.deletedAt && d.status === 'active') || invited.includes(d.id))
    .map((d) => ({ value: d.id, label: roster!.label(d.id) }));

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues(visit)}
      onFinish={() => void submit()}
      onValuesChange={(changed: Partial<Values>) => {
        // A one-day visit is the usual case: the end date follows a newly picked start until it is set.
        if (changed.startDate && !form.getFieldValue('endDate')) form.setFieldValue('endDate', changed.startDate);
        setRefusal(undefined);
      }}
      data-testid="visit-plan-form"
    >
      <Form.Item name="kind" label={t('form.kind')} required data-testid="plan-kind-item">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'inspection', label: t('kind.inspection') },
            { value: 'research', label: t('kind.research') },
          ]}
        />
      </Form.Item>
      <Form.Item name="topic" label={t('form.topic')} required data-testid="plan-topic-item">
        <Input maxLength={200} placeholder={t('form.topicPlaceholder')} data-testid="plan-topic" />
      </Form.Item>
      <Form.Item name="sites" label={t('form.sites')} data-testid="plan-sites-item">
        <Select mode="tags" open={false} suffixIcon={null} placeholder={t('form.sitesPlaceholder')} tokenSeparators={['、', '，', ',']} data-testid="plan-sites" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="startDate" label={t('form.startDate')} required data-testid="plan-start-item">
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="plan-start" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="endDate" label={t('form.endDate')} required data-testid="plan-end-item">
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="plan-end" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="organisingGroupId" label={t('form.group')} data-testid="plan-group-item">
        <Select allowClear options={groupOptions} placeholder={t('form.groupPlaceholder')} data-testid="plan-group" />
      </Form.Item>
      <Form.Item label={t('form.addGroup')}>
        <Space.Compact style={{ width: '100%' }}>
          <Select
            style={{ flex: 1 }}
            value={groupToAdd ?? organisingGroupId}
            onChange={setGroupToAdd}
            options={groupOptions}
            placeholder={t('form.addGroupPlaceholder')}
            data-testid="plan-add-group"
          />
          <Button icon={<UsergroupAddOutlined />} onClick={addGroup} disabled={!(groupToAdd ?? organisingGroupId)} data-testid="plan-add-group-button">
            {t('form.addGroupButton')}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item
        name="invitedDelegateIds"
        label={t('form.invitees')}
        required
        extra={t('form.inviteesCount', { count: invited.length })}
        data-testid="plan-invitees-item"
      >
        <Select mode="multiple" options={delegateOptions} optionFilterProp="label" placeholder={t('form.inviteesPlaceholder')} data-testid="plan-invitees" />
      </Form.Item>
      <Form.Item name="agenda" label={t('form.agenda')} data-testid="plan-agenda-item">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('form.agendaPlaceholder')} data-testid="plan-agenda" />
      </Form.Item>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="plan-refusal" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="plan-submit">
        {visit ? t('form.submitEdit') : t('form.submitNew')}
      </Button>
    </Form>
  );
}
