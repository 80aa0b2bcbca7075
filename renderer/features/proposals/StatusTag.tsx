import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ProposalStatus } from '../../../shared/domain';

const COLORS: Record<ProposalStatus, string> = {
  draft: 'default', collecting: 'purple', submitted: 'cyan', received: 'geekblue', inReview: 'blue',
  accepted: 'green', merged: 'lime', rejected: 'red', assigned: 'orange', replied: 'gold', rehandling: 'volcano',
  closed: 'success', withdrawn: 'default',
};

/** A submitted proposal reads "已提交，等待同步" until its submission has been written to a sync folder. */
export function StatusTag({ status, waitingSync = false }: { status: ProposalStatus; waitingSync?: boolean }) {
  const { t } = useTranslation();
  return <StatusTagWith t={t} status={status} waitingSync={waitingSync} />;
}

/**
 * The same tag with the caller's translation function: a list row mounts dozens of these a frame while scrolling,
 * and a translation hook of its own each was a measurable part of the frame (bench:ui CPU profile).
 */
export function StatusTagWith({ t, status, waitingSync }: { t: TFunction; status: ProposalStatus; waitingSync: boolean }) {
  return (
    <Tag color={COLORS[status]} data-testid="status-tag">
      {status === 'submitted' && waitingSync ? t('proposals:waitingSync') : t(`common:status.${status}`)}
    </Tag>
  );
}
