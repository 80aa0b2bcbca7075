import { describe, expect, it } from 'vitest';
import { generateDemoCongress } from '../../shared/demo';
import { isHanChar, searchableText } from '../../shared/search/tokenize';
import { pickBenchQueries, QUERY_MIX, queryCounts } from './searchQueries';

const proposals = generateDemoCongress({ seed: 1, now: new Date('2026-11-01T00:00:00.000Z'), size: 'county-1y' }).proposal ?? [];
const documents = proposals.map((p) => ({ title: p.title, body: `${p.background}\n${p.recommendations}` }));
const texts = documents.map((d) => `${searchableText(d.title)} ${searchableText(d.body)}`);

describe('queryCounts', () => {
  it('splits any count over the kinds in QUERY_MIX’s proportions', () => {
    expect(queryCounts(200)).toEqual(QUERY_MIX);
    for (const n of [1, 7, 33, 200, 1001]) expect(Object.values(queryCounts(n)).reduce((a, b) => a + b, 0)).toBe(n);
  });
});

describe('pickBenchQueries', () => {
  const queries = pickBenchQueries(documents, { seed: 7, count: 200 });

  it('draws the same 200 distinct queries from the same corpus and seed', () => {
    expect(queries).toHaveLength(200);
    expect(new Set(queries.map((q) => q.text)).size).toBe(200);
    expect(pickBenchQueries(documents, { seed: 7, count: 200 })).toEqual(queries);
    expect(pickBenchQueries(documents, { seed: 8, count: 200 })).not.toEqual(queries);
  });

  it('gives each kind its share, words of the right length that occur in the corpus', () => {
    for (const [kind, count] of Object.entries(QUERY_MIX)) expect(queries.filter((q) => q.kind === kind)).toHaveLength(count);
    for (const q of queries) {
      const words = q.text.split(' ');
      expect(words.every((w) => Array.from(w).every(isHanChar))).toBe(true);
      const length = Array.from(q.text).length;
      if (q.kind === '1-char') expect(length).toBe(1);
      if (q.kind === '2-char') expect(length).toBe(2);
      if (q.kind === '3-char') expect(length).toBe(3);
      if (q.kind === '4+-char') expect(length).toBeGreaterThanOrEqual(4);
      if (q.kind === 'multi-word') {
        expect(words).toHaveLength(2);
        // Both words come from one proposal, so at least that one matches.
        expect(texts.some((t) => words.every((w) => t.includes(w)))).toBe(true);
      } else if (q.kind === 'no-hit') expect(texts.some((t) => t.includes(q.text))).toBe(false);
      else expect(texts.some((t) => t.includes(q.text))).toBe(true);
    }
  });

  it('returns what it can from a corpus too small for the mix, and nothing from none', () => {
    const few = pickBenchQueries([{ title: '饮水安全', body: '水质检测' }], { seed: 1, count: 200 });
    expect(few.length).toBeGreaterThan(0);
    expect(few.length).toBeLessThan(200);
    expect(pickBenchQueries([], { seed: 1, count: 10 })).toEqual([]);
  });
});
