export { BOILERPLATE_WORDS, countTerms, withoutBoilerplate } from './terms';
export {
  buildSimilarityModel,
  documentTerms,
  inverseDocumentFrequency,
  similarity,
  vectorize,
  TITLE_WEIGHT,
  type SimilarityDocument,
  type SimilarityModel,
  type SimilarityText,
  type TermVector,
} from './model';
export { explainShared, rankSimilar, type RankOptions, type SimilarMatch } from './rank';
