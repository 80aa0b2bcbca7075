import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain';
import { mergeChange } from '../../shared/sync/merge';
import { SETUP_ACTOR } from './congressSetup';
import { openDatabase } from './db';
import { decisionConflictOf } from './decisionConflicts';
import { LifecycleRefusal, loadContext } from './proposalCommands';
import { Repository } from './repository';
import { designateNumberingDevice, receiveProposals, recordReviewDecision, settleDecisionConflict } from './reviewCommands';
import { officeMachine, proposalAtOffice, type OfficeMachine } from './reviewFixtures';
import { proposalsMergedInto } from './reviewQueries';

async function refusal(promise: Promise<unknown>): Promise<LifecycleRefusal> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LifecycleRefusal);
  return error as LifecycleRefusal;
}

/** Another office PC working on the same data, as if everything had synced to it. */
function secondOfficePc(office: OfficeMachine, name = '王干事') {
  const repo = new Repository(office.db, newId(), { kind: 'staff', id: office.staffId, name });
  return { repo, acting: office.acting };
}

describe('立案 numbering through applyProposalAction', () => {
  it('gives a meeting’s motions 第1号 then 第2号, gap-free and in order, and recess items their own sequence', async () => {
    const office = await officeMachine();
    const motion = (title: string) => proposalAtOffice(office, { title, kind: 'motion', meetingId: office.meetingId });
    const [first, second, third] = [await motion('一'), await motion('二'), await motion('三')];

    await recordReviewDecision(office.repo, first.id, office.acting, { type: 'accept', number: 1 });
    expect((await office.db.proposal.get(first.id))?.number).toBe(1);
    // The screen showed 1 before the first 立案: the state machine refuses the stale number.
    const stale = await refusal(recordReviewDecision(office.repo, second.id, office.acting, { type: 'accept', number: 1 }));
    expect(stale).toMatchObject({ code: 'numberTaken', message: '第1号已被使用' });
    const gap = await refusal(recordReviewDecision(office.repo, second.id, office.acting, { type: 'accept', number: 3 }));
    expect(gap.message).toContain('下一个应为第2号');
    await recordReviewDecision(office.repo, second.id, office.acting, { type: 'accept', number: 2 });
    expect((await office.db.proposal.get(second.id))?.number).toBe(2);
    expect((await office.db.proposal.get(third.id))?.status).toBe('received');

    const recess = await proposalAtOffice(office, { title: '闭会期间提议' });
    await recordReviewDecision(office.repo, recess.id, office.acting, { type: 'accept', number: 1 });
    expect((await office.db.proposal.get(recess.id))?.number).toBe(1);
  });

  it('refuses 立案 on another office PC and names the numbering machine; every other decision works there', async () => {
    const office = await officeMachine();
    const pc = secondOfficePc(office);
    const a = await proposalAtOffice(office, { title: '一' });
    const b = await proposalAtOffice(office, { title: '二' });

    const refused = await refusal(recordReviewDecision(pc.repo, a.id, pc.acting, { type: 'accept', number: 1 }));
    expect(refused.message).toBe(`立案编号由编号专用电脑（刘秘书 · …${office.deviceId.slice(-6)}）统一给出`);
    expect((await office.db.proposal.get(a.id))?.status).toBe('received');

    await recordReviewDecision(pc.repo, a.id, pc.acting, { type: 'preReview', note: '材料齐全' });
    await recordReviewDecision(pc.repo, b.id, pc.acting, { type: 'convert', reasonText: '属于具体工作建议' });
    expect((await office.db.proposal.get(a.id))?.status).toBe('inReview');
    expect(await office.db.proposal.get(b.id)).toMatchObject({ status: 'accepted', kind: 'suggestion', review: { decision: 'convert' } });
    expect((await office.db.proposal.get(b.id))?.number).toBeUndefined();

    // Designating the other PC moves numbering there.
    await designateNumberingDevice(office.repo, office.acting, pc.repo.deviceId);
    await recordReviewDecision(pc.repo, a.id, pc.acting, { type: 'accept', number: 1 });
    const c = await proposalAtOffice(office, { title: '三' });
    expect((await refusal(recordReviewDecision(office.repo, c.id, office.acting, { type: 'accept', number: 2 }))).code).toBe('wrongRole');
  });
});

