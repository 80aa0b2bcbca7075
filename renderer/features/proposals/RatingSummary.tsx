import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReplyRating, Satisfaction } from '../../../shared/domain';
import { formatChinaDateTime } from '../../../shared/lifecycle';

export const SATISFACTION_COLORS: Record<Satisfaction, string> = { satisfied: 'green', basicallySatisfied: 'blue', unsatisfied: 'red' };

/** A 满意度测评 already given, read-only. */
export function RatingSummary({ rating }: { rating: ReplyRating }) {
  const { t } = useTranslation('proposals');
  const level = (value: Satisfaction | undefined) =>
    value ? <Tag color={SATISFACTION_COLORS[value]}>{t(`rating.satisfaction.${value}`)}</Tag> : <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 3 }}
      title={t('rating.title')}
      extra={<Typography.Text type="secondary">{t('rating.ratedOn', { time: formatChinaDateTime(rating.createdAt) })}</Typography.Text>}
      data-testid="rating-summary"
    >
      <Descriptions.Item label={t('rating.overall')}>
        <span data-testid="rating-summary-overall">{level(rating.overall)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('rating.handlingWork')}>{level(rating.handlingWork)}</Descriptions.Item>
      <Descriptions.Item label={t('rating.result')}>{level(rating.result)}</Descriptions.Item>
      {rating.comment && (
        <Descriptions.Item label={t('rating.comment')} span={3}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{rating.comment}</div>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
