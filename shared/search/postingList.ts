import { BODY_COUNT_CAP } from './rank';
import { addWordTerms, isHanChar } from './tokenize';

/**
 * The posting lists of the in-memory search (memoryIndex.ts) and what each posting says about its document.
 *
 * A posting is a slot number (the document) and an occurrence code: whether the term is in the 案由, and how often
 * (up to BODY_COUNT_CAP) it is in the body. A Han bigram's posting also holds where the bigram first occurs in the
 * body and in the title; with the counts this often settles whether a longer word is there without reading the text,
 * or tells the one place to read (wordProbes.ts).
 */

/** Occurrence code: the term is in the 案由; the low bits count body occurrences (0 … BODY_COUNT_CAP). */
export const IN_TITLE = 0x80;
export const BODY_COUNT_MASK = 0x7f;
/** A bigram's first body position when it is not in the body, or too far in to store in 16 bits. */
export const NO_POSITION = 0xffff;
/** A bigram's first title position when it is not in the title, or too far in to store in 8 bits. */
export const NO_TITLE_POSITION = 0xff;

/** Past this ratio of list lengths, walking a list binary-searches the long list instead of stepping through both. */
export const GALLOP_RATIO = 16;

/** True for a Han bigram term (the terms whose postings carry a first body position). */
export function isHanBigramTerm(term: string): boolean {
  return isHanChar(term) && Array.from(term).length === 2;
}

/** Bytes per posting: slot, code, and for a bigram its two first positions. */
const BYTES = 4 + 1;
const POSITIONAL_BYTES = BYTES + 2 + 1;
const INITIAL_CAPACITY = 4;

export class PostingList {
  // The arrays are views of one buffer, so that growing a list is one allocation (building a province's copy
  // grows its lists some 60,000 times).
  slots: Int32Array;
  codes: Uint8Array;
  /** Han bigrams only: the first body position of the term in each posting's document, or NO_POSITION */
  positions: Uint16Array | undefined;
  /** Han bigrams only: the first title position of the term in each posting's document, or NO_TITLE_POSITION */
  titlePositions: Uint8Array | undefined;
  length = 0;
  /** Postings of live documents: the term's document frequency (the others wait for a compaction). */
  live = 0;

  constructor(positional: boolean) {
    const c = INITIAL_CAPACITY;
    const buffer = new ArrayBuffer(c * (positional ? POSITIONAL_BYTES : BYTES));
    this.slots = new Int32Array(buffer, 0, c);
    this.codes = new Uint8Array(buffer, (positional ? 6 : 4) * c, c);
    if (positional) {
      this.positions = new Uint16Array(buffer, 4 * c, c);
      this.titlePositions = new Uint8Array(buffer, 7 * c, c);
    }
  }

  /** Adds a posting from documentTermCodes's value for the term. */
  add(slot: number, value: number): void {
    const titlePosition = (value >>> TITLE_POSITION_SHIFT) & FAR_IN_TITLE;
    this.push(slot, value & 0xff, (value >>> BODY_POSITION_SHIFT) & NO_POSITION, titlePosition === FAR_IN_TITLE ? NO_TITLE_POSITION : titlePosition);
  }

  push(slot: number, code: number, position: number, titlePosition: number): void {
    if (this.length === this.slots.length) this.resize(this.slots.length * 2);
    this.codes[this.length] = code;
    if (this.positions) {
      this.positions[this.length] = position;
      this.titlePositions![this.length] = titlePosition;
    }
    this.slots[this.length++] = slot;
    this.live++;
  }

  /** Memory held, spare capacity included. */
  get byteLength(): number {
    return this.slots.buffer.byteLength;
  }

  view(): Int32Array {
    return this.slots.subarray(0, this.length);
  }

