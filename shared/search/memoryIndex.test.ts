import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemorySearchIndex, type MemoryIndexDocument } from './memoryIndex';
import { byRelevance, scoreMatch, type ScoredCandidate } from './rank';
import { indexTerms, isHanChar, parseQuery, searchableText } from './tokenize';

/**
 * The specification the in-memory index must meet, written the slow, obvious way: a live document matches when its
 * title or body contains every query word, and each Latin/digit part of the query starts one of its index terms
 * ("pm" finds pm2.5, "m2" does not); matches are scored by rank.scoreMatch and ordered by rank.byRelevance.
 */
function reference(docs: Iterable<MemoryIndexDocument>, query: string, options: { restrictTo?: ReadonlySet<string>; limit?: number } = {}): string[] {
  const words = parseQuery(query);
  if (words.length === 0) return [];
  const scored: ScoredCandidate[] = [];
  for (const doc of docs) {
    if (options.restrictTo && !options.restrictTo.has(doc.id)) continue;
    const fields = { title: searchableText(doc.title), body: searchableText(doc.body) };
    if (!words.every((w) => fields.title.includes(w.text) || fields.body.includes(w.text))) continue;
    const terms = indexTerms(`${doc.title}\n${doc.body}`);
    const latinPrefixes = words.flatMap((w) => w.prefixes.filter((p) => !isHanChar(p)));
    if (!latinPrefixes.every((p) => terms.some((t) => t.startsWith(p)))) continue;
    scored.push({ id: doc.id, score: scoreMatch(fields, words.map((w) => w.text)), updatedAt: doc.updatedAt });
  }
  const ids = scored.sort(byRelevance).map((s) => s.id);
  return options.limit === undefined ? ids : ids.slice(0, options.limit);
}

const doc = (id: string, title: string, body: string, updatedAt = '2026-03-01T08:00:00.000Z'): MemoryIndexDocument => ({ id, title, body, updatedAt });

