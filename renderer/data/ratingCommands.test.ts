import { describe, expect, it } from 'vitest';
import { newId, type Actor } from '../../shared/domain';
import { seedAnsweredProposal, seedNextRound, type SeedOptions } from '../features/proposals/handlingTesting';
import { LifecycleRefusal } from './proposalCommands';
import { rateReply } from './ratingCommands';
import { Repository } from './repository';
import { officeMachine } from './reviewFixtures';

/** The office's records on one database, and the lead author's (and a co-signer's) machine reading the same rows. */
async function answered(options: Partial<SeedOptions> = {}) {
  const office = await officeMachine();
  const [lead, cosigner] = office.delegates;
  const secondUnit = await office.repo.write((w) => w.create('handlingUnit', { name: '县水利局', sortOrder: 2, active: true }));
  const units = await office.db.handlingUnit.toArray();
  const staff: Actor = { kind: 'staff', id: office.staffId, name: '刘秘书' };
  const seedOptions: SeedOptions = {
    leadDelegateId: lead!.id,
    invitedCosignerIds: [cosigner!.id],
    unitIds: [units.find((u) => u.id !== secondUnit.id)!.id, secondUnit.id],
    actor: staff,
    ...options,
  };
  const seed = await seedAnsweredProposal(office.repo, seedOptions);
  const delegateRepo = (d: { id: string; name: string }) => new Repository(office.db, newId(), { kind: 'delegate', id: d.id, name: d.name });
  return {
    office,
    seed,
    seedOptions,
    lead: lead!,
    cosigner: cosigner!,
    leadRepo: delegateRepo(lead!),
    cosignerRepo: delegateRepo(cosigner!),
    asLead: { role: 'delegate' as const, actorId: lead!.id },
  };
}

async function refusalOf(work: Promise<unknown>): Promise<LifecycleRefusal> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LifecycleRefusal);
  return error as LifecycleRefusal;
}

