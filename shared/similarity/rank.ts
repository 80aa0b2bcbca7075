import { isHanChar, searchableText } from '../search/tokenize';
import {
  sharedContributions,
  similarity,
  vectorize,
  type SimilarityDocument,
  type SimilarityModel,
  type SimilarityText,
  type TermVector,
} from './model';
import { isHanBigram, withoutBoilerplate } from './terms';

export interface SimilarMatch {
  id: string;
  /** Cosine similarity in [0, 1] */
  score: number;
  /**
   * Why: the shared terms that add most to the score, best first. Adjacent shared bigrams are joined into the
   * phrase they form in the query ("饮水", "水安", "安全" → "饮水安全"), so the UI shows words, not fragments.
   */
  sharedTerms: string[];
}

export interface RankOptions {
  /** At most this many matches, best first (default: all). */
  limit?: number;
  /** Leave out matches scoring below this (default 0: any shared weighted term). */
  minScore?: number;
  /** At most this many shared terms per match (default 5). */
  sharedTermLimit?: number;
}

/** Shared bigrams the explanation is built around (the top contributors), before they grow into phrases. */
const EXPLAINING_BIGRAMS = 12;
const DEFAULT_SHARED_TERMS = 5;

/** The Han runs of a text, boilerplate cut out as in scoring ("饮水安全" in "关于保障饮水安全的提案"). */
function hanRuns(text: Pick<SimilarityText, 'title' | 'body'>): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) runs.push(run);
    run = [];
  };
  for (const ch of searchableText(`${withoutBoilerplate(text.title, true)}\n${withoutBoilerplate(text.body)}`)) {
    if (isHanChar(ch)) run.push(ch);
    else flush();
  }
  flush();
  return runs;
}

/**
 * Splits a stretch of the query into pieces (2+ characters) that the candidate's text also contains: the
 * longest such piece first, then the same for what lies left and right of it. The query's "集中供水工程" stays
 * whole when the candidate has it too, "自来水管网老化" against "供水管网老化" gives "管网老化".
 */
function piecesInCandidate(chars: readonly string[], candidateText: string): string[] {
  for (let length = chars.length; length >= 2; length--) {
    for (let start = 0; start + length <= chars.length; start++) {
      if (!candidateText.includes(chars.slice(start, start + length).join(''))) continue;
      let [from, to] = [start, start + length];
      // Cut short inside the stretch, an odd length usually means an end character belongs to the query's
      // next word and to a different one in the candidate ("供水工程管|护" against "供水工程管网"): most
      // Chinese words have two characters, so that character is left to the neighbouring piece.
      if (length >= 3 && length % 2 === 1) {
        if (to < chars.length) to--;
        else if (from > 0) from++;
      }
      return [
        ...piecesInCandidate(chars.slice(0, from), candidateText),
        chars.slice(from, to).join(''),
        ...piecesInCandidate(chars.slice(to), candidateText),
      ];
    }
  }
  return [];
}

function bigramsOf(phrase: string): string[] {
  const chars = Array.from(phrase);
  return chars.slice(1).map((ch, i) => chars[i]! + ch);
}

/**
 * The words that explain a match, best first: the top contributing shared bigrams, each grown into the longest
 * stretch of the query text made of shared bigrams that the candidate also contains word for word
 * ("饮水" → "饮水安全"). A phrase scores the sum of its bigrams' contributions; one inside a longer chosen
 * phrase is dropped. Non-Han terms ("5g") stand alone.
 */
export function explainShared(
  query: Pick<SimilarityText, 'title' | 'body'>,
  candidate: Pick<SimilarityText, 'title' | 'body'>,
  contributions: ReadonlyMap<string, number>,
  limit = DEFAULT_SHARED_TERMS,
): string[] {
  const top = [...contributions].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, EXPLAINING_BIGRAMS);
  const topTerms = new Set(top.map(([term]) => term));
  const phrases = new Map<string, number>();
  for (const [term, contribution] of top) if (!isHanBigram(term)) phrases.set(term, contribution);

  const candidateText = searchableText(`${candidate.title}\n${candidate.body}`);
  for (const run of hanRuns(query)) {
    // Stretches of the query made of shared bigrams, then cut to what the candidate contains.
    let start = 0;
    while (start + 1 < run.length) {
      let end = start;
      while (end + 1 < run.length && contributions.has(run[end]! + run[end + 1]!)) end++;
      if (end > start) {
        for (const piece of piecesInCandidate(run.slice(start, end + 1), candidateText)) {
          const bigrams = new Set(bigramsOf(piece));
          if (![...bigrams].some((b) => topTerms.has(b))) continue;
          let score = 0;
          for (const b of bigrams) score += contributions.get(b) ?? 0;
          phrases.set(piece, score);
        }
      }
      start = end + 1;
    }
  }

  const ranked = [...phrases].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  const chosen: string[] = [];
  for (const [phrase] of ranked) {
    if (chosen.length >= limit) break;
    if (chosen.some((longer) => longer.includes(phrase))) continue;
    chosen.push(phrase);
  }
  return chosen;
}

function explainedMatch(
  query: SimilarityText,
  queryVector: TermVector,
  candidate: SimilarityDocument,
  candidateVector: TermVector,
  sharedTermLimit: number,
): SimilarMatch {
  return {
    id: candidate.id,
    score: similarity(queryVector, candidateVector),
    sharedTerms: explainShared(query, candidate, sharedContributions(queryVector, candidateVector), sharedTermLimit),
  };
}

/**
 * The candidates most similar to the query, best first (ties by id, so the order is stable). A candidate with
 * the query's own id is skipped; one sharing no weighted term never appears. An empty query finds nothing.
 */
export function rankSimilar(
  model: SimilarityModel,
  query: SimilarityText,
  candidates: readonly SimilarityDocument[],
  options: RankOptions = {},
): SimilarMatch[] {
  const { limit, minScore = 0, sharedTermLimit = DEFAULT_SHARED_TERMS } = options;
  const queryVector = vectorize(model, query);
  if (queryVector.norm === 0 || limit === 0) return [];
  const scored: { candidate: SimilarityDocument; score: number; vector: TermVector }[] = [];
  for (const candidate of candidates) {
    if (query.id !== undefined && candidate.id === query.id) continue;
    const vector = vectorize(model, candidate);
    const score = similarity(queryVector, vector);
    if (score > 0 && score >= minScore) scored.push({ candidate, score, vector });
  }
  scored.sort((a, b) => b.score - a.score || (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0));
  const best = limit === undefined ? scored : scored.slice(0, limit);
  // Explanations only for what is returned: they walk the query text once per match.
  return best.map((s) => explainedMatch(query, queryVector, s.candidate, s.vector, sharedTermLimit));
}
