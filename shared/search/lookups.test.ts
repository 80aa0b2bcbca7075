import { describe, expect, it } from 'vitest';
import { indexLookups, POSTINGS_PER_CANDIDATE_WORTH_READING, worthReading } from './lookups';
import { parseQuery } from './tokenize';

describe('indexLookups', () => {
  it('looks up each distinct bigram exactly and each lone character or Latin part by prefix', () => {
    expect(indexLookups(parseQuery('饮水安全 水 5g 饮水'))).toEqual([
      { term: '饮水', prefix: false },
      { term: '水安', prefix: false },
      { term: '安全', prefix: false },
      { term: '水', prefix: true },
      { term: '5g', prefix: true },
    ]);
  });
});

describe('worthReading', () => {
  const han = { term: '饮水', prefix: false };
  const latin = { term: 'pm', prefix: true };

  it('always reads the first lookup', () => {
    expect(worthReading(han, 1e6, undefined)).toBe(true);
  });

  it('skips a Han lookup far commoner than the candidates, never a Latin prefix', () => {
    expect(worthReading(han, 3 * POSTINGS_PER_CANDIDATE_WORTH_READING, 3)).toBe(true);
    expect(worthReading(han, 3 * POSTINGS_PER_CANDIDATE_WORTH_READING + 1, 3)).toBe(false);
    expect(worthReading({ term: '水', prefix: true }, 1000, 3)).toBe(false);
    expect(worthReading(latin, 1000, 3)).toBe(true);
  });
});
