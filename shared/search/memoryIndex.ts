import { indexLookups, worthReading, type IndexLookup } from './lookups';
import { BODY_COUNT_CAP, containedWordScore, countOccurrences, phraseBonus } from './rank';
import { addWordTerms, isHanChar, searchableText, type SearchWord } from './tokenize';

/**
 * The proposal search held in memory (全文检索缓存). It returns exactly what the search over the IndexedDB
 * `searchIndex` table returns, in the same order — the lookups of shared/search/lookups.ts, the same containment
 * check and the same scores (rank.ts) — without a database round trip per posting list and per batch of candidates.
 *
 * Its terms are a superset of the stored ones: every Han character and every pair of adjacent ones, and the same
 * Latin/digit words and parts. A one-character word is then one exact lookup instead of a prefix scan, and each
 * posting carries an occurrence code — whether the term is in the 案由, and how often (up to BODY_COUNT_CAP) it is
 * in the body — so a query of one word of one or two Han characters, the commonest kind and the one that matches
 * the most proposals, is scored without reading any text.
 *
 * Documents live in numbered slots; a posting list holds ascending slot numbers in an Int32Array beside a
 * Uint8Array of codes (a province's seven million postings in 36 MB, not a JS array's boxed slack). Replacing or
 * removing a document marks its slot dead; dead postings are squeezed out once they are a fifth of all.
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
/** Past this ratio of list lengths, an intersection binary-searches the long list instead of walking both. */
const GALLOP_RATIO = 16;
/** Up to this many hits a comparison sort is quicker than walking every slot in recency order (see rank). */
const SORT_DIRECTLY_UP_TO = 2000;
/** Twice the highest score the counting sort handles (countingSort); far above any real query's. */
const SCORE_KEYS = 4096;
/** Occurrence code: the term is in the 案由; the low bits count body occurrences (0 … BODY_COUNT_CAP). */
const IN_TITLE = 0x80;
const BODY_COUNT_MASK = 0x7f;
/** The score of a one-word query for each occurrence code, worked out once. */
const CODE_SCORES = Float64Array.from({ length: 256 }, (_, code) => containedWordScore((code & IN_TITLE) !== 0, code & BODY_COUNT_MASK));

class PostingList {
  slots = new Int32Array(4);
  codes = new Uint8Array(4);
  length = 0;

  push(slot: number, code: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2);
      const codes = new Uint8Array(this.slots.length * 2);
      slots.set(this.slots);
      codes.set(this.codes);
      this.slots = slots;
      this.codes = codes;
    }
    this.codes[this.length] = code;
    this.slots[this.length++] = slot;
  }

  view(): Int32Array {
    return this.slots.subarray(0, this.length);
  }

  /** Restores ascending slots after a renumbering that changed their order (codes move with their slots). */
  sortBySlot(): void {
    // A slot and its code in one number (slots stay far below 2^45), sorted as a typed array.
    const packed = new Float64Array(this.length);
    for (let i = 0; i < this.length; i++) packed[i] = this.slots[i]! * 256 + this.codes[i]!;
    packed.sort();
    for (let i = 0; i < this.length; i++) {
      this.slots[i] = Math.floor(packed[i]! / 256);
      this.codes[i] = packed[i]! % 256;
    }
  }

  /** Drops the spare capacity (after a bulk load, where doubling leaves up to half of each list empty). */
  trim(): void {
    if (this.slots.length > this.length) {
      this.slots = this.slots.slice(0, this.length);
      this.codes = this.codes.slice(0, this.length);
    }
  }
}

/**
 * The terms of one field's searchable text with their occurrence counts (non-overlapping, as rank.ts counts them:
 * "哈哈哈" holds "哈哈" once) and, for the title, the title flag. Latin/digit words are terms without counts.
 */
