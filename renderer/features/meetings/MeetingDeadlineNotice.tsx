import { Alert } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { ProposalKind } from '../../../shared/domain';
import { formatDeadline, proposalWindow } from '../../../shared/meetings';
import { useRepo } from '../../app/session';
import { useNow } from './useNow';

const HOUR_MS = 3600_000;

/**
 * Beside the proposal editor: for a 提案 filed for an annual meeting, says when the meeting's 提案截止时间 is and
 * that after it a new item is a recess 提议 / 意见建议 — before the delegate submits, not only in the refusal.
 * Shows nothing for recess items or without a meeting. Mount it under the kind and meeting pickers:
 * `<MeetingDeadlineNotice kind={fields.kind} meetingId={fields.meetingId} />`.
 */
export function MeetingDeadlineNotice({ kind, meetingId }: { kind: ProposalKind; meetingId?: string | undefined }) {
  const { t } = useTranslation('meetings');
  const repo = useRepo();
  const now = useNow();
  const meeting = useLiveQuery(async () => (meetingId ? ((await repo.db.annualMeeting.get(meetingId)) ?? null) : null), [repo, meetingId]);
  if (kind !== 'motion' || !meeting || meeting.deletedAt) return null;

  const window = proposalWindow(meeting, now);
  const values = { meeting: meeting.name, deadline: formatDeadline(window.deadline) };
  const left = (ms: number) => {
    const days = Math.floor(ms / (24 * HOUR_MS));
    const hours = Math.floor((ms % (24 * HOUR_MS)) / HOUR_MS);
    const minutes = Math.floor((ms % HOUR_MS) / 60_000);
    if (days > 0) return t('deadlineNotice.days', { days, hours });
    if (hours > 0) return t('deadlineNotice.hours', { hours, minutes });
    return t('deadlineNotice.minutes', { minutes: Math.max(minutes, 1) });
  };
  const text =
    window.state === 'passed'
      ? t('deadlineNotice.passed', values)
      : t(`deadlineNotice.${window.state}`, { ...values, left: left(window.msLeft) });
  const type = window.state === 'passed' ? 'error' : window.state === 'closingSoon' ? 'warning' : 'info';
  return <Alert type={type} showIcon title={text} style={{ marginBottom: 16 }} data-testid="meeting-deadline-notice" data-state={window.state} />;
}