describe('rateReply', () => {
  it('writes one rating row for the lead author, logged as 满意度测评, and leaves the proposal’s status to the office', async () => {
    const { office, seed, leadRepo, asLead, lead } = await answered();
    const proposalChangesBefore = await office.db.changes.where('[entity+entityId]').equals(['proposal', seed.proposal.id]).count();

    const rating = await rateReply(leadRepo, seed.proposal.id, asLead, {
      replyId: seed.replies[0]!.id,
      overall: 'basicallySatisfied',
      handlingWork: 'satisfied',
      result: 'basicallySatisfied',
      comment: '  希望加快进度  ',
    });

    const rows = await office.db.replyRating.where('proposalId').equals(seed.proposal.id).toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: rating.id,
      replyId: seed.replies[0]!.id,
      delegateId: lead.id,
      overall: 'basicallySatisfied',
      handlingWork: 'satisfied',
      result: 'basicallySatisfied',
      comment: '希望加快进度',
    });
    expect((await office.db.proposal.get(seed.proposal.id))?.status).toBe('replied');
    expect(await office.db.changes.where('[entity+entityId]').equals(['proposal', seed.proposal.id]).count()).toBe(proposalChangesBefore);
    const logged = await office.db.changes.where('[entity+entityId]').equals(['replyRating', rating.id]).toArray();
    expect(logged.map((c) => [c.action, c.actor.id])).toEqual([['rate', lead.id]]);
  });

  it('refuses a second rating of the same round, and keeps the first', async () => {
    const { office, seed, leadRepo, asLead } = await answered();
    await rateReply(leadRepo, seed.proposal.id, asLead, { replyId: seed.replies[0]!.id, overall: 'satisfied' });
    const refusal = await refusalOf(rateReply(leadRepo, seed.proposal.id, asLead, { replyId: seed.replies[0]!.id, overall: 'unsatisfied', comment: '改主意了' }));
    expect(refusal.code).toBe('alreadyResponded');
    expect(refusal.message).toBe('您已对本轮答复进行过满意度测评，每轮答复只能测评一次');
    const rows = await office.db.replyRating.toArray();
    expect(rows.map((r) => r.overall)).toEqual(['satisfied']);
  });

  it('refuses a co-signer, the office, and a proposal not yet answered — the state machine’s reasons, nothing written', async () => {
    const { office, seed, cosignerRepo, cosigner, leadRepo, asLead, seedOptions } = await answered();
    const input = { replyId: seed.replies[0]!.id, overall: 'satisfied' as const };

    const byCosigner = await refusalOf(rateReply(cosignerRepo, seed.proposal.id, { role: 'delegate', actorId: cosigner.id }, input));
    expect(byCosigner.code).toBe('notOwner');
    expect(byCosigner.message).toBe('只有领衔人可以满意度测评');

    const byOffice = await refusalOf(rateReply(office.repo, seed.proposal.id, office.acting, input));
    expect(byOffice.code).toBe('wrongRole');

    const pending = await seedAnsweredProposal(office.repo, { ...seedOptions, withoutReply: true, title: '关于改善乡村公路养护的建议' });
    const notYet = await refusalOf(rateReply(leadRepo, pending.proposal.id, asLead, input));
    expect(notYet.code).toBe('wrongState');
    expect(notYet.message).toBe('本件当前为「办理中」，不能满意度测评');

    expect(await office.db.replyRating.count()).toBe(0);
  });

  it('refuses another proposal’s reply', async () => {
    const { office, seed, leadRepo, asLead, seedOptions } = await answered();
    const other = await seedAnsweredProposal(office.repo, { ...seedOptions, title: '关于改善乡村公路养护的建议' });
    const refusal = await refusalOf(rateReply(leadRepo, seed.proposal.id, asLead, { replyId: other.replies[0]!.id, overall: 'satisfied' }));
    expect(refusal.message).toBe('这份答复不属于本件提案');
    expect(await office.db.replyRating.count()).toBe(0);
  });

  it('asks for an overall rating, and for a reason with 不满意, beside the fields', async () => {
    const { office, seed, leadRepo, asLead } = await answered();
    const replyId = seed.replies[0]!.id;
    const noOverall = await refusalOf(rateReply(leadRepo, seed.proposal.id, asLead, { replyId, overall: undefined as never }));
    expect(noOverall.fieldErrors).toEqual({ overall: '请选择总体评价：满意、基本满意或不满意' });
    const noReason = await refusalOf(rateReply(leadRepo, seed.proposal.id, asLead, { replyId, overall: 'unsatisfied', comment: '   ' }));
    expect(noReason.fieldErrors).toEqual({ comment: '选择“不满意”时，请写明不满意的原因，便于承办单位重新办理' });
    expect(await office.db.replyRating.count()).toBe(0);
  });

  it('rates the 重新办理 round’s reply again, and refuses the first round’s reply once the second is in', async () => {
    const { office, seed, leadRepo, asLead, seedOptions } = await answered();
    await rateReply(leadRepo, seed.proposal.id, asLead, { replyId: seed.replies[0]!.id, overall: 'unsatisfied', comment: '没有具体时间表' });
    const second = await seedNextRound(office.repo, seed, seedOptions);
    const secondReply = second.replies.find((r) => r.round === 2)!;

    const late = await refusalOf(rateReply(leadRepo, seed.proposal.id, asLead, { replyId: seed.replies[0]!.id, overall: 'satisfied' }));
    expect(late.message).toBe('这是第 1 轮的答复，只能对最新一轮（第 2 轮）的答复进行测评');

    await rateReply(leadRepo, seed.proposal.id, asLead, { replyId: secondReply.id, overall: 'satisfied' });
    const rows = (await office.db.replyRating.toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(rows.map((r) => [r.replyId, r.overall])).toEqual([
      [seed.replies[0]!.id, 'unsatisfied'],
      [secondReply.id, 'satisfied'],
    ]);
  });

  it('under 分办 rates the round once, whichever unit’s reply is named', async () => {
    const { office, seed, leadRepo, asLead } = await answered({ mode: 'split' });
    expect(seed.replies).toHaveLength(2);
    await rateReply(leadRepo, seed.proposal.id, asLead, { replyId: seed.replies[1]!.id, overall: 'satisfied' });
    const again = await refusalOf(rateReply(leadRepo, seed.proposal.id, asLead, { replyId: seed.replies[0]!.id, overall: 'satisfied' }));
    expect(again.code).toBe('alreadyResponded');
    expect(await office.db.replyRating.count()).toBe(1);
  });
});
