import { useEffect, useState, type CSSProperties } from 'react';
import { Card, Empty, Flex, Progress, Spin, Tag, Tooltip, Typography } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { searchableText } from '../../../shared/search/tokenize';
import { useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { findSimilarProposals, type SimilarProposal, type SimilarityDraft } from '../../data/similarProposals';
import { StatusTag } from '../proposals/StatusTag';
import { useDebouncedValue } from './useDebouncedValue';

/** Fewer characters than this say too little about a subject to compare on. */
export const MIN_DRAFT_CHARS = 8;
/** Wait this long after the last keystroke: the search reads the index, so not on every key. */
export const SIMILAR_DEBOUNCE_MS = 800;
const SHOWN = 5;
/** From about here two texts share most of their distinctive words: the bar turns to the warning colour. */
const LIKELY_DUPLICATE = 0.4;

type SearchState =
  | { kind: 'tooShort' }
  | { kind: 'searching'; previous: SimilarProposal[] }
  | { kind: 'done'; found: SimilarProposal[] }
  | { kind: 'failed'; message: string };

/** Characters that carry meaning (no spaces or punctuation) across the three fields. */
function meaningfulLength(draft: SimilarityDraft): number {
  return Array.from(searchableText(`${draft.title} ${draft.background} ${draft.recommendations}`).replace(/ /g, '')).length;
}

function yearOf(p: SimilarProposal['proposal']): number {
  return new Date(p.submittedAt ?? p.createdAt).getFullYear();
}

/**
 * 相似提案: earlier proposals (any year, kind and state) that read like the draft, so a delegate can co-sign an
 * existing one instead of filing a duplicate. Looks again ~0.8 s after the draft text stops changing.
 */
export function SimilarProposals({
  draft,
  debounceMs = SIMILAR_DEBOUNCE_MS,
  style,
}: {
  draft: SimilarityDraft;
  debounceMs?: number;
  style?: CSSProperties;
}) {
  const { t } = useTranslation('similar');
  const repo = useRepo();
  const navigate = useRouter((s) => s.navigate);
  // One string for the four fields, so an equal draft in a new object does not restart the wait.
  const key = useDebouncedValue(JSON.stringify([draft.id ?? null, draft.title, draft.background, draft.recommendations]), debounceMs);
  const [state, setState] = useState<SearchState>({ kind: 'tooShort' });

  useEffect(() => {
    const [id, title, background, recommendations] = JSON.parse(key) as [string | null, string, string, string];
    const settled: SimilarityDraft = { ...(id ? { id } : {}), title, background, recommendations };
    if (meaningfulLength(settled) < MIN_DRAFT_CHARS) {
      setState({ kind: 'tooShort' });
      return;
    }
    let current = true;
    setState((s) => ({ kind: 'searching', previous: s.kind === 'done' ? s.found : s.kind === 'searching' ? s.previous : [] }));
    findSimilarProposals(repo.db, settled, { limit: SHOWN })
      .then((found) => current && setState({ kind: 'done', found }))
      .catch((error: unknown) => current && setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      current = false;
    };
  }, [key, repo]);

  const shown = state.kind === 'done' ? state.found : state.kind === 'searching' ? state.previous : [];
  return (
    <Card
      size="small"
      style={style}
      data-testid="similar-proposals"
      title={
        <Flex gap={8} align="center">
          <FileSearchOutlined />
          {t('title')}
        </Flex>
      }
      extra={state.kind === 'searching' && <Spin size="small" aria-label={t('searching')} />}
    >
      {state.kind === 'tooShort' && <Typography.Text type="secondary">{t('tooShort', { min: MIN_DRAFT_CHARS })}</Typography.Text>}
      {state.kind === 'failed' && <Typography.Text type="danger">{t('failed', { message: state.message })}</Typography.Text>}
      {state.kind === 'done' && shown.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />}
      {shown.length > 0 && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('hint')}</Typography.Text>
          <Flex vertical gap={12} role="list">
            {shown.map((item) => (
              <SimilarItem key={item.proposal.id} item={item} onOpen={() => navigate({ name: 'proposalView', id: item.proposal.id })} />
            ))}
          </Flex>
        </Flex>
      )}
    </Card>
  );
}

function SimilarItem({ item, onOpen }: { item: SimilarProposal; onOpen: () => void }) {
  const { t } = useTranslation('similar');
  const { proposal, score, sharedTerms } = item;
  const percent = Math.round(score * 100);
  return (
    <Flex vertical gap={4} role="listitem" data-testid="similar-item">
      <Typography.Link onClick={onOpen} strong>
        {proposal.title || t('proposals:untitled')}
      </Typography.Link>
      <Flex gap={8} wrap align="center">
        <Flex gap={4} align="center">
          <Tag style={{ marginInlineEnd: 0 }}>{t(`common:kind.${proposal.kind}`)}</Tag>
          <StatusTag status={proposal.status} />
          <Typography.Text type="secondary">{t('year', { year: yearOf(proposal) })}</Typography.Text>
        </Flex>
        <Tooltip title={t('similarityHelp')}>
          <Flex gap={8} align="center" style={{ minWidth: 220 }}>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {t('similarity')}
            </Typography.Text>
            <Progress
              percent={percent}
              size="small"
              status="normal"
              strokeColor={score >= LIKELY_DUPLICATE ? '#fa8c16' : undefined}
              style={{ width: 160, margin: 0 }}
              aria-label={`${t('similarity')} ${percent}%`}
            />
          </Flex>
        </Tooltip>
      </Flex>
      {sharedTerms.length > 0 && (
        <Flex gap={4} wrap align="center" aria-label={t('sharedWords')}>
          <Typography.Text type="secondary">{t('sharedWords')}</Typography.Text>
          {sharedTerms.map((term) => (
            <Tag key={term} color="blue" variant="filled" style={{ marginInlineEnd: 0 }}>
              {term}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
