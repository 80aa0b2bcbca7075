import { Charset, Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import { indexTerms, isHanChar, parseQuery, searchableText } from '../../shared/search/tokenize';

/**
 * The search benchmark's peers (npm run bench:search): in-memory engines over the same proposals as the app's
 * search, each given the best Chinese tokenizer we could find for it. Not part of the app. Every engine answers
 * with the ids of the proposals matching every query word (AND), in its own order of relevance.
 */

/** A proposal as the peers index it: 案由 and the body (情况/理由 + 建议/办法), raw text. */
export interface CorpusDocument {
  id: string;
  title: string;
  body: string;
}

export interface InMemoryEngine {
  name: string;
  /** How it tokenizes, for the report */
  tokenizer: string;
  search(query: string): string[];
}

/**
 * The reference: every proposal whose searchable text (title and body, normalised as the app normalises them)
 * contains every query word, as `String.includes`. What a user means by "contains"; the recall check compares
 * the app's answers with it.
 */
export function buildLinearScan(documents: readonly CorpusDocument[]): InMemoryEngine {
  const texts = documents.map((d) => `${searchableText(d.title)} ${searchableText(d.body)}`);
  return {
    name: 'linear scan',
    tokenizer: 'none: String.includes over normalised title + body',
    search(query) {
      const words = parseQuery(query).map((w) => w.text);
      if (words.length === 0) return [];
      const hits: string[] = [];
      for (let i = 0; i < texts.length; i++) {
        const text = texts[i]!;
        if (words.every((w) => text.includes(w))) hits.push(documents[i]!.id);
      }
      return hits;
    },
  };
}

/**
 * MiniSearch with the app's own tokenizer (shared/search/tokenize): documents indexed by their Han bigrams,
 * lone final characters and Latin/digit words; a query looks up the bigrams of each word exactly and a
 * one-character word (or a Latin part) by prefix, all ANDed — the app's index lookups, on MiniSearch's radix tree.
 * Title matches count double (BM25+).
 */
export function buildMiniSearch(documents: readonly CorpusDocument[]): InMemoryEngine {
  const engine = new MiniSearch<CorpusDocument>({
    fields: ['title', 'body'],
    storeFields: [],
    tokenize: (text) => indexTerms(text),
    processTerm: (term) => term,
  });
  engine.addAll(documents as CorpusDocument[]);
  return {
    name: 'MiniSearch',
    tokenizer: 'the app’s: Han bigrams + lone final characters; query bigrams exact, one-character words by prefix',
    search(query) {
      const words = parseQuery(query);
      const prefixes = new Set(words.flatMap((w) => w.prefixes));
      const tokens = words.flatMap((w) => [...w.terms, ...w.prefixes]);
      if (tokens.length === 0) return [];
      return engine
        .search(query, {
          tokenize: () => tokens,
          processTerm: (term) => term,
          prefix: (term) => prefixes.has(term),
          combineWith: 'AND',
          boost: { title: 2 },
        })
        .map((r) => r.id as string);
    },
  };
}

/** Every Han character and every pair of adjacent ones; Latin/digit words whole and by their letter/digit parts. */
export function fullNgramTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const piece of searchableText(text).split(' ')) addPieceTerms(piece, terms, true);
  return [...terms];
}

/** A query's terms for the full n-gram index: the bigrams of a word of 2+ Han characters, else its single character. */
export function fullNgramQueryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const word of parseQuery(query)) addPieceTerms(word.text, terms, false);
  return [...terms];
}

const WORD_PART = /\p{N}+(?:\.\p{N}+)*|[^\p{N}.]+/gu;

function addPieceTerms(piece: string, terms: Set<string>, everyUnigram: boolean): void {
  let run: string[] = [];
  let latin = '';
  const flushRun = () => {
    if (run.length === 1 || everyUnigram) for (const ch of run) terms.add(ch);
    for (let i = 0; i + 1 < run.length; i++) terms.add(run[i]! + run[i + 1]!);
    run = [];
  };
  const flushLatin = () => {
    if (latin) {
      terms.add(latin);
      const parts = latin.match(WORD_PART) ?? [];
      if (parts.length > 1) for (const p of parts) terms.add(p);
    }
    latin = '';
  };
  for (const ch of piece) {
    if (isHanChar(ch)) {
      flushLatin();
      run.push(ch);
    } else {
      flushRun();
      latin += ch;
    }
  }
  flushRun();
  flushLatin();
}

export type FlexSearchVariant = 'bigram' | 'cjk-context' | 'cjk';

const FLEX_TOKENIZERS: Record<FlexSearchVariant, string> = {
  bigram: 'custom encode: every Han character + bigram indexed; query bigrams (one-character words: the character)',
  'cjk-context': 'built-in Charset.CJK (one term per character) + context index of adjacent characters (depth 1)',
  cjk: 'built-in Charset.CJK alone (characters anywhere in the document)',
};

/**
 * FlexSearch 0.8 (`Index`, title and body as one text, ANDed terms, no result limit). Variants:
 *  - 'bigram': our n-grams through a custom encoder; the query is encoded to its bigrams only (a flag switches the
 *    encoder while searching), so a one-character query needs every character indexed;
 *  - 'cjk-context': FlexSearch's own CJK charset, which splits text into characters, with the contextual index so
 *    that adjacent characters must be adjacent in the document (its documented way to search CJK phrases);
 *  - 'cjk': the CJK charset alone, which matches characters scattered anywhere (fast, imprecise).
 */
export function buildFlexSearch(documents: readonly CorpusDocument[], variant: FlexSearchVariant): InMemoryEngine {
  let querying = false;
  const index =
    variant === 'bigram'
      ? new Index({ tokenize: 'strict', encode: (text: string) => (querying ? fullNgramQueryTerms(text) : fullNgramTerms(text)) })
      : new Index({
          tokenize: 'strict',
          encoder: Charset.CJK,
          ...(variant === 'cjk-context' ? { context: { depth: 1, bidirectional: false, resolution: 3 } } : {}),
        });
  documents.forEach((d, i) => index.add(i, `${d.title}\n${d.body}`));
  const limit = Math.max(1, documents.length);
  return {
    name: `FlexSearch (${variant})`,
    tokenizer: FLEX_TOKENIZERS[variant],
    search(query) {
      querying = true;
      try {
        return (index.search(query, { limit }) as number[]).map((i) => documents[i]!.id);
      } finally {
        querying = false;
      }
    },
  };
}
