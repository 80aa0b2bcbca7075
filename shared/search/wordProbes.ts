import { BODY_COUNT_MASK, IN_TITLE, NO_POSITION, NO_TITLE_POSITION, type CandidatePostings } from './postingList';
import { BODY_COUNT_CAP, countOccurrences } from './rank';
import { isHanChar, type SearchWord } from './tokenize';

/**
 * How the in-memory search (memoryIndex.ts) checks one query word in a candidate document mostly without reading its
 * text: from the postings of the word's Han bigrams (its probes), each giving — for that document — whether the
 * bigram is in the 案由, how often it is in the body (up to BODY_COUNT_CAP) and where it first occurs in each.
 *
 * Every occurrence of the word at position q has each probe at q + its offset in the word. So:
 *  - the word is in the title only if every probe is, and in the body at most as often as its rarest probe;
 *  - it cannot start before any probe's first position minus that probe's offset;
 *  - a probe of two different characters found once in the body puts the word, if it is there at all, at exactly one
 *    place;
 *  - when every adjacent pair of the word is a bigram of two different characters, once in the word, and each one's
 *    first occurrence is where the word would have it, the word is there — in the body and in the title alike.
 * What the probes cannot settle is read from the text at the one place, or from the first place the word can start
 * (in the title, where only first positions are kept, that is where the word usually is).
 */

export interface WordProbe {
  /** An index term: a bigram of the word, or the word itself when it is one or two Han characters */
  term: string;
  /** Where the bigram starts in the word (UTF-16) */
  offset: number;
  /** Two different characters, once in the word: its first positions can place the word (see above) */
  positional: boolean;
}

export interface WordPlan {
  text: string;
  /** One or two Han characters: the word's own term scores it exactly (its one probe) */
  exact: boolean;
  probes: WordProbe[];
  /** Han characters only, every adjacent pair a positional probe: first positions agreeing prove the word is there */
  placedByProbes: boolean;
}

/** The probes of a query word (see above); a word with no Han bigram has none, or its one-character term. */
export function planWord(word: SearchWord): WordPlan {
  const text = word.text;
  const chars = Array.from(text);
  if (chars.length <= 2 && chars.every(isHanChar)) return { text, exact: true, probes: [{ term: text, offset: 0, positional: false }], placedByProbes: false };
  const probes = new Map<string, WordProbe>();
  let allHan = true;
  let previous = '';
  let previousAt = 0;
  for (let i = 0, at = 0; i < chars.length; at += chars[i]!.length, i++) {
    const ch = chars[i]!;
    if (!isHanChar(ch)) {
      allHan = false;
      previous = '';
      continue;
    }
    if (previous) {
      const term = previous + ch;
      const seen = probes.get(term);
      if (seen) seen.positional = false;
      else probes.set(term, { term, offset: previousAt, positional: previous !== ch });
    }
    previous = ch;
    previousAt = at;
  }
  if (probes.size === 0) {
    // No bigram (e.g. "5g基"): a Han character still bounds where the word can be.
    const han = chars.find(isHanChar);
    return { text, exact: false, probes: han ? [{ term: han, offset: 0, positional: false }] : [], placedByProbes: false };
  }
  const list = [...probes.values()];
  return { text, exact: false, probes: list, placedByProbes: allHan && list.every((p) => p.positional) };
}

/** Non-overlapping occurrences of `needle` from `from` on, counting stops at `cap` (rank.countOccurrences's count). */
function countFrom(haystack: string, needle: string, from: number, cap: number): number {
  if (from === 0) return countOccurrences(haystack, needle, cap);
  let count = 0;
  for (let at = haystack.indexOf(needle, from); at !== -1 && count < cap; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** Whether `text` holds `word` at `at` (startsWith without its substring: this runs for thousands of candidates). */
function holdsAt(text: string, word: string, at: number): boolean {
  if (at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether the title holds the word, which cannot start before `from` (see probeWord). */
export function titleHolds(title: string, word: string, from: number): boolean {
  return holdsAt(title, word, from) || title.indexOf(word, from + 1) >= 0;
}

/** probeWord's answer: the title may hold the word (IN_TITLE), and does (TITLE_PROVEN), from `>> TITLE_FROM_SHIFT` on. */
export const TITLE_PROVEN = 0x100;
export const TITLE_FROM_SHIFT = 9;

/**
 * The word's body occurrences in candidate `i` (non-overlapping, capped at BODY_COUNT_CAP, as rank.ts counts them)
 * and what the probes say of the title: `count | IN_TITLE (it may hold the word) | TITLE_PROVEN (it does) |
 * titleFrom << TITLE_FROM_SHIFT` (where it can start at the earliest). 0 means the word is nowhere.
 */
export function probeWord(plan: WordPlan, evidence: readonly CandidatePostings[], i: number, body: string): number {
  if (plan.exact) {
    const code = evidence[0]!.codes[i]!;
    return (code & IN_TITLE) | Math.min(code & BODY_COUNT_MASK, BODY_COUNT_CAP);
  }
  const probes = plan.probes;
  let titleFlag = IN_TITLE;
  let cap = BODY_COUNT_CAP;
  // Where the word can start at the earliest (the latest of the probes' first positions, less their offsets) and
  // the earliest of those: when they agree and the probes cover the word, it is there.
  let titleFrom = 0;
  let titleLowest = Infinity;
  let start = 0;
  let lowest = Infinity;
  // The one place the word must start, once a positional probe is found once.
  let placed = false;
  let place = 0;
  let disagree = false;
  for (let p = 0; p < probes.length; p++) {
    const probe = probes[p]!;
    const postings = evidence[p]!;
    const code = postings.codes[i]!;
    titleFlag &= code;
    const count = code & BODY_COUNT_MASK;
    if (count < cap) cap = count;
    const titlePosition = postings.titlePositions[i]!;
    const titleAt = titlePosition === NO_TITLE_POSITION ? -1 : titlePosition - probe.offset;
    if (titleAt > titleFrom) titleFrom = titleAt;
    if (titleAt < titleLowest) titleLowest = titleAt;
    const position = postings.positions[i]!;
    const at = position === NO_POSITION ? -1 : position - probe.offset;
    if (at > start) start = at;
    if (at < lowest) lowest = at;
    if (at < 0 || count !== 1 || !probe.positional) continue;
    if (!placed) {
      placed = true;
      place = at;
    } else if (at !== place) disagree = true;
  }
  const covered = plan.placedByProbes;
  let title = titleFlag === 0 ? 0 : IN_TITLE | (titleFrom << TITLE_FROM_SHIFT);
  if (titleFlag !== 0 && covered && titleLowest === titleFrom) title |= TITLE_PROVEN;
  if (cap === 0) return title;
  if (!placed) return title | countFrom(body, plan.text, start, cap);
  // Found once, a positional probe allows one place only: every probe must be able to sit there.
  if (disagree || place < start) return title;
  if ((covered && lowest === place) || holdsAt(body, plan.text, place)) return title | 1;
  return title;
}
