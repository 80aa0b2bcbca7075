import { createRng, type Rng } from '../../shared/demo';
import { isHanChar, searchableText } from '../../shared/search/tokenize';

/**
 * The search benchmark's queries (npm run bench:search), drawn from the corpus itself so that they hit words
 * people would type, as often as those words occur: a random stretch of Han characters from a random 案由 or body.
 * Deterministic: the same corpus and seed give the same queries.
 */

export type QueryKind = '1-char' | '2-char' | '3-char' | '4+-char' | 'multi-word' | 'no-hit';

export interface BenchQuery {
  text: string;
  kind: QueryKind;
}

/** The text a query is drawn from: one proposal's 案由 and body (情况/理由 + 建议/办法). */
export interface QuerySourceDocument {
  title: string;
  body: string;
}

/** Shares of the 200 queries: mostly the 2–4-character words people search for, a few of each edge case. */
export const QUERY_MIX: Readonly<Record<QueryKind, number>> = {
  '1-char': 20,
  '2-char': 60,
  '3-char': 40,
  '4+-char': 45,
  'multi-word': 20,
  'no-hit': 15,
};

const ATTEMPTS_PER_QUERY = 200;

interface SearchableSource {
  title: string;
  body: string;
  /** title and body together, for the no-hit check */
  all: string;
}

/** `length` Han characters from a random place in a random document, or undefined when the spot has punctuation. */
function hanStretch(rng: Rng, sources: readonly SearchableSource[], length: number, from?: SearchableSource): string | undefined {
  const source = from ?? rng.pick(sources);
  // 案由 are short: draw from them about a third of the time, as people remember titles better than bodies.
  const text = rng.chance(0.35) ? source.title : source.body;
  const chars = Array.from(text);
  if (chars.length < length) return undefined;
  const start = rng.int(0, chars.length - length);
  const stretch = chars.slice(start, start + length);
  return stretch.every(isHanChar) ? stretch.join('') : undefined;
}

function lengthOf(kind: QueryKind, rng: Rng): number {
  if (kind === '1-char') return 1;
  if (kind === '2-char') return 2;
  if (kind === '3-char') return 3;
  return rng.int(4, 7);
}

/** Splits `count` over the kinds in QUERY_MIX's proportions (largest remainders), so the shares hold for any count. */
export function queryCounts(count: number): Record<QueryKind, number> {
  const kinds = Object.keys(QUERY_MIX) as QueryKind[];
  const total = kinds.reduce((sum, k) => sum + QUERY_MIX[k], 0);
  const exact = kinds.map((k) => (QUERY_MIX[k] * count) / total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let left = count - counts.reduce((a, b) => a + b, 0), j = 0; left > 0; left--, j++) counts[order[j % order.length]!.i]!++;
  return Object.fromEntries(kinds.map((k, i) => [k, counts[i]!])) as Record<QueryKind, number>;
}

/**
 * `count` distinct queries (200 in the benchmark) in QUERY_MIX's proportions, shuffled so no engine sees all of one
 * kind in a row: single words of 1, 2, 3 and 4–7 Han characters; two words from one proposal separated by a space;
 * and four-character words made of two bigrams of the corpus that no document contains, so they find nothing.
 * Fewer come back only when the corpus cannot supply them (a tiny corpus has few distinct words).
 */
export function pickBenchQueries(documents: readonly QuerySourceDocument[], options: { seed: number; count: number }): BenchQuery[] {
  if (documents.length === 0 || options.count <= 0) return [];
  const rng = createRng(options.seed);
  const sources: SearchableSource[] = documents.map((d) => {
    const title = searchableText(d.title);
    const body = searchableText(d.body);
    return { title, body, all: `${title} ${body}` };
  });
  const seen = new Set<string>();
  const queries: BenchQuery[] = [];
  const counts = queryCounts(options.count);

  const draw = (kind: QueryKind): string | undefined => {
    if (kind === 'multi-word') {
      const source = rng.pick(sources);
      const first = hanStretch(rng, sources, rng.int(2, 3), source);
      const second = hanStretch(rng, sources, rng.int(2, 3), source);
      return first && second && first !== second && !first.includes(second) && !second.includes(first) ? `${first} ${second}` : undefined;
    }
    if (kind === 'no-hit') {
      const first = hanStretch(rng, sources, 2);
      const second = hanStretch(rng, sources, 2);
      const word = first && second ? first + second : undefined;
      return word && !sources.some((s) => s.all.includes(word)) ? word : undefined;
    }
    return hanStretch(rng, sources, lengthOf(kind, rng));
  };

  for (const kind of Object.keys(counts) as QueryKind[]) {
    for (let made = 0, attempts = 0; made < counts[kind] && attempts < counts[kind] * ATTEMPTS_PER_QUERY; attempts++) {
      const text = draw(kind);
      if (text === undefined || seen.has(text)) continue;
      seen.add(text);
      queries.push({ text, kind });
      made++;
    }
  }
  return rng.shuffle(queries);
}