function addFieldTerms(text: string, codes: Map<string, number>, inTitle: boolean): void {
  // Where the last counted occurrence of a doubled bigram ("哈哈") ended, so an overlapping one is not counted.
  let doubledEnd = -1;
  let previous = '';
  let wordStart = -1;
  const count = (term: string) => {
    const code = codes.get(term) ?? 0;
    if (inTitle) codes.set(term, code | IN_TITLE);
    else if ((code & BODY_COUNT_MASK) < BODY_COUNT_CAP) codes.set(term, code + 1);
  };
  const endWord = (end: number) => {
    if (wordStart < 0) return;
    const terms = new Set<string>();
    addWordTerms(text.slice(wordStart, end), terms);
    for (const term of terms) if (!codes.has(term)) codes.set(term, 0);
    wordStart = -1;
  };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = width === 1 ? text[i]! : text.slice(i, i + 2);
    if (isHanChar(ch)) {
      endWord(i);
      count(ch);
      if (previous) {
        if (previous !== ch) count(previous + ch);
        else if (i - width >= doubledEnd) {
          count(previous + ch);
          doubledEnd = i + width;
        }
      }
      previous = ch;
    } else {
      previous = '';
      if (cp === 0x20) endWord(i);
      else if (wordStart < 0) wordStart = i;
    }
    i += width;
  }
  endWord(text.length);
}

/** Ascending slots in both lists. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const out = new Int32Array(short.length);
  let n = 0;
  if (long.length > short.length * GALLOP_RATIO) {
    let low = 0;
    for (const slot of short) {
      let high = long.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (long[mid]! < slot) low = mid + 1;
        else high = mid;
      }
      if (low < long.length && long[low] === slot) out[n++] = slot;
    }
  } else {
    for (let i = 0, j = 0; i < short.length && j < long.length; ) {
      const x = short[i]!;
      const y = long[j]!;
      if (x === y) {
        out[n++] = x;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
  }
  return out.subarray(0, n);
}

/** Ascending slots in any of the lists. */
function union(lists: readonly Int32Array[], slotCount: number): Int32Array {
  if (lists.length === 1) return lists[0]!;
  const marks = new Uint8Array(slotCount);
  for (const list of lists) for (const slot of list) marks[slot] = 1;
  const out: number[] = [];
  for (let slot = 0; slot < slotCount; slot++) if (marks[slot]) out.push(slot);
  return Int32Array.from(out);
}

function firstCharacter(term: string): string {
  return String.fromCodePoint(term.codePointAt(0) ?? 0);
}

