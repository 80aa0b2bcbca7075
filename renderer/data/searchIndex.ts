import type { Proposal } from '../../shared/domain';
import { indexTerms, parseQuery, searchableText, type SearchWord } from '../../shared/search/tokenize';
import { byRelevance, scoreMatch, type ScoredCandidate } from '../../shared/search/rank';
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

interface Lookup {
  term: string;
  prefix: boolean;
}

/**
 * Once the candidates are this many times fewer than a term's postings, reading the postings costs more than
 * checking the candidates' text, which happens anyway; the remaining (commoner) terms are skipped.
 */
const POSTINGS_PER_CANDIDATE_WORTH_READING = 10;
/** Proposals read back per bulkGet, so a common word does not hold every matching proposal in memory at once. */
const VERIFY_BATCH = 500;

function uniqueLookups(words: readonly SearchWord[]): Lookup[] {
  const byKey = new Map<string, Lookup>();
  for (const w of words) {
    for (const term of w.terms) byKey.set(`=${term}`, { term, prefix: false });
    for (const term of w.prefixes) byKey.set(`^${term}`, { term, prefix: true });
  }
  return [...byKey.values()];
}

function postings(db: DelegateDeskDb, lookup: Lookup) {
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
  const lookups = uniqueLookups(words);
  const counts = await Promise.all(lookups.map((l) => postings(db, l).count()));
  const order = lookups.map((lookup, i) => ({ lookup, count: counts[i]! })).sort((a, b) => a.count - b.count);
  if (order.length === 0 || order[0]!.count === 0) return new Set();

  let current: Set<string> | undefined = restrictTo ? new Set(restrictTo) : undefined;
  for (const { lookup, count } of order) {
    if (current && count > current.size * POSTINGS_PER_CANDIDATE_WORTH_READING) break;
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
      if (!wordTexts.every((w) => fields.title.includes(w) || fields.body.includes(w))) continue;
      scored.push({ id: p.id, score: scoreMatch(fields, wordTexts), updatedAt: p.updatedAt });
    }
  }
  return scored;
}

/**
 * Full-text search over proposals (案由 and body): ids of live proposals containing every word of the query,
 * best first (see shared/search/rank.ts). Han text matches as a substring; Latin words and numbers match from
 * the start of a word or of its letter/digit part ("pm" and "2.5" find "PM2.5"). An empty query finds nothing.
 */
export async function searchProposalIds(
  db: DelegateDeskDb,
  query: string,
  options: ProposalSearchOptions = {},
): Promise<string[]> {
  const words = parseQuery(query);
  const { limit, candidateIds } = options;
  if (words.length === 0 || candidateIds?.size === 0) return [];
  return db.transaction('r', [db.searchIndex, db.proposal], async () => {
    const ids = await candidateIdsFromIndex(db, words, candidateIds);
    const scored = await verifyAndScore(db, [...ids], words);
    scored.sort(byRelevance);
    return (limit === undefined ? scored : scored.slice(0, limit)).map((s) => s.id);
  });
}
