import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HandlingAssignment } from '../../../shared/domain';
import { deadlineStatus, daysLeft } from '../../../shared/handling';
import { currentDeadline, replyingUnitsOf, toCalendarDate } from '../../../shared/lifecycle';
import { DeadlineTag } from './DeadlineTag';
import { formatTime } from './dates';
import type { HandlingData } from './useHandlingData';

/** The live round: its units, when it was assigned, the deadline in force with its 督办 colour, who must still reply. */
export function CurrentAssignment({ data, assignment }: { data: HandlingData; assignment: HandlingAssignment }) {
  const { t } = useTranslation('handling');
  const deadline = currentDeadline(assignment);
  const today = toCalendarDate(data.now);
  const answered = new Set(data.roundReplies.map((r) => r.unitId));
  const awaiting = replyingUnitsOf(assignment).filter((u) => !answered.has(u));
  const handling = data.proposal.status === 'assigned' || data.proposal.status === 'rehandling';
  const names = (ids: readonly string[]) => ids.map(data.unitName).join('、') || '—';
  const items = [
    ...(assignment.mode === 'lead'
      ? [
          { key: 'lead', label: t('current.leadUnit'), children: data.unitName(assignment.leadUnitId) },
          ...(assignment.coUnitIds.length ? [{ key: 'co', label: t('current.coUnits'), children: names(assignment.coUnitIds) }] : []),
        ]
      : [{ key: 'split', label: t('current.splitUnits'), children: names(assignment.splitUnitIds) }]),
    { key: 'assignedAt', label: t('current.assignedAt'), children: formatTime(assignment.assignedAt) },
    {
      key: 'deadline',
      label: t('current.deadline'),
      children: (
        <span data-testid="current-deadline">
          {deadline}{' '}
          {handling && <DeadlineTag status={deadlineStatus(deadline, today, data.settings.nearDeadlineDays)} daysLeft={daysLeft(today, deadline)} nearDeadlineDays={data.settings.nearDeadlineDays} />}
        </span>
      ),
    },
    ...(handling
      ? [{ key: 'awaiting', label: t('current.awaiting'), children: awaiting.length ? names(awaiting) : t('current.allAnswered') }]
      : []),
  ];
  return (
    <Descriptions
      size="small"
      column={1}
      title={
        <>
          {t('current.title')} <Tag>{t('current.round', { round: assignment.round })}</Tag>
        </>
      }
      items={items}
      data-testid="current-assignment"
    />
  );
}
