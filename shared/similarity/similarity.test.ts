import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildSimilarityModel,
  countTerms,
  inverseDocumentFrequency,
  rankSimilar,
  similarity,
  vectorize,
  type SimilarityDocument,
} from './index';
import { SAMPLE_PROPOSALS, sampleDocument } from './sampleProposals';

const docs = SAMPLE_PROPOSALS.map(sampleDocument);
const model = buildSimilarityModel(docs);
const groupOf = new Map(SAMPLE_PROPOSALS.map((p) => [p.id, p.group]));
const byId = new Map(docs.map((d) => [d.id, d]));
const doc = (id: string) => byId.get(id)!;
const rankedIds = (query: { id?: string; title: string; body: string }, options = {}) =>
  rankSimilar(model, query, docs, options).map((m) => m.id);

describe('countTerms', () => {
  it('counts each bigram of a Han run, never across punctuation', () => {
    const counts = countTerms('水质检测，水质');
    expect(Object.fromEntries(counts)).toEqual({ 水质: 2, 质检: 1, 检测: 1 });
  });

  it('cuts out the 案由 frame and stock verbs, and the bigrams they would form with their neighbours', () => {
    const terms = [...countTerms('关于进一步加强农村饮水安全的提案', true).keys()];
    expect(terms.sort()).toEqual(['农村', '安全', '村饮', '水安', '饮水'].sort());
    // In a body, 的 before 提案 is ordinary text; only the word itself is cut.
    expect([...countTerms('我县的提案数量').keys()]).not.toContain('提案');
  });

  it('keeps Latin words with a letter, drops bare numbers', () => {
    const terms = [...countTerms('推进5G基站建设，2024年治理ＰＭ２．５').keys()];
    expect(terms).toEqual(expect.arrayContaining(['5g', 'pm2.5', '基站']));
    expect(terms).not.toContain('2024');
  });
});

describe('inverseDocumentFrequency', () => {
  it('falls towards zero for a term in (nearly) every document and is highest for a rare one', () => {
    const collection = buildSimilarityModel([
      ...Array.from({ length: 50 }, (_, i) => ({ id: `d${i}`, title: '群众反映', body: i === 0 ? '饮水困难' : '道路' })),
    ]);
    const everywhere = inverseDocumentFrequency(collection, '群众');
    const rare = inverseDocumentFrequency(collection, '饮水');
    const absent = inverseDocumentFrequency(collection, '停车');
    expect(everywhere).toBeGreaterThan(0);
    expect(everywhere).toBeLessThan(rare / 100);
    expect(absent).toBeGreaterThan(rare);
  });
});

describe('similarity', () => {
  it('is 1 for the same text and 0 for texts sharing nothing weighted', () => {
    const water = vectorize(model, doc('water-1'));
    expect(similarity(water, water)).toBeCloseTo(1, 10);
    expect(similarity(vectorize(model, { title: '饮水安全', body: '' }), vectorize(model, { title: '停车难', body: '' }))).toBe(0);
    expect(similarity(vectorize(model, { title: '', body: '' }), water)).toBe(0);
  });

  it('is symmetric and within [0, 1] for every pair of the sample collection', () => {
    const vectors = docs.map((d) => vectorize(model, d));
    for (const a of vectors) {
      for (const b of vectors) {
        const ab = similarity(a, b);
        expect(ab).toBe(similarity(b, a));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
      }
    }
  });

  it('is symmetric and within [0, 1] for arbitrary texts', () => {
    const text = fc.string({ unit: fc.constantFrom(...'农村饮水安全停车难城区养老服务，。5gA '.split('')), maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, text, (t1, b1, t2, b2) => {
        const a = vectorize(model, { title: t1, body: b1 });
        const b = vectorize(model, { title: t2, body: b2 });
        const ab = similarity(a, b);
        return ab === similarity(b, a) && ab >= 0 && ab <= 1;
      }),
    );
  });

  it('lets a rare shared word outweigh several words every proposal uses', () => {
    const filler = Array.from({ length: 30 }, (_, i) => ({ id: `f${i}`, title: `事项${i}`, body: '我县群众反映问题突出。' }));
    const commonWords = { id: 'common', title: '营商环境', body: '我县群众反映问题突出，审批环节多。' };
    const rareWord = { id: 'rare', title: '山区取水', body: '旱季水窖干涸，审批环节多。' };
    const collection = [...filler, commonWords, rareWord];
    const query = { title: '', body: '我县群众反映问题突出，旱季水窖干涸。' };
    expect(rankSimilar(buildSimilarityModel(collection), query, [commonWords, rareWord]).map((m) => m.id)).toEqual(['rare', 'common']);
  });

  it('weighs the 案由 above the body: a shared title subject beats the same words in a long body', () => {
    const query = vectorize(model, { title: '关于保障农村饮水安全的提案', body: '' });
    const sameTitle = vectorize(model, { title: '关于农村饮水安全的建议', body: doc('other-business').body });
    const inBody = vectorize(model, {
      title: doc('other-business').title,
      body: `${doc('other-business').body}农村饮水安全。`,
    });
    expect(similarity(query, sameTitle)).toBeGreaterThan(similarity(query, inBody));
  });
});

