import { useEffect, useState } from 'react';
import { Button, Card, Empty, Flex, List, Spin, Tag, Tooltip, Typography } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../shared/domain';
import { useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { MERGE_TARGET_STATUSES } from '../../data/reviewQueries';
import { findSimilarProposals, type SimilarProposal } from '../../data/similarProposals';
import { StatusTag } from '../proposals/StatusTag';
import { formatTime } from './format';

const SHOWN = 6;

/**
 * 相似提案 at review: the most similar proposals of every year and kind, with their score, each linkable, and
 * "并入此案" to pick one as the merge target — so that a merge is deliberate.
 */
export function SimilarPanel({
  proposal,
  excludeIds,
  mergeAllowed,
  onMergeInto,
}: {
  proposal: Proposal;
  /** Already merged into this one: listed under 并入本案的提案 instead */
  excludeIds: string[];
  /** 并案 is possible now (the office, before a decision): offer "并入此案" */
  mergeAllowed: boolean;
  onMergeInto: (targetId: string) => void;
}) {
  const { t } = useTranslation('review');
  const repo = useRepo();
  const navigate = useRouter((s) => s.navigate);
  const [found, setFound] = useState<SimilarProposal[] | undefined>();
  const excludeKey = excludeIds.join(',');
  const { id, title, background, recommendations } = proposal;

  useEffect(() => {
    let current = true;
    findSimilarProposals(repo.db, { id, title, background, recommendations }, { limit: SHOWN, excludeIds: excludeKey ? excludeKey.split(',') : [] })
      .then((result) => current && setFound(result))
      .catch(() => current && setFound([]));
    return () => {
      current = false;
    };
  }, [repo, id, title, background, recommendations, excludeKey]);

  return (
    <Card size="small" title={t('similar.title')} data-testid="review-similar">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
        {t('similar.hint')}
      </Typography.Paragraph>
      {found === undefined ? (
        <Spin size="small" />
      ) : found.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('similar.empty')} />
      ) : (
        <List
          size="small"
          dataSource={found}
          renderItem={({ proposal: s, score, sharedTerms }) => {
            const targetable = MERGE_TARGET_STATUSES.includes(s.status);
            return (
              <List.Item key={s.id} data-testid="review-similar-item" style={{ paddingInline: 0 }}>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex justify="space-between" gap={8} align="start">
                    <Typography.Link onClick={() => navigate({ name: 'review', id: s.id })}>{s.title}</Typography.Link>
                    <Tag color={score >= 0.4 ? 'volcano' : 'default'} style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}>
                      {t('similar.score', { score: Math.round(score * 100) })}
                    </Tag>
                  </Flex>
                  <Flex gap={4} wrap align="center">
                    <Tag color="blue">{t(`common:kind.${s.kind}`)}</Tag>
                    {s.number !== undefined && <Tag>{t('page.number', { number: s.number })}</Tag>}
                    <StatusTag status={s.status} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatTime(s.submittedAt ?? s.createdAt).slice(0, 4)}
                    </Typography.Text>
                    {mergeAllowed && (
                      <Tooltip title={targetable ? undefined : t('similar.notTargetable', { status: t(`common:status.${s.status}`) })}>
                        <Button
                          size="small"
                          type="link"
                          icon={<MergeCellsOutlined />}
                          disabled={!targetable}
                          onClick={() => onMergeInto(s.id)}
                          data-testid="merge-into-this"
                          style={{ marginInlineStart: 'auto' }}
                        >
                          {t('similar.mergeHere')}
                        </Button>
                      </Tooltip>
                    )}
                  </Flex>
                  {sharedTerms.length > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('similar.shared', { terms: sharedTerms.slice(0, 5).join('、') })}
                    </Typography.Text>
                  )}
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
