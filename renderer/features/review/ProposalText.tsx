import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../app/router';
import { AttachmentList } from '../proposals/AttachmentList';
import { StatusTag } from '../proposals/StatusTag';
import { formatTime } from './format';
import type { ReviewData } from './useReviewData';

function Paragraphs({ text }: { text: string }) {
  return <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>{text || <Typography.Text type="secondary">—</Typography.Text>}</div>;
}

/** The submission as the committee reads it: 案由, people (with each co-signer's confirmation), text, attachments. */
export function ProposalText({ data }: { data: ReviewData }) {
  const { t } = useTranslation('review');
  const navigate = useRouter((s) => s.navigate);
  const { proposal: p } = data;
  const answerOf = (delegateId: string) => data.cosignatures.find((c) => c.delegateId === delegateId)?.status;
  const confirmed = p.invitedCosignerIds.filter((id) => answerOf(id) === 'confirmed').length;

  return (
    <Card
      title={
        <Space wrap>
          <Tag color="blue">{t(`common:kind.${p.kind}`)}</Tag>
          {/* A number only while the decision in force is 立案 (a conflicting decision may have replaced it). */}
          {p.number !== undefined && (!p.review || p.review.decision === 'accept') && <Tag color="green">{t('page.number', { number: p.number })}</Tag>}
          <span data-testid="review-title" style={{ whiteSpace: 'normal' }}>
            {p.title || t('page.untitled')}
          </span>
          <StatusTag status={p.status} />
        </Space>
      }
    >
      {data.mergedInto && (
        <Typography.Paragraph data-testid="merged-into">
          {t('page.mergedInto')}：
          <Typography.Link onClick={() => navigate({ name: 'review', id: data.mergedInto!.id })}>{data.mergedInto.title}</Typography.Link>
        </Typography.Paragraph>
      )}
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered style={{ marginBottom: 16 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('page.category')}>{data.categoryName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('page.meeting')}>{data.meeting?.name ?? t('page.recess')}</Descriptions.Item>
        <Descriptions.Item label={t('page.lead')}>{data.lead?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('page.delegation')}>{data.delegationName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('page.submittedAt')}>{formatTime(p.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('page.receivedAt')}>{formatTime(p.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('page.units')} span={2}>
          {data.unitNames.join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('page.cosigners')} span={2}>
          {data.cosigners.length === 0 ? (
            '—'
          ) : (
            <Space size={[4, 4]} wrap data-testid="review-cosigners">
              <Typography.Text type="secondary">{t('page.cosignersCount', { confirmed, invited: p.invitedCosignerIds.length })}</Typography.Text>
              {data.cosigners.map((d) => {
                const answer = answerOf(d.id);
                return (
                  <Tag key={d.id} color={answer === 'confirmed' ? 'green' : answer === 'declined' ? 'red' : 'default'}>
                    {d.name} · {t(`page.${answer ?? 'pending'}`)}
                  </Tag>
                );
              })}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('page.background')}</Typography.Title>
      <Paragraphs text={p.background} />
      <Typography.Title level={5}>{t('page.recommendations')}</Typography.Title>
      <Paragraphs text={p.recommendations} />
      <Typography.Title level={5}>{t('page.attachments')}</Typography.Title>
      <AttachmentList proposalId={p.id} canRemove={false} />
    </Card>
  );
}
