import { useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Space, Steps, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CATEGORIES } from '../../../shared/domain';
import { useRepo, useSession } from '../../app/session';
import { createCongress, type NewMeetingInput } from '../../data/congressSetup';
import { RosterImportPanel } from './RosterImportPanel';
import type { LoadedRoster } from './rosterFile';
import { errorText } from './errorText';

interface CreateCongressForm {
  name: string;
  term: number;
  region?: string;
  staffName: string;
  withMeeting?: boolean;
  meetingName?: string;
  meetingSession?: number;
  meetingDates?: [Dayjs, Dayjs];
  meetingDeadline?: Dayjs;
  categories: string[];
  units?: string;
}

/** Fields checked before leaving each step; the roster and confirm steps have none. */
const STEP_FIELDS: (keyof CreateCongressForm)[][] = [
  ['name', 'term', 'region', 'staffName', 'meetingName', 'meetingSession', 'meetingDates', 'meetingDeadline'],
  ['categories', 'units'],
  [],
  [],
];

function unitLines(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(/[\r\n]+/).map((line) => line.trim()).filter(Boolean))];
}

function meetingOf(values: CreateCongressForm): NewMeetingInput | undefined {
  if (!values.withMeeting || !values.meetingName || !values.meetingSession || !values.meetingDates || !values.meetingDeadline) return undefined;
  return {
    name: values.meetingName.trim(),
    session: values.meetingSession,
    startDate: values.meetingDates[0].format('YYYY-MM-DD'),
    endDate: values.meetingDates[1].format('YYYY-MM-DD'),
    proposalDeadline: values.meetingDeadline.toDate().toISOString(),
  };
}

/**
 * 创建党代会: four steps in one form. Every step stays mounted (only hidden), so going back and forth or a
 * failed save never loses what the office typed.
 */
