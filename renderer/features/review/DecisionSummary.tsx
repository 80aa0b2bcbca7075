import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CongressSettings, ReviewDecision } from '../../../shared/domain';
import type { DecisionOutcome } from '../../data/decisionConflicts';

const COLORS: Record<DecisionOutcome['decision'], string> = { accept: 'green', merge: 'lime', convert: 'cyan', reject: 'red' };

/** One review decision in a line: 立案 第3号 / 并案 → 《…》 / 转为意见建议 / 不予立案 · 涉及个人私事. */
export function DecisionSummary({
  outcome,
  review,
  settings,
  targetTitle,
}: {
  outcome: DecisionOutcome;
  review: ReviewDecision;
  settings: CongressSettings;
  targetTitle?: string;
}) {
  const { t } = useTranslation('review');
  const reason = outcome.reasonCode ? (settings.rejectionReasons.find((r) => r.code === outcome.reasonCode)?.label ?? outcome.reasonCode) : undefined;
  return (
    <Space size={6} wrap>
      <Tag color={COLORS[outcome.decision]} style={{ marginInlineEnd: 0 }}>
        {t(`decision.action.${outcome.decision}`)}
        {outcome.number !== undefined && ` ${t('page.number', { number: outcome.number })}`}
      </Tag>
      {outcome.decision === 'merge' && <Typography.Text>→ 《{targetTitle ?? outcome.mergedIntoId}》</Typography.Text>}
      {reason && <Typography.Text>{reason}</Typography.Text>}
      {review.reasonText && <Typography.Text type="secondary">{review.reasonText}</Typography.Text>}
    </Space>
  );
}
