import Dexie from 'dexie';
import type { Proposal } from '../../shared/domain';
import type { MemorySearchIndex } from '../../shared/search/memoryIndex';
import { documentTerms, rankSimilar, vectorize, type SimilarityDocument, type SimilarityModel } from '../../shared/similarity';
import type { DelegateDeskDb } from './db';
import { proposalSearchCache } from './proposalSearchCache';

/** The text being written or reviewed; `id` when it is stored (it is then never its own match). */
export interface SimilarityDraft {
  id?: string;
  /** 案由 */
  title: string;
  /** 情况/理由 */
  background: string;
  /** 建议/办法 */
  recommendations: string;
}

export interface SimilarProposalOptions {
  /** At most this many, best first (default 5). */
  limit?: number;
  /** Leave out proposals less similar than this, in [0, 1] (default DEFAULT_MIN_SIMILARITY). */
  minScore?: number;
  /** Proposals never to list (e.g. those already merged into the one under review). */
  excludeIds?: string[];
}

export interface SimilarProposal {
  proposal: Proposal;
  /** Cosine similarity in [0, 1] (see shared/similarity) */
  score: number;
  /** The shared words that explain the score, best first */
  sharedTerms: string[];
}

export const DEFAULT_SIMILAR_LIMIT = 5;
/**
 * Below this, two proposals share little more than general vocabulary ("产业", "发展", "扶持"): in the demo
 * county a draft on a subject nobody has raised scores under 0.1 against everything, while differently worded
 * proposals on one subject score about 0.1–0.3 and a lightly edited copy 0.4 and up. The office's review
 * screen may pass a lower minScore to see more.
 */
export const DEFAULT_MIN_SIMILARITY = 0.1;

/** The draft's most distinctive terms looked up in the index: bounds the work whatever the collection's size. */
const LOOKUP_TERMS = 12;
/** A term in more proposals than this says little about the subject; its postings are not read. */
const MAX_POSTINGS_PER_LOOKUP = 5000;
/** Candidates scored exactly: this many per result wanted, and at least MIN_CANDIDATES. */
const CANDIDATES_PER_RESULT = 8;
const MIN_CANDIDATES = 40;
/** The cached document frequencies are dropped once the collection has grown or shrunk by this share. */
const STALE_SHARE = 0.02;

/**
 * What the lookup needs to know of the stored collection, from the search index in IndexedDB or from its in-memory
 * copy (proposalSearchCache.ts): one algorithm over either, so both give the same answer.
 */
interface Collection {
  /** Proposals in the collection, the draft's own stored copy left out */
  documentCount: number;
  /** For each term, the proposals holding it, the draft's own stored copy left out */
  frequencies(terms: readonly string[]): Promise<number[]>;
  /**
   * The `count` proposals, `excluded` left out, whose shared terms weigh most (the weights of the terms each holds,
   * added up in the order given), most first, ties by id
   */
  mostWeighted(weights: readonly (readonly [string, number])[], excluded: ReadonlySet<string>, count: number): Promise<string[]>;
}

/**
 * Document frequencies read from the search index (`where('terms').equals(term).count()`), remembered for
 * the session: a draft re-checked every few seconds asks again only for the terms it has not asked before.
 * The counts are estimates — they drift as proposals are added — so the cache is dropped when the collection
 * size moves by STALE_SHARE.
 */
interface FrequencyCache {
  documentCount: number;
  counts: Map<string, number>;
}

const frequencyCaches = new WeakMap<DelegateDeskDb, FrequencyCache>();

function frequencyCache(db: DelegateDeskDb, documentCount: number): FrequencyCache {
  const cached = frequencyCaches.get(db);
  if (cached && Math.abs(documentCount - cached.documentCount) <= cached.documentCount * STALE_SHARE) return cached;
  const fresh: FrequencyCache = { documentCount, counts: new Map() };
  frequencyCaches.set(db, fresh);
  return fresh;
}

function postings(db: DelegateDeskDb, term: string) {
  return db.searchIndex.where('terms').equals(term);
}

