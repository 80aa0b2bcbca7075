import { describe, expect, it } from 'vitest';
import { newId, type Actor } from '../../shared/domain';
import { seedAnsweredProposal, seedMerge, seedNextRound, seedProposalInReview, type SeedOptions } from '../features/proposals/handlingTesting';
import { proposalHandling, proposalMergeLinks, proposalTimeline } from './proposalQueries';
import { rateReply } from './ratingCommands';
import { Repository } from './repository';
import { officeMachine } from './reviewFixtures';

async function answered(options: Partial<SeedOptions> = {}) {
  const office = await officeMachine();
  const [lead] = office.delegates;
  const coUnit = await office.repo.write((w) => w.create('handlingUnit', { name: '县水利局', sortOrder: 2, active: true }));
  const mainUnit = (await office.db.handlingUnit.toArray()).find((u) => u.id !== coUnit.id)!;
  const staff: Actor = { kind: 'staff', id: office.staffId, name: '刘秘书' };
  const seedOptions: SeedOptions = { leadDelegateId: lead!.id, unitIds: [mainUnit.id, coUnit.id], actor: staff, ...options };
  const seed = await seedAnsweredProposal(office.repo, seedOptions);
  const leadRepo = new Repository(office.db, newId(), { kind: 'delegate', id: lead!.id, name: lead!.name });
  return { office, seed, seedOptions, lead: lead!, leadRepo, asLead: { role: 'delegate' as const, actorId: lead!.id }, mainUnit, coUnit };
}

describe('proposalHandling', () => {
  it('names the units, groups replies by round with the lead author’s rating, and says where it stands', async () => {
    const { office, seed, seedOptions, leadRepo, asLead, mainUnit, coUnit } = await answered();
    let handling = await proposalHandling(office.db, seed.proposal);
    expect(handling.current?.leadUnitId).toBe(mainUnit.id);
    expect(handling.unitNames[mainUnit.id]).toBe('县教育局');
    expect(handling.unitNames[coUnit.id]).toBe('县水利局');
    expect(handling.rounds.map((r) => [r.round, r.replies.length, r.isCurrent, r.rating])).toEqual([[1, 1, true, undefined]]);
    expect(handling.stage).toBe('awaitingRating');

    await rateReply(leadRepo, seed.proposal.id, asLead, { replyId: seed.replies[0]!.id, overall: 'unsatisfied', comment: '没有时间表' });
    handling = await proposalHandling(office.db, (await office.db.proposal.get(seed.proposal.id))!);
    expect(handling.rounds[0]!.rating?.overall).toBe('unsatisfied');
    expect(handling.stage).toBe('ratedAwaitingOffice');

    await seedNextRound(office.repo, seed, { ...seedOptions, withoutReply: true });
    handling = await proposalHandling(office.db, (await office.db.proposal.get(seed.proposal.id))!);
    expect(handling.stage).toBe('rehandling');
    expect(handling.current?.round).toBe(2);
    expect(handling.rounds.map((r) => [r.round, r.isCurrent])).toEqual([
      [1, false],
      [2, true],
    ]);
  });
});

