import { describe, expect, it } from 'vitest';
import { BODY_COUNT_CAP, BODY_HIT, BODY_REPEAT, byRelevance, containedWordScore, scoreIfContainsAll, scoreMatch, sortByRelevance, TITLE_HIT, type ScoredCandidate } from './rank';

describe('scoreMatch', () => {
  it('scores a title hit above a body hit, however often the body repeats the word', () => {
    const inTitle = scoreMatch({ title: '加强水质检测', body: '' }, ['水质']);
    const inBody = scoreMatch({ title: '加强农村饮水', body: '水质 水质 水质 水质 水质 水质 水质' }, ['水质']);
    expect(inTitle).toBeGreaterThan(inBody);
    expect(inBody).toBeGreaterThan(0);
  });

  it('scores more body occurrences higher, up to a cap', () => {
    const once = scoreMatch({ title: '', body: '水质' }, ['水质']);
    const twice = scoreMatch({ title: '', body: '水质 水质' }, ['水质']);
    const many = scoreMatch({ title: '', body: '水质 '.repeat(20) }, ['水质']);
    const evenMore = scoreMatch({ title: '', body: '水质 '.repeat(40) }, ['水质']);
    expect(twice).toBeGreaterThan(once);
    expect(many).toBeGreaterThan(twice);
    expect(evenMore).toBe(many);
  });

  it('ranks exact containment above scattered bigrams', () => {
    const exact = scoreMatch({ title: '', body: '农村饮水' }, ['农村饮水']);
    const scattered = scoreMatch({ title: '', body: '农村 村饮 饮水' }, ['农村饮水']);
    expect(exact).toBeGreaterThan(scattered);
    expect(scattered).toBeGreaterThan(0);
    expect(scoreMatch({ title: '', body: '空气' }, ['农村饮水'])).toBe(0);
  });

  it('gives a bonus when the words of a multi-word query stand together', () => {
    const together = scoreMatch({ title: '', body: '农村饮水安全' }, ['农村', '饮水']);
    const apart = scoreMatch({ title: '', body: '饮水安全 农村' }, ['农村', '饮水']);
    expect(together).toBeGreaterThan(apart);
  });
});

describe('byRelevance', () => {
  const c = (id: string, score: number, updatedAt: string): ScoredCandidate => ({ id, score, updatedAt });

  it('orders by score, then newest update, then id', () => {
    const list = [
      c('A', 3, '2026-01-01T00:00:00.000Z'),
      c('B', 10, '2025-01-01T00:00:00.000Z'),
      c('C', 3, '2026-02-01T00:00:00Z'),
      c('D', 3, '2026-01-01T00:00:00.000Z'),
    ];
    expect(list.sort(byRelevance).map((x) => x.id)).toEqual(['B', 'C', 'D', 'A']);
  });
});

describe('scoreIfContainsAll', () => {
  const cases: [string, string, string[]][] = [
    ['加强水质检测', '', ['水质']],
    ['', '水质 水质 水质 水质 水质 水质 水质', ['水质']],
    ['农村饮水', '农村饮水安全 饮水', ['农村', '饮水']],
    ['', '饮水安全 农村', ['农村', '饮水']],
  ];

  it('gives scoreMatch’s score when every word is contained', () => {
    for (const [title, body, words] of cases) expect(scoreIfContainsAll({ title, body }, words)).toBe(scoreMatch({ title, body }, words));
  });

  it('is undefined as soon as one word is not contained, even if its bigrams are there', () => {
    expect(scoreIfContainsAll({ title: '', body: '农村 村饮 饮水' }, ['农村饮水'])).toBeUndefined();
    expect(scoreIfContainsAll({ title: '农村', body: '' }, ['农村', '饮水'])).toBeUndefined();
  });
});

describe('containedWordScore', () => {
  it('adds a title hit and capped body repeats', () => {
    expect(containedWordScore(true, 0)).toBe(TITLE_HIT);
    expect(containedWordScore(false, 1)).toBe(BODY_HIT);
    expect(containedWordScore(true, 2)).toBe(TITLE_HIT + BODY_HIT + BODY_REPEAT);
    expect(containedWordScore(false, 99)).toBe(containedWordScore(false, BODY_COUNT_CAP));
  });
});

describe('sortByRelevance', () => {
  it('orders as byRelevance does', () => {
    const list: ScoredCandidate[] = [
      { id: 'A', score: 3, updatedAt: '2026-01-01T00:00:00.000Z' },
      { id: 'B', score: 10, updatedAt: '2025-01-01T00:00:00.000Z' },
      { id: 'C', score: 3, updatedAt: '2026-02-01T00:00:00Z' },
      { id: 'D', score: 3, updatedAt: '2026-01-01T00:00:00.000Z' },
      { id: 'E', score: 3, updatedAt: 'not a date' },
    ];
    expect(sortByRelevance([...list]).map((x) => x.id)).toEqual([...list].sort(byRelevance).map((x) => x.id));
  });
});
