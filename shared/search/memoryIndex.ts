import { indexLookups, type IndexLookup } from './lookups';
import {
  BODY_COUNT_MASK,
  documentTermCodes,
  GALLOP_RATIO,
  IN_TITLE,
  intersectInto,
  isHanBigramTerm,
  PostingList,
  readPostings,
  union,
  type CandidatePostings,
} from './postingList';
import { containedWordScore, PHRASE_IN_BODY, PHRASE_IN_TITLE, type MatchFields } from './rank';
import { isHanChar, searchableText, type SearchWord } from './tokenize';
import { planWord, probeWord, TITLE_FROM_SHIFT, TITLE_PROVEN, titleHolds, type WordPlan } from './wordProbes';

/**
 * The proposal search held in memory (全文检索缓存). It returns exactly what the search over the IndexedDB
 * `searchIndex` table returns, in the same order — the lookups of shared/search/lookups.ts, the same containment
 * check and the same scores (rank.ts) — without a database round trip per posting list and per batch of candidates.
 *
 * Its terms are a superset of the stored ones: every Han character and every pair of adjacent ones, and the same
 * Latin/digit words and parts. A one-character word is then one exact lookup instead of a prefix scan, and each
 * posting carries an occurrence code — whether the term is in the 案由, and how often (up to BODY_COUNT_CAP) it is
 * in the body — so a query of one word of one or two Han characters, the commonest kind and the one that matches
 * the most proposals, is scored without reading any text. A bigram's posting also holds where the bigram first
 * occurs in the body, which with the counts settles most candidates of a longer word without reading their text
 * either (wordProbes.ts): a common three-character word over a province used to scan ten thousand bodies.
 *
 * Documents live in numbered slots; a posting list holds ascending slot numbers in an Int32Array beside a
 * Uint8Array of codes and, for a bigram, a Uint16Array of first positions (a province's seven million postings in
 * ~45 MB, not a JS array's boxed slack). Replacing or removing a document marks its slot dead; dead postings are
 * squeezed out once they are a fifth of all. Each list also counts its live postings: the term's document frequency,
 * which the similar-proposal lookup reads (renderer/data/similarProposals.ts).
 */

/** A proposal as the index reads it: raw text, as stored. */
export interface MemoryIndexDocument {
  id: string;
  /** 案由 */
  title: string;
  /** 情况/理由 and 建议/办法, joined by a line break (so bigrams never span the two) */
  body: string;
  /** ISO date-time; breaks ties between equal scores, newest first */
  updatedAt: string;
}

export interface MemorySearchOptions {
  /** At most this many ids, best first. */
  limit?: number;
  /** Search only among these proposals. */
  restrictTo?: ReadonlySet<string>;
}

export interface MemoryIndexStats {
  documents: number;
  terms: number;
  postings: number;
  /** Postings of replaced or removed documents not squeezed out yet */
  deadPostings: number;
  /**
   * Memory held, counted rather than measured: the posting lists' typed arrays (capacity) and the texts kept for
   * checking, at two bytes a character, plus a word per slot in each per-slot array. Excludes object headers.
   */
  approximateBytes: number;
}

const COMPACT_AT_DEAD_SHARE = 0.2;
/** Up to this many hits a comparison sort is quicker than walking every slot in recency order (see rank). */
const SORT_DIRECTLY_UP_TO = 2000;
/** Twice the highest score the counting sort handles (countingSort); far above any real query's. */
const SCORE_KEYS = 4096;
/** The score of a one-word query for each occurrence code, worked out once. */
const CODE_SCORES = Float64Array.from({ length: 256 }, (_, code) => containedWordScore((code & IN_TITLE) !== 0, code & BODY_COUNT_MASK));
const NO_SLOTS = new Int32Array(0);

function firstCharacter(term: string): string {
  return String.fromCodePoint(term.codePointAt(0) ?? 0);
}

/** The word is one or two Han characters: its containment and score are in the postings of the word itself. */
function isScoredByPostings(word: SearchWord): boolean {
  const chars = Array.from(word.text);
  return chars.length <= 2 && chars.every(isHanChar);
}

/**
 * What a multi-word query's words standing together earn (rank.phraseBonus), knowing whether every word is in the
 * title and in the body: a phrase holds every word, so where one is missing no phrase is looked for.
 */
