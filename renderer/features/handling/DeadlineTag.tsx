import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineStatus } from '../../../shared/handling';

/** 督办 colours: green 按期, yellow due soon, red overdue. */
export const DEADLINE_COLORS: Readonly<Record<DeadlineStatus, { tag: string; row: string; border: string }>> = {
  onTime: { tag: 'success', row: '#f6ffed', border: '#52c41a' },
  dueSoon: { tag: 'warning', row: '#fffbe6', border: '#faad14' },
  overdue: { tag: 'error', row: '#fff1f0', border: '#ff4d4f' },
};

/** The deadline status with the days left ("剩 12 天", "今天到期", "超期 3 天"). */
export function DeadlineTag({ status, daysLeft, nearDeadlineDays }: { status: DeadlineStatus; daysLeft: number; nearDeadlineDays: number }) {
  const { t } = useTranslation('handling');
  const days =
    daysLeft < 0 ? t('deadline.overdueBy', { count: -daysLeft }) : daysLeft === 0 ? t('deadline.dueToday') : t('deadline.daysLeft', { count: daysLeft });
  return (
    <Tag color={DEADLINE_COLORS[status].tag} data-testid="deadline-tag" data-status={status}>
      {t(`deadline.${status}`, { days: nearDeadlineDays })} · {days}
    </Tag>
  );
}
