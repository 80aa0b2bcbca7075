/**
 * How alike two proposals read (相似度), kept simple enough to explain to a delegate:
 *  - each text becomes a vector of its terms (character bigrams, see terms.ts);
 *  - a term weighs more the more often the text uses it (sublinearly: the tenth 水质 adds little) and much more
 *    when the 案由 (title) uses it — the title is the author's own summary of the subject;
 *  - and more the rarer it is in the collection (inverse document frequency): "饮水" tells proposals apart,
 *    "群众" and "我县" do not;
 *  - similarity is the cosine of the two vectors: 1 for the same text, 0 for texts sharing no weighted term.
 */
import { countTerms } from './terms';

export interface SimilarityDocument {
  id: string;
  /** 案由 */
  title: string;
  /** 情况/理由 and 建议/办法 */
  body: string;
}

/** A text to compare; a draft that has not been stored yet may have no id. */
export type SimilarityText = Omit<SimilarityDocument, 'id'> & { id?: string };

/** What the weights are computed from: how many documents there are and how many contain each term. */
export interface SimilarityModel {
  documentCount: number;
  /** Documents containing the term; a term missing here is in none. */
  documentFrequency: ReadonlyMap<string, number>;
}

export interface TermVector {
  /** term → weight, all weights > 0 */
  weights: ReadonlyMap<string, number>;
  /** Euclidean length of the weights */
  norm: number;
}

/** A title term counts like this many body occurrences' worth of weight (before sublinear scaling). */
export const TITLE_WEIGHT = 3;

/** Document frequencies of a collection: each document counts once per term, however often it uses it. */
export function buildSimilarityModel(docs: readonly SimilarityDocument[]): SimilarityModel {
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    for (const term of documentTerms(doc)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  return { documentCount: docs.length, documentFrequency };
}

/** The distinct terms of a document (title and body). */
export function documentTerms(doc: Pick<SimilarityDocument, 'title' | 'body'>): Set<string> {
  return new Set([...countTerms(doc.title, true).keys(), ...countTerms(doc.body).keys()]);
}

/**
 * Inverse document frequency, the Robertson–Spärck Jones form that Lucene's BM25 uses:
 * ln(1 + (N − df + 0.5) / (df + 0.5)). It never goes negative, and it falls smoothly towards zero as a term
 * approaches every document: in 1,000 proposals a bigram in 90% of them weighs ~0.1, one in 5 of them ~5.2.
 * So the boilerplate every proposal shares ("我县", "群众", "问题", "部门") is stopped by the collection itself,
 * with no cut-off to tune; only the 案由 frame is stopped by hand (BOILERPLATE_WORDS in terms.ts), for small collections.
 */
export function inverseDocumentFrequency(model: SimilarityModel, term: string): number {
  const n = Math.max(0, model.documentCount);
  const df = Math.min(model.documentFrequency.get(term) ?? 0, n);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

const sublinear = (count: number) => (count > 0 ? 1 + Math.log(count) : 0);

/** The weighted term vector of a text under the model. */
export function vectorize(model: SimilarityModel, doc: Pick<SimilarityDocument, 'title' | 'body'>): TermVector {
  const inTitle = countTerms(doc.title, true);
  const inBody = countTerms(doc.body);
  const weights = new Map<string, number>();
  let squares = 0;
  for (const term of new Set([...inTitle.keys(), ...inBody.keys()])) {
    const frequency = TITLE_WEIGHT * sublinear(inTitle.get(term) ?? 0) + sublinear(inBody.get(term) ?? 0);
    const weight = frequency * inverseDocumentFrequency(model, term);
    if (weight <= 0) continue;
    weights.set(term, weight);
    squares += weight * weight;
  }
  return { weights, norm: Math.sqrt(squares) };
}

/** Each shared term's share of the dot product of two vectors (its weight in one times its weight in the other). */
export function sharedContributions(a: TermVector, b: TermVector): Map<string, number> {
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  const contributions = new Map<string, number>();
  for (const [term, weight] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) contributions.set(term, weight * other);
  }
  return contributions;
}

/** Cosine similarity in [0, 1]; symmetric; 0 when either text has no weighted term. */
export function similarity(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  // Summed in a fixed order (ascending), so similarity(a, b) and similarity(b, a) agree to the last bit.
  const contributions = [...sharedContributions(a, b).values()].sort((x, y) => x - y);
  let dot = 0;
  for (const contribution of contributions) dot += contribution;
  return Math.min(1, Math.max(0, dot / (a.norm * b.norm)));
}
