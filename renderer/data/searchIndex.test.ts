import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, proposalSchema, type Proposal } from '../../shared/domain';
import { openDatabase, type DelegateDeskDb } from './db';
import { proposalSearchCache } from './proposalSearchCache';
import { proposalSearchTerms, searchProposalIds, searchProposalIdsInDatabase, warmProposalSearch, type ProposalSearchOptions } from './searchIndex';

let db: DelegateDeskDb;
const leadDelegateId = newId();

beforeEach(async () => {
  db = openDatabase('test-' + Math.random().toString(36).slice(2));
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function addProposal(fields: {
  title: string;
  background: string;
  recommendations?: string;
  updatedAt?: string;
  deletedAt?: string;
}): Promise<Proposal> {
  const updatedAt = fields.updatedAt ?? '2026-03-01T08:00:00.000Z';
  const p = proposalSchema.parse({
    id: newId(),
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt,
    deletedAt: fields.deletedAt,
    kind: 'motion',
    title: fields.title,
    background: fields.background,
    recommendations: fields.recommendations ?? '',
    leadDelegateId,
    status: 'submitted',
  });
  await db.proposal.put(p);
  await db.searchIndex.put({ proposalId: p.id, terms: proposalSearchTerms(p) });
  return p;
}

describe('proposalSearchTerms', () => {
  it('covers title and body but pairs no characters across fields', () => {
    const terms = proposalSearchTerms({ title: '饮水安全', background: '管网', recommendations: '检测' });
    expect(terms).toEqual(expect.arrayContaining(['饮水', '安全', '管网', '检测']));
    expect(terms).not.toContain('全管');
    expect(terms).not.toContain('网检');
  });
});

/**
 * Every expectation holds for both ways the search answers: over IndexedDB (before the in-memory copy is built, or
 * inside a transaction) and from the in-memory copy (proposalSearchCache.ts), built before each search here so that
 * proposals added during a test reach it as single writes, the way an edit does.
 */
type Search = (db: DelegateDeskDb, query: string, options?: ProposalSearchOptions) => Promise<string[]>;
const fromMemory: Search = async (db, query, options) => {
  await warmProposalSearch(db);
  expect(proposalSearchCache(db).usableIndex()).toBeDefined();
  return searchProposalIds(db, query, options);
};

describe.each([
  ['over IndexedDB', searchProposalIdsInDatabase],
  ['from the in-memory copy', fromMemory],
] as [string, Search][])('searchProposalIds %s', (_path, search) => {
  let water: Proposal;
  let roads: Proposal;
  let school: Proposal;

  beforeEach(async () => {
    water = await addProposal({
      title: '关于加强农村饮水安全保障的提案',
      background: '部分村组自来水管网老化，漏损严重；水质检测频次不足，群众反映强烈。',
      recommendations: '一是加快管网改造；二是每季度开展水质检测并公开结果。',
    });
    roads = await addProposal({
      title: '关于推进城乡公路养护的建议',
      background: '乡道破损，雨季积水；沿线村庄饮水工程施工后路面未及时恢复。',
      recommendations: '建立县乡村三级养护机制，推进５Ｇ基站沿路建设。',
    });
    school = await addProposal({
      title: '关于改善乡村学校水质的提案',
      background: '学校饮用水需定期检测。',
      updatedAt: '2026-01-01T08:00:00.000Z',
    });
  });

  it('finds a two-character word from the body', async () => {
    expect(await search(db, '管网')).toEqual([water.id]);
  });

  it('ranks a title match above a body-only match', async () => {
    // 水质 is in school's title, in water's body only.
    expect(await search(db, '水质')).toEqual([school.id, water.id]);
  });

  it('does not match a word whose bigrams occur only apart', async () => {
    // 水质, 质检 and 检测 (the bigrams of 水质检测) all occur here, but 水质检测 itself does not.
    const scattered = await addProposal({ title: '水质报告', background: '质检合格，检测完成。' });
    const ids = await search(db, '水质检测');
    expect(ids).toContain(water.id);
    expect(ids).not.toContain(scattered.id);
    // 养护 and 机制 occur in roads, 护机 too ("养护机制"), but not 护路: no candidate at all.
    expect(await search(db, '养护路')).toEqual([]);
  });

  it('finds a one-character query', async () => {
    expect(await search(db, '校')).toEqual([school.id]);
    // 烈 only ends a sentence ("反映强烈。"): found through its lone-character term.
    expect(await search(db, '烈')).toEqual([water.id]);
    expect(await search(db, '饮')).toEqual(expect.arrayContaining([water.id, roads.id, school.id]));
  });

  it('excludes tombstoned proposals', async () => {
    const deleted = await addProposal({
      title: '关于自来水管网改造的提案',
      background: '管网老化。',
      deletedAt: '2026-03-02T08:00:00.000Z',
    });
    const ids = await search(db, '管网');
    expect(ids).toEqual([water.id]);
    expect(ids).not.toContain(deleted.id);
  });

  it('ANDs the words of a multi-word query', async () => {
    expect(await search(db, '饮水 公路')).toEqual([roads.id]);
    expect((await search(db, '水质，检测')).sort()).toEqual([water.id, school.id].sort());
    expect(await search(db, '饮水 高铁')).toEqual([]);
  });

  it('restricts to candidateIds', async () => {
    expect(await search(db, '水质', { candidateIds: new Set([water.id, roads.id]) })).toEqual([water.id]);
    expect(await search(db, '水质', { candidateIds: new Set() })).toEqual([]);
  });

  it('limits the result to the best matches', async () => {
    expect(await search(db, '水质', { limit: 1 })).toEqual([school.id]);
  });

  it('matches full-width and Latin text by normalised prefix', async () => {
    expect(await search(db, '5g')).toEqual([roads.id]);
    expect(await search(db, '５Ｇ基站')).toEqual([roads.id]);
    expect(await search(db, '6g')).toEqual([]);
  });

  it('matches a Latin word only from the start of a word, however common its prefix', async () => {
    for (let i = 0; i < 12; i++) await addProposal({ title: '其他', background: `mg${i}` });
    const haze = await addProposal({ title: '关于雾霾治理的提案', background: '治理pm2.5。' });
    // 雾霾 leaves one candidate and "m" starts terms of twelve others: still read, as haze's "m" is inside "pm".
    expect(await search(db, '雾霾 m')).toEqual([]);
    expect(await search(db, '雾霾 pm')).toEqual([haze.id]);
  });

  it('finds nothing for an empty or punctuation-only query', async () => {
    expect(await search(db, '')).toEqual([]);
    expect(await search(db, ' ，。')).toEqual([]);
  });

  it('breaks ties by the most recent update', async () => {
    const older = await addProposal({ title: '其他', background: '关注雨季积水', updatedAt: '2025-05-01T08:00:00.000Z' });
    const newer = await addProposal({ title: '其他', background: '关注雨季积水', updatedAt: '2026-05-01T08:00:00.000Z' });
    expect(await search(db, '积水')).toEqual([newer.id, roads.id, older.id]);
  });
});

describe('the in-memory copy stays in step with the database', () => {
  const draft = (title: string, background: string, updatedAt = '2026-03-01T08:00:00.000Z') =>
    proposalSchema.parse({
      id: newId(),
      createdAt: '2026-03-01T08:00:00.000Z',
      updatedAt,
      kind: 'motion',
      title,
      background,
      recommendations: '',
      leadDelegateId,
      status: 'submitted',
    });
  const put = async (...proposals: Proposal[]) => {
    await db.transaction('rw', db.proposal, db.searchIndex, async () => {
      await db.proposal.bulkPut(proposals);
      await db.searchIndex.bulkPut(proposals.map((p) => ({ proposalId: p.id, terms: proposalSearchTerms(p) })));
    });
  };

  it('is built by the first search, which IndexedDB answers meanwhile, and answers the next ones', async () => {
    const water = draft('关于农村饮水安全的提案', '管网老化。');
    await put(water);
    const cache = proposalSearchCache(db);
    expect(cache.state).toBe('empty');
    expect(await searchProposalIds(db, '饮水')).toEqual([water.id]);
    await warmProposalSearch(db);
    expect(cache.stats()).toMatchObject({ state: 'ready', documents: 1 });
    expect(await searchProposalIds(db, '饮水')).toEqual([water.id]);
  });

  it('reads a proposal written after the build again: added, edited, tombstoned', async () => {
    const water = draft('关于农村饮水安全的提案', '管网老化。');
    await put(water);
    await warmProposalSearch(db);

    const roads = draft('关于公路养护的建议', '管网施工后路面未恢复。');
    await put(roads);
    expect((await searchProposalIds(db, '管网')).sort()).toEqual([water.id, roads.id].sort());
    expect(await searchProposalIds(db, '养护')).toEqual([roads.id]);

    await put({ ...roads, title: '关于桥梁检测的建议', background: '桥梁老化。', updatedAt: '2026-04-01T08:00:00.000Z' });
    expect(await searchProposalIds(db, '养护')).toEqual([]);
    expect(await searchProposalIds(db, '桥梁')).toEqual([roads.id]);

    await db.transaction('rw', db.proposal, db.searchIndex, async () => {
      await db.proposal.put({ ...water, deletedAt: '2026-04-02T08:00:00.000Z' });
      await db.searchIndex.delete(water.id);
    });
    expect(await searchProposalIds(db, '饮水')).toEqual([]);
    expect(proposalSearchCache(db).state).toBe('ready');
  });

  it('after a write of many proposals at once, answers from IndexedDB until it is rebuilt', async () => {
    await put(draft('关于农村饮水安全的提案', '管网老化。'));
    await warmProposalSearch(db);
    // Dexie names the keys of a write of fewer than 50 rows only; this one marks the whole table.
    const many = Array.from({ length: 60 }, (_, i) => draft(`关于第${i}号路段养护的建议`, '路面破损。'));
    await put(...many);
    expect(proposalSearchCache(db).state).toBe('stale');
    expect((await searchProposalIds(db, '养护')).sort()).toEqual(many.map((p) => p.id).sort());
    await warmProposalSearch(db);
    expect(proposalSearchCache(db).stats()).toMatchObject({ state: 'ready', documents: 61 });
    expect((await searchProposalIds(db, '养护')).sort()).toEqual(many.map((p) => p.id).sort());
  });

  it('hears of writes made through another connection to the same database', async () => {
    const water = draft('关于农村饮水安全的提案', '管网老化。');
    await put(water);
    await warmProposalSearch(db);
    const other = openDatabase(db.name);
    const roads = draft('关于公路养护的建议', '乡道破损。');
    await other.transaction('rw', other.proposal, other.searchIndex, async () => {
      await other.proposal.put(roads);
      await other.searchIndex.put({ proposalId: roads.id, terms: proposalSearchTerms(roads) });
    });
    other.close();
    expect(await searchProposalIds(db, '养护')).toEqual([roads.id]);
  });

  it('inside a transaction, sees the transaction’s own uncommitted writes', async () => {
    await put(draft('关于农村饮水安全的提案', '管网老化。'));
    await warmProposalSearch(db);
    const roads = draft('关于公路养护的建议', '乡道破损。');
    const found = await db.transaction('rw', db.proposal, db.searchIndex, async () => {
      await db.proposal.put(roads);
      await db.searchIndex.put({ proposalId: roads.id, terms: proposalSearchTerms(roads) });
      return searchProposalIds(db, '养护');
    });
    expect(found).toEqual([roads.id]);
  });
});