function phraseBonusKnowing(fields: MatchFields, phrases: readonly string[], allInTitle: boolean, allInBody: boolean): number {
  if (allInTitle && phrases.some((p) => fields.title.includes(p))) return PHRASE_IN_TITLE;
  if (allInBody && phrases.some((p) => fields.body.includes(p))) return PHRASE_IN_BODY;
  return 0;
}

/**
 * The scores of a one-word query of one or two Han characters, from its own postings' codes (0 for a dead or left out
 * document); the number of hits. A function of its own, not inlined in the method: V8 compiled the method's loop on
 * the stack and then threw the code away at every call (a deoptimisation per search of a common character).
 */
function scorePostings(list: PostingList, alive: readonly boolean[], ids: readonly string[], restrictTo: ReadonlySet<string> | undefined, scores: Float64Array): number {
  let hits = 0;
  for (let i = 0; i < list.length; i++) {
    const slot = list.slots[i]!;
    const hit = alive[slot]! && !(restrictTo && !restrictTo.has(ids[slot]!));
    scores[i] = hit ? CODE_SCORES[list.codes[i]!]! : 0;
    if (hit) hits++;
  }
  return hits;
}

/**
 * Documents oldest-updated first (ties: smaller id first): put in this order, the index's slots are in recency
 * order, and ranking many hits is a walk instead of a sort (see MemorySearchIndex.inRecencyOrder).
 */