  /** Keeps the postings whose slot `renumbered` maps to 0 or more, under their new numbers. */
  renumber(renumbered: Int32Array, reorder: boolean): void {
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      const slot = renumbered[this.slots[i]!]!;
      if (slot < 0) continue;
      this.codes[n] = this.codes[i]!;
      if (this.positions) {
        this.positions[n] = this.positions[i]!;
        this.titlePositions![n] = this.titlePositions![i]!;
      }
      this.slots[n++] = slot;
    }
    this.length = n;
    this.live = n;
    if (reorder) this.sortBySlot();
  }

  /** Restores ascending slots after a renumbering that changed their order (codes and positions move along). */
  private sortBySlot(): void {
    // Slot, positions and code in one exact number (slots stay far below 2^21), sorted as a typed array.
    const packed = new Float64Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const positions = this.positions ? this.titlePositions![i]! * 0x10000 + this.positions[i]! : 0;
      packed[i] = (this.slots[i]! * 0x1000000 + positions) * 0x100 + this.codes[i]!;
    }
    packed.sort();
    for (let i = 0; i < this.length; i++) {
      const value = packed[i]!;
      this.slots[i] = Math.floor(value / 0x100000000);
      if (this.positions) {
        this.titlePositions![i] = Math.floor(value / 0x1000000) % 0x100;
        this.positions[i] = Math.floor(value / 0x100) % 0x10000;
      }
      this.codes[i] = value % 0x100;
    }
  }

  /** Drops the spare capacity (after a bulk load, where doubling leaves up to half of each list empty). */
  trim(): void {
    if (this.slots.length > this.length) this.resize(this.length);
  }

  /**
   * The same postings in a buffer for `capacity`: slots, then (a bigram's) body positions, codes, title positions —
   * the wider arrays first, so that each view starts aligned whatever the capacity.
   */
  private resize(capacity: number): void {
    const n = this.length;
    const positional = this.positions !== undefined;
    const buffer = new ArrayBuffer(capacity * (positional ? POSITIONAL_BYTES : BYTES));
    const slots = new Int32Array(buffer, 0, capacity);
    const codes = new Uint8Array(buffer, (positional ? 6 : 4) * capacity, capacity);
    slots.set(this.slots.subarray(0, n));
    codes.set(this.codes.subarray(0, n));
    this.slots = slots;
    this.codes = codes;
    if (this.positions) {
      const positions = new Uint16Array(buffer, 4 * capacity, capacity);
      const titlePositions = new Uint8Array(buffer, 7 * capacity, capacity);
      positions.set(this.positions!.subarray(0, n));
      titlePositions.set(this.titlePositions!.subarray(0, n));
      this.positions = positions;
      this.titlePositions = titlePositions;
    }
  }
}

/*
 * A term of a document as documentTermCodes gives it, in one small integer (a Map of numbers, not of objects: this
 * runs for every character of every proposal when the copy is built): the occurrence code in bits 0–7, the first
 * body position in bits 8–23 (NO_POSITION: none), the first title position in bits 24–29 (FAR_IN_TITLE: none, or
 * too far in for six bits).
 */
const BODY_POSITION_SHIFT = 8;
const TITLE_POSITION_SHIFT = 24;
const FAR_IN_TITLE = 0x3f;
const UNPLACED = (NO_POSITION << BODY_POSITION_SHIFT) | (FAR_IN_TITLE << TITLE_POSITION_SHIFT);

/**
 * A document's terms — every Han character, every pair of adjacent ones, the Latin/digit words and their parts —
 * each with its occurrence code and first positions (see above; PostingList.add stores them). `title` and `body` are
 * in searchable form.
 */
export function documentTermCodes(title: string, body: string): Map<string, number> {
  const codes = new Map<string, number>();
  addFieldTerms(title, codes, true);
  addFieldTerms(body, codes, false);
  return codes;
}

/**
 * The terms of one field's searchable text with their occurrence counts (non-overlapping, as rank.ts counts them:
 * "哈哈哈" holds "哈哈" once) and, for the title, the title flag. Latin/digit words are terms without counts.
 */
