import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationRound } from '../../../shared/domain';
import type { VotingState } from '../../../shared/evaluations';

const STATUS_COLORS: Record<EvaluationRound['status'], string> = { draft: 'default', open: 'processing', closed: 'orange', published: 'green' };

export function RoundStatusTag({ status }: { status: EvaluationRound['status'] }) {
  const { t } = useTranslation('evaluations');
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="round-status">
      {t(`status.${status}`)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: EvaluationRound['kind'] }) {
  const { t } = useTranslation('evaluations');
  return <Tag color="red">{t(`kind.${kind}`)}</Tag>;
}

const VOTING_COLORS: Record<VotingState['state'], string> = { notOpen: 'default', open: 'processing', closed: 'orange' };

export function VotingTag({ voting }: { voting: VotingState }) {
  const { t } = useTranslation('evaluations');
  return (
    <Tag color={VOTING_COLORS[voting.state]} data-testid="voting-state">
      {t(`voting.${voting.state}`)}
    </Tag>
  );
}
