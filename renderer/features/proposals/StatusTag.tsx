import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from '../../../shared/domain';

const COLORS: Record<ProposalStatus, string> = {
  draft: 'default', collecting: 'purple', submitted: 'cyan', received: 'geekblue', inReview: 'blue',
  accepted: 'green', merged: 'lime', rejected: 'red', assigned: 'orange', replied: 'gold', rehandling: 'volcano',
  closed: 'success', withdrawn: 'default',
};

export function StatusTag({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="status-tag">
      {status === 'submitted' ? t('proposals:waitingSync') : t(`status.${status}`)}
    </Tag>
  );
}