describe('proposalTimeline with handling records', () => {
  it('shows 交办, 答复 and 满意度测评 as single readable steps with their details', async () => {
    const { office, seed, leadRepo, asLead, lead } = await answered();
    await office.repo.write((w) =>
      w.create('consultation', { proposalId: seed.proposal.id, unitId: seed.assignment.leadUnitId!, date: '2026-04-02', form: 'phone', notes: '电话沟通了改造计划' }),
    );
    await rateReply(leadRepo, seed.proposal.id, asLead, { replyId: seed.replies[0]!.id, overall: 'satisfied' });

    const entries = await proposalTimeline(office.db, seed.proposal.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'assign', 'recordReply', 'recordConsultation', 'rate']);
    const [, assign, reply, consultation, rate] = entries;
    // The status change and the assignment record were one transaction: one step.
    expect(assign).toMatchObject({ status: 'assigned', actor: { name: '刘秘书' }, entities: ['proposal', 'handlingAssignment'] });
    expect(assign!.detail).toMatchObject({ kind: 'assignment', round: 1, mode: 'lead', leadUnit: '县教育局', coUnits: ['县水利局'] });
    expect(reply).toMatchObject({ status: 'replied', detail: { kind: 'reply', unit: '县教育局', resultClass: 'A', documentNumber: '某教函〔2026〕11号' } });
    expect(consultation!.detail).toEqual({ kind: 'consultation', unit: '县教育局', form: 'phone', date: '2026-04-02' });
    expect(rate).toMatchObject({ actor: { id: lead.id }, entities: ['replyRating'], detail: { kind: 'rating', overall: 'satisfied' } });
    expect(rate!.status).toBeUndefined();
  });

  it('names a 延期 and a 退回 recorded without an action', async () => {
    const { office, seed } = await answered({ withoutReply: true });
    await office.repo.write((w) =>
      w.update('handlingAssignment', seed.assignment.id, {
        extensions: [{ newDeadline: '2099-01-31', reason: '涉及跨部门协调', at: new Date().toISOString(), by: office.staffId }],
      }),
    );
    await office.repo.write((w) =>
      w.update('handlingAssignment', seed.assignment.id, { returned: { unitId: seed.assignment.leadUnitId!, reason: '不属于本单位职责', at: new Date().toISOString() } }),
    );
    const entries = await proposalTimeline(office.db, seed.proposal.id);
    expect(entries.slice(-2).map((e) => [e.action, e.detail])).toEqual([
      ['extendDeadline', { kind: 'extension', newDeadline: '2099-01-31' }],
      ['returnAssignment', { kind: 'returned', unit: '县教育局' }],
    ]);
  });

  it('leaves out other proposals’ handling records', async () => {
    const { office, seed, seedOptions } = await answered();
    const other = await seedAnsweredProposal(office.repo, { ...seedOptions, title: '关于改善乡村公路养护的建议' });
    const entries = await proposalTimeline(office.db, seed.proposal.id);
    expect(entries.filter((e) => e.action === 'recordReply')).toHaveLength(1);
    expect((await proposalTimeline(office.db, other.proposal.id)).filter((e) => e.action === 'recordReply')).toHaveLength(1);
  });
});

describe('proposalMergeLinks', () => {
  it('links a merged proposal to its target, and the target to what was merged into it', async () => {
    const { office, seed } = await answered();
    const [, second, third] = office.delegates;
    const merged = await seedMerge(office.repo, await seedProposalInReview(office.repo, second!.id, '关于解决山区饮水困难的建议'), seed.proposal);
    await seedMerge(office.repo, await seedProposalInReview(office.repo, third!.id, '关于农村自来水水质检测的建议'), seed.proposal);

    const fromMerged = await proposalMergeLinks(office.db, merged);
    expect(fromMerged.mergedInto).toMatchObject({ id: seed.proposal.id, proposal: { title: seed.proposal.title } });
    expect(fromMerged.mergedHere).toEqual([]);

    const fromTarget = await proposalMergeLinks(office.db, seed.proposal);
    expect(fromTarget.mergedInto).toBeUndefined();
    expect(fromTarget.mergedHere.map((p) => p.title).sort()).toEqual(['关于农村自来水水质检测的建议', '关于解决山区饮水困难的建议'].sort());
  });

  it('keeps the target’s id when the target itself has not reached this machine', async () => {
    const { office } = await answered();
    const lone = await seedProposalInReview(office.repo, office.delegates[1]!.id, '关于解决山区饮水困难的建议');
    const missingId = newId();
    const merged = await office.repo.write((w) =>
      w.update('proposal', lone.id, { status: 'merged', review: { decision: 'merge', mergedIntoId: missingId, decidedBy: office.staffId, decidedAt: new Date().toISOString() } }),
    );
    expect((await proposalMergeLinks(office.db, merged)).mergedInto).toEqual({ id: missingId });
  });
});
