import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain';
import { createDraft, saveDraft } from './proposalCommands';
import { proposalSummaryOf } from './proposalSummary';
import { freshRepository, seedSettings } from './testing';

describe('proposal summaries', () => {
  it('keep what a list line shows and leave the texts out; a deleted proposal has none', () => {
    const now = new Date().toISOString();
    const proposal = {
      id: 'p1', createdAt: now, updatedAt: now, kind: 'motion' as const, meetingId: 'm1', title: '关于饮水安全的提案', categoryId: 'c1',
      background: '很长的情况说明。', recommendations: '很长的建议。', suggestedUnitIds: ['u1'], leadDelegateId: 'd1', invitedCosignerIds: ['d2'],
      status: 'accepted' as const, number: 7, submittedAt: now, isKey: true, isSupervised: false,
    };
    expect(proposalSummaryOf(proposal)).toEqual({
      id: 'p1', kind: 'motion', meetingId: 'm1', title: '关于饮水安全的提案', categoryId: 'c1', leadDelegateId: 'd1', invitedCosignerIds: ['d2'],
      status: 'accepted', number: 7, submittedAt: now, createdAt: now, updatedAt: now,
    });
    expect(proposalSummaryOf({ ...proposal, deletedAt: now })).toBeUndefined();
  });

  it('are written by the repository in the same transaction as the proposal, through create, update, many and delete', async () => {
    const { db, repo, actor } = await freshRepository();
    await seedSettings(repo);
    const draft = await createDraft(repo, actor.id, 'suggestion');
    expect(await db.proposalSummary.get(draft.id)).toMatchObject({ id: draft.id, status: 'draft', title: '' });

    await saveDraft(repo, draft.id, { role: 'delegate', actorId: actor.id }, { title: '关于增设公交站点的建议' });
    expect((await db.proposalSummary.get(draft.id))?.title).toBe('关于增设公交站点的建议');

    // A failed transaction leaves the summary as it was, like the row.
    await expect(
      repo.write(async (w) => {
        await w.update('proposal', draft.id, { title: '不会保存的案由' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await db.proposalSummary.get(draft.id))?.title).toBe('关于增设公交站点的建议');

    const now = new Date().toISOString();
    const many = await repo.write((w) =>
      w.createMany('proposal', [1, 2].map((i) => ({ kind: 'proposal' as const, title: `批量提议${i}`, background: '', recommendations: '', leadDelegateId: newId(), status: 'submitted' as const, submittedAt: now, suggestedUnitIds: [], invitedCosignerIds: [], isKey: false, isSupervised: false }))),
    );
    expect((await db.proposalSummary.bulkGet(many.map((p) => p.id))).map((s) => s?.title)).toEqual(['批量提议1', '批量提议2']);

    await repo.write((w) => w.remove('proposal', draft.id));
    expect(await db.proposalSummary.get(draft.id)).toBeUndefined();
    expect(await db.proposalSummary.count()).toBe(2);
  });
});
