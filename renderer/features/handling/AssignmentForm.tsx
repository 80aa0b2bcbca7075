import { Alert, Button, DatePicker, Form, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { handlingDeadline } from '../../../shared/lifecycle';
import { useProfile, useRepo } from '../../app/session';
import { assignProposal } from '../../data/handlingCommands';
import { DATE_FORMAT, fromDateString, toDateString } from './dates';
import type { HandlingData } from './useHandlingData';
import { useCommand } from './useCommand';

interface Values {
  mode: 'lead' | 'split';
  leadUnitId?: string;
  coUnitIds: string[];
  splitUnitIds: string[];
  deadline: Dayjs | null;
}

const FIELDS = ['leadUnitId', 'coUnitIds', 'splitUnitIds', 'deadline'];

/**
 * 交办: 主办 + 协办 or 分办, and the deadline, prefilled with today + settings.handlingMonths. Only units in use are
 * offered. Refusals go beside the fields and the entries stay.
 */
export function AssignmentForm({ data }: { data: HandlingData }) {
  const { t } = useTranslation('handling');
  const repo = useRepo();
  const profile = useProfile();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form) ?? 'lead';
  const { busy, refusal, run } = useCommand();
  const options = data.units.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const suggested = data.proposal.suggestedUnitIds.map(data.unitName).filter((n) => n !== '—');

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const ok = await run(
      () =>
        assignProposal(repo, data.proposal.id, { role: profile.role, actorId: profile.actorId }, {
          mode: v.mode,
          ...(v.leadUnitId ? { leadUnitId: v.leadUnitId } : {}),
          coUnitIds: v.coUnitIds ?? [],
          splitUnitIds: v.splitUnitIds ?? [],
          deadline: toDateString(v.deadline),
        }),
      t('assign.done'),
      form,
      FIELDS,
    );
    if (ok) form.resetFields();
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ mode: 'lead', coUnitIds: [], splitUnitIds: [], deadline: fromDateString(handlingDeadline(data.now, data.settings)) }}
      onFinish={() => void submit()}
      data-testid="assign-form"
    >
      <Form.Item name="mode" label={t('assign.mode')} extra={mode === 'lead' ? t('assign.modeLeadHint') : t('assign.modeSplitHint')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'lead', label: t('assign.modeLead') },
            { value: 'split', label: t('assign.modeSplit') },
          ]}
        />
      </Form.Item>
      {suggested.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="assign-suggested">
          {t('page.suggestedUnits')}：{suggested.join('、')}
        </Typography.Paragraph>
      )}
      {mode === 'lead' ? (
        <>
          <Form.Item name="leadUnitId" label={t('assign.leadUnit')} required data-testid="assign-lead-item">
            <Select options={options} showSearch optionFilterProp="label" placeholder={t('assign.unitPlaceholder')} allowClear data-testid="assign-lead-unit" />
          </Form.Item>
          <Form.Item name="coUnitIds" label={t('assign.coUnits')} data-testid="assign-co-item">
            <Select mode="multiple" options={options} optionFilterProp="label" placeholder={t('assign.unitPlaceholder')} data-testid="assign-co-units" />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="splitUnitIds" label={t('assign.splitUnits')} required data-testid="assign-split-item">
          <Select mode="multiple" options={options} optionFilterProp="label" placeholder={t('assign.unitPlaceholder')} data-testid="assign-split-units" />
        </Form.Item>
      )}
      <Form.Item name="deadline" label={t('assign.deadline')} required extra={t('assign.deadlineHint', { months: data.settings.handlingMonths })} data-testid="assign-deadline-item">
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="assign-deadline" />
      </Form.Item>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="handling-refusal" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="assign-submit">
        {t('assign.submit')}
      </Button>
    </Form>
  );
}
