import { isHanChar, type SearchWord } from './tokenize';

/**
 * The index lookups a query needs, shared by the search over IndexedDB and the in-memory one (memoryIndex.ts) so
 * that both narrow the candidates by exactly the same rule and so return exactly the same proposals.
 */

/** One lookup in the term index: the postings of one term, or of every term starting with a prefix. */
export interface IndexLookup {
  term: string;
  prefix: boolean;
}

/**
 * Once the candidates are this many times fewer than a term's postings, reading the postings costs more than
 * checking the candidates' text, which happens anyway; the remaining (commoner) terms are skipped.
 */
export const POSTINGS_PER_CANDIDATE_WORTH_READING = 10;

/** The distinct lookups of all words of a query: each word's bigrams exactly, its lone characters by prefix. */
export function indexLookups(words: readonly SearchWord[]): IndexLookup[] {
  const byKey = new Map<string, IndexLookup>();
  for (const w of words) {
    for (const term of w.terms) byKey.set(`=${term}`, { term, prefix: false });
    for (const term of w.prefixes) byKey.set(`^${term}`, { term, prefix: true });
  }
  return [...byKey.values()];
}

/**
 * Whether a lookup with `postings` entries is still worth intersecting with `candidates` candidates (undefined:
 * none yet, so the rarest lookup is always read). Han lookups that are too common are skipped: verification
 * checks containment anyway. A Latin/digit prefix is always read, because it also decides *where* a Latin word
 * may match — from the start of a word or of its letter/digit part ("pm" finds pm2.5, "m2" does not) — which
 * containment alone would not.
 */
export function worthReading(lookup: IndexLookup, postings: number, candidates: number | undefined): boolean {
  if (candidates === undefined || (lookup.prefix && !isHanChar(lookup.term))) return true;
  return postings <= candidates * POSTINGS_PER_CANDIDATE_WORTH_READING;
}