/** The collection as the `searchIndex` table holds it (call inside a transaction over it). */
async function collectionInDatabase(db: DelegateDeskDb, draftId: string | undefined): Promise<Collection> {
  const [indexed, self] = await Promise.all([db.searchIndex.count(), draftId ? db.searchIndex.get(draftId) : Promise.resolve(undefined)]);
  const cache = frequencyCache(db, indexed);
  // The model describes the collection without the draft: its own stored row must not make its words common.
  const selfTerms = new Set(self?.terms ?? []);
  return {
    documentCount: indexed - (self ? 1 : 0),
    async frequencies(terms) {
      const missing = [...new Set(terms)].filter((t) => !cache.counts.has(t));
      const counts = await Promise.all(missing.map((t) => postings(db, t).count()));
      missing.forEach((term, i) => cache.counts.set(term, counts[i]!));
      return terms.map((t) => Math.max(0, cache.counts.get(t)! - (selfTerms.has(t) ? 1 : 0)));
    },
    async mostWeighted(weights, excluded, count) {
      const keyLists = await Promise.all(weights.map(([term]) => postings(db, term).primaryKeys()));
      const votes = new Map<string, number>();
      keyLists.forEach((keys, i) => {
        const weight = weights[i]![1];
        for (const id of keys) if (!excluded.has(id)) votes.set(id, (votes.get(id) ?? 0) + weight);
      });
      return mostVoted(votes, count);
    },
  };
}

/**
 * The collection as the in-memory copy holds it: the live proposals, each term's frequency counted exactly (the
 * IndexedDB counts it matches, without the session cache's drift).
 */
function collectionInMemory(index: MemorySearchIndex, draftId: string | undefined): Collection {
  const self = draftId !== undefined && index.has(draftId) ? draftId : undefined;
  return {
    documentCount: index.size - (self ? 1 : 0),
    frequencies: (terms) => Promise.resolve(terms.map((t) => index.documentFrequency(t) - (self && index.holdsTerm(self, t) ? 1 : 0))),
    // Summed by slot in a typed array: a Map of every voter took most of the lookup's time at province size.
    mostWeighted: (weights, excluded, count) => Promise.resolve(index.mostWeighted(weights, count, excluded)),
  };
}

/** A proposal (or draft) as the similarity engine reads it; a line break keeps bigrams from spanning fields. */
function asDocument<T extends Pick<Proposal, 'title' | 'background' | 'recommendations'> & { id?: string }>(p: T) {
  return { id: p.id as T['id'], title: p.title, body: `${p.background}\n${p.recommendations}` };
}

/**
 * Proposals of any year and kind that read like the draft (相似提案), best first — for the delegate while
 * drafting and for the office at review, so that duplicates are merged on purpose.
 *
 * 1. Candidates: the postings of the draft's most distinctive terms (highest TF-IDF weight) in the search
 *    index, at most LOOKUP_TERMS lookups; each proposal collects the weights of the terms it shares, and the
 *    best few dozen go on.
 * 2. Exact scoring of those candidates with the TF-IDF cosine of shared/similarity, the document frequencies
 *    counted from the same index (the draft's own stored row left out).
 * The draft itself, `excludeIds` and deleted proposals are never listed.
 *
 * Answered from the in-memory copy of the search index once it is built (the review screen opens this for every
 * proposal: tens of milliseconds instead of seconds of IndexedDB counts), else — and inside a caller's transaction,
 * whose uncommitted writes only IndexedDB sees — from IndexedDB, which starts building the copy. Both give the same
 * answer (similarProposals.test.ts).
 */
export async function findSimilarProposals(
  db: DelegateDeskDb,
  draft: SimilarityDraft,
  options: SimilarProposalOptions = {},
): Promise<SimilarProposal[]> {
  if (!Dexie.currentTransaction) {
    const cache = proposalSearchCache(db);
    const index = cache.usableIndex();
    if (index) {
      const found = await db.transaction('r', db.proposal, async () => {
        if (cache.hasDirty()) await cache.refreshDirty();
        // A write of many proposals may have made the copy stale meanwhile: IndexedDB answers then.
        if (cache.usableIndex() !== index) return undefined;
        return findSimilar(db, collectionInMemory(index, draft.id), draft, options);
      });
      if (found) return found;
    } else {
      void cache.ensureBuilt();
    }
  }
  return findSimilarProposalsInDatabase(db, draft, options);
}