describe('MemorySearchIndex', () => {
  const water = doc('A', '关于加强农村饮水安全保障的提案', '部分村组自来水管网老化；水质检测频次不足，群众反映强烈。\n一是加快管网改造。');
  const roads = doc('B', '关于推进城乡公路养护的建议', '乡道破损，雨季积水；沿线村庄饮水工程施工后路面未及时恢复。\n推进５Ｇ基站沿路建设，治理PM2.5。');
  const school = doc('C', '关于改善乡村学校水质的提案', '学校饮用水需定期检测。', '2026-01-01T08:00:00.000Z');

  function indexOf(...docs: MemoryIndexDocument[]): MemorySearchIndex {
    const index = new MemorySearchIndex();
    for (const d of docs) index.put(d);
    return index;
  }

  it('finds words of one, two and more characters, title hits first', () => {
    const index = indexOf(water, roads, school);
    expect(index.search(parseQuery('水质'))).toEqual(['C', 'A']);
    expect(index.search(parseQuery('烈'))).toEqual(['A']);
    expect(index.search(parseQuery('饮'))).toEqual(reference([water, roads, school], '饮'));
    expect(index.search(parseQuery('水质检测'))).toEqual(['A']);
    expect(index.search(parseQuery('养护路'))).toEqual([]);
  });

  it('ANDs words and matches Latin parts from their start', () => {
    const index = indexOf(water, roads, school);
    expect(index.search(parseQuery('饮水 公路'))).toEqual(['B']);
    expect(index.search(parseQuery('5g'))).toEqual(['B']);
    expect(index.search(parseQuery('pm 路面'))).toEqual(['B']);
    expect(index.search(parseQuery('2.5'))).toEqual(['B']);
    // "m2" is inside pm2.5 but starts no word or part of one.
    expect(index.search(parseQuery('m2'))).toEqual([]);
    expect(index.search(parseQuery('m2 路面'))).toEqual([]);
  });

  it('scores a short word from its postings exactly as from the text, repeats and doubled characters included', () => {
    const docs = [
      doc('A', '哈哈', '哈哈哈，哈哈哈哈。哈'),
      doc('B', '其他', '哈哈 哈哈 哈哈 哈哈 哈哈 哈哈 哈哈'),
      doc('C', '哈', '哈。'),
      doc('D', '无关', '嘿嘿哈'),
    ];
    const index = indexOf(...docs);
    for (const query of ['哈哈', '哈', '嘿哈', '嘿']) expect(index.search(parseQuery(query))).toEqual(reference(docs, query));
  });

  it('counts a doubled character pair without overlaps, as the text search does', () => {
    // "哈哈哈" holds 哈哈 once (3 points), "哈哈 哈哈" twice (3.5): the older second one ranks first.
    const once = doc('X', '其他', '哈哈哈', '2026-05-01T00:00:00.000Z');
    const twice = doc('Y', '其他', '哈哈 哈哈', '2026-01-01T00:00:00.000Z');
    expect(indexOf(once, twice).search(parseQuery('哈哈'))).toEqual(['Y', 'X']);
  });

  it('always reads a Latin prefix, however common, so a Latin word never matches mid-word', () => {
    const common = Array.from({ length: 30 }, (_, i) => doc(`m${i}`, '其他', `mg ${i}`));
    const water = doc('W', '饮水', '饮水 pm');
    const index = indexOf(water, ...common);
    // 饮水 leaves one candidate; "m" starts a term of 30 documents, but not of W, whose "m" is inside "pm".
    expect(index.search(parseQuery('饮水 m'))).toEqual([]);
    expect(index.search(parseQuery('饮水 p'))).toEqual(['W']);
  });

  it('checks the text of a longer word whose first bigram alone is in the title or the body', () => {
    const docs = [
      doc('T', '水质检测', '水质良好。'), // 水质检 in the title; 水质 once in the body, 水质检 not
      doc('S', '其他', '水质 质检 水质检'), // in the body once, after a scattered 水质
      doc('N', '其他', '水质，质检。'), // 水质 once and 质检, apart: no match
    ];
    const index = indexOf(...docs);
    expect(index.search(parseQuery('水质检'))).toEqual(reference(docs, '水质检'));
    expect(index.search(parseQuery('水质检'))).toEqual(['T', 'S']);
  });

  it('restricts to candidate ids and limits the result', () => {
    const index = indexOf(water, roads, school);
    expect(index.search(parseQuery('水质'), { restrictTo: new Set(['A', 'B']) })).toEqual(['A']);
    expect(index.search(parseQuery('水质'), { restrictTo: new Set() })).toEqual([]);
    expect(index.search(parseQuery('水质'), { limit: 1 })).toEqual(['C']);
  });

  it('restricts to a few candidates among many matches (a delegate’s own proposals)', () => {
    const docs = Array.from({ length: 200 }, (_, i) => doc(`d${i}`, i % 3 ? '关于农村饮水的提案' : '其他', `饮水安全 ${'水质检测'.repeat(i % 4)}`, `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00.000Z`));
    const index = new MemorySearchIndex();
    index.putAll(docs);
    const restrictTo = new Set(['d3', 'd7', 'd8', 'd10', 'd199', 'gone']);
    for (const query of ['饮水安全', '水质检测', '饮水 水质检测', '饮水', '关于农村饮水']) {
      expect(index.search(parseQuery(query), { restrictTo })).toEqual(reference(docs, query, { restrictTo }));
    }
  });

  it('replaces and removes documents, and squeezes out dead postings', () => {
    const index = indexOf(water, roads, school);
    index.put({ ...roads, title: '关于桥梁检测的建议', body: '桥梁老化。' });
    expect(index.search(parseQuery('养护'))).toEqual([]);
    expect(index.search(parseQuery('桥梁'))).toEqual(['B']);
    index.remove('A');
    expect(index.search(parseQuery('水质'))).toEqual(['C']);
    expect(index.size).toBe(2);
    // A fifth of the postings dead: compacted, and the answers stay the same.
    expect(index.stats().deadPostings).toBe(0);
    const live = index.stats().postings;
    index.remove('C');
    expect(index.stats()).toMatchObject({ documents: 1, deadPostings: 0 });
    expect(index.stats().postings).toBeLessThan(live);
    expect(index.search(parseQuery('桥梁'))).toEqual(['B']);
  });

  describe('orders many hits exactly as few', () => {
    // Dates out of order, so that one-by-one puts leave the slots out of recency order; putAll sorts them.
    const docs = Array.from({ length: 2600 }, (_, i) =>
      doc(`id${String(i).padStart(5, '0')}`, i % 7 === 0 ? '关于水质' : '关于', '水质 '.repeat(i % 6) + '其他', `2026-0${1 + (i % 9)}-01T08:00:00.000Z`),
    );
    const queries = ['关于', '水质', '关于 水质', '水', '关于水'];

    it('with the slots in recency order (loaded at once)', () => {
      const index = new MemorySearchIndex();
      index.putAll(docs);
      for (const query of queries) expect(index.search(parseQuery(query))).toEqual(reference(docs, query));
      expect(index.search(parseQuery('关于'), { limit: 3 })).toEqual(reference(docs, '关于', { limit: 3 }));
    });

    it('with the slots out of it (put one by one), and again after a compaction restores it', () => {
      const index = indexOf(...docs);
      for (const query of queries) expect(index.search(parseQuery(query))).toEqual(reference(docs, query));
      const edited = { ...docs[5]!, updatedAt: '2027-01-01T00:00:00.000Z' };
      index.put(edited);
      const current = [...docs.slice(0, 5), edited, ...docs.slice(6)];
      expect(index.search(parseQuery('关于'))[0]).toBe(edited.id);
      expect(index.search(parseQuery('关于'))).toEqual(reference(current, '关于'));
      // Removing more than a fifth compacts (at a fifth), renumbering the slots newest last.
      for (const d of current.slice(0, 600)) index.remove(d.id);
      expect(index.stats().deadPostings).toBeLessThan(index.stats().postings * 0.2);
      for (const query of queries) expect(index.search(parseQuery(query))).toEqual(reference(current.slice(600), query));
      const older = { ...current[1000]!, updatedAt: '2025-01-01T00:00:00.000Z' };
      index.put(older);
      expect(index.search(parseQuery('关于'))).toEqual(reference([...current.slice(600, 1000), older, ...current.slice(1001)], '关于'));
    });
  });

  it('answers every query as the specification does, through adds, replacements and removals', () => {
    const alphabet = ['水', '质', '检', '测', '哈', '农', '村', 'a', 'b', 'p', 'm', '2', '5', 'g', '.', ' ', '，', '\n', 'Ｇ'];
    const text = (max: number) => fc.array(fc.constantFrom(...alphabet), { maxLength: max }).map((cs) => cs.join(''));
    const document = fc.record({
      id: fc.constantFrom('d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'),
      title: text(8),
      body: text(30),
      updatedAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 'not a date'),
    });
    const operation = fc.oneof(
      { weight: 4, arbitrary: document.map((d) => ({ put: d })) },
      { weight: 1, arbitrary: fc.constantFrom('d0', 'd1', 'd2', 'd3').map((id) => ({ remove: id })) },
    );
    // Half the queries are stretches of a document's text, so that most of them find something.
    const query = fc.record({
      text: text(6),
      from: fc.option(fc.record({ doc: fc.nat(), field: fc.boolean(), start: fc.nat(), length: fc.integer({ min: 1, max: 5 }) }), { nil: undefined }),
      restrictTo: fc.option(fc.subarray(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']), { nil: undefined }),
      limit: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), fc.array(query, { minLength: 1, maxLength: 8 }), (operations, queries) => {
        const index = new MemorySearchIndex();
        const docs = new Map<string, MemoryIndexDocument>();
        for (const op of operations) {
          if ('put' in op) {
            index.put(op.put);
            docs.set(op.put.id, op.put);
          } else {
            index.remove(op.remove);
            docs.delete(op.remove);
          }
        }
        const texts = [...docs.values()].flatMap((d) => [d.title, d.body]);
        for (const q of queries) {
          const source = q.from && texts.length ? texts[q.from.doc % texts.length]! : undefined;
          const queryText = source && q.from ? source.slice(q.from.start % (source.length + 1), (q.from.start % (source.length + 1)) + q.from.length) : q.text;
          const options = { ...(q.restrictTo ? { restrictTo: new Set(q.restrictTo) } : {}), ...(q.limit ? { limit: q.limit } : {}) };
          expect(index.search(parseQuery(queryText), options)).toEqual(reference(docs.values(), queryText, options));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('checks longer words from the bigrams’ counts and first positions exactly as from the text', () => {
    // A small alphabet makes every kind of case: a bigram once or often, apart or in place, doubled, repeated in the word.
    const alphabet = ['甲', '乙', '丙', '丁', '𠀀', '，'];
    const text = (min: number, max: number) => fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text(0, 6), body: text(0, 60) }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.record({ doc: fc.nat(), start: fc.nat(), length: fc.integer({ min: 3, max: 8 }), second: fc.option(text(2, 4), { nil: undefined }) }), { minLength: 1, maxLength: 10 }),
        (fields, picks) => {
          const docs = fields.map((f, i) => doc(`d${i}`, f.title, f.body, `2026-01-0${1 + (i % 9)}T00:00:00.000Z`));
          const index = new MemorySearchIndex();
          index.putAll(docs);
          for (const pick of picks) {
            const chars = Array.from(docs[pick.doc % docs.length]!.body);
            const start = pick.start % (chars.length + 1);
            const word = chars.slice(start, start + pick.length).join('');
            const query = pick.second ? `${word} ${pick.second}` : word;
            expect(index.search(parseQuery(query))).toEqual(reference(docs, query));
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds a word past the 65,535th character of a body or the 62nd of a title, where no first position is kept', () => {
    const far = doc('F', '其他', `${'乙'.repeat(70000)}甲丙丁，甲丙丁`);
    const near = doc('N', '其他', '甲丙丁');
    const longTitle = doc('T', `${'乙丙'.repeat(40)}甲丙丁`, '其他');
    const docs = [far, near, longTitle];
    const index = indexOf(...docs);
    for (const query of ['甲丙丁', '乙甲丙', '丙甲丙', '乙丙乙']) expect(index.search(parseQuery(query))).toEqual(reference(docs, query));
    expect(index.search(parseQuery('丙甲丙'))).toEqual(['T']);
    expect(index.search(parseQuery('乙甲丙'))).toEqual(['F']);
  });

  it('counts the live documents holding each term, through replacements and removals', () => {
    const index = indexOf(water, roads, school);
    expect(index.documentFrequency('饮水')).toBe(2);
    expect(index.documentFrequency('5g')).toBe(1);
    expect(index.mostWeighted([['饮水', 1]], 5, new Set())).toEqual(['A', 'B']);
    expect(index.holdsTerm('A', '饮水')).toBe(true);
    expect(index.holdsTerm('C', '饮水')).toBe(false);
    index.put({ ...roads, title: '关于桥梁检测的建议', body: '桥梁老化。' });
    expect(index.documentFrequency('饮水')).toBe(1);
    expect(index.documentFrequency('桥梁')).toBe(1);
    expect(index.mostWeighted([['饮水', 1]], 5, new Set())).toEqual(['A']);
    expect(index.holdsTerm('B', '饮水')).toBe(false);
    index.remove('A');
    expect(index.documentFrequency('饮水')).toBe(0);
    expect(index.mostWeighted([['饮水', 1]], 5, new Set())).toEqual([]);
    expect(index.documentFrequency('水质')).toBe(1);
    expect(index.holdsTerm('A', '水质')).toBe(false);
  });

  it('ranks documents by the summed weights of the terms they hold as adding them up one by one does', () => {
    const docs = Array.from({ length: 60 }, (_, i) => doc(`d${String(i).padStart(2, '0')}`, i % 5 ? '饮水' : '其他', ['水质', '管网', '老化', '检测'].filter((_, k) => (i >> k) & 1).join('，')));
    const index = new MemorySearchIndex();
    index.putAll(docs);
    index.remove('d07');
    const weights: [string, number][] = [['其他', 0], ['管网', 0.1], ['水质', 0.2], ['饮水', 0.7], ['老化', 0.3], ['没有', 5], ['其他', 0]];
    const excluded = new Set(['d03', 'gone']);
    // The IndexedDB path's way: a running sum per id in the order of the weights, then sorted (ties: smaller id).
    const votes = new Map<string, number>();
    for (const [term, weight] of weights) for (const d of docs) if (d.id !== 'd07' && !excluded.has(d.id) && index.holdsTerm(d.id, term)) votes.set(d.id, (votes.get(d.id) ?? 0) + weight);
    const sorted = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
    for (const count of [0, 1, 10, 100]) expect(index.mostWeighted(weights, count, excluded)).toEqual(sorted.slice(0, count));
  });
});
