import { Alert, Button, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Consultation, HandlingAssignment } from '../../../shared/domain';
import { toCalendarDate, unitsOf } from '../../../shared/lifecycle';
import { useProfile, useRepo } from '../../app/session';
import { recordConsultation } from '../../data/handlingCommands';
import { DATE_FORMAT, fromDateString, toDateString } from './dates';
import type { HandlingData } from './useHandlingData';
import { useCommand } from './useCommand';

interface Values {
  unitId?: string;
  date: Dayjs | null;
  form?: Consultation['form'];
  notes?: string;
}

const FORMS: Consultation['form'][] = ['faceToFace', 'phone', 'meeting'];

/** 办前面商: which unit met the lead author, when, how (面谈 / 电话 / 座谈会), and what was said. */
export function ConsultationForm({ data, assignment }: { data: HandlingData; assignment: HandlingAssignment }) {
  const { t } = useTranslation('handling');
  const repo = useRepo();
  const profile = useProfile();
  const [form] = Form.useForm<Values>();
  const { busy, refusal, run } = useCommand();
  const units = unitsOf(assignment);

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const ok = await run(
      () =>
        recordConsultation(repo, data.proposal.id, { role: profile.role, actorId: profile.actorId }, {
          ...(v.unitId ? { unitId: v.unitId } : {}),
          date: toDateString(v.date),
          ...(v.form ? { form: v.form } : {}),
          notes: v.notes ?? '',
        }),
      t('consultation.done'),
      form,
      ['unitId', 'date', 'form', 'notes'],
    );
    if (ok) form.resetFields();
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ unitId: assignment.leadUnitId ?? units[0], date: fromDateString(toCalendarDate(data.now)) }}
      onFinish={() => void submit()}
      data-testid="consultation-form"
    >
      <Typography.Paragraph type="secondary">{t('consultation.hint', { days: data.settings.consultationWorkingDays })}</Typography.Paragraph>
      <Form.Item name="unitId" label={t('consultation.unit')} required>
        <Select options={units.map((u) => ({ value: u, label: data.unitName(u) }))} data-testid="consultation-unit" />
      </Form.Item>
      <Form.Item name="date" label={t('consultation.date')} required data-testid="consultation-date-item">
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="consultation-date" />
      </Form.Item>
      <Form.Item name="form" label={t('consultation.form')} required data-testid="consultation-form-item">
        <Radio.Group options={FORMS.map((f) => ({ value: f, label: t(`consultation.forms.${f}`) }))} />
      </Form.Item>
      <Form.Item name="notes" label={t('consultation.notes')}>
        <Input.TextArea autoSize={{ minRows: 3 }} placeholder={t('consultation.notesPlaceholder')} data-testid="consultation-notes" />
      </Form.Item>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="handling-refusal" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="consultation-submit">
        {t('consultation.submit')}
      </Button>
    </Form>
  );
}
