import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, proposalSchema, type Proposal } from '../../shared/domain';
import { openDatabase, type DelegateDeskDb } from './db';
import { proposalSearchTerms, searchProposalIds } from './searchIndex';

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

describe('searchProposalIds', () => {
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
    expect(await searchProposalIds(db, '管网')).toEqual([water.id]);
  });

  it('ranks a title match above a body-only match', async () => {
    // 水质 is in school's title, in water's body only.
    expect(await searchProposalIds(db, '水质')).toEqual([school.id, water.id]);
  });

  it('does not match a word whose bigrams occur only apart', async () => {
    // 水质, 质检 and 检测 (the bigrams of 水质检测) all occur here, but 水质检测 itself does not.
    const scattered = await addProposal({ title: '水质报告', background: '质检合格，检测完成。' });
    const ids = await searchProposalIds(db, '水质检测');
    expect(ids).toContain(water.id);
    expect(ids).not.toContain(scattered.id);
    // 养护 and 机制 occur in roads, 护机 too ("养护机制"), but not 护路: no candidate at all.
    expect(await searchProposalIds(db, '养护路')).toEqual([]);
  });

  it('finds a one-character query', async () => {
    expect(await searchProposalIds(db, '校')).toEqual([school.id]);
    // 烈 only ends a sentence ("反映强烈。"): found through its lone-character term.
    expect(await searchProposalIds(db, '烈')).toEqual([water.id]);
    expect(await searchProposalIds(db, '饮')).toEqual(expect.arrayContaining([water.id, roads.id, school.id]));
  });

  it('excludes tombstoned proposals', async () => {
    const deleted = await addProposal({
      title: '关于自来水管网改造的提案',
      background: '管网老化。',
      deletedAt: '2026-03-02T08:00:00.000Z',
    });
    const ids = await searchProposalIds(db, '管网');
    expect(ids).toEqual([water.id]);
    expect(ids).not.toContain(deleted.id);
  });

  it('ANDs the words of a multi-word query', async () => {
    expect(await searchProposalIds(db, '饮水 公路')).toEqual([roads.id]);
    expect((await searchProposalIds(db, '水质，检测')).sort()).toEqual([water.id, school.id].sort());
    expect(await searchProposalIds(db, '饮水 高铁')).toEqual([]);
  });

  it('restricts to candidateIds', async () => {
    expect(await searchProposalIds(db, '水质', { candidateIds: new Set([water.id, roads.id]) })).toEqual([water.id]);
    expect(await searchProposalIds(db, '水质', { candidateIds: new Set() })).toEqual([]);
  });

  it('limits the result to the best matches', async () => {
    expect(await searchProposalIds(db, '水质', { limit: 1 })).toEqual([school.id]);
  });

  it('matches full-width and Latin text by normalised prefix', async () => {
    expect(await searchProposalIds(db, '5g')).toEqual([roads.id]);
    expect(await searchProposalIds(db, '５Ｇ基站')).toEqual([roads.id]);
    expect(await searchProposalIds(db, '6g')).toEqual([]);
  });

  it('finds nothing for an empty or punctuation-only query', async () => {
    expect(await searchProposalIds(db, '')).toEqual([]);
    expect(await searchProposalIds(db, ' ，。')).toEqual([]);
  });

  it('breaks ties by the most recent update', async () => {
    const older = await addProposal({ title: '其他', background: '关注雨季积水', updatedAt: '2025-05-01T08:00:00.000Z' });
    const newer = await addProposal({ title: '其他', background: '关注雨季积水', updatedAt: '2026-05-01T08:00:00.000Z' });
    expect(await searchProposalIds(db, '积水')).toEqual([newer.id, roads.id, older.id]);
  });
});
