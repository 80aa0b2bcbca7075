import { Alert, Button, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { HandlingAssignment } from '../../../shared/domain';
import { addMonths, currentDeadline } from '../../../shared/lifecycle';
import { useProfile, useRepo } from '../../app/session';
import { extendHandlingDeadline } from '../../data/handlingCommands';
import { DATE_FORMAT, fromDateString, toDateString } from './dates';
import type { HandlingData } from './useHandlingData';
import { useCommand } from './useCommand';

interface Values {
  newDeadline: Dayjs | null;
  reason?: string;
}

/** 延期: a later deadline (prefilled one month after the one in force) and the reason, which is required. */
export function ExtensionForm({ data, assignment }: { data: HandlingData; assignment: HandlingAssignment }) {
  const { t } = useTranslation('handling');
  const repo = useRepo();
  const profile = useProfile();
  const [form] = Form.useForm<Values>();
  const { busy, refusal, run } = useCommand();
  const deadline = currentDeadline(assignment);

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const newDeadline = toDateString(v.newDeadline);
    const ok = await run(
      () => extendHandlingDeadline(repo, data.proposal.id, { role: profile.role, actorId: profile.actorId }, { newDeadline, reason: v.reason ?? '' }),
      t('extend.done', { deadline: newDeadline }),
      form,
      ['newDeadline', 'reason'],
    );
    if (ok) form.resetFields();
  };

  return (
    <Form
      // A new deadline in force gives the form a new default.
      key={deadline}
      form={form}
      layout="vertical"
      initialValues={{ newDeadline: fromDateString(addMonths(deadline, 1)) }}
      onFinish={() => void submit()}
      data-testid="extension-form"
    >
      <Typography.Paragraph data-testid="extension-current">{t('extend.current', { deadline })}</Typography.Paragraph>
      <Form.Item name="newDeadline" label={t('extend.newDeadline')} required data-testid="extension-deadline-item">
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="extension-deadline" />
      </Form.Item>
      <Form.Item name="reason" label={t('extend.reason')} required data-testid="extension-reason-item">
        <Input.TextArea autoSize={{ minRows: 2 }} placeholder={t('extend.reasonPlaceholder')} data-testid="extension-reason" />
      </Form.Item>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="handling-refusal" />}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="extension-submit">
        {t('extend.submit')}
      </Button>
    </Form>
  );
}