describe('the other decisions', () => {
  it('不予立案 needs a reason from the list; the reason goes to the timeline', async () => {
    const office = await officeMachine();
    const p = await proposalAtOffice(office, { title: '个人事项' });
    const missing = await refusal(recordReviewDecision(office.repo, p.id, office.acting, { type: 'reject', reasonCode: '' }));
    expect(missing.fieldErrors).toEqual({ reasonCode: '请选择不予立案理由' });
    expect((await office.db.proposal.get(p.id))?.status).toBe('received');

    await recordReviewDecision(office.repo, p.id, office.acting, { type: 'reject', reasonCode: 'personal', reasonText: '系个人诉求，建议通过信访渠道反映' });
    expect(await office.db.proposal.get(p.id)).toMatchObject({ status: 'rejected', review: { decision: 'reject', reasonCode: 'personal', decidedBy: office.staffId } });
    const last = (await office.db.changes.where('[entity+entityId]').equals(['proposal', p.id]).toArray()).pop();
    expect(last).toMatchObject({ action: 'reject', reason: '涉及个人私事：系个人诉求，建议通过信访渠道反映' });
  });

  it('并案 loads the target, links both ways, and refuses a target that is gone', async () => {
    const office = await officeMachine();
    const target = await proposalAtOffice(office, { title: '关于加强农村饮水安全保障的提议' });
    const gone = await proposalAtOffice(office, { title: '已撤回的提议', status: 'withdrawn' });
    const p = await proposalAtOffice(office, { title: '关于农村自来水水质的提议' });

    const refused = await refusal(recordReviewDecision(office.repo, p.id, office.acting, { type: 'merge', targetId: gone.id }));
    expect(refused.message).toBe('并案目标当前为「已撤回」，不能并入');
    await recordReviewDecision(office.repo, p.id, office.acting, { type: 'merge', targetId: target.id, reasonText: '内容相近' });
    expect(await office.db.proposal.get(p.id)).toMatchObject({ status: 'merged', review: { mergedIntoId: target.id } });
    expect((await proposalsMergedInto(office.db, target.id)).map((m) => m.id)).toEqual([p.id]);
  });

  it('bulk 接收 goes through the state machine for each and reports what it refused', async () => {
    const office = await officeMachine();
    const a = await proposalAtOffice(office, { title: '一', status: 'submitted' });
    const b = await proposalAtOffice(office, { title: '二', status: 'submitted' });
    const already = await proposalAtOffice(office, { title: '三', status: 'received' });
    const result = await receiveProposals(office.repo, [a.id, already.id, b.id], office.acting);
    expect(result.received).toEqual([a.id, b.id]);
    expect(result.refused.map((r) => r.id)).toEqual([already.id]);
    expect(result.refused[0]!.error).toBeInstanceOf(LifecycleRefusal);
    expect((await office.db.proposal.get(b.id))?.receivedAt).toBeDefined();
  });
});

