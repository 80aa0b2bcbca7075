import { describe, expect, it } from 'vitest';
import { highlightRanges, snippet, type TextRange } from './highlight';

const marked = (text: string, ranges: TextRange[]) => ranges.map(([s, e]) => text.slice(s, e));

describe('highlightRanges', () => {
  it('marks every occurrence of a word', () => {
    const text = '加强水质检测，定期公布水质';
    const ranges = highlightRanges(text, '水质');
    expect(ranges).toEqual([
      [2, 4],
      [11, 13],
    ]);
    expect(marked(text, ranges)).toEqual(['水质', '水质']);
  });

  it('merges overlapping and touching occurrences into one range', () => {
    expect(highlightRanges('水水水', '水水')).toEqual([[0, 3]]);
    // 饮水 and 水安 overlap at 水; 安全 touches 水安
    expect(highlightRanges('农村饮水安全保障', '饮水 水安 安全')).toEqual([[2, 6]]);
    expect(highlightRanges('饮水安全', '饮水 安全')).toEqual([[0, 4]]);
  });

  it('marks each word of a multi-word query, sorted', () => {
    expect(highlightRanges('自来水管网改造，水质检测', '水质 管网')).toEqual([
      [3, 5],
      [8, 10],
    ]);
  });

  it('maps matches in full-width text back to the original offsets', () => {
    const text = '空气中ＰＭ２．５浓度（５Ｇ）';
    const ranges = highlightRanges(text, 'pm2.5');
    expect(ranges).toEqual([[3, 8]]);
    expect(marked(text, ranges)).toEqual(['ＰＭ２．５']);
    expect(marked(text, highlightRanges(text, '5g'))).toEqual(['５Ｇ']);
  });

  it('is case-insensitive and keeps the original case in the marked text', () => {
    const text = 'Covid-19 与 COVID 防控';
    expect(marked(text, highlightRanges(text, 'covid'))).toEqual(['Covid', 'COVID']);
  });

  it('maps a character that normalises to several to its whole original span', () => {
    const text = '面积100㎡';
    expect(marked(text, highlightRanges(text, 'm2'))).toEqual(['㎡']);
  });

  it('keeps surrogate pairs whole', () => {
    const text = '甲\u{20000}乙';
    expect(highlightRanges(text, '\u{20000}乙')).toEqual([[1, 4]]);
  });

  it('returns nothing for an empty or unmatched query', () => {
    expect(highlightRanges('水质检测', '')).toEqual([]);
    expect(highlightRanges('水质检测', '，')).toEqual([]);
    expect(highlightRanges('水质检测', '空气')).toEqual([]);
  });
});

describe('snippet', () => {
  const body = '一'.repeat(100) + '水质检测' + '二'.repeat(100) + '水质';

  it('cuts an excerpt of radius characters around the first match, ranges relative to it', () => {
    const s = snippet(body, '水质', 10);
    expect(s.text).toBe('一'.repeat(10) + '水质检测' + '二'.repeat(8));
    expect(s.ranges).toEqual([[10, 12]]);
    expect(marked(s.text, s.ranges)).toEqual(['水质']);
    expect(s.clippedStart).toBe(true);
    expect(s.clippedEnd).toBe(true);
  });

  it('does not clip when the match is near the edges and includes every match inside', () => {
    const s = snippet('水质好，水质稳定', '水质');
    expect(s).toEqual({
      text: '水质好，水质稳定',
      ranges: [
        [0, 2],
        [4, 6],
      ],
      clippedStart: false,
      clippedEnd: false,
    });
  });

  it('clips a range cut by the excerpt edge', () => {
    const s = snippet('农村一二饮水安全', '农村 饮水安全', 3);
    // first match 农村 [0,2) → excerpt [0,5); 饮水安全 [4,8) is cut to [4,5)
    expect(s.text).toBe('农村一二饮');
    expect(s.ranges).toEqual([
      [0, 2],
      [4, 5],
    ]);
    expect(s.clippedEnd).toBe(true);
  });

  it('starts from the beginning when nothing matches, and turns line breaks into spaces', () => {
    const s = snippet('第一行\n第二行', '空气', 3);
    expect(s).toEqual({ text: '第一行 第二', ranges: [], clippedStart: false, clippedEnd: true });
  });

  it('never splits a surrogate pair at the excerpt edge', () => {
    const text = '\u{20000}' + '甲乙' + '水质';
    const s = snippet(text, '水质', 3);
    expect(s.text.startsWith('\u{20000}')).toBe(true);
    expect(marked(s.text, s.ranges)).toEqual(['水质']);
  });
});
