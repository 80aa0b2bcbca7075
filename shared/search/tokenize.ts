/**
 * Tokenizer for Chinese full-text search (全文检索).
 *
 * Chinese has no spaces, and a word segmenter splits the same word differently in a document and in a query,
 * so the index holds character n-grams instead:
 *  - every pair of adjacent Han characters (bigram): a query word of 2+ characters looks up all its bigrams;
 *  - a Han character alone (unigram) only when no bigram of the document starts with it (it ends every run it
 *    occurs in: "…饮用水。"). A one-character query looks up index terms *starting with* the character, which
 *    finds it either way. Unigrams are a third of a full n-gram index and one-character queries are rare, so
 *    this keeps the index about a quarter smaller.
 *  - Latin letters and digits form words ("5g", "pm2.5", "2024"), indexed whole and by their letter/digit
 *    parts ("5", "g", "pm", "2.5"); a query's Latin/digit part matches by prefix.
 *
 * Matching is defined on a document's *searchable text*: NFKC-normalised (full-width ＡＢＣ１２３ → abc123),
 * lower-cased, with every run of punctuation/whitespace collapsed to one space. A query word matches when the
 * searchable text contains it; the index terms only narrow the candidates, the caller verifies containment.
 */

/** Latin/digit words are capped so a pasted hash or long number cannot bloat the index; queries cap alike. */
export const MAX_WORD_TERM_LENGTH = 32;

/** NFKC + lower case: full-width ASCII → half-width, ideographic space → space, compatibility forms unfolded. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

// Anything that is not a letter, number or mark separates words; a '.' is kept only between two digits (2.5).
const NON_TOKEN_RUN = /(?:[^\p{L}\p{N}\p{M}.]|(?<!\p{N})\.|\.(?!\p{N}))+/gu;

/** Normalised text with punctuation and whitespace collapsed to single spaces; what query words are matched in. */
export function searchableText(text: string): string {
  return normalizeText(text).replace(NON_TOKEN_RUN, ' ').trim();
}

const HAN = /\p{Script=Han}/u;

/** The common CJK block is tested by range (this runs for every character indexed), the rest by script. */
function isHanCodePoint(cp: number): boolean {
  if (cp < 0x2e80) return false;
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  return HAN.test(String.fromCodePoint(cp));
}

/** True when the (first) character of `ch` is a Han ideograph. */
export function isHanChar(ch: string): boolean {
  return isHanCodePoint(ch.codePointAt(0) ?? 0);
}

function capWord(word: string): string {
  return word.length <= MAX_WORD_TERM_LENGTH ? word : Array.from(word).slice(0, MAX_WORD_TERM_LENGTH).join('');
}

// Digit runs (with decimal points) and non-digit runs: "pm2.5" → pm, 2.5; "5g" → 5, g.
const WORD_PART = /\p{N}+(?:\.\p{N}+)*|[^\p{N}.]+/gu;

/** Adds the index terms of one Latin/digit word of searchable text: the word itself and its letter/digit parts. */
export function addWordTerms(word: string, terms: Set<string>): void {
  terms.add(capWord(word));
  const parts = word.match(WORD_PART) ?? [];
  if (parts.length > 1) for (const part of parts) terms.add(capWord(part));
}

/** The unique index terms of a document: Han bigrams (and unigrams, see above), Latin/digit words and parts. */
export function indexTerms(text: string): string[] {
  // One pass without intermediate arrays: this runs over every proposal when the index is built.
  const terms = new Set<string>();
  const startsPair = new Set<string>();
  const endsRun = new Set<string>();
  const searchable = searchableText(text);
  let previousHan = '';
  let wordStart = -1;
  const endHanRun = () => {
    if (previousHan) endsRun.add(previousHan);
    previousHan = '';
  };
  const endWord = (end: number) => {
    if (wordStart >= 0) addWordTerms(searchable.slice(wordStart, end), terms);
    wordStart = -1;
  };
  for (let i = 0; i < searchable.length; ) {
    const cp = searchable.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (isHanCodePoint(cp)) {
      endWord(i);
      const ch = width === 1 ? searchable[i]! : searchable.slice(i, i + 2);
      if (previousHan) {
        terms.add(previousHan + ch);
        startsPair.add(previousHan);
      }
      previousHan = ch;
    } else {
      endHanRun();
      if (cp === 0x20) endWord(i);
      else if (wordStart < 0) wordStart = i;
    }
    i += width;
  }
  endHanRun();
  endWord(searchable.length);
  for (const ch of endsRun) if (!startsPair.has(ch)) terms.add(ch);
  return [...terms];
}

/** One word of a query. A document matches the query when it matches every word (AND). */
export interface SearchWord {
  /** The word in searchable form; a document matches it when its searchable text contains it. */
  text: string;
  /** Index terms a matching document has exactly: the bigrams of each Han run of 2+ characters. */
  terms: string[];
  /** A matching document has an index term starting with each: a lone Han character, a Latin/digit part. */
  prefixes: string[];
}

/** Splits a space-free piece of searchable text into runs of Han characters and runs of other word chars. */
function runs(word: string): { han: boolean; chars: string[] }[] {
  const result: { han: boolean; chars: string[] }[] = [];
  for (const ch of word) {
    const han = isHanChar(ch);
    const last = result[result.length - 1];
    if (last && last.han === han) last.chars.push(ch);
    else result.push({ han, chars: [ch] });
  }
  return result;
}

/**
 * Splits a query into words at spaces and punctuation ("农村 饮水", "农村，饮水" → two words, ANDed).
 * Duplicate words are dropped. An empty or punctuation-only query yields no words.
 */
export function parseQuery(query: string): SearchWord[] {
  const seen = new Set<string>();
  const words: SearchWord[] = [];
  for (const text of searchableText(query).split(' ')) {
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    const terms = new Set<string>();
    const prefixes = new Set<string>();
    for (const { han, chars } of runs(text)) {
      if (!han) prefixes.add(capWord(chars.join('')));
      else if (chars.length === 1) prefixes.add(chars[0]!);
      else for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
    }
    words.push({ text, terms: [...terms], prefixes: [...prefixes] });
  }
  return words;
}
