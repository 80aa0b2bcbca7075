import { sha256 } from '@noble/hashes/sha2.js';

// Record ids: 26-char, time-ordered (ULID layout: 48-bit ms time + 80 random bits, Crockford base32),
// so ids sort by creation and two offline devices never collide.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type RandomSource = (bytes: Uint8Array) => Uint8Array;

const cryptoRandom: RandomSource = (bytes) => globalThis.crypto.getRandomValues(bytes);

export function newId(nowMs: number = Date.now(), random: RandomSource = cryptoRandom): string {
  let time = '';
  let t = Math.floor(nowMs);
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = random(new Uint8Array(10));
  let rand = '';
  // 80 bits → 16 base32 chars, 5 bits each.
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      rand += CROCKFORD[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return time + rand;
}

export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The creation time (ms) a `newId` id carries in its first 10 characters; undefined for anything else. */
export function idTimeMs(id: string): number | undefined {
  if (!ID_PATTERN.test(id)) return undefined;
  let t = 0;
  for (let i = 0; i < 10; i++) t = t * 32 + CROCKFORD.indexOf(id[i]!);
  return t;
}

/**
 * A stable id for a row that exists at most once per pair of records (a co-signer's answer to one proposal):
 * every device derives the same id, so a changed mind updates the same row and merges last-writer-wins instead
 * of creating a second answer. 26 Crockford characters (130 bits) of SHA-256 over the pair.
 */
export function pairId(kind: string, a: string, b: string): string {
  const digest = sha256(new TextEncoder().encode(`${kind}\u0000${a}\u0000${b}`));
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const byte of digest) {
    acc = ((acc << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < 26) {
      bits -= 5;
      out += CROCKFORD[(acc >> bits) & 31];
    }
    if (out.length === 26) break;
  }
  return out;
}
