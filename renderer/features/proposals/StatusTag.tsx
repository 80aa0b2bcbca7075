import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from '../../../shared/domain';

const COLORS: Record<ProposalStatus, string> = {
  draft: 'default', collecting: 'purple', submitted: 'cyan', received: 'geekblue', inReview: 'blue',
  accepted: 'green', merged: 'lime', rejected: 'red', assigned: 'orange', replied: 'gold', rehandling: 'volcano',
  closed: 'success', withdrawn: 'default',
};

/** A submitted proposal reads "已提交，等待同步" until its submission has been written to a sync folder. */
export function StatusTag({ status, waitingSync = false }: { status: ProposalStatus; waitingSync?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="status-tag">
      {status === 'submitted' && waitingSync ? t('proposals:waitingSync') : t(`status.${status}`)}
    </Tag>
  );
}