/** The word is one or two Han characters: its containment and score are in the postings of the word itself. */
function isScoredByPostings(word: SearchWord): boolean {
  const chars = Array.from(word.text);
  return chars.length <= 2 && chars.every(isHanChar);
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
    for (const list of this.postings.values()) bytes += list.slots.byteLength + list.codes.byteLength;
    for (let slot = 0; slot < this.ids.length; slot++) bytes += 2 * (this.titles[slot]!.length + this.bodies[slot]!.length + this.ids[slot]!.length);
    return { documents: this.size, terms: this.postings.size, postings: this.totalPostings, deadPostings: this.deadPostings, approximateBytes: bytes };
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
    const codes = new Map<string, number>();
    addFieldTerms(title, codes, true);
    addFieldTerms(body, codes, false);
    for (const [term, code] of codes) {
      let list = this.postings.get(term);
      if (!list) {
        list = new PostingList();
        this.postings.set(term, list);
        if (!isHanChar(term)) {
          const first = firstCharacter(term);
          const bucket = this.wordTermsByFirst.get(first);
          if (bucket) bucket.add(term);
          else this.wordTermsByFirst.set(first, new Set([term]));
        }
      }
      list.push(slot, code);
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
      let n = 0;
      for (let i = 0; i < list.length; i++) {
        const slot = renumbered[list.slots[i]!]!;
        if (slot < 0) continue;
        list.codes[n] = list.codes[i]!;
        list.slots[n++] = slot;
      }
      list.length = n;
      if (reorder) list.sortBySlot();
      if (n === 0) {
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
   * Ids of live documents containing every word, best first (shared/search/rank.ts). Narrows the candidates as
   * renderer/data/searchIndex.ts does over IndexedDB: lookups rarest first, each intersected while it is worth it.
   */
  search(words: readonly SearchWord[], options: MemorySearchOptions = {}): string[] {
    const { restrictTo, limit } = options;
    if (words.length === 0 || restrictTo?.size === 0) return [];
    if (words.length === 1 && isScoredByPostings(words[0]!)) return this.searchOneShortWord(words[0]!.text, restrictTo, limit);

    const lookups = indexLookups(words)
      .map((lookup) => {
        const lists = this.listsOf(lookup);
        return { lookup, lists, count: lists.reduce((sum, l) => sum + l.length, 0) };
      })
      .sort((a, b) => a.count - b.count);
    if (lookups.length === 0 || lookups[0]!.count === 0) return [];

    let candidates: Int32Array | undefined;
    let candidateCount = restrictTo?.size;
    for (const { lookup, lists, count } of lookups) {
      if (!worthReading(lookup, count, candidateCount)) continue;
      const slots = union(lists, this.ids.length);
      if (candidates) candidates = intersect(candidates, slots);
      else if (restrictTo) candidates = slots.filter((slot) => restrictTo.has(this.ids[slot]!));
      else candidates = slots;
      candidateCount = candidates.length;
      if (candidateCount === 0) return [];
    }
    // No lookup was worth reading against so few candidates: they are the restriction's own documents, ascending.
    const slots = candidates ?? Int32Array.from([...restrictTo!].flatMap((id) => this.slotById.get(id) ?? [])).sort();
    return this.verifyAndRank(slots, words, restrictTo, limit);
  }

  /**
   * Keeps the candidates whose title or body contains every word, scores them, ranks them. Each word's posting
   * codes spare most of the text scans: a word of one or two Han characters is scored from its own code alone;
   * a longer one can be in the title only if its first bigram is, and occur in the body at most as often as that
   * bigram does.
   */
  private verifyAndRank(slots: Int32Array, words: readonly SearchWord[], restrictTo: ReadonlySet<string> | undefined, limit: number | undefined): string[] {
    // Per word: its text, whether its own code scores it (exact), and its hint codes, one per candidate.
    const texts = words.map((w) => w.text);
    const exact = words.map(isScoredByPostings);
    const hintCodes = words.map((word, w) => {
      const term = exact[w] ? word.text : word.terms[0];
      return term === undefined ? undefined : this.codesOf(term, slots);
    });
    const phrases = words.length > 1;
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
      for (let w = 0; w < texts.length; w++) {
        const codes = hintCodes[w];
        const code = codes ? codes[i]! : IN_TITLE | BODY_COUNT_CAP;
        if (code === 0) continue candidates;
        const inTitle = (code & IN_TITLE) !== 0 && (exact[w] || fields.title.includes(texts[w]!));
        const bodyCap = Math.min(code & BODY_COUNT_MASK, BODY_COUNT_CAP);
        const bodyCount = exact[w] || bodyCap === 0 ? bodyCap : countOccurrences(fields.body, texts[w]!, bodyCap);
        if (!inTitle && bodyCount === 0) continue candidates;
        score += CODE_SCORES[(inTitle ? IN_TITLE : 0) | bodyCount]!;
      }
      scores[i] = phrases ? score + phraseBonus(fields, texts) : score;
      hits++;
    }
    return this.rank(slots, scores, hits, limit);
  }

  /** One word of one or two Han characters: its own posting list holds exactly its matches, and their scores. */
  private searchOneShortWord(word: string, restrictTo: ReadonlySet<string> | undefined, limit: number | undefined): string[] {
    const list = this.postings.get(word);
    if (!list) return [];
    const scores = this.scoresFor(list.length);
    let hits = 0;
    for (let i = 0; i < list.length; i++) {
      const slot = list.slots[i]!;
      const hit = this.alive[slot] && !(restrictTo && !restrictTo.has(this.ids[slot]!));
      scores[i] = hit ? CODE_SCORES[list.codes[i]!]! : 0;
      if (hit) hits++;
    }
    return this.rank(list.view(), scores, hits, limit);
  }

  /** The occurrence code of `term` in each of the (ascending) slots; 0 where the document lacks the term. */
  private codesOf(term: string, slots: Int32Array): Uint8Array {
    const codes = new Uint8Array(slots.length);
    const list = this.postings.get(term);
    if (!list) return codes;
    const gallop = list.length > slots.length * GALLOP_RATIO;
    for (let i = 0, j = 0; i < slots.length && j < list.length; i++) {
      const slot = slots[i]!;
      if (gallop) {
        let high = list.length;
        while (j < high) {
          const mid = (j + high) >>> 1;
          if (list.slots[mid]! < slot) j = mid + 1;
          else high = mid;
        }
      } else {
        while (j < list.length && list.slots[j]! < slot) j++;
      }
      if (j < list.length && list.slots[j] === slot) codes[i] = list.codes[j]!;
    }
    return codes;
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
    const counts = new Int32Array(SCORE_KEYS);
    for (let i = 0; i < slots.length; i++) {
      const key = scores[i]! * 2;
      if (key === 0) continue;
      // Not expected with rank.ts's constants; kept exact rather than fast.
      if (!Number.isInteger(key) || key >= SCORE_KEYS) return this.comparisonSort(slots, scores, limit);
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