describe('rankSimilar on the sample collection', () => {
  const groups = ['water', 'parking', 'schools', 'elderly'] as const;

  it.each(groups.flatMap((g) => SAMPLE_PROPOSALS.filter((p) => p.group === g).map((p) => [g, p.id] as const)))(
    'ranks the other %s near-duplicates of %s above every unrelated proposal',
    (group, id) => {
      const ranked = rankedIds(doc(id));
      const siblings = SAMPLE_PROPOSALS.filter((p) => p.group === group && p.id !== id).map((p) => p.id);
      expect(ranked.slice(0, siblings.length).sort()).toEqual(siblings.sort());
      // …and the query itself is never among its own matches.
      expect(ranked).not.toContain(id);
    },
  );

  it('finds the right group for a short new draft that is not in the collection', () => {
    const draft = { title: '关于保障农村饮水安全的提案', body: '部分村组自来水管网老化，水质检测不足。' };
    const ranked = rankedIds(draft);
    expect(ranked.slice(0, 3).map((id) => groupOf.get(id))).toEqual(['water', 'water', 'water']);
    expect(ranked[0]).toBe('water-1'); // the one whose 案由 names the same subject
    expect(rankedIds({ title: '城区停车难', body: '' }).slice(0, 3).map((id) => groupOf.get(id))).toEqual(['parking', 'parking', 'parking']);
  });

  it('ranks an identical copy first, above the near-duplicates', () => {
    const copy: SimilarityDocument = { ...doc('schools-2'), id: 'copy-of-schools-2' };
    const withCopy = buildSimilarityModel([...docs, copy]);
    const matches = rankSimilar(withCopy, doc('schools-2'), [...docs, copy]);
    expect(matches[0]!.id).toBe('copy-of-schools-2');
    expect(matches[0]!.score).toBeGreaterThan(matches[1]!.score);
    expect(matches[0]!.score).toBeCloseTo(1, 10);
  });

  it('returns nothing for an empty query, or one made only of punctuation and the 案由 frame', () => {
    expect(rankSimilar(model, { title: '', body: '' }, docs)).toEqual([]);
    expect(rankSimilar(model, { title: '，。！', body: '  ' }, docs)).toEqual([]);
    expect(rankSimilar(model, { title: '关于进一步加强的提案', body: '建议' }, docs)).toEqual([]);
  });

  it('does not match proposals on the 案由 frame alone', () => {
    const frameOnly = rankSimilar(model, { title: '关于进一步加强非遗保护的提案', body: '' }, docs).map((m) => m.id);
    expect(frameOnly[0]).toBe('other-heritage');
    // Every other proposal titled "关于进一步加强……的提案" shares only the frame with this query.
    expect(frameOnly).not.toContain('other-cadres');
  });

  it('respects limit and minScore, and orders by score', () => {
    const all = rankSimilar(model, doc('water-1'), docs);
    expect(all.map((m) => m.score)).toEqual([...all.map((m) => m.score)].sort((a, b) => b - a));
    expect(rankSimilar(model, doc('water-1'), docs, { limit: 2 })).toEqual(all.slice(0, 2));
    const threshold = all[1]!.score;
    expect(rankSimilar(model, doc('water-1'), docs, { minScore: threshold }).map((m) => m.id)).toEqual(all.slice(0, 2).map((m) => m.id));
    expect(rankSimilar(model, doc('water-1'), docs, { limit: 0 })).toEqual([]);
  });

  it('explains a match with the shared words, boilerplate never among them', () => {
    const [best] = rankSimilar(model, doc('water-1'), docs);
    expect(best!.id).toBe('water-2');
    expect(best!.sharedTerms.length).toBeGreaterThan(0);
    expect(best!.sharedTerms.length).toBeLessThanOrEqual(5);
    // Adjacent shared bigrams come back as the phrase both texts contain.
    expect(best!.sharedTerms).toContain('饮水安全');
    for (const m of rankSimilar(model, doc('other-cadres'), docs)) {
      for (const term of m.sharedTerms) {
        expect(term).not.toMatch(/关于|提案|加强|进一步/);
        expect(doc('other-cadres').title + doc('other-cadres').body).toContain(term);
        expect(doc(m.id).title + doc(m.id).body).toContain(term);
      }
    }
  });

  it('gives the same order whatever order the candidates come in', () => {
    const reversed = rankSimilar(model, doc('elderly-1'), [...docs].reverse()).map((m) => m.id);
    expect(reversed).toEqual(rankedIds(doc('elderly-1')));
  });
});