describe('loadContext for review decisions', () => {
  it('adds used numbers, the numbering machine and the merge target only for the office while a decision is open', async () => {
    const office = await officeMachine();
    const target = await proposalAtOffice(office, { title: '目标' });
    const open = await proposalAtOffice(office, { title: '待审' });
    const done = await proposalAtOffice(office, { title: '已立案', status: 'accepted', number: 1, review: { decision: 'accept', decidedAt: new Date().toISOString(), decidedBy: office.staffId } });
    const ctx = await loadContext(office.repo, open.id, office.acting, {}, { deviceId: office.deviceId, action: { type: 'merge', targetId: target.id } });
    expect(ctx).toMatchObject({ usedNumbers: [1], numberingDevice: { isThisDevice: true }, mergeTarget: { id: target.id, status: 'received', kind: 'proposal' } });
    const asDelegate = await loadContext(office.repo, open.id, { role: 'delegate', actorId: office.delegates[0]!.id }, {}, { deviceId: office.deviceId });
    expect(asDelegate.usedNumbers).toBeUndefined();
    const later = await loadContext(office.repo, done.id, office.acting, {}, { deviceId: office.deviceId });
    expect(later.numberingDevice).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Two office PCs on their own databases, exchanging changes the way the sync importer applies them.

async function blankMachine() {
  const db = openDatabase(`review-${newId()}`);
  await db.open();
  return { db, repo: new Repository(db, newId(), SETUP_ACTOR), deviceId: '' };
}

/** Applies `from`'s own changes to `to` field by field (last writer wins) and joins them to its change log. */
async function deliver(from: { db: OfficeMachine['db']; repo: Repository }, to: { db: OfficeMachine['db']; repo: Repository }) {
  const changes = (await from.db.changes.orderBy('seq').toArray()).filter((c) => c.deviceId === from.repo.deviceId);
  await to.db.transaction('rw', to.db.tables, async () => {
    let latest = '';
    for (const { seq: _seq, ...change } of changes) {
      if ((await to.db.changes.where('id').equals(change.id).count()) > 0) continue;
      const key = `${change.entity}/${change.entityId}`;
      const row = (await to.db.table(change.entity).get(change.entityId)) as Record<string, unknown> | undefined;
      const merged = mergeChange({ row, clocks: (await to.db.fieldClocks.get(key))?.clocks ?? {} }, change);
      if (merged.changed) {
        await to.db.table(change.entity).put(merged.row);
        await to.db.fieldClocks.put({ key, clocks: merged.clocks });
      }
      await to.db.changes.add(change);
      if (change.hlc > latest) latest = change.hlc;
    }
    if (latest) await to.repo.observeRemoteClock(latest);
  });
}

describe('two office PCs decide the same proposal offline (审查决定冲突)', () => {
  it('both see the conflict after syncing, settle it on either, and converge on the chosen decision', async () => {
    const office = await officeMachine();
    const p = await proposalAtOffice(office, { title: '关于建设乡镇养老服务中心的提议' });
    const pc = await blankMachine();
    pc.repo.setActor({ kind: 'staff', id: office.staffId, name: '王干事' });
    await deliver(office, pc);

    // Offline: the numbering PC 立案 第1号; the other PC, not knowing, rejects it.
    await recordReviewDecision(office.repo, p.id, office.acting, { type: 'accept', number: 1 });
    await recordReviewDecision(pc.repo, p.id, office.acting, { type: 'reject', reasonCode: 'empty' });
    await deliver(office, pc);
    await deliver(pc, office);

    // Last writer wins silently for the fields — the conflict is what keeps it from being silent.
    expect((await office.db.proposal.get(p.id))?.status).toBe((await pc.db.proposal.get(p.id))?.status);
    for (const machine of [office, pc]) {
      const conflict = await decisionConflictOf(machine.db, p.id);
      expect(conflict?.writes.map((w) => [w.deviceId, w.outcome.decision, w.actor.name])).toEqual([
        [office.repo.deviceId, 'accept', '刘秘书'],
        [pc.repo.deviceId, 'reject', '王干事'],
      ]);
    }

    // 以此为准 on the other PC: the 立案 stands.
    const conflict = (await decisionConflictOf(pc.db, p.id))!;
    await settleDecisionConflict(pc.repo, p.id, office.acting, conflict.writes[0]!.changeId);
    await deliver(pc, office);
    for (const machine of [office, pc]) {
      expect(await machine.db.proposal.get(p.id)).toMatchObject({ status: 'accepted', number: 1, review: { decision: 'accept' } });
      expect(await decisionConflictOf(machine.db, p.id)).toBeUndefined();
    }
    await expect(settleDecisionConflict(office.repo, p.id, office.acting, conflict.writes[1]!.changeId)).rejects.toMatchObject({ code: 'wrongState' });
  });

  it('choosing the other side discards the 立案号 and restores the kind a 转为意见建议 changed', async () => {
    const office = await officeMachine();
    const p = await proposalAtOffice(office, { title: '关于治理城区交通拥堵的提议', kind: 'proposal' });
    const pc = await blankMachine();
    await deliver(office, pc);
    await recordReviewDecision(pc.repo, p.id, office.acting, { type: 'convert', reasonText: '宜作意见建议' });
    await recordReviewDecision(office.repo, p.id, office.acting, { type: 'accept', number: 1 });
    await deliver(pc, office);

    const conflict = (await decisionConflictOf(office.db, p.id))!;
    const accepted = conflict.writes.find((w) => w.outcome.decision === 'accept')!;
    const converted = conflict.writes.find((w) => w.outcome.decision === 'convert')!;
    await settleDecisionConflict(office.repo, p.id, office.acting, converted.changeId);
    const row = await office.db.proposal.get(p.id);
    expect(row).toMatchObject({ status: 'accepted', kind: 'suggestion', review: { decision: 'convert', decidedBy: office.staffId } });
    expect(row?.number).toBeUndefined();
    expect(await decisionConflictOf(office.db, p.id)).toBeUndefined();
    expect(accepted.outcome.number).toBe(1);

    const last = (await office.db.changes.where('[entity+entityId]').equals(['proposal', p.id]).toArray()).pop();
    expect(last).toMatchObject({ action: 'settleDecision', reason: expect.stringContaining('的决定为准') });
  });

  it('only the office settles', async () => {
    const office = await officeMachine();
    const p = await proposalAtOffice(office, { title: '一' });
    await expect(settleDecisionConflict(office.repo, p.id, { role: 'delegate', actorId: office.delegates[0]!.id }, 'x')).rejects.toMatchObject({ code: 'wrongRole' });
    // Without a conflict there is nothing to choose.
    await expect(settleDecisionConflict(office.repo, p.id, office.acting, 'x')).rejects.toMatchObject({ code: 'wrongState' });
  });
});
