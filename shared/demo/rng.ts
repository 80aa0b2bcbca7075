import type { RandomSource } from '../domain';

/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) for demo data: the same seed gives the same
 * sequence on every machine and JavaScript engine. Not for anything secret.
 */
export interface Rng {
  /** Uniform in [0, 1) */
  next(): number;
  /** Integer in [min, max], both inclusive */
  int(min: number, max: number): number;
  /** True with the given probability */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1 */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A new array, Fisher–Yates shuffled */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct items (all of them when fewer), in random order */
  sample<T>(items: readonly T[], count: number): T[];
  /** Fills bytes, for `newId(time, rng.bytes)` */
  bytes: RandomSource;
  /** An independent generator derived from this one, so adding draws in one part does not shift another */
  fork(label: string): Rng;
}

export function createRng(seed: number): Rng {
  const seeder = splitmix32(seed >>> 0);
  let a = seeder();
  let b = seeder();
  let c = seeder();
  let d = seeder();
  const nextUint32 = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Counting RNG)
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up: the first outputs of sfc32 are correlated with the seed.
  for (let i = 0; i < 12; i++) nextUint32();

  const next = () => nextUint32() / 4294967296;
  const int = (min: number, max: number) => {
    if (max < min) throw new Error(`rng.int: max ${max} < min ${min}`);
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('rng.pick: empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    if (count >= items.length) return shuffle(items);
    // Partial Fisher–Yates on a copy: O(items) copy, O(count) draws.
    const out = items.slice();
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(next() * (out.length - i));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    out.length = count;
    return out;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      let total = 0;
      for (const [, w] of entries) total += w;
      if (!(total > 0)) throw new Error('rng.weighted: weights must sum to more than 0');
      let r = next() * total;
      for (const [value, w] of entries) {
        r -= w;
        if (r < 0) return value;
      }
      return (entries[entries.length - 1] as readonly [T, number])[0];
    },
    shuffle,
    sample,
    bytes: (bytes) => {
      for (let i = 0; i < bytes.length; i += 4) {
        const v = nextUint32();
        for (let k = 0; k < 4 && i + k < bytes.length; k++) bytes[i + k] = (v >>> (8 * k)) & 0xff;
      }
      return bytes;
    },
    fork: (label) => createRng((nextUint32() ^ hashString(label)) >>> 0),
  };
}

function splitmix32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a, to mix a label into a fork's seed. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
