/**
 * Relevance of a document to a query, kept simple enough to explain to a user:
 *  - each query word found in the 案由 (title) scores TITLE_HIT;
 *  - each query word found in the body scores BODY_HIT, plus a little per repeat (capped), so a body can never
 *    outweigh a title hit of the same word;
 *  - a multi-word query whose words also appear side by side (the exact phrase) gets a bonus;
 *  - a word that is not contained anywhere earns at most SCATTERED_MAX for the share of its bigrams present
 *    (only callers that do not verify containment, e.g. similar-proposal hints, see such documents);
 *  - ties go to the most recently updated.
 * All text passed here is already in searchable form (see tokenize.searchableText / SearchWord.text).
 */

export const TITLE_HIT = 10;
export const BODY_HIT = 3;
export const BODY_REPEAT = 0.5;
export const BODY_REPEATS_COUNTED = 4;
export const PHRASE_IN_TITLE = 5;
export const PHRASE_IN_BODY = 2;
export const SCATTERED_MAX = 1;

export interface MatchFields {
  /** 案由, searchable form */
  title: string;
  /** 情况/理由 and 建议/办法, searchable form */
  body: string;
}

/** Non-overlapping occurrences of `needle`, counting stops at `cap`. */
export function countOccurrences(haystack: string, needle: string, cap: number): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1 && count < cap; at = haystack.indexOf(needle, at + needle.length)) {
    count++;
  }
  return count;
}

function bigramCoverage(fields: MatchFields, word: string): number {
  const chars = Array.from(word);
  if (chars.length < 2) return 0;
  let present = 0;
  for (let i = 0; i + 1 < chars.length; i++) {
    const bigram = chars[i]! + chars[i + 1]!;
    if (fields.title.includes(bigram) || fields.body.includes(bigram)) present++;
  }
  return present / (chars.length - 1);
}

/** The bonus of a multi-word query whose words stand together in the title or, less, in the body. */
export function phraseBonus(fields: MatchFields, words: readonly string[]): number {
  if (words.length < 2) return 0;
  const phrases = [words.join(''), words.join(' ')];
  if (phrases.some((p) => fields.title.includes(p))) return PHRASE_IN_TITLE;
  if (phrases.some((p) => fields.body.includes(p))) return PHRASE_IN_BODY;
  return 0;
}

/** Score of one document for the query words (in searchable form). Higher is more relevant; 0 is no match. */
export function scoreMatch(fields: MatchFields, words: readonly string[]): number {
  let score = 0;
  for (const word of words) {
    const inTitle = fields.title.includes(word);
    const bodyCount = countOccurrences(fields.body, word, 1 + BODY_REPEATS_COUNTED);
    if (inTitle) score += TITLE_HIT;
    if (bodyCount > 0) score += BODY_HIT + BODY_REPEAT * (bodyCount - 1);
    if (!inTitle && bodyCount === 0) score += SCATTERED_MAX * bigramCoverage(fields, word);
  }
  return score + phraseBonus(fields, words);
}

/** Body occurrences counted: the first, then BODY_REPEATS_COUNTED repeats. */
export const BODY_COUNT_CAP = 1 + BODY_REPEATS_COUNTED;

/**
 * What one contained word earns: TITLE_HIT when the title has it, and for `bodyCount` non-overlapping occurrences
 * in the body (capped at BODY_COUNT_CAP) BODY_HIT plus BODY_REPEAT per repeat. Every value is a multiple of 0.5,
 * so sums of them are exact in any order.
 */
export function containedWordScore(inTitle: boolean, bodyCount: number): number {
  return (inTitle ? TITLE_HIT : 0) + (bodyCount > 0 ? BODY_HIT + BODY_REPEAT * (Math.min(bodyCount, BODY_COUNT_CAP) - 1) : 0);
}

/**
 * The search's verification and scoring in one pass: undefined unless the title or the body contains every word,
 * else exactly scoreMatch's score. Stops at the first missing word.
 */
export function scoreIfContainsAll(fields: MatchFields, words: readonly string[]): number | undefined {
  let score = 0;
  for (const word of words) {
    const inTitle = fields.title.includes(word);
    const bodyCount = countOccurrences(fields.body, word, BODY_COUNT_CAP);
    if (!inTitle && bodyCount === 0) return undefined;
    score += containedWordScore(inTitle, bodyCount);
  }
  return score + phraseBonus(fields, words);
}

export interface ScoredCandidate {
  id: string;
  score: number;
  /** ISO date-time; breaks ties, newest first */
  updatedAt: string;
}

/** Sort comparator: higher score first, then newer, then id (ids are time-ordered) so the order is stable. */
export function byRelevance(a: ScoredCandidate, b: ScoredCandidate): number {
  if (a.score !== b.score) return b.score - a.score;
  const newer = (Date.parse(b.updatedAt) || 0) - (Date.parse(a.updatedAt) || 0);
  if (newer !== 0) return newer;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Sorts in place in byRelevance's order, parsing each date once instead of twice per comparison: for the
 * thousands of matches of a common word that is most of the sort's time.
 */
export function sortByRelevance<T extends ScoredCandidate>(candidates: T[]): T[] {
  const decorated = candidates.map((candidate) => ({ candidate, time: Date.parse(candidate.updatedAt) || 0 }));
  decorated.sort((a, b) => {
    if (a.candidate.score !== b.candidate.score) return b.candidate.score - a.candidate.score;
    if (a.time !== b.time) return b.time - a.time;
    return a.candidate.id < b.candidate.id ? 1 : a.candidate.id > b.candidate.id ? -1 : 0;
  });
  decorated.forEach((d, i) => (candidates[i] = d.candidate));
  return candidates;
}
