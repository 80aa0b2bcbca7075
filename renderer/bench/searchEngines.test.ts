import { describe, expect, it } from 'vitest';
import { buildFlexSearch, buildLinearScan, buildMiniSearch, fullNgramQueryTerms, fullNgramTerms, type CorpusDocument } from './searchEngines';

const corpus: CorpusDocument[] = [
  { id: 'A', title: '关于加强农村饮水安全保障的提案', body: '部分村组自来水管网老化；水质检测频次不足。' },
  { id: 'B', title: '关于推进城乡公路养护的建议', body: '乡道破损，沿线村庄饮水工程施工后路面未及时恢复。推进５Ｇ基站建设。' },
  { id: 'C', title: '关于改善乡村学校水质的提案', body: '学校饮用水需定期检测。' },
  { id: 'D', title: '水质报告', body: '质检合格，检测完成。' },
];
const queries = ['饮水', '水质', '水', '水质检测', '饮水 公路', '5g', '高铁', '校'];

describe('the n-gram tokenizer given to FlexSearch', () => {
  it('indexes every Han character and pair, and Latin words with their parts', () => {
    expect(fullNgramTerms('饮水，5G')).toEqual(expect.arrayContaining(['饮', '水', '饮水', '5g', '5', 'g']));
    expect(fullNgramTerms('饮水，5G')).not.toContain('水5');
  });

  it('queries a word by its bigrams, a one-character word by its character', () => {
    expect(fullNgramQueryTerms('水质检测 校')).toEqual(['水质', '质检', '检测', '校']);
  });
});

describe('the peers', () => {
  const linear = buildLinearScan(corpus);

  it('linear scan: the proposals containing every word', () => {
    expect(linear.search('水质检测')).toEqual(['A']);
    expect(linear.search('饮水 公路')).toEqual(['B']);
    expect(linear.search('高铁')).toEqual([]);
    expect(linear.search(' ，')).toEqual([]);
  });

  it.each([
    ['MiniSearch', () => buildMiniSearch(corpus)],
    ['FlexSearch (bigram)', () => buildFlexSearch(corpus, 'bigram')],
  ])('%s finds every proposal the linear scan finds (it may add scattered-bigram matches)', (_name, build) => {
    const engine = build();
    for (const query of queries) expect(engine.search(query)).toEqual(expect.arrayContaining(linear.search(query)));
    // 水质, 质检, 检测 all in D, apart: an index of bigrams alone cannot tell.
    expect(engine.search('水质检测')).toEqual(expect.arrayContaining(['A', 'D']));
  });

  it('FlexSearch with its CJK charset answers in characters', () => {
    const engine = buildFlexSearch(corpus, 'cjk');
    expect(engine.search('校')).toEqual(['C']);
    expect(engine.search('高铁')).toEqual([]);
  });
});
