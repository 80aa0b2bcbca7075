import { parseQuery } from './tokenize';

/** [start, end) offsets into the original text, in UTF-16 code units (what String#slice takes). */
export type TextRange = [start: number, end: number];

interface NormalizedWithOffsets {
  text: string;
  /** For each UTF-16 unit of `text`: the original span of the character it came from. */
  starts: number[];
  ends: number[];
}

/**
 * Normalises like tokenize.normalizeText, but one character at a time so every normalised unit maps back
 * to its original character (a full-width 'Ａ' at offset 7 stays at offset 7; '㎡' → 'm2' maps both units to it).
 * Per-character NFKC differs from whole-text NFKC only for combining sequences, which Chinese text lacks.
 */
function normalizeWithOffsets(original: string): NormalizedWithOffsets {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const ch of original) {
    const cp = ch.codePointAt(0)!;
    // Fast path: ASCII and the common CJK block are unchanged by NFKC.
    const normalized =
      cp < 0x80 || (cp >= 0x4e00 && cp <= 0x9fff) ? ch.toLowerCase() : ch.normalize('NFKC').toLowerCase();
    const end = offset + ch.length;
    for (let i = 0; i < normalized.length; i++) {
      starts.push(offset);
      ends.push(end);
    }
    parts.push(normalized);
    offset = end;
  }
  return { text: parts.join(''), starts, ends };
}

function mergeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: TextRange[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    // Touching ranges merge too, so the UI draws one <mark> rather than two adjacent ones.
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Every occurrence of every query word in `text`, as merged, sorted, non-overlapping ranges of the original
 * text, ready to be wrapped in <mark>. Overlapping occurrences ("水水" in "水水水") are all found.
 */
export function highlightRanges(text: string, query: string): TextRange[] {
  const words = parseQuery(query).map((w) => w.text);
  if (words.length === 0 || text === '') return [];
  const normalized = normalizeWithOffsets(text);
  const ranges: TextRange[] = [];
  for (const word of words) {
    for (let at = normalized.text.indexOf(word); at !== -1; at = normalized.text.indexOf(word, at + 1)) {
      ranges.push([normalized.starts[at]!, normalized.ends[at + word.length - 1]!]);
    }
  }
  return mergeRanges(ranges);
}

export interface Snippet {
  /** The excerpt; line breaks and tabs become spaces (one for one, so offsets hold). */
  text: string;
  /** Highlight ranges relative to `text`. */
  ranges: TextRange[];
  /** Whether text was cut before / after the excerpt (the UI shows an ellipsis there). */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/** Moves an offset off the second half of a surrogate pair, so an excerpt never splits a character. */
function onCharBoundary(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff && offset > 0 ? offset - 1 : offset;
}

/**
 * A short excerpt around the first match: `radius` characters either side of it (the first 2×radius
 * characters when nothing matches), with the highlight ranges that fall inside, clipped to the excerpt.
 */
export function snippet(text: string, query: string, radius = 40): Snippet {
  const ranges = highlightRanges(text, query);
  const first = ranges[0];
  const start = first ? onCharBoundary(text, Math.max(0, first[0] - radius)) : 0;
  const end = onCharBoundary(text, Math.min(text.length, first ? first[1] + radius : 2 * radius));
  const inside: TextRange[] = [];
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    inside.push([Math.max(s, start) - start, Math.min(e, end) - start]);
  }
  return {
    text: text.slice(start, end).replace(/[\r\n\t]/g, ' '),
    ranges: inside,
    clippedStart: start > 0,
    clippedEnd: end < text.length,
  };
}
