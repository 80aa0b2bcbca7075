import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AnnualMeeting } from '../../../shared/domain';
import { addDays, toCalendarDate } from '../../../shared/lifecycle';
import { chinaWallClockToIso, chineseNumeral, suggestedMeetingName } from '../../../shared/meetings';
import { useProfile, useRepo } from '../../app/session';
import { saveMeeting } from '../../data/meetingCommands';
import { useCommand } from '../handling/useCommand';
import { DATE_FORMAT, DATE_TIME_FORMAT, dayOf, instantOf, pickerDay, pickerInstant } from './pickers';

interface Values {
  session?: number | null;
  name?: string;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  proposalDeadline?: Dayjs | null;
}

const FIELDS = ['session', 'name', 'startDate', 'endDate', 'proposalDeadline'];

/** A new meeting's suggestions: the next session, its usual name, a month from today, motions due on day two at noon. */
function defaults(term: number, nextSession: number): Pick<AnnualMeeting, 'session' | 'name' | 'startDate' | 'endDate' | 'proposalDeadline'> {
  const startDate = addDays(toCalendarDate(new Date()), 30);
  return {
    session: nextSession,
    name: suggestedMeetingName(term, nextSession),
    startDate,
    endDate: addDays(startDate, 2),
    proposalDeadline: chinaWallClockToIso(`${addDays(startDate, 1)} 12:00`)!,
  };
}

/**
 * 新建 / 编辑年会 (office): session, name, dates and the 提案截止时间 in 北京时间. Problems show beside the fields and
 * the dialog keeps what was typed.
 */
export function MeetingFormModal({ meeting, term, nextSession, onClose }: { meeting?: AnnualMeeting; term: number; nextSession: number; onClose: (saved?: AnnualMeeting) => void }) {
  const { t } = useTranslation('meetings');
  const repo = useRepo();
  const profile = useProfile();
  const [form] = Form.useForm<Values>();
  const { busy, refusal, run } = useCommand();
  const [initial] = useState(() => meeting ?? defaults(term, nextSession));

  const save = async () => {
    const v = form.getFieldsValue(true) as Values;
    let saved: AnnualMeeting | undefined;
    const ok = await run(
      async () => {
        saved = await saveMeeting(repo, { role: profile.role, actorId: profile.actorId }, {
          ...(meeting ? { id: meeting.id } : {}),
          session: v.session ?? null,
          name: v.name ?? '',
          startDate: dayOf(v.startDate),
          endDate: dayOf(v.endDate),
          proposalDeadline: instantOf(v.proposalDeadline),
        });
      },
      t('form.saved'),
      form,
      FIELDS,
    );
    if (ok) onClose(saved);
  };

  return (
    <Modal
      open
      title={meeting ? t('form.editTitle') : t('form.addTitle')}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          session: initial.session,
          name: initial.name,
          startDate: pickerDay(initial.startDate),
          endDate: pickerDay(initial.endDate),
          proposalDeadline: pickerInstant(initial.proposalDeadline),
        }}
        data-testid="meeting-form"
      >
        <Form.Item name="session" label={t('form.session')} required extra={t('form.sessionHint', { term: chineseNumeral(term) })} data-testid="meeting-session-item">
          <InputNumber min={1} max={20} precision={0} style={{ width: 160 }} data-testid="meeting-session" />
        </Form.Item>
        <Form.Item name="name" label={t('form.name')} required data-testid="meeting-name-item">
          <Input maxLength={200} data-testid="meeting-name" />
        </Form.Item>
        <Form.Item name="startDate" label={t('form.startDate')} required data-testid="meeting-start-item">
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="meeting-start" />
        </Form.Item>
        <Form.Item name="endDate" label={t('form.endDate')} required data-testid="meeting-end-item">
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="meeting-end" />
        </Form.Item>
        <Form.Item name="proposalDeadline" label={t('form.proposalDeadline')} required extra={t('form.proposalDeadlineHint')} data-testid="meeting-deadline-item">
          <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} style={{ width: '100%' }} data-testid="meeting-deadline" />
        </Form.Item>
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="meeting-refusal" />}
      </Form>
    </Modal>
  );
}