/** The lookup over IndexedDB alone (the search index's rows): what findSimilarProposals does until the copy is built. */
export function findSimilarProposalsInDatabase(
  db: DelegateDeskDb,
  draft: SimilarityDraft,
  options: SimilarProposalOptions = {},
): Promise<SimilarProposal[]> {
  return db.transaction('r', [db.searchIndex, db.proposal], async () => findSimilar(db, await collectionInDatabase(db, draft.id), draft, options));
}

/** The lookup over either collection (see findSimilarProposals); proposals are read from IndexedDB in both. */
async function findSimilar(db: DelegateDeskDb, collection: Collection, draft: SimilarityDraft, options: SimilarProposalOptions): Promise<SimilarProposal[]> {
  const { limit = DEFAULT_SIMILAR_LIMIT, minScore = DEFAULT_MIN_SIMILARITY, excludeIds = [] } = options;
  const query = asDocument(draft);
  const queryTerms = documentTerms(query);
  if (queryTerms.size === 0 || limit <= 0) return [];
  const documentFrequency = new Map<string, number>();
  const model: SimilarityModel = { documentCount: collection.documentCount, documentFrequency };
  const learn = async (terms: Iterable<string>) => {
    const list = [...terms].filter((t) => !documentFrequency.has(t));
    const counts = await collection.frequencies(list);
    list.forEach((t, i) => documentFrequency.set(t, counts[i]!));
  };
  await learn(queryTerms);
  const excluded = new Set([...excludeIds, ...(draft.id ? [draft.id] : [])]);
  const candidateIds = await likelyCandidates(collection, model, query, excluded, Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_RESULT));
  if (candidateIds.length === 0) return [];
  const proposals = (await db.proposal.bulkGet(candidateIds)).filter((p): p is Proposal => !!p && !p.deletedAt);
  const candidates: SimilarityDocument[] = proposals.map(asDocument);
  const candidateTerms = new Set<string>();
  for (const c of candidates) for (const t of documentTerms(c)) candidateTerms.add(t);
  await learn(candidateTerms);
  const byId = new Map(proposals.map((p) => [p.id, p]));
  return rankSimilar(model, query, candidates, { limit, minScore }).map((m) => ({
    proposal: byId.get(m.id)!,
    score: m.score,
    sharedTerms: m.sharedTerms,
  }));
}

/**
 * Ids of the proposals sharing the most weight of the draft's distinctive terms, best first, at most `count`.
 * Only terms some other proposal has are looked up, and none too common to be worth reading.
 */
async function likelyCandidates(
  collection: Collection,
  model: SimilarityModel,
  query: { title: string; body: string },
  excluded: ReadonlySet<string>,
  count: number,
): Promise<string[]> {
  const lookups = [...vectorize(model, query).weights]
    .filter(([term]) => {
      const frequency = model.documentFrequency.get(term) ?? 0;
      return frequency > 0 && frequency <= MAX_POSTINGS_PER_LOOKUP;
    })
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, LOOKUP_TERMS);
  return collection.mostWeighted(lookups, excluded, count);
}

/** The `count` ids with the most votes, most first, ties by id: sort-and-slice's answer without sorting every voter. */
export function mostVoted(votes: ReadonlyMap<string, number>, count: number): string[] {
  const before = (a: [string, number], b: [string, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  const best: [string, number][] = [];
  if (count <= 0) return [];
  for (const entry of votes) {
    if (best.length === count && !before(entry, best[count - 1]!)) continue;
    let at = best.length;
    while (at > 0 && before(entry, best[at - 1]!)) at--;
    best.splice(at, 0, entry);
    if (best.length > count) best.pop();
  }
  return best.map(([id]) => id);
}
