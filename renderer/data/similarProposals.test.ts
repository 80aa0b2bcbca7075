import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRng, generateDemoCongress } from '../../shared/demo';
import { newId, proposalSchema, type Actor, type Proposal, type ProposalKind } from '../../shared/domain';
import { buildSimilarityModel, rankSimilar } from '../../shared/similarity';
import { SAMPLE_PROPOSALS, sampleDocument, type SampleProposal } from '../../shared/similarity/sampleProposals';
import { openDatabase, type DelegateDeskDb } from './db';
import { proposalSearchCache } from './proposalSearchCache';
import { Repository } from './repository';
import { proposalSearchTerms, warmProposalSearch } from './searchIndex';
import { findSimilarProposals, findSimilarProposalsInDatabase, mostVoted, type SimilarityDraft, type SimilarProposal, type SimilarProposalOptions } from './similarProposals';

let db: DelegateDeskDb;
const leadDelegateId = newId();
const KINDS: ProposalKind[] = ['motion', 'proposal', 'suggestion'];

beforeEach(async () => {
  db = openDatabase('test-' + Math.random().toString(36).slice(2));
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function store(fields: Partial<Proposal> & Pick<Proposal, 'title' | 'background' | 'recommendations'>): Promise<Proposal> {
  const p = proposalSchema.parse({
    id: newId(),
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    kind: 'motion',
    leadDelegateId,
    status: 'submitted',
    ...fields,
  });
  await db.proposal.put(p);
  await db.searchIndex.put({ proposalId: p.id, terms: proposalSearchTerms(p) });
  return p;
}

/** The sample collection, spread over three kinds and four years; returns sample id → stored proposal. */
async function seedSamples(): Promise<Map<string, Proposal>> {
  const stored = new Map<string, Proposal>();
  for (const [i, s] of SAMPLE_PROPOSALS.entries()) {
    const at = `${2023 + (i % 4)}-03-01T08:00:00.000Z`;
    stored.set(s.id, await store({ ...pick(s), kind: KINDS[i % 3]!, createdAt: at, updatedAt: at, status: i % 2 ? 'closed' : 'accepted' }));
  }
  return stored;
}

const pick = (s: SampleProposal) => ({ title: s.title, background: s.background, recommendations: s.recommendations });
const groupOfTitle = new Map(SAMPLE_PROPOSALS.map((s) => [s.title, s.group]));

/**
 * Every expectation holds for both ways the lookup answers: over IndexedDB (before the in-memory copy of the search
 * index is built, or inside a transaction) and from the copy (proposalSearchCache.ts), built before each lookup
 * here so that proposals stored during a test reach it as single writes, the way an edit does.
 */
type Find = (db: DelegateDeskDb, draft: SimilarityDraft, options?: SimilarProposalOptions) => Promise<SimilarProposal[]>;
const fromMemory: Find = async (db, draft, options) => {
  await warmProposalSearch(db);
  expect(proposalSearchCache(db).usableIndex()).toBeDefined();
  return findSimilarProposals(db, draft, options);
};
const PATHS: [string, Find][] = [
  ['over IndexedDB', findSimilarProposalsInDatabase],
  ['from the in-memory copy', fromMemory],
];

describe.each(PATHS)('findSimilarProposals %s', (_path, findSimilarProposals) => {
  let samples: Map<string, Proposal>;
  beforeEach(async () => {
    samples = await seedSamples();
  });

  it('lists the near-duplicates of a stored draft first, never the draft itself', async () => {
    const draft = await store({
      status: 'draft',
      title: '关于保障农村饮水安全的提案',
      background: '部分村组自来水管网老化，水质检测不足，群众饮水安全存在隐患。',
      recommendations: '加快供水管网改造，定期开展水质检测。',
    });
    const found = await findSimilarProposals(db, draft);
    expect(found.slice(0, 3).map((f) => groupOfTitle.get(f.proposal.title))).toEqual(['water', 'water', 'water']);
    expect(found[0]!.proposal.id).toBe(samples.get('water-1')!.id);
    expect(found.map((f) => f.proposal.id)).not.toContain(draft.id);
    expect(found[0]!.sharedTerms).toContain('农村饮水安全');
    expect(found.map((f) => f.score)).toEqual([...found.map((f) => f.score)].sort((a, b) => b - a));
  });

  it('scores exactly as the similarity engine does over the whole collection', async () => {
    const draft = { title: '关于完善社区居家养老服务的建议', background: '社区日间照料中心少，失能老人护理难。', recommendations: '推进医养结合，培训养老护理员。' };
    const found = await findSimilarProposals(db, draft, { limit: 4, minScore: 0 });
    const docs = SAMPLE_PROPOSALS.map(sampleDocument);
    const expected = rankSimilar(buildSimilarityModel(docs), { title: draft.title, body: `${draft.background}\n${draft.recommendations}` }, docs, { limit: 4 });
    expect(found.map((f) => f.proposal.id)).toEqual(expected.map((m) => samples.get(m.id)!.id));
    found.forEach((f, i) => expect(f.score).toBeCloseTo(expected[i]!.score, 10));
    expect(found.map((f) => f.sharedTerms)).toEqual(expected.map((m) => m.sharedTerms));
  });

  it('includes proposals of every kind, year and state', async () => {
    const draft = { title: '关于城区停车难问题的建议', background: '城区停车位不足，乱停乱放。', recommendations: '建设公共停车场，错时共享停车。' };
    const found = await findSimilarProposals(db, draft);
    const parking = found.filter((f) => groupOfTitle.get(f.proposal.title) === 'parking');
    expect(parking).toHaveLength(3);
    expect(new Set(parking.map((f) => f.proposal.kind)).size).toBe(3);
    expect(new Set(parking.map((f) => f.proposal.createdAt.slice(0, 4))).size).toBeGreaterThan(1);
  });

  it('never lists deleted proposals, even one whose index row lingers', async () => {
    const copy = pick(SAMPLE_PROPOSALS.find((s) => s.id === 'elderly-2')!);
    await store({ ...copy, deletedAt: '2026-03-02T08:00:00.000Z' });
    const found = await findSimilarProposals(db, copy);
    expect(found.some((f) => f.proposal.deletedAt)).toBe(false);
    expect(found[0]!.proposal.id).toBe(samples.get('elderly-2')!.id);
  });

  it('leaves out excludeIds, keeps to the limit, and applies minScore', async () => {
    const draft = pick(SAMPLE_PROPOSALS.find((s) => s.id === 'schools-1')!);
    const all = await findSimilarProposals(db, draft, { minScore: 0, limit: 10 });
    expect(all[0]!.proposal.id).toBe(samples.get('schools-1')!.id); // the same text, stored under another id
    const without = await findSimilarProposals(db, draft, { excludeIds: [all[0]!.proposal.id], minScore: 0, limit: 10 });
    expect(without.map((f) => f.proposal.id)).toEqual(all.slice(1).map((f) => f.proposal.id).slice(0, without.length));
    expect(await findSimilarProposals(db, draft, { limit: 2, minScore: 0 })).toHaveLength(2);
    const strict = await findSimilarProposals(db, draft, { minScore: all[1]!.score, limit: 10 });
    expect(strict.map((f) => f.proposal.id)).toEqual(all.slice(0, 2).map((f) => f.proposal.id));
  });

  it('finds nothing for an empty draft or one on a subject no proposal shares', async () => {
    expect(await findSimilarProposals(db, { title: '', background: '', recommendations: '' })).toEqual([]);
    expect(await findSimilarProposals(db, { title: '关于……的提案', background: '。', recommendations: '' })).toEqual([]);
    const unrelated = { title: '关于发展低空经济无人机产业的提案', background: '无人机植保、物流配送潜力大。', recommendations: '规划起降场地，引进龙头企业。' };
    expect(await findSimilarProposals(db, unrelated)).toEqual([]);
  });

  it('finds proposals stored after an earlier search in the same session', async () => {
    const draft = pick(SAMPLE_PROPOSALS.find((s) => s.id === 'other-heritage')!);
    const before = await findSimilarProposals(db, draft);
    expect(before[0]!.proposal.id).toBe(samples.get('other-heritage')!.id);
    const newer = await store({ ...draft, title: '关于加强非物质文化遗产传承保护的提案' });
    const after = await findSimilarProposals(db, draft, { excludeIds: [samples.get('other-heritage')!.id] });
    expect(after[0]!.proposal.id).toBe(newer.id);
  });
});

describe('the in-memory copy and IndexedDB find the same similar proposals', () => {
  const actor: Actor = { kind: 'system', id: 'setup', name: '初始化' };
  const demo = generateDemoCongress({ seed: 1, now: new Date('2026-11-01T00:00:00.000Z'), size: 'county-1y' }).proposal ?? [];
  const picked = createRng(3).sample(demo, 12);
  const summary = (found: SimilarProposal[]) => found.map((f) => ({ id: f.proposal.id, score: f.score, sharedTerms: f.sharedTerms }));

  beforeEach(async () => {
    await new Repository(db, 'test-office', actor).write((w) => w.createMany('proposal', demo, { action: 'loadDemo', actor }));
  });

  it('on the demo county: same proposals, scores to the last bit, and explanations', async () => {
    expect(picked.length).toBeGreaterThan(10);
    const drafts: [SimilarityDraft, SimilarProposalOptions][] = [
      ...picked.map((p): [SimilarityDraft, SimilarProposalOptions] => [p, {}]),
      ...picked.slice(0, 4).map((p): [SimilarityDraft, SimilarProposalOptions] => [{ title: p.title, background: p.background, recommendations: '' }, { limit: 8, minScore: 0 }]),
      [picked[5]!, { excludeIds: [picked[6]!.id], minScore: 0.05 }],
    ];
    const inDatabase = [];
    for (const [draft, options] of drafts) inDatabase.push(summary(await findSimilarProposalsInDatabase(db, draft, options)));
    await warmProposalSearch(db);
    expect(proposalSearchCache(db).usableIndex()?.size).toBe(demo.length);
    const inMemory = [];
    for (const [draft, options] of drafts) inMemory.push(summary(await findSimilarProposals(db, draft, options)));
    expect(inMemory).toEqual(inDatabase);
    expect(inMemory.filter((found) => found.length > 0).length).toBeGreaterThan(drafts.length / 2);
  });

  it('after edits and a tombstone reach the copy as single writes', async () => {
    await warmProposalSearch(db);
    const repo = new Repository(db, 'test-office', actor);
    const [edited, removed] = [picked[0]!, picked[1]!];
    await repo.write((w) => w.update('proposal', edited.id, { title: picked[2]!.title, background: picked[2]!.background }));
    await repo.write((w) => w.remove('proposal', removed.id));
    for (const draft of [picked[2]!, picked[3]!, { title: removed.title, background: removed.background, recommendations: removed.recommendations }]) {
      const inMemory = summary(await findSimilarProposals(db, draft));
      expect(proposalSearchCache(db).hasDirty()).toBe(false);
      expect(inMemory).toEqual(summary(await findSimilarProposalsInDatabase(db, draft)));
      expect(inMemory.map((f) => f.id)).not.toContain(removed.id);
    }
  });

  it('answers from IndexedDB inside a caller’s transaction, which sees its own writes', async () => {
    await warmProposalSearch(db);
    const copy = { title: `${picked[4]!.title}（修改稿）`, background: picked[4]!.background, recommendations: picked[4]!.recommendations };
    const stored = await db.transaction('rw', db.proposal, db.searchIndex, async () => {
      const p = proposalSchema.parse({ ...picked[4]!, id: newId(), ...copy });
      await db.proposal.put(p);
      await db.searchIndex.put({ proposalId: p.id, terms: proposalSearchTerms(p) });
      const found = await findSimilarProposals(db, copy);
      expect(found[0]!.proposal.id).toBe(p.id);
      return p;
    });
    expect((await findSimilarProposals(db, copy))[0]!.proposal.id).toBe(stored.id);
  });
});

describe('mostVoted', () => {
  it('is sort-and-slice: most votes first, ties by id', () => {
    const rng = createRng(5);
    const votes = new Map(Array.from({ length: 300 }, (_, i) => [`id${String(rng.int(0, 999)).padStart(4, '0')}-${i}`, rng.int(0, 6) / 2] as [string, number]));
    const sorted = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
    for (const count of [0, 1, 7, 40, 300, 400]) expect(mostVoted(votes, count)).toEqual(sorted.slice(0, count));
  });
});