export function CreateCongressFlow({ onBusyChange }: { onBusyChange(busy: boolean): void }) {
  const { t } = useTranslation('onboarding');
  const { message } = App.useApp();
  const repo = useRepo();
  const completeOnboarding = useSession((s) => s.completeOnboarding);
  const [form] = Form.useForm<CreateCongressForm>();
  const [step, setStep] = useState(0);
  const [roster, setRoster] = useState<LoadedRoster | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const withMeeting = Form.useWatch('withMeeting', form);

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[step] ?? [], { recursive: true });
      setStep((s) => s + 1);
    } catch {
      // antd shows the messages beside the fields.
    }
  };

  const submit = async () => {
    const values = form.getFieldsValue(true) as CreateCongressForm;
    setSaving(true);
    setFailure(null);
    onBusyChange(true);
    try {
      const staffName = values.staffName.trim();
      const { congressId, staffId } = await createCongress(repo, {
        name: values.name,
        term: values.term,
        region: values.region,
        staffName,
        categories: values.categories ?? [],
        handlingUnits: unitLines(values.units),
        roster: roster && roster.result.delegates.length > 0 ? roster.result : null,
        meeting: meetingOf(values),
      });
      await completeOnboarding({ role: 'office', actorId: staffId, actorName: staffName, congressId });
    } catch (error) {
      const text = t('create.failed', { message: errorText(error, t) });
      setFailure(text);
      message.error(text);
      setSaving(false);
      onBusyChange(false);
    }
  };

  const stepTitles = [t('create.steps.basics'), t('create.steps.lists'), t('create.steps.roster'), t('create.steps.confirm')];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Steps current={step} items={stepTitles.map((title) => ({ title }))} />
      <Form<CreateCongressForm>
        form={form}
        layout="vertical"
        initialValues={{ categories: [...DEFAULT_CATEGORIES], withMeeting: false }}
        requiredMark="optional"
        style={{ maxWidth: 760 }}
      >
        <div hidden={step !== 0}>
          <Form.Item name="name" label={t('create.name')} rules={[{ required: true, whitespace: true, message: t('create.nameRequired') }]}>
            <Input placeholder={t('create.namePlaceholder')} maxLength={200} data-testid="create-name" />
          </Form.Item>
          <Space size="large" wrap align="start">
            <Form.Item name="term" label={t('create.term')} rules={[{ required: true, type: 'integer', min: 1, max: 99, message: t('create.termRequired') }]}>
              <InputNumber min={1} max={99} precision={0} placeholder="15" suffix={t('create.termSuffix')} style={{ width: 140 }} data-testid="create-term" />
            </Form.Item>
            <Form.Item name="region" label={t('create.region')}>
              <Input placeholder={t('create.regionPlaceholder')} maxLength={200} style={{ width: 240 }} data-testid="create-region" />
            </Form.Item>
          </Space>
          <Form.Item name="staffName" label={t('create.staffName')} rules={[{ required: true, whitespace: true, message: t('create.staffNameRequired') }]}>
            <Input maxLength={200} style={{ maxWidth: 320 }} data-testid="create-staff-name" />
          </Form.Item>
          <Form.Item name="withMeeting" valuePropName="checked" extra={t('create.withMeetingHint')}>
            <Checkbox data-testid="create-with-meeting">{t('create.withMeeting')}</Checkbox>
          </Form.Item>
          {withMeeting && (
            <div style={{ paddingLeft: 24, borderLeft: '3px solid #f0f0f0' }}>
              <Space size="large" wrap align="start">
                <Form.Item name="meetingName" label={t('create.meetingName')} rules={[{ required: true, whitespace: true, message: t('create.meetingNameRequired') }]}>
                  <Input placeholder={t('create.meetingNamePlaceholder')} maxLength={200} style={{ width: 260 }} />
                </Form.Item>
                <Form.Item name="meetingSession" label={t('create.meetingSession')} rules={[{ required: true, message: t('create.meetingSessionRequired') }]}>
                  <InputNumber min={1} max={20} precision={0} placeholder="3" style={{ width: 120 }} />
                </Form.Item>
              </Space>
              <Space size="large" wrap align="start">
                <Form.Item name="meetingDates" label={t('create.meetingDates')} rules={[{ required: true, message: t('create.meetingDatesRequired') }]}>
                  <DatePicker.RangePicker />
                </Form.Item>
                <Form.Item name="meetingDeadline" label={t('create.meetingDeadline')} rules={[{ required: true, message: t('create.meetingDeadlineRequired') }]}>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
                </Form.Item>
              </Space>
            </div>
          )}
        </div>

        <div hidden={step !== 1}>
          <Form.Item label={t('create.categories')} extra={t('create.categoriesHint')} required>
            <Form.List
              name="categories"
              rules={[{ validator: async (_, names?: string[]) => (names && names.length > 0 ? undefined : Promise.reject(new Error(t('create.categoriesRequired')))) }]}
            >
              {(fields, { add, remove }, { errors }) => (
                <Space orientation="vertical" style={{ width: '100%', maxWidth: 420 }}>
                  {fields.map((field, index) => (
                    <Space key={field.key} align="baseline">
                      <Typography.Text type="secondary" style={{ width: 20, display: 'inline-block', textAlign: 'right' }}>
                        {index + 1}
                      </Typography.Text>
                      <Form.Item name={field.name} noStyle rules={[{ required: true, whitespace: true, message: t('create.categoryRequired') }]}>
                        <Input maxLength={200} style={{ width: 300 }} data-testid={`create-category-${index}`} />
                      </Form.Item>
                      <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common:delete')} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} style={{ width: 300, marginLeft: 28 }}>
                    {t('create.addCategory')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </Space>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="units" label={t('create.units')} extra={<UnitsCount />}>
            <Input.TextArea rows={8} placeholder={t('create.unitsPlaceholder')} style={{ maxWidth: 420 }} data-testid="create-units" />
          </Form.Item>
        </div>

        <div hidden={step !== 2}>
          <Typography.Paragraph type="secondary">{t('create.rosterHint')}</Typography.Paragraph>
          <RosterImportPanel existing={EMPTY_ROSTER} value={roster} onChange={setRoster} />
        </div>

        {step === 3 && <Summary values={form.getFieldsValue(true) as CreateCongressForm} roster={roster} />}
      </Form>

      {failure && <Alert type="error" showIcon title={failure} data-testid="create-error" />}

      <Space>
        {step > 0 && (
          <Button onClick={() => setStep((s) => s - 1)} disabled={saving} data-testid="create-previous">
            {t('previous')}
          </Button>
        )}
        {step === 2 && (
          <Button
            onClick={() => {
              setRoster(null);
              setStep(3);
            }}
            data-testid="roster-skip"
          >
            {t('create.skipRoster')}
          </Button>
        )}
        {step < 3 ? (
          <Button type="primary" onClick={() => void next()} data-testid="create-next">
            {step === 2 && roster && roster.result.delegates.length > 0 ? t('create.nextWithRoster', { count: roster.result.delegates.length }) : t('next')}
          </Button>
        ) : (
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="create-submit">
            {saving ? t('create.creating') : t('create.submit')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

const EMPTY_ROSTER = {};

function UnitsCount() {
  const { t } = useTranslation('onboarding');
  const units = Form.useWatch<string | undefined>('units');
  const count = unitLines(units).length;
  return (
    <>
      {t('create.unitsHint')}
      {count > 0 && <> {t('create.unitsCount', { count })}</>}
    </>
  );
}

function Summary({ values, roster }: { values: CreateCongressForm; roster: LoadedRoster | null }) {
  const { t } = useTranslation('onboarding');
  const meeting = meetingOf(values);
  const good = roster?.result.delegates.length ?? 0;
  const badRows = roster ? new Set(roster.result.errors.map((e) => e.row)).size : 0;
  const items = [
    { key: 'name', label: t('create.name'), children: values.name },
    { key: 'term', label: t('create.term'), children: values.term },
    { key: 'region', label: t('create.region'), children: values.region || '—' },
    { key: 'staff', label: t('create.staffName'), children: values.staffName },
    {
      key: 'meeting',
      label: t('create.meetingName'),
      children: meeting ? `${meeting.name}（${meeting.startDate} – ${meeting.endDate}）` : t('create.meetingNone'),
    },
    { key: 'categories', label: t('create.categories'), children: `${t('create.categoriesSummary', { count: values.categories?.length ?? 0 })}：${(values.categories ?? []).join('、')}` },
    { key: 'units', label: t('create.units'), children: t('create.unitsSummary', { count: unitLines(values.units).length }) },
    {
      key: 'roster',
      label: t('create.steps.roster'),
      children:
        good > 0 ? (
          <span data-testid="create-summary-roster">
            {t('create.rosterSummary', { count: good })}
            {badRows > 0 && <Typography.Text type="warning">（{t('create.rosterSkipped', { count: badRows })}）</Typography.Text>}
          </span>
        ) : (
          t('create.rosterNone')
        ),
    },
  ];
  return <Descriptions title={t('create.summary')} column={1} bordered size="small" items={items} style={{ maxWidth: 760 }} />;
}