function addFieldTerms(text: string, codes: Map<string, number>, inTitle: boolean): void {
  // Where the last counted occurrence of a doubled bigram ("哈哈") ended, so an overlapping one is not counted.
  let doubledEnd = -1;
  let previous = '';
  let previousAt = 0;
  let wordStart = -1;
  const count = (term: string, at: number) => {
    const value = codes.get(term) ?? UNPLACED;
    if (inTitle) {
      if ((value & IN_TITLE) === 0) codes.set(term, (value & ~(FAR_IN_TITLE << TITLE_POSITION_SHIFT)) | (Math.min(at, FAR_IN_TITLE) << TITLE_POSITION_SHIFT) | IN_TITLE);
    } else if ((value & BODY_COUNT_MASK) === 0) {
      codes.set(term, (value & ~(NO_POSITION << BODY_POSITION_SHIFT)) | (Math.min(at, NO_POSITION) << BODY_POSITION_SHIFT) | 1);
    } else if ((value & BODY_COUNT_MASK) < BODY_COUNT_CAP) codes.set(term, value + 1);
  };
  const endWord = (end: number) => {
    if (wordStart < 0) return;
    const terms = new Set<string>();
    addWordTerms(text.slice(wordStart, end), terms);
    for (const term of terms) if (!codes.has(term)) codes.set(term, UNPLACED);
    wordStart = -1;
  };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = width === 1 ? text[i]! : text.slice(i, i + 2);
    if (isHanChar(ch)) {
      endWord(i);
      count(ch, i);
      if (previous) {
        if (previous !== ch) count(previous + ch, previousAt);
        else if (previousAt >= doubledEnd) {
          count(previous + ch, previousAt);
          doubledEnd = i + width;
        }
      }
      previous = ch;
      previousAt = i;
    } else {
      previous = '';
      if (cp === 0x20) endWord(i);
      else if (wordStart < 0) wordStart = i;
    }
    i += width;
  }
  endWord(text.length);
}

/** Ascending slots in both lists, written into `out` (at least as long as the shorter); the filled part returned. */
export function intersectInto(a: Int32Array, b: Int32Array, out: Int32Array): Int32Array {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let n = 0;
  if (long.length > short.length * GALLOP_RATIO) {
    let low = 0;
    for (let i = 0; i < short.length; i++) {
      const slot = short[i]!;
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
export function union(lists: readonly Int32Array[], slotCount: number): Int32Array {
  if (lists.length === 1) return lists[0]!;
  const marks = new Uint8Array(slotCount);
  for (const list of lists) for (const slot of list) marks[slot] = 1;
  const out: number[] = [];
  for (let slot = 0; slot < slotCount; slot++) if (marks[slot]) out.push(slot);
  return Int32Array.from(out);
}

/** A term's postings in a search's candidates, aligned with them (see readPostings). */
export interface CandidatePostings {
  codes: Uint8Array;
  positions: Uint16Array;
  titlePositions: Uint8Array;
}

/**
 * The code (and positions, for a bigram) of `list`'s term in each of the ascending `slots`, written into `into`;
 * code 0 and no positions where the document lacks the term.
 */
export function readPostings(list: PostingList | undefined, slots: Int32Array, into: CandidatePostings): void {
  const { codes, positions, titlePositions } = into;
  codes.fill(0, 0, slots.length);
  positions.fill(NO_POSITION, 0, slots.length);
  titlePositions.fill(NO_TITLE_POSITION, 0, slots.length);
  if (!list) return;
  const listSlots = list.slots;
  const listPositions = list.positions;
  const listTitlePositions = list.titlePositions;
  const length = list.length;
  const gallop = length > slots.length * GALLOP_RATIO;
  for (let i = 0, j = 0; i < slots.length && j < length; i++) {
    const slot = slots[i]!;
    if (gallop) {
      let high = length;
      while (j < high) {
        const mid = (j + high) >>> 1;
        if (listSlots[mid]! < slot) j = mid + 1;
        else high = mid;
      }
    } else {
      while (j < length && listSlots[j]! < slot) j++;
    }
    if (j < length && listSlots[j] === slot) {
      codes[i] = list.codes[j]!;
      if (listPositions) {
        positions[i] = listPositions[j]!;
        titlePositions[i] = listTitlePositions![j]!;
      }
    }
  }
}
