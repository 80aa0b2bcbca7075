/**
 * The terms a text is compared by (相似提案): the same units as the full-text index (shared/search/tokenize.ts),
 * so the renderer can find candidates through the searchIndex table and estimate how common a term is from it.
 *  - every pair of adjacent Han characters (bigram), never across punctuation: a segmenter would split
 *    "饮水安全" differently in two texts, bigrams cannot;
 *  - Latin words that contain a letter ("5g", "pm2.5"), whole as the index holds them. Bare numbers are left
 *    out: years, amounts and counts differ between two texts on one subject and say nothing about it.
 * Unlike the index, a term is counted each time it occurs (term frequency).
 */
import { isHanChar, MAX_WORD_TERM_LENGTH, searchableText } from '../search/tokenize';

/**
 * Words of the frame every 案由 is written in ("关于进一步加强……的提案 / 的建议") and its stock verbs. They are
 * cut out of the text before bigrams are formed, so neither they nor the bigrams they would form with their
 * neighbours ("于加" in 关于加强, "强农" in 加强农村) count. Document frequency makes such bigrams nearly
 * weightless in a large collection anyway (see inverseDocumentFrequency in model.ts); this list is for small
 * collections — a new congress with a dozen proposals, a delegate's own laptop — where a shared title frame
 * would otherwise look like a reason for two texts to be similar, and so that it is never shown to the user
 * as a "shared word". Kept to the frame; everything else is left to document frequency.
 */
export const BOILERPLATE_WORDS: readonly string[] = ['进一步', '关于', '提案', '提议', '建议', '意见', '加强', '切实'];

// The title frame's tail: "……的提案", "……的意见建议". Only at the end of a title, where 的 belongs to the frame.
const TITLE_FRAME_END = /的(?:提案|提议|意见建议|建议|议案)\s*$/u;
const BOILERPLATE = new RegExp(BOILERPLATE_WORDS.join('|'), 'gu');

/** The text without its boilerplate (and, for a 案由, its frame): the cut words become separators. */
export function withoutBoilerplate(text: string, isTitle = false): string {
  return (isTitle ? text.replace(TITLE_FRAME_END, ' ') : text).replace(BOILERPLATE, ' ');
}

const LETTER = /\p{L}/u;

function capWord(word: string): string {
  return word.length <= MAX_WORD_TERM_LENGTH ? word : Array.from(word).slice(0, MAX_WORD_TERM_LENGTH).join('');
}

/** Counts one more occurrence of `term`. */
function bump(counts: Map<string, number>, term: string): void {
  counts.set(term, (counts.get(term) ?? 0) + 1);
}

/** Counts of the comparison terms of a text (a 案由 when `isTitle`), boilerplate left out. */
export function countTerms(text: string, isTitle = false): Map<string, number> {
  const counts = new Map<string, number>();
  for (const piece of searchableText(withoutBoilerplate(text, isTitle)).split(' ')) {
    if (piece === '') continue;
    let previousHan = '';
    let word = '';
    const endWord = () => {
      if (word && LETTER.test(word)) bump(counts, capWord(word));
      word = '';
    };
    for (const ch of piece) {
      if (isHanChar(ch)) {
        endWord();
        if (previousHan) bump(counts, previousHan + ch);
        previousHan = ch;
      } else {
        previousHan = '';
        word += ch;
      }
    }
    endWord();
  }
  return counts;
}

/** True when `term` is a Han bigram (the unit shared-term explanations are joined from). */
export function isHanBigram(term: string): boolean {
  const chars = Array.from(term);
  return chars.length === 2 && chars.every(isHanChar);
}
