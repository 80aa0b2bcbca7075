// 意见建议 written on ballots, as the office may read them: without names, in an order that says nothing about
// who wrote them or when.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The non-empty comments, trimmed, ordered by a hash of the round and the text itself: the same on every machine
 * and on every look, and unrelated to the voter, the roster order or the time of voting (which turnout could
 * otherwise be matched against).
 */
export function anonymousComments(roundId: string, comments: readonly (string | undefined)[]): string[] {
  const texts = comments.map((c) => c?.trim() ?? '').filter((c) => c.length > 0);
  const keyed = texts.map((text) => ({ text, key: bytesToHex(sha256(utf8ToBytes(`${roundId}\u0000${text}`))) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.text);
}
