import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countWithShare, formatPercent, percentOf, percentShares } from './shares';

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 10) / 10;

describe('percentShares (largest remainder)', () => {
  it('thirds add up to 100.0, the extra tenth going to the first of equal remainders', () => {
    expect(percentShares([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
  });

  it('gives the left-over tenths to the largest remainders, not to the largest counts', () => {
    // 165/329 = 50.15 %, 99/329 = 30.09 %, 65/329 = 19.76 %: each rounded on its own, 50.2 + 30.1 + 19.8 = 100.1.
    // Rounded down, 50.1 + 30.0 + 19.7 = 99.8; in tenths the remainders are .52, .91 and .57, so the two tenths left go to the second and third.
    expect(percentShares([165, 99, 65])).toEqual([50.1, 30.1, 19.8]);
    // Naive rounding of 2/3 and 1/3 of 7 parts … 28.6 + 28.6 + 28.6 + 14.3 = 100.1; largest remainder keeps 100.
    expect(percentShares([2, 2, 2, 1])).toEqual([28.6, 28.6, 28.5, 14.3]);
  });

  it('keeps exact shares exact and empty categories at zero', () => {
    expect(percentShares([5, 1, 1, 1, 0])).toEqual([62.5, 12.5, 12.5, 12.5, 0]);
    expect(percentShares([0, 3, 0])).toEqual([0, 100, 0]);
  });

  it('all zero (nothing received) gives zeros, not NaN', () => {
    expect(percentShares([0, 0, 0])).toEqual([0, 0, 0]);
    expect(percentShares([])).toEqual([]);
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => percentShares([1.5, 2])).toThrow();
    expect(() => percentShares([-1, 2])).toThrow();
  });

  it('always adds up to exactly 100 and stays within a tenth of the exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 5000 }), { minLength: 1, maxLength: 12 }), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const shares = percentShares(counts);
        if (total === 0) return shares.every((s) => s === 0);
        if (sum(shares) !== 100) return false;
        return counts.every((c, i) => Math.abs(shares[i]! - (c * 100) / total) < 0.1 + 1e-9 && (c > 0 || shares[i] === 0));
      }),
    );
  });
});

describe('percentOf and formatting', () => {
  it('rounds a single rate half up to one decimal, undefined without a base', () => {
    expect(percentOf(195, 215)).toBe(90.7);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(3, 3)).toBe(100);
    expect(percentOf(0, 0)).toBeUndefined();
  });

  it('prints whole percents without a decimal and a missing rate as a dash', () => {
    expect(formatPercent(70.3)).toBe('70.3%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(30)).toBe('30%');
    expect(formatPercent(undefined)).toBe('—');
    expect(countWithShare(165, 50.2)).toBe('165（50.2%）');
  });
});
