import { describe, expect, it } from 'vitest';
import { agreementWith, timingSummary } from './searchStats';

describe('timingSummary', () => {
  it('gives median, nearest-rank p95, max and mean', () => {
    const times = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(timingSummary(times)).toEqual({ count: 100, medianMs: 50.5, p95Ms: 95, maxMs: 100, meanMs: 50.5 });
    expect(timingSummary([3, 1, 2])).toMatchObject({ medianMs: 2, p95Ms: 3, maxMs: 3 });
    expect(timingSummary([]).medianMs).toBeNaN();
  });
});

describe('agreementWith', () => {
  it('counts the reference hits missed and the ids added, per query, ignoring order and skipped queries', () => {
    const reference = [['a', 'b'], ['c'], ['d']];
    const agreement = agreementWith(reference, [['b', 'a'], ['c', 'x', 'y'], undefined], ['q1', 'q2', 'q3']);
    expect(agreement).toMatchObject({ queries: 2, missed: 0, extra: 2, queriesWithMisses: 0, queriesWithExtras: 1 });
    expect(agreement.samples).toEqual(['q2: missed 0, extra 2 (of 1)']);
    expect(agreementWith(reference, [['a'], [], ['d']], ['q1', 'q2', 'q3'])).toMatchObject({ queries: 3, missed: 2, queriesWithMisses: 2, extra: 0 });
  });
});
