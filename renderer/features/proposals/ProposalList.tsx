import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Card, Dropdown, Empty, Input, Select, Space, Tag, Typography } from 'antd';
import { LoadingOutlined, PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { proposalStatusSchema, type ProposalKind } from '../../../shared/domain';
import { formatChinaDateTime } from '../../../shared/lifecycle';
import { snippet } from '../../../shared/search/highlight';
import { useProfile, useRepo } from '../../app/session';
import { markStartup } from '../../app/startupMarks';
import { useRouter } from '../../app/router';
import { createDraft } from '../../data/proposalCommands';
import { queryProposals, rankBySearch } from '../../data/proposalQueries';
import type { ProposalSummary } from '../../data/proposalSummary';
import { warmProposalSearch } from '../../data/searchIndex';
import { useProposalFilters } from './filterStore';
import { useRosterOptions, type RosterOptions } from './useRosterOptions';
import { Highlight } from './Highlight';
import { StatusTagWith } from './StatusTag';

const ROW_HEIGHT = 84;
/**
 * Rows mounted beyond each edge of the view. Dragging the scrollbar through thousands of proposals mounts every row
 * of each frame afresh, so each one costs frame time (bench:ui: 8 a side gave 66 ms frames over 30,000 proposals).
 */
const OVERSCAN = 3;
const KINDS: ProposalKind[] = ['motion', 'proposal', 'suggestion'];
/** Long enough for the list's own first query to finish first. */
const WARM_SEARCH_AFTER_MS = 1000;

export function ProposalList() {
  const { t } = useTranslation('proposals');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  const filters = useProposalFilters();
  const options = useRosterOptions(repo.db);
  const text = useDeferredValue(filters.text);
  const isOffice = profile.role === 'office';

  // The search box is here: build the in-memory search once the list has painted, so the first query is already fast.
  useEffect(() => {
    const timer = setTimeout(() => void warmProposalSearch(repo.db), WARM_SEARCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, [repo]);

  // The filtered rows are read when a filter or the data changes; a search ranks them (rankBySearch), without
  // reading them again for every word typed.
  const filtered = useLiveQuery(
    () =>
      queryProposals(repo.db, {
        scope: isOffice ? 'all' : 'mine',
        delegateId: profile.actorId,
        kinds: filters.kinds,
        statuses: filters.statuses,
        categoryId: filters.categoryId,
        meetingId: filters.meetingId,
      }),
    [repo, isOffice, profile.actorId, filters.kinds, filters.statuses, filters.categoryId, filters.meetingId],
  );
  const searching = text.trim() !== '';
  const ranking = useRanking(repo, filtered, searching ? text : '');
  // While a search is being answered, the rows already on screen stay there (marked 正在检索…), not an empty list.
  const rows = searching ? (ranking.rows ?? filtered) : filtered;
  const answering = searching && ranking.pending;

  if (filtered !== undefined) markStartup('listData');

  const openProposal = useCallback(
    (p: ProposalSummary) => navigate(p.status === 'draft' && p.leadDelegateId === profile.actorId ? { name: 'proposalEdit', id: p.id } : { name: 'proposalView', id: p.id }),
    [navigate, profile.actorId],
  );

  const startDraft = async (kind: ProposalKind) => {
    try {
      const now = new Date().toISOString();
      const meeting = kind === 'motion' ? options?.meetings.find((m) => m.proposalDeadline > now) : undefined;
      const draft = await createDraft(repo, profile.actorId, kind, meeting?.id);
      navigate({ name: 'proposalEdit', id: draft.id });
    } catch (error) {
      message.error(t('common:errors.storage', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <Card
      title={isOffice ? t('allTitle') : t('listTitle')}
      extra={
        !isOffice && (
          <Dropdown
            menu={{
              items: KINDS.map((k) => ({ key: k, label: t(`common:kind.${k}`), 'data-testid': `new-${k}` })),
              onClick: ({ key }) => void startDraft(key as ProposalKind),
            }}
          >
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-proposal">
              {t('newDraft')}
            </Button>
          </Dropdown>
        )
      }
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12 } }}
    >
      <Filters options={options} />
      <Typography.Text type="secondary" data-testid="result-count">
        {answering ? (
          <Space size={6}>
            <LoadingOutlined />
            {t('searching')}
          </Space>
        ) : (
          t('count', { count: rows?.length ?? 0 })
        )}
      </Typography.Text>
      {rows && rows.length === 0 && !answering ? (
        <Empty description={text.trim() ? t('emptySearch', { text }) : t('emptyMine')} />
      ) : (
        <VirtualRows rows={rows ?? []} options={options} query={text} onOpen={openProposal} />
      )}
    </Card>
  );
}

/**
 * The rows ranked for the search text: the last ranking done (for this text or, while this one is being answered,
 * the one before), and whether the answer for this text is still to come. Ranked again whenever the rows change.
 */
function useRanking(
  repo: ReturnType<typeof useRepo>,
  rows: ProposalSummary[] | undefined,
  text: string,
): { rows: ProposalSummary[] | undefined; pending: boolean } {
  const { message } = App.useApp();
  const { t } = useTranslation('proposals');
  const [ranked, setRanked] = useState<{ text: string; rows: ProposalSummary[] }>();
  useEffect(() => {
    if (!rows || !text) return;
    let current = true;
    rankBySearch(repo.db, rows, text).then(
      (found) => current && setRanked({ text, rows: found }),
      (error: unknown) => {
        if (!current) return;
        setRanked({ text, rows: [] });
        message.error(t('common:errors.storage', { message: error instanceof Error ? error.message : String(error) }));
      },
    );
    return () => {
      current = false;
    };
  }, [repo, rows, text, message, t]);
  return { rows: ranked?.rows, pending: text !== '' && ranked?.text !== text };
}

function Filters({ options }: { options: RosterOptions | undefined }) {
  const { t } = useTranslation('proposals');
  const filters = useProposalFilters();
  return (
    <Space wrap>
      <Input.Search
        allowClear
        style={{ width: 320 }}
        placeholder={t('searchPlaceholder')}
        value={filters.text}
        onChange={(e) => filters.set({ text: e.target.value })}
        data-testid="proposal-search"
      />
      <Select
        mode="multiple"
        allowClear
        style={{ minWidth: 150 }}
        placeholder={t('filters.kind')}
        value={filters.kinds}
        onChange={(kinds) => filters.set({ kinds })}
        options={KINDS.map((k) => ({ value: k, label: t(`common:kind.${k}`) }))}
        data-testid="filter-kind"
      />
      <Select
        mode="multiple"
        allowClear
        style={{ minWidth: 170 }}
        placeholder={t('filters.status')}
        value={filters.statuses}
        onChange={(statuses) => filters.set({ statuses })}
        options={proposalStatusSchema.options.map((s) => ({ value: s, label: t(`common:status.${s}`) }))}
        data-testid="filter-status"
      />
      <Select
        allowClear
        style={{ minWidth: 170 }}
        placeholder={t('filters.category')}
        value={filters.categoryId}
        onChange={(categoryId) => filters.set({ categoryId })}
        options={options?.categories.map((c) => ({ value: c.id, label: c.name }))}
        data-testid="filter-category"
      />
      <Select
        allowClear
        style={{ minWidth: 200 }}
        placeholder={t('filters.meeting')}
        value={filters.meetingId}
        onChange={(meetingId) => filters.set({ meetingId })}
        options={options?.meetings.map((m) => ({ value: m.id, label: m.name }))}
      />
    </Space>
  );
}

function VirtualRows({ rows, options, query, onOpen }: { rows: ProposalSummary[]; options: RosterOptions | undefined; query: string; onOpen(p: ProposalSummary): void }) {
  const repo = useRepo();
  const { t } = useTranslation('proposals');
  const parentRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is designed for render-time use
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: { width: 900, height: 600 },
  });
  const waiting = useLiveQuery(
    async () => new Set((await repo.db.pendingExport.where('entity').equals('proposal').toArray()).map((p) => p.entityId)),
    [repo],
  );
  const categoryNames = useMemo(() => new Map(options?.categories.map((c) => [c.id, c.name])), [options]);
  const delegateNames = useMemo(() => new Map(options?.delegates.map((d) => [d.id, d.name])), [options]);
  return (
    <div ref={parentRef} style={{ height: 'calc(100vh - 290px)', minHeight: 300, overflow: 'auto' }} data-testid="proposal-rows">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const p = rows[item.index]!;
          return (
            <div
              key={p.id}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <ProposalRow
                proposal={p}
                query={query}
                category={p.categoryId ? categoryNames.get(p.categoryId) : undefined}
                lead={delegateNames.get(p.leadDelegateId)}
                waitingSync={waiting?.has(p.id) ?? false}
                onOpen={onOpen}
                t={t}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * Memoised: while the list scrolls, the rows that stay in view are not rendered again. Kept light, since dragging the
 * scrollbar mounts every row of each frame afresh: plain elements instead of antd's Space and ellipsis Typography
 * (which measures itself), the list's translation function instead of a hook per row, and a live query for the
 * row's texts only while searching (RowExcerpt).
 */
const ProposalRow = memo(function ProposalRow({
  proposal: p,
  query,
  category,
  lead,
  waitingSync,
  onOpen,
  t,
}: {
  proposal: ProposalSummary;
  query: string;
  category?: string;
  lead?: string;
  waitingSync: boolean;
  onOpen(p: ProposalSummary): void;
  t: TFunction;
}) {
  const meta = `${[lead, category].filter(Boolean).join(' · ')} · ${t('updated', { time: formatChinaDateTime(p.updatedAt) })}`;
  return (
    <div
      role="button"
      tabIndex={0}
      onClick={() => onOpen(p)}
      onKeyDown={(e) => e.key === 'Enter' && onOpen(p)}
      data-testid="proposal-row"
      style={{ height: ROW_HEIGHT - 8, padding: '8px 12px', borderBottom: '1px solid #f0f0f0', cursor: 'pointer', overflow: 'hidden' }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 6, width: '100%' }}>
        <Tag color="blue">{t(`common:kind.${p.kind}`)}</Tag>
        {p.number !== undefined && <Tag>{t('number', { number: p.number })}</Tag>}
        <strong style={ROW_TITLE_STYLE} title={p.title || undefined}>
          {p.title ? <Highlight text={p.title} query={query} /> : t('untitled')}
        </strong>
        <StatusTagWith t={t} status={p.status} waitingSync={waitingSync} />
      </div>
      <div style={ROW_META_STYLE}>{query.trim() ? <RowExcerpt id={p.id} query={query} fallback={meta} /> : meta}</div>
    </div>
  );
});

const ROW_TITLE_STYLE: React.CSSProperties = { maxWidth: 620, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: 600 };
const ROW_META_STYLE: React.CSSProperties = {
  color: 'rgba(0,0,0,0.45)',
  fontSize: 12,
  marginTop: 4,
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
};

/** The excerpt of a searched row's texts around the first hit; the row's usual line until they are read or if none hits. */
function RowExcerpt({ id, query, fallback }: { id: string; query: string; fallback: string }) {
  const body = useProposalBody(id);
  const excerpt = body !== undefined ? snippet(body, query) : null;
  return excerpt && excerpt.text ? <Highlight text={excerpt.text} query={query} /> : <>{fallback}</>;
}

/**
 * The texts of one proposal while searching, for the row's excerpt: the list itself holds summaries only, so a row
 * in view reads its own (a search may match thousands; only the rows on screen need their texts).
 */
function useProposalBody(id: string): string | undefined {
  const repo = useRepo();
  return useLiveQuery(
    async () => {
      const p = await repo.db.proposal.get(id);
      return p ? `${p.background}\n${p.recommendations}` : undefined;
    },
    [repo, id],
  );
}
