import { describe, expect, it } from 'vitest';
import { newId, proposalSchema } from '../../shared/domain';
import { openDatabase } from './db';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { searchProposalIds } from './searchIndex';

describe('database migrations', () => {
  it('upgrades a version-1 database: rows kept, search index and field clocks built from what it holds', async () => {
    const name = `migration-${newId()}`;
    const old = openDatabase(name, 1);
    await old.open();
    expect(old.verno).toBe(1);
    const now = new Date().toISOString();
    const proposal = proposalSchema.parse({
      id: newId(),
      createdAt: now,
      updatedAt: now,
      kind: 'motion',
      title: '关于加强农村饮水安全保障的提案',
      background: '部分村庄自来水管网老化，水质检测覆盖不足。',
      recommendations: '一、更新管网；二、建立水质检测制度。',
      leadDelegateId: newId(),
      status: 'submitted',
    });
    // Written as version 1 wrote it: straight into the table (v1 had no search index to keep).
    await old.table('proposal').add(proposal);
    const created = '00000000001-00000-d';
    const edited = '00000000002-00000-d';
    await old.table('changes').bulkAdd([
      { id: 'c1', entity: 'proposal', entityId: proposal.id, op: 'put', fields: { title: 'x', status: 'draft' }, hlc: created, deviceId: 'd', actor: { kind: 'system', id: 's' }, at: now },
      { id: 'c2', entity: 'proposal', entityId: proposal.id, op: 'put', fields: { status: 'submitted' }, hlc: edited, deviceId: 'd', actor: { kind: 'system', id: 's' }, at: now },
    ]);
    old.close();

    const upgraded = openDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await upgraded.proposal.get(proposal.id)).toEqual(proposal);
    expect(await upgraded.changes.count()).toBe(2);
    // v3: every field's clock is the latest change that set it, so old rows merge correctly once sync starts.
    expect((await upgraded.fieldClocks.get(`proposal/${proposal.id}`))?.clocks).toEqual({ title: created, status: edited });
    expect(await upgraded.searchIndex.get(proposal.id)).toBeTruthy();
    expect(await searchProposalIds(upgraded, '水质')).toEqual([proposal.id]);
    // v4: a summary for lists, without the texts.
    const summary = await upgraded.proposalSummary.get(proposal.id);
    expect(summary).toMatchObject({ id: proposal.id, title: proposal.title, status: 'submitted', kind: 'motion' });
    expect(summary).not.toHaveProperty('background');
    upgraded.close();
  });

  it('upgrades a version-3 database: summaries for the live proposals only, found by their indexes', async () => {
    const name = `migration-${newId()}`;
    const old = openDatabase(name, 3);
    await old.open();
    const now = new Date().toISOString();
    const lead = newId();
    const cosigner = newId();
    const base = { createdAt: now, updatedAt: now, background: '情况。', recommendations: '建议。', leadDelegateId: lead, status: 'submitted' };
    const live = proposalSchema.parse({ ...base, id: newId(), kind: 'suggestion', title: '关于公交线路优化的建议', number: 3, invitedCosignerIds: [cosigner] });
    const deleted = proposalSchema.parse({ ...base, id: newId(), kind: 'suggestion', title: '已删除的建议', deletedAt: now });
    await old.table('proposal').bulkAdd([live, deleted]);
    old.close();

    const upgraded = openDatabase(name);
    await upgraded.open();
    expect(await upgraded.proposalSummary.toArray()).toEqual([
      { id: live.id, kind: 'suggestion', title: live.title, leadDelegateId: lead, invitedCosignerIds: [cosigner], status: 'submitted', number: 3, createdAt: now, updatedAt: now },
    ]);
    expect(await upgraded.proposalSummary.where('invitedCosignerIds').equals(cosigner).primaryKeys()).toEqual([live.id]);
    expect(await upgraded.proposalSummary.where('kind').equals('suggestion').count()).toBe(1);
    upgraded.close();
  });
});
