import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { chineseNumber } from './chineseNames';
import { iso, chinaDate, chinaTime, addWeekdays } from './store';
import { addWorkingDays } from '../lifecycle';

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('draws integers in the inclusive range, reaching both ends', () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(3, 7);
      expect(Number.isInteger(n) && n >= 3 && n <= 7).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(() => rng.int(5, 4)).toThrow();
  });

  it('picks by weight', () => {
    const rng = createRng(9);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) if (rng.weighted([['a', 9], ['b', 1], ['never', 0]] as const) === 'a') heavy++;
    expect(heavy / 10_000).toBeGreaterThan(0.87);
    expect(heavy / 10_000).toBeLessThan(0.93);
    expect(() => rng.weighted([['x', 0]])).toThrow();
  });

  it('shuffles into a permutation and samples distinct items', () => {
    const rng = createRng(5);
    const items = Array.from({ length: 30 }, (_, i) => i);
    const shuffled = rng.shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    const sample = rng.sample(items, 10);
    expect(new Set(sample).size).toBe(10);
    expect(rng.sample(items, 100)).toHaveLength(30);
    expect(items).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('fills bytes and forks independent, reproducible streams', () => {
    const bytes = createRng(3).bytes(new Uint8Array(10));
    expect(bytes).toEqual(createRng(3).bytes(new Uint8Array(10)));
    expect(new Set(bytes).size).toBeGreaterThan(5);
    const x = createRng(3).fork('a').next();
    expect(createRng(3).fork('a').next()).toBe(x);
    expect(createRng(3).fork('b').next()).not.toBe(x);
  });
});

describe('demo helpers', () => {
  it('writes Chinese numerals for sessions and groups', () => {
    expect([1, 10, 11, 15, 20, 21, 40, 100, 105, 110].map(chineseNumber)).toEqual(['一', '十', '十一', '十五', '二十', '二十一', '四十', '一百', '一百零五', '一百一十']);
  });

  it('formats timestamps exactly like Date#toISOString', () => {
    for (const ms of [0, 1, 999, 86_399_999, 86_400_000, Date.UTC(2026, 1, 28, 23, 59, 59, 5), 1_798_765_432_109.7]) {
      expect(iso(ms)).toBe(new Date(Math.floor(ms)).toISOString());
    }
  });

  it('works in 北京时间 for dates and office hours', () => {
    expect(chinaDate(Date.parse('2026-03-04T16:30:00Z'))).toBe('2026-03-05');
    expect(new Date(chinaTime('2026-03-05', 9, 30)).toISOString()).toBe('2026-03-05T01:30:00.000Z');
  });

  it('counts working days like the lifecycle calendar', () => {
    for (const date of ['2026-03-04', '2026-03-06', '2026-03-07', '2026-12-31']) {
      for (const n of [0, 1, 5, 15]) expect(addWeekdays(date, n)).toBe(addWorkingDays(date, n));
    }
  });
});
