import { Alert, Button, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandlingAssignment } from '../../../shared/domain';
import { returnWindowEnd, unitsOf } from '../../../shared/lifecycle';
import { useProfile, useRepo } from '../../app/session';
import { returnAssignment } from '../../data/handlingCommands';
import type { HandlingData } from './useHandlingData';
import { useCommand } from './useCommand';
import { useWhy } from './useWhy';

interface Values {
  unitId?: string;
  reason?: string;
}

/**
 * 退回: a unit on the assignment sends it back as not theirs, within settings.returnWindowWorkingDays working days.
 * Outside the window (or once returned) the state machine's reason is shown and the form is closed.
 */
export function ReturnForm({ data, assignment }: { data: HandlingData; assignment: HandlingAssignment }) {
  const { t } = useTranslation('handling');
  const repo = useRepo();
  const profile = useProfile();
  const why = useWhy();
  const [form] = Form.useForm<Values>();
  const { busy, refusal, run } = useCommand();
  const available = data.available.get('returnAssignment');
  const units = unitsOf(assignment);

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const ok = await run(
      () => returnAssignment(repo, data.proposal.id, { role: profile.role, actorId: profile.actorId }, { ...(v.unitId ? { unitId: v.unitId } : {}), reason: v.reason ?? '' }),
      t('return.done'),
      form,
      ['unitId', 'reason'],
    );
    if (ok) form.resetFields();
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ unitId: assignment.leadUnitId ?? units[0] }} onFinish={() => void submit()} data-testid="return-form">
      <Typography.Paragraph type="secondary" data-testid="return-window">
        {t('return.window', { days: data.settings.returnWindowWorkingDays, date: returnWindowEnd(assignment, data.settings) })}
      </Typography.Paragraph>
      {available && !available.allowed && (
        <Alert type="warning" showIcon title={t('return.unavailable', { reason: why(available) })} style={{ marginBottom: 12 }} data-testid="return-unavailable" />
      )}
      <Form.Item name="unitId" label={t('return.unit')} required data-testid="return-unit-item">
        <Select options={units.map((u) => ({ value: u, label: data.unitName(u) }))} disabled={!available?.allowed} data-testid="return-unit" />
      </Form.Item>
      <Form.Item name="reason" label={t('return.reason')} required data-testid="return-reason-item">
        <Input.TextArea autoSize={{ minRows: 2 }} placeholder={t('return.reasonPlaceholder')} disabled={!available?.allowed} data-testid="return-reason" />
      </Form.Item>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="handling-refusal" />}
      <Button danger htmlType="submit" loading={busy} disabled={!available?.allowed} data-testid="return-submit">
        {t('return.submit')}
      </Button>
    </Form>
  );
}