export function oldestFirst<T extends MemoryIndexDocument>(docs: readonly T[]): T[] {
  const keyed = docs.map((doc) => ({ doc, time: Date.parse(doc.updatedAt) || 0 }));
  keyed.sort((a, b) => a.time - b.time || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
  return keyed.map((k) => k.doc);
}

export class MemorySearchIndex {
  private ids: string[] = [];
  private alive: boolean[] = [];
  private titles: string[] = [];
  private bodies: string[] = [];
  private times: number[] = [];
  private termCounts: number[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly postings = new Map<string, PostingList>();
  /** Latin/digit terms by their first character, for prefix lookups ("pm" finds pm2.5) */
  private readonly wordTermsByFirst = new Map<string, Set<string>>();
  /**
   * Whether ascending slots are oldest-updated first (ties: smaller id first), as putAll and compact leave them:
   * ranking then walks the candidates backwards. A document put out of that order (a sync bringing an older edit)
   * clears it until the next compaction; ranking then walks `recency` instead.
   */
  private inRecencyOrder = true;
  /** The last slot's update time and id, to tell whether a put keeps the slots in recency order */
  private newest: { time: number; id: string } | undefined;
  /** Every slot, newest first, while the slots are not in recency order; built when first needed */
  private recency: number[] | undefined;
  private totalPostings = 0;
  private deadPostings = 0;
  /** A search's scores, by candidate; reused so that a common word does not allocate a large array per query */
  private candidateScores = new Float64Array(0);
  /** Candidate slots while intersecting, two buffers taken in turn; reused like candidateScores */
  private candidateBuffers = [new Int32Array(0), new Int32Array(0)];
  /** The probes' codes and positions of a search's candidates (wordProbes.ts), one per probe; reused */
  private evidencePool: CandidatePostings[] = [];
  /** The counting sort's counters, all 0 between searches */
  private scoreKeyCounts = new Int32Array(SCORE_KEYS);
  /** By slot, for ranking through `recency`; 0 for every slot between searches */
  private scoreBySlot = new Float64Array(0);

  /** Live documents. */
  get size(): number {
    return this.slotById.size;
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  stats(): MemoryIndexStats {
    let bytes = this.ids.length * 8 * 6;
    for (const list of this.postings.values()) bytes += list.byteLength;
    for (let slot = 0; slot < this.ids.length; slot++) bytes += 2 * (this.titles[slot]!.length + this.bodies[slot]!.length + this.ids[slot]!.length);
    return { documents: this.size, terms: this.postings.size, postings: this.totalPostings, deadPostings: this.deadPostings, approximateBytes: bytes };
  }

  /**
   * Live documents holding the index term (a Han character or bigram, a Latin/digit word or part): its document
   * frequency, as the similarity model counts it (shared/similarity).
   */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.live ?? 0;
  }

  /** Whether the live document `id` holds the index term. */
  holdsTerm(id: string, term: string): boolean {
    const slot = this.slotById.get(id);
    const list = this.postings.get(term);
    if (slot === undefined || !list) return false;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (list.slots[mid]! < slot) low = mid + 1;
      else high = mid;
    }
    return low < list.length && list.slots[low] === slot;
  }

  /**
   * The `count` live documents, `excluded` left out, with the greatest sums of the weights of the terms they hold, greatest
   * first (ties: smaller id first): the similar-proposal lookup's candidates. Each sum adds the weights in the order
   * given, starting from 0, so it is the same number as adding them up one posting at a time over IndexedDB.
   */
  mostWeighted(weights: readonly (readonly [string, number])[], count: number, excluded: ReadonlySet<string>): string[] {
    const sums = new Float64Array(this.ids.length);
    // A flag of its own, not a zero sum: a term of weight 0 must not list its holders twice.
    const seen = new Uint8Array(this.ids.length);
    const touched: number[] = [];
    for (const [term, weight] of weights) {
      const list = this.postings.get(term);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const slot = list.slots[i]!;
        if (!this.alive[slot]) continue;
        if (!seen[slot]) {
          seen[slot] = 1;
          touched.push(slot);
        }
        sums[slot] = sums[slot]! + weight;
      }
    }
    const before = (a: number, b: number) => sums[a]! > sums[b]! || (sums[a] === sums[b] && this.ids[a]! < this.ids[b]!);
    const best: number[] = [];
    for (const slot of touched) {
      if (count <= 0 || excluded.has(this.ids[slot]!) || (best.length === count && !before(slot, best[count - 1]!))) continue;
      let at = best.length;
      while (at > 0 && before(slot, best[at - 1]!)) at--;
      best.splice(at, 0, slot);
      if (best.length > count) best.pop();
    }
    return best.map((slot) => this.ids[slot]!);
  }

  /** Adds many documents at once (building the index): in recency order, then trimmed (see finishLoading). */
  putAll(docs: readonly MemoryIndexDocument[]): void {
    for (const doc of oldestFirst(docs)) this.put(doc);
    this.finishLoading();
  }

  /** Adds the document, or replaces the one with its id. */
  put(doc: MemoryIndexDocument): void {
    this.kill(doc.id);
    const slot = this.ids.length;
    const time = Date.parse(doc.updatedAt) || 0;
    const title = searchableText(doc.title);
    const body = searchableText(doc.body);
    this.ids.push(doc.id);
    this.alive.push(true);
    this.titles.push(title);
    this.bodies.push(body);
    this.times.push(time);
    const codes = documentTermCodes(title, body);
    for (const [term, value] of codes) {
      let list = this.postings.get(term);
      if (!list) {
        list = new PostingList(isHanBigramTerm(term));
        this.postings.set(term, list);
        if (!isHanChar(term)) {
          const first = firstCharacter(term);
          const bucket = this.wordTermsByFirst.get(first);
          if (bucket) bucket.add(term);
          else this.wordTermsByFirst.set(first, new Set([term]));
        }
      }
      list.add(slot, value);
    }
    this.termCounts.push(codes.size);
    this.totalPostings += codes.size;
    this.slotById.set(doc.id, slot);
    if (this.newest && (time < this.newest.time || (time === this.newest.time && doc.id < this.newest.id))) this.inRecencyOrder = false;
    this.newest = { time, id: doc.id };
    this.insertIntoRecency(slot);
    this.compactIfWorthIt();
  }

  remove(id: string): void {
    this.kill(id);
    this.compactIfWorthIt();
  }

  /** After loading many documents with put: releases the spare capacity of the posting lists. */
  finishLoading(): void {
    for (const _ of this.finishLoadingInSteps()) {
      // all at once
    }
  }

  /** finishLoading a posting list at a time, for a caller that gives the window a turn between steps. */
  *finishLoadingInSteps(): Generator<void> {
    for (const list of this.postings.values()) {
      list.trim();
      yield;
    }
  }

  private kill(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.slotById.delete(id);
    this.alive[slot] = false;
    // Its terms again, from its text, so that each term's document frequency stays exact until the compaction.
    for (const term of documentTermCodes(this.titles[slot]!, this.bodies[slot]!).keys()) this.postings.get(term)!.live--;
    this.titles[slot] = '';
    this.bodies[slot] = '';
    this.deadPostings += this.termCounts[slot]!;
  }

  private compactIfWorthIt(): void {
    if (this.deadPostings > 0 && this.deadPostings >= this.totalPostings * COMPACT_AT_DEAD_SHARE) this.compact();
  }

  /**
   * Drops the dead slots and their postings, and renumbers the live ones oldest-updated first, which puts the
   * slots back in recency order (see inRecencyOrder). Touches every posting: a fraction of a second at province
   * size, once a fifth of the postings are dead.
   */
  compact(): void {
    const order = this.alive.flatMap((alive, slot) => (alive ? [slot] : []));
    const reorder = !this.inRecencyOrder;
    if (reorder) order.sort((a, b) => -this.newerFirst(a, b));
    const renumbered = new Int32Array(this.ids.length).fill(-1);
    order.forEach((slot, i) => (renumbered[slot] = i));
    const pick = <T>(values: T[]) => order.map((slot) => values[slot]!);
    this.ids = pick(this.ids);
    this.alive = pick(this.alive);
    this.titles = pick(this.titles);
    this.bodies = pick(this.bodies);
    this.times = pick(this.times);
    this.termCounts = pick(this.termCounts);
    this.ids.forEach((id, slot) => this.slotById.set(id, slot));
    const last = this.ids.length - 1;
    this.newest = last >= 0 ? { time: this.times[last]!, id: this.ids[last]! } : undefined;
    this.inRecencyOrder = true;
    this.recency = undefined;
    for (const [term, list] of this.postings) {
      list.renumber(renumbered, reorder);
      if (list.length === 0) {
        this.postings.delete(term);
        this.wordTermsByFirst.get(firstCharacter(term))?.delete(term);
      }
    }
    this.totalPostings -= this.deadPostings;
    this.deadPostings = 0;
  }

  /** The posting lists a lookup reads: a bigram's, a Han character's (exactly), or every Latin term's with the prefix. */
  private listsOf(lookup: IndexLookup): Int32Array[] {
    if (!lookup.prefix || isHanChar(lookup.term)) {
      const list = this.postings.get(lookup.term);
      return list ? [list.view()] : [];
    }
    const lists: Int32Array[] = [];
    for (const term of this.wordTermsByFirst.get(firstCharacter(lookup.term)) ?? []) {
      if (term.startsWith(lookup.term)) lists.push(this.postings.get(term)!.view());
    }
    return lists;
  }

  /**
   * Ids of live documents containing every word, best first (shared/search/rank.ts). The candidates are the
   * documents holding every lookup of shared/search/lookups.ts (the IndexedDB path reads the same lookups, but
   * skips common ones against few candidates: here they cost little, and narrow what is checked); each candidate is
   * then checked and scored word by word from its probes' postings (wordProbes.ts), its text read only when they
   * cannot tell.
   */
  search(words: readonly SearchWord[], options: MemorySearchOptions = {}): string[] {
    const { restrictTo, limit } = options;
    if (words.length === 0 || restrictTo?.size === 0) return [];
    if (words.length === 1 && isScoredByPostings(words[0]!)) return this.searchOneShortWord(words[0]!.text, restrictTo, limit);
    const slots = this.candidates(words, restrictTo);
    return slots.length === 0 ? [] : this.verifyAndRank(slots, words, restrictTo, limit);
  }

  /** The slots holding every lookup of the words (and in `restrictTo`), ascending: rarest lookup first. */
  private candidates(words: readonly SearchWord[], restrictTo: ReadonlySet<string> | undefined): Int32Array {
    const lookups = indexLookups(words)
      .map((lookup) => {
        const lists = this.listsOf(lookup);
        return { lists, count: lists.reduce((sum, l) => sum + l.length, 0) };
      })
      .sort((a, b) => a.count - b.count);
    if (lookups.length === 0 || lookups[0]!.count === 0) return NO_SLOTS;
    let candidates: Int32Array;
    let first = 0;
    if (restrictTo && restrictTo.size * GALLOP_RATIO < lookups[0]!.count) {
      // A few proposals (a delegate's own): start from them, and gallop through the lists.
      candidates = Int32Array.from(restrictTo, (id) => this.slotById.get(id) ?? -1)
        .filter((slot) => slot >= 0)
        .sort();
    } else {
      candidates = union(lookups[0]!.lists, this.ids.length);
      if (restrictTo) candidates = candidates.filter((slot) => restrictTo.has(this.ids[slot]!));
      first = 1;
    }
    for (let k = first; k < lookups.length && candidates.length > 0; k++) {
      // Never into the buffer being read: the candidates alternate between the two.
      const out = this.candidateBuffer(k % 2, candidates.length);
      candidates = intersectInto(candidates, union(lookups[k]!.lists, this.ids.length), out);
    }
    return candidates;
  }

  private candidateBuffer(which: number, length: number): Int32Array {
    if (this.candidateBuffers[which]!.length < length) this.candidateBuffers[which] = new Int32Array(Math.max(length, this.ids.length));
    return this.candidateBuffers[which]!;
  }

  /**
   * Keeps the candidates whose title or body contains every word, scores them, ranks them. The probes' postings
   * decide most candidates (wordProbes.ts); a title is read only when all of a word's probes are in it, a body only
   * when they cannot settle the word's count there.
   */
  private verifyAndRank(slots: Int32Array, words: readonly SearchWord[], restrictTo: ReadonlySet<string> | undefined, limit: number | undefined): string[] {
    const plans = words.map(planWord);
    const evidence = this.evidenceFor(plans, slots);
    const phrases = words.length > 1 ? [words.map((w) => w.text).join(''), words.map((w) => w.text).join(' ')] : undefined;
    const fields = { title: '', body: '' };
    const scores = this.scoresFor(slots.length);
    let hits = 0;
    candidates: for (let i = 0; i < slots.length; i++) {
      scores[i] = 0;
      const slot = slots[i]!;
      if (!this.alive[slot] || (restrictTo && !restrictTo.has(this.ids[slot]!))) continue;
      fields.title = this.titles[slot]!;
      fields.body = this.bodies[slot]!;
      let score = 0;
      let allInTitle = true;
      let allInBody = true;
      for (let w = 0; w < plans.length; w++) {
        const plan = plans[w]!;
        const found = probeWord(plan, evidence[w]!, i, fields.body);
        const inTitle = (found & IN_TITLE) !== 0 && (plan.exact || (found & TITLE_PROVEN) !== 0 || titleHolds(fields.title, plan.text, found >> TITLE_FROM_SHIFT));
        const bodyCount = found & BODY_COUNT_MASK;
        if (!inTitle && bodyCount === 0) continue candidates;
        score += CODE_SCORES[(inTitle ? IN_TITLE : 0) | bodyCount]!;
        allInTitle &&= inTitle;
        allInBody &&= bodyCount > 0;
      }
      scores[i] = phrases ? score + phraseBonusKnowing(fields, phrases, allInTitle, allInBody) : score;
      hits++;
    }
    return this.rank(slots, scores, hits, limit);
  }

  /** Each word's probes' codes and positions in the candidates, in buffers reused from search to search. */
  private evidenceFor(plans: readonly WordPlan[], slots: Int32Array): CandidatePostings[][] {
    let used = 0;
    return plans.map((plan) =>
      plan.probes.map((probe) => {
        let buffers = this.evidencePool[used];
        if (!buffers || buffers.codes.length < slots.length) {
          const capacity = Math.max(slots.length, buffers ? buffers.codes.length * 2 : 0);
          buffers = { codes: new Uint8Array(capacity), positions: new Uint16Array(capacity), titlePositions: new Uint8Array(capacity) };
          this.evidencePool[used] = buffers;
        }
        used++;
        readPostings(this.postings.get(probe.term), slots, buffers);
        return buffers;
      }),
    );
  }

  /** One word of one or two Han characters: its own posting list holds exactly its matches, and their scores. */
  private searchOneShortWord(word: string, restrictTo: ReadonlySet<string> | undefined, limit: number | undefined): string[] {
    const list = this.postings.get(word);
    if (!list) return [];
    const scores = this.scoresFor(list.length);
    const hits = scorePostings(list, this.alive, this.ids, restrictTo, scores);
    return this.rank(list.view(), scores, hits, limit);
  }

  private scoresFor(candidates: number): Float64Array {
    if (this.candidateScores.length < candidates) this.candidateScores = new Float64Array(Math.max(candidates, this.candidateScores.length * 2));
    return this.candidateScores;
  }

  /**
   * The hits (candidates scoring above 0; every match does, a contained word earns at least BODY_HIT) in
   * rank.byRelevance's order: score, then the newest update, then the greater id.
   */
  private rank(slots: ArrayLike<number>, scores: Float64Array, hits: number, limit: number | undefined): string[] {
    if (hits === 0) return [];
    if (this.inRecencyOrder && hits > SORT_DIRECTLY_UP_TO / 8) return this.countingSort(slots, scores, hits, limit);
    if (hits <= SORT_DIRECTLY_UP_TO) return this.comparisonSort(slots, scores, limit);
    return this.rankThroughRecency(slots, scores, hits, limit);
  }

  private comparisonSort(slots: ArrayLike<number>, scores: Float64Array, limit: number | undefined): string[] {
    const order: number[] = [];
    for (let i = 0; i < slots.length; i++) if (scores[i]! > 0) order.push(i);
    order.sort((a, b) => scores[b]! - scores[a]! || this.newerFirst(slots[a]!, slots[b]!));
    const best = limit === undefined ? order : order.slice(0, limit);
    return best.map((i) => this.ids[slots[i]!]!);
  }

  /**
   * Many hits without a comparison sort (sorting 30,000 hits of a common word took longer than finding them):
   * scores are multiples of 0.5 with few distinct values, and the candidates, walked backwards, are newest first,
   * so a counting sort by score leaves each score's hits in order.
   */
  private countingSort(slots: ArrayLike<number>, scores: Float64Array, hits: number, limit: number | undefined): string[] {
    const counts = this.scoreKeyCounts;
    for (let i = 0; i < slots.length; i++) {
      const key = scores[i]! * 2;
      if (key === 0) continue;
      // Not expected with rank.ts's constants; kept exact rather than fast.
      if (!Number.isInteger(key) || key >= SCORE_KEYS) {
        counts.fill(0);
        return this.comparisonSort(slots, scores, limit);
      }
      counts[key]!++;
    }
    for (let key = SCORE_KEYS - 1, at = 0; key > 0; key--) {
      const count = counts[key]!;
      counts[key] = at;
      at += count;
    }
    const length = Math.min(hits, limit ?? hits);
    const out = new Array<string>(length);
    for (let i = slots.length - 1; i >= 0; i--) {
      const key = scores[i]! * 2;
      if (key === 0) continue;
      const at = counts[key]!++;
      if (at < length) out[at] = this.ids[slots[i]!]!;
    }
    counts.fill(0);
    return out;
  }

  /** The same order while the slots are out of recency order: by score, walking every slot newest first. */
  private rankThroughRecency(slots: ArrayLike<number>, scores: Float64Array, hits: number, limit: number | undefined): string[] {
    if (this.scoreBySlot.length < this.ids.length) this.scoreBySlot = new Float64Array(Math.max(this.ids.length, this.scoreBySlot.length * 2));
    const bySlot = this.scoreBySlot;
    for (let i = 0; i < slots.length; i++) if (scores[i]! > 0) bySlot[slots[i]!] = scores[i]!;
    const recency = this.recencyOrder();
    const buckets = new Map<number, number[]>();
    for (const slot of recency) {
      const score = bySlot[slot]!;
      if (score === 0) continue;
      bySlot[slot] = 0;
      const bucket = buckets.get(score);
      if (bucket) bucket.push(slot);
      else buckets.set(score, [slot]);
    }
    const ranked = [...buckets.keys()].sort((a, b) => b - a).flatMap((score) => buckets.get(score)!);
    return (limit === undefined || limit >= hits ? ranked : ranked.slice(0, limit)).map((slot) => this.ids[slot]!);
  }

  private newerFirst(a: number, b: number): number {
    const newer = this.times[b]! - this.times[a]!;
    if (newer !== 0) return newer;
    const idA = this.ids[a]!;
    const idB = this.ids[b]!;
    return idA < idB ? 1 : idA > idB ? -1 : 0;
  }

  /** Every slot, live or dead, newest update first (ties: greater id first); sorted once, then kept by insertion. */
  private recencyOrder(): number[] {
    this.recency ??= this.ids.map((_, slot) => slot).sort((a, b) => this.newerFirst(a, b));
    return this.recency;
  }

  private insertIntoRecency(slot: number): void {
    const order = this.recency;
    if (!order) return;
    let low = 0;
    let high = order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.newerFirst(order[mid]!, slot) < 0) low = mid + 1;
      else high = mid;
    }
    order.splice(low, 0, slot);
  }
}
