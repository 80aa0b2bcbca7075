import Dexie from 'dexie';
import type { Proposal } from '../../shared/domain';
import { indexLookups, worthReading, type IndexLookup } from '../../shared/search/lookups';
import { scoreIfContainsAll, sortByRelevance, type ScoredCandidate } from '../../shared/search/rank';
import { indexTerms, parseQuery, searchableText, type SearchWord } from '../../shared/search/tokenize';
import { proposalSearchCache } from './proposalSearchCache';
// Type-only: db.ts imports proposalSearchTerms from here, so a runtime import back would be circular.
import type { DelegateDeskDb } from './db';

type SearchableProposal = Pick<Proposal, 'title' | 'background' | 'recommendations'>;

/**
 * Index terms of a proposal (one searchIndex row per proposal): the terms of 案由, 情况/理由 and 建议/办法
 * together, unprefixed. Title weighting is not in the index: candidates are read back for verification
 * anyway, and rank.ts scores title hits from the text, which keeps the index to one term set per proposal.
 * A line break between the fields keeps bigrams from spanning two fields.
 */
export function proposalSearchTerms(p: SearchableProposal): string[] {
  return indexTerms(`${p.title}\n${p.background}\n${p.recommendations}`);
}

export interface ProposalSearchOptions {
  /** At most this many ids, best first. */
  limit?: number;
  /** Search only among these proposals (e.g. the rows the list's filters left). */
  candidateIds?: ReadonlySet<string>;
}

/**
 * Proposals read back per bulkGet, so a common word does not hold every matching proposal in memory at once, and
 * each batch (read back and checked on the window's thread) stays a short task.
 */
const VERIFY_BATCH = 200;

function postings(db: DelegateDeskDb, lookup: IndexLookup) {
  const terms = db.searchIndex.where('terms');
  return lookup.prefix ? terms.startsWith(lookup.term) : terms.equals(lookup.term);
}

/**
 * Ids of proposals that may match: intersects the postings of the query's terms, rarest first, without reading
 * any proposal. A superset of the matches (bigrams may be scattered); verifyAndScore narrows it.
 */
async function candidateIdsFromIndex(
  db: DelegateDeskDb,
  words: readonly SearchWord[],
  restrictTo: ReadonlySet<string> | undefined,
): Promise<Set<string>> {
  const lookups = indexLookups(words);
  const counts = await Promise.all(lookups.map((l) => postings(db, l).count()));
  const order = lookups.map((lookup, i) => ({ lookup, count: counts[i]! })).sort((a, b) => a.count - b.count);
  if (order.length === 0 || order[0]!.count === 0) return new Set();

  let current: Set<string> | undefined = restrictTo ? new Set(restrictTo) : undefined;
  for (const { lookup, count } of order) {
    if (!worthReading(lookup, count, current?.size)) continue;
    const keys = await postings(db, lookup).primaryKeys();
    const previous = current;
    current = new Set(previous ? keys.filter((k) => previous.has(k)) : keys);
    if (current.size === 0) break;
  }
  return current ?? new Set();
}

/** Reads the candidates, keeps live proposals whose text contains every query word, and scores them. */
async function verifyAndScore(
  db: DelegateDeskDb,
  ids: readonly string[],
  words: readonly SearchWord[],
): Promise<ScoredCandidate[]> {
  const wordTexts = words.map((w) => w.text);
  const scored: ScoredCandidate[] = [];
  for (let i = 0; i < ids.length; i += VERIFY_BATCH) {
    const proposals = await db.proposal.bulkGet(ids.slice(i, i + VERIFY_BATCH));
    for (const p of proposals) {
      if (!p || p.deletedAt) continue;
      const fields = {
        title: searchableText(p.title),
        body: searchableText(`${p.background}\n${p.recommendations}`),
      };
      const score = scoreIfContainsAll(fields, wordTexts);
      if (score !== undefined) scored.push({ id: p.id, score, updatedAt: p.updatedAt });
    }
  }
  return scored;
}

/**
 * The search over IndexedDB alone: the index's postings, then every candidate proposal read back and checked.
 * What searchProposalIds does while the in-memory copy is not ready, and inside a caller's transaction.
 */
export async function searchProposalIdsInDatabase(
  db: DelegateDeskDb,
  query: string,
  options: ProposalSearchOptions = {},
): Promise<string[]> {
  const words = parseQuery(query);
  const { limit, candidateIds } = options;
  if (words.length === 0 || candidateIds?.size === 0) return [];
  return db.transaction('r', [db.searchIndex, db.proposal], async () => {
    const ids = await candidateIdsFromIndex(db, words, candidateIds);
    const scored = sortByRelevance(await verifyAndScore(db, [...ids], words));
    return (limit === undefined ? scored : scored.slice(0, limit)).map((s) => s.id);
  });
}

/**
 * Full-text search over proposals (案由 and body): ids of live proposals containing every word of the query,
 * best first (see shared/search/rank.ts). Han text matches as a substring; Latin words and numbers match from
 * the start of a word or of its letter/digit part ("pm" and "2.5" find "PM2.5"). An empty query finds nothing.
 *
 * Answered from the in-memory copy of the index (proposalSearchCache.ts) once it is built — the first search
 * starts building it, warmProposalSearch builds it ahead — and from IndexedDB until then, or when called inside a
 * transaction (whose uncommitted writes only IndexedDB sees). Both give the same answer. The in-memory answer
 * reads IndexedDB only for proposals written since the last search, so a live query (useLiveQuery) must read the
 * proposals it shows itself to re-run when they change, as queryProposals does.
 */
export async function searchProposalIds(
  db: DelegateDeskDb,
  query: string,
  options: ProposalSearchOptions = {},
): Promise<string[]> {
  const words = parseQuery(query);
  const { limit, candidateIds } = options;
  if (words.length === 0 || candidateIds?.size === 0) return [];
  if (Dexie.currentTransaction) return searchProposalIdsInDatabase(db, query, options);
  const cache = proposalSearchCache(db);
  const index = cache.usableIndex();
  if (!index) {
    void cache.ensureBuilt();
    return searchProposalIdsInDatabase(db, query, options);
  }
  const memoryOptions = { ...(limit !== undefined ? { limit } : {}), ...(candidateIds ? { restrictTo: candidateIds } : {}) };
  if (cache.hasDirty()) {
    await db.transaction('r', db.proposal, () => cache.refreshDirty());
    // A write of many proposals may have made the copy stale meanwhile.
    if (cache.usableIndex() !== index) return searchProposalIdsInDatabase(db, query, options);
  }
  return index.search(words, memoryOptions);
}

/**
 * Builds the in-memory copy of the search now (e.g. once the first screen is up), so that the first search the
 * user types is already fast. Resolves when it is ready; safe to call any number of times.
 */
export function warmProposalSearch(db: DelegateDeskDb): Promise<void> {
  return proposalSearchCache(db).ensureBuilt();
}
