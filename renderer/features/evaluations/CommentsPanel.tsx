import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 意见建议 from the ballots: no names, in the tally's content-derived order. */
export function CommentsPanel({ comments }: { comments: readonly string[] }) {
  const { t } = useTranslation('evaluations');
  return (
    <Card size="small" title={t('comments.title')} extra={<Typography.Text type="secondary">{t('comments.note')}</Typography.Text>} data-testid="comments-panel">
      {comments.length === 0 ? (
        <Typography.Text type="secondary">{t('comments.empty')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {comments.map((text, i) => (
            <Typography.Paragraph key={i} style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }} data-testid="comment">
              {text}
            </Typography.Paragraph>
          ))}
        </Flex>
      )}
    </Card>
  );
}
