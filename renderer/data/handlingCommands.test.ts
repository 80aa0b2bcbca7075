import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Proposal, Satisfaction } from '../../shared/domain';
import {
  applyPendingRatings,
  assignProposal,
  closeWithoutRating,
  deleteHandlingUnit,
  extendHandlingDeadline,
  recordConsultation,
  recordReply,
  returnAssignment,
  saveHandlingUnit,
  setHandlingFlags,
  setHandlingUnitActive,
} from './handlingCommands';
import { handlingHistory, pendingRatings } from './handlingQueries';
import { LifecycleRefusal } from './proposalCommands';
import { officeMachine, proposalAtOffice, type OfficeMachine } from './reviewFixtures';

/** Wednesday 2026-01-28, 10:00 北京时间 (only Date is faked: IndexedDB's timers run as usual). */
const WEDNESDAY = new Date('2026-01-28T02:00:00.000Z');

afterEach(() => {
  vi.useRealTimers();
});

async function setup() {
  const office = await officeMachine();
  const education = (await office.db.handlingUnit.toArray())[0]!;
  const health = await saveHandlingUnit(office.repo, office.acting, { name: '县卫生健康局', contactName: '周科长', contactPhone: '0731-5551234' });
  const water = await saveHandlingUnit(office.repo, office.acting, { name: '县水利局' });
  return { ...office, units: { education, health, water } };
}
type Setup = Awaited<ReturnType<typeof setup>>;

function accepted(office: OfficeMachine, title = '关于加强农村饮水安全保障的提议'): Promise<Proposal> {
  return proposalAtOffice(office, {
    title,
    status: 'accepted',
    number: 1,
    review: { decision: 'accept', decidedBy: office.staffId, decidedAt: new Date().toISOString() },
  });
}

async function refusal(work: Promise<unknown>): Promise<LifecycleRefusal> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LifecycleRefusal);
  return error as LifecycleRefusal;
}

async function assignedToEducation(s: Setup, title?: string) {
  const p = await accepted(s, title);
  await assignProposal(s.repo, p.id, s.acting, { mode: 'lead', leadUnitId: s.units.education.id, coUnitIds: [s.units.health.id] });
  return p;
}

async function timeline(s: Setup, proposalId: string) {
  return (await s.db.changes.where('[entity+entityId]').equals(['proposal', proposalId]).toArray()).map((c) => [c.action, c.reason]);
}

describe('交办', () => {
  it('主办 + 协办, with the deadline defaulting to today + 3 months (settings.handlingMonths)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(WEDNESDAY);
    const s = await setup();
    const p = await assignedToEducation(s);
    expect((await s.db.proposal.get(p.id))?.status).toBe('assigned');
    const [assignment] = await s.db.handlingAssignment.where('proposalId').equals(p.id).toArray();
    expect(assignment).toMatchObject({ mode: 'lead', leadUnitId: s.units.education.id, coUnitIds: [s.units.health.id], splitUnitIds: [], deadline: '2026-04-28', round: 1 });
    expect(await timeline(s, p.id)).toContainEqual(['assign', '主办：县教育局；协办：县卫生健康局；办理期限：2026-04-28']);
  });

  it('refuses without a lead unit, beside the field, and writes nothing', async () => {
    const s = await setup();
    const p = await accepted(s);
    const error = await refusal(assignProposal(s.repo, p.id, s.acting, { mode: 'lead', coUnitIds: [s.units.health.id] }));
    expect(error.fieldErrors).toEqual({ leadUnitId: '请选择主办单位' });
    expect((await s.db.proposal.get(p.id))?.status).toBe('accepted');
    expect(await s.db.handlingAssignment.count()).toBe(0);
  });

  it('分办 needs two units; a cleared deadline is refused, not defaulted', async () => {
    const s = await setup();
    const p = await accepted(s);
    const one = await refusal(assignProposal(s.repo, p.id, s.acting, { mode: 'split', splitUnitIds: [s.units.water.id], deadline: '' }));
    expect(Object.keys(one.fieldErrors ?? {}).sort()).toEqual(['deadline', 'splitUnitIds']);
    await assignProposal(s.repo, p.id, s.acting, { mode: 'split', splitUnitIds: [s.units.water.id, s.units.health.id], deadline: '2099-06-30' });
    expect(await s.db.handlingAssignment.where('proposalId').equals(p.id).first()).toMatchObject({ mode: 'split', splitUnitIds: [s.units.water.id, s.units.health.id], coUnitIds: [], deadline: '2099-06-30' });
  });

  it('does not offer a unit no longer in use', async () => {
    const s = await setup();
    await setHandlingUnitActive(s.repo, s.acting, s.units.water.id, false);
    const p = await accepted(s);
    const error = await refusal(assignProposal(s.repo, p.id, s.acting, { mode: 'lead', leadUnitId: s.units.water.id }));
    expect(error.fieldErrors?.leadUnitId).toContain('已停用');
  });
});

describe('延期 and 退回', () => {
  it('延期 needs a reason and a later date; it is kept on the assignment', async () => {
    const s = await setup();
    const p = await assignedToEducation(s);
    const [before] = await s.db.handlingAssignment.where('proposalId').equals(p.id).toArray();
    const noReason = await refusal(extendHandlingDeadline(s.repo, p.id, s.acting, { newDeadline: '2099-01-01', reason: '  ' }));
    expect(noReason.fieldErrors).toEqual({ reason: '请填写延期理由' });
    await extendHandlingDeadline(s.repo, p.id, s.acting, { newDeadline: '2099-01-01', reason: '需协调省级部门' });
    const [after] = await s.db.handlingAssignment.where('proposalId').equals(p.id).toArray();
    expect(after?.extensions).toMatchObject([{ newDeadline: '2099-01-01', reason: '需协调省级部门', by: s.staffId }]);
    expect(await timeline(s, p.id)).toContainEqual(['extendDeadline', `办理期限由 ${before!.deadline} 延至 2099-01-01：需协调省级部门`]);
  });

  it('a unit’s 退回 within 7 working days sends it back for 交办 again; the new assignment is the live one', async () => {
    const s = await setup();
    const p = await assignedToEducation(s);
    await returnAssignment(s.repo, p.id, s.acting, { unitId: s.units.education.id, reason: '不属于本单位职责' });
    expect((await s.db.proposal.get(p.id))?.status).toBe('accepted');
    await assignProposal(s.repo, p.id, s.acting, { mode: 'lead', leadUnitId: s.units.water.id });
    const { rounds } = await handlingHistory(s.db, p.id);
    expect(rounds.map((r) => [r.assignment.returned?.reason, r.live])).toEqual([
      ['不属于本单位职责', false],
      [undefined, true],
    ]);
  });

  it('退回 after the window is refused with the last day it was open', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(WEDNESDAY);
    const s = await setup();
    const p = await assignedToEducation(s);
    // Seven working days after Wednesday 01-28 end on Friday 02-06.
    vi.setSystemTime(new Date('2026-02-09T02:00:00.000Z'));
    const error = await refusal(returnAssignment(s.repo, p.id, s.acting, { unitId: s.units.education.id, reason: '不属于本单位职责' }));
    expect(error.code).toBe('returnWindowPassed');
    expect(error.message).toContain('2026-02-06');
    expect((await s.db.proposal.get(p.id))?.status).toBe('assigned');
  });
});

describe('办前面商 and 答复', () => {
  it('records a consultation with a unit on the assignment', async () => {
    const s = await setup();
    const p = await assignedToEducation(s);
    const missing = await refusal(recordConsultation(s.repo, p.id, s.acting, { unitId: s.units.education.id }));
    expect(Object.keys(missing.fieldErrors ?? {}).sort()).toEqual(['date', 'form']);
    await recordConsultation(s.repo, p.id, s.acting, { unitId: s.units.education.id, date: '2026-01-02', form: 'phone', notes: '电话沟通办理思路' });
    const { consultations } = await handlingHistory(s.db, p.id);
    expect(consultations).toMatchObject([{ unitId: s.units.education.id, date: '2026-01-02', form: 'phone', notes: '电话沟通办理思路' }]);
  });

  it('主办: the lead unit’s reply, with a scanned letter, moves it to 已答复', async () => {
    const s = await setup();
    const p = await assignedToEducation(s);
    const bytes = new TextEncoder().encode('%PDF-1.4 答复函');
    await recordReply(s.repo, p.id, s.acting, {
      text: '',
      documentNumber: '某教函〔2026〕12号',
      signer: '王局长',
      repliedOn: '2026-01-10',
      resultClass: 'B',
      adoptedItems: ['管网改造'],
      plannedItems: [' 水质检测 ', ''],
      files: [{ name: '答复函.pdf', type: 'application/pdf', bytes }],
    });
    expect((await s.db.proposal.get(p.id))?.status).toBe('replied');
    const { rounds } = await handlingHistory(s.db, p.id);
    const entry = rounds[0]!.replies[0]!;
    expect(entry.reply).toMatchObject({ unitId: s.units.education.id, round: 1, resultClass: 'B', documentNumber: '某教函〔2026〕12号', adoptedItems: ['管网改造'], plannedItems: ['水质检测'] });
    expect(entry.attachments).toMatchObject([{ ownerEntity: 'reply', fileName: '答复函.pdf', size: bytes.byteLength }]);
    expect(await s.db.blobs.get(entry.attachments[0]!.sha256)).toBeDefined();
  });

  it('refuses a reply without a class or text, and class D unless the setting allows it', async () => {
    const s = await setup();
    const p = await assignedToEducation(s);
    const empty = await refusal(recordReply(s.repo, p.id, s.acting, { repliedOn: '2026-01-10' }));
    expect(empty.fieldErrors).toEqual({ text: '请填写答复内容，或添加答复函扫描件', resultClass: '请选择答复类别' });
    const classD = { text: '留作参考。', repliedOn: '2026-01-10', resultClass: 'D' as const };
    expect((await refusal(recordReply(s.repo, p.id, s.acting, classD))).fieldErrors).toEqual({ resultClass: '未启用 D 类答复，请选择 A、B 或 C 类' });
    const settings = (await s.db.congressSettings.toArray())[0]!;
    await s.repo.write((w) => w.update('congressSettings', settings.id, { allowClassD: true }));
    await recordReply(s.repo, p.id, s.acting, classD);
    expect(await s.db.reply.count()).toBe(1);
  });

  it('分办: each unit answers; 已答复 once both have', async () => {
    const s = await setup();
    const p = await accepted(s);
    await assignProposal(s.repo, p.id, s.acting, { mode: 'split', splitUnitIds: [s.units.water.id, s.units.health.id] });
    const noUnit = await refusal(recordReply(s.repo, p.id, s.acting, { text: '已解决。', repliedOn: '2026-01-10', resultClass: 'A' }));
    expect(noUnit.fieldErrors).toEqual({ unitId: '请选择作答的承办单位' });
    await recordReply(s.repo, p.id, s.acting, { unitId: s.units.water.id, text: '已解决。', repliedOn: '2026-01-10', resultClass: 'A' });
    expect((await s.db.proposal.get(p.id))?.status).toBe('assigned');
    await recordReply(s.repo, p.id, s.acting, { unitId: s.units.health.id, text: '已列入计划。', repliedOn: '2026-01-11', resultClass: 'B' });
    expect((await s.db.proposal.get(p.id))?.status).toBe('replied');
  });
});

describe('applyPendingRatings: the office applies the lead author’s rating', () => {
  async function repliedAndRated(s: Setup, overall: Satisfaction, title?: string, rater?: string) {
    const p = await assignedToEducation(s, title);
    await recordReply(s.repo, p.id, s.acting, { text: '经研究，已列入今年民生实事。', repliedOn: '2026-01-10', resultClass: 'B' });
    const reply = (await s.db.reply.where('proposalId').equals(p.id).toArray())[0]!;
    // As it arrives by sync from the delegate's machine.
    await s.repo.write((w) =>
      w.create('replyRating', { proposalId: p.id, replyId: reply.id, delegateId: rater ?? p.leadDelegateId, overall, comment: '测试' }, { actor: { kind: 'delegate', id: p.leadDelegateId } }),
    );
    return p;
  }

  it('满意 → 办结; 不满意 → 重新办理 with a round-2 assignment due in 1 month; a second run changes nothing', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(WEDNESDAY);
    const s = await setup();
    const satisfied = await repliedAndRated(s, 'satisfied', '关于建设乡镇养老服务中心的提议');
    const unsatisfied = await repliedAndRated(s, 'unsatisfied', '关于改善乡村道路的提议');
    const byCosigner = await repliedAndRated(s, 'unsatisfied', '关于完善农村医疗保障的提议', s.delegates[1]!.id);
    vi.setSystemTime(new Date('2026-01-31T02:00:00.000Z'));

    const first = await applyPendingRatings(s.repo, s.acting);
    expect(first.applied.sort()).toEqual([satisfied.id, unsatisfied.id].sort());
    expect((await s.db.proposal.get(satisfied.id))?.status).toBe('closed');
    expect((await s.db.proposal.get(unsatisfied.id))?.status).toBe('rehandling');
    // A co-signer's rating never decides.
    expect((await s.db.proposal.get(byCosigner.id))?.status).toBe('replied');

    const rounds = (await s.db.handlingAssignment.where('proposalId').equals(unsatisfied.id).toArray()).sort((a, b) => a.round - b.round);
    expect(rounds.map((a) => a.round)).toEqual([1, 2]);
    // 01-31 + 1 month (settings.rehandlingMonths) clamps to the end of February.
    expect(rounds[1]).toMatchObject({ mode: 'lead', leadUnitId: s.units.education.id, coUnitIds: [s.units.health.id], deadline: '2026-02-28', assignedAt: '2026-01-31T02:00:00.000Z' });
    expect(await timeline(s, unsatisfied.id)).toContainEqual(['applyRating', '领衔人测评：不满意，重新办理，办理期限：2026-02-28']);

    const again = await applyPendingRatings(s.repo, s.acting);
    expect(again.applied).toEqual([]);
    expect(await s.db.handlingAssignment.where('proposalId').equals(unsatisfied.id).count()).toBe(2);
    expect(await pendingRatings(s.db)).toEqual([]);
  });

  it('the second round is answered and rated again; only its own rating counts', async () => {
    const s = await setup();
    const p = await repliedAndRated(s, 'unsatisfied');
    await applyPendingRatings(s.repo, s.acting);
    await recordReply(s.repo, p.id, s.acting, { text: '重新办理后已解决。', repliedOn: '2026-01-20', resultClass: 'A' });
    // The round-1 不满意 does not apply to round 2.
    expect((await applyPendingRatings(s.repo, s.acting)).applied).toEqual([]);
    const reply2 = (await s.db.reply.where('proposalId').equals(p.id).toArray()).find((r) => r.round === 2)!;
    await s.repo.write((w) => w.create('replyRating', { proposalId: p.id, replyId: reply2.id, delegateId: p.leadDelegateId, overall: 'basicallySatisfied' }));
    expect((await applyPendingRatings(s.repo, s.acting)).applied).toEqual([p.id]);
    expect((await s.db.proposal.get(p.id))?.status).toBe('closed');
  });

  it('does nothing for a delegate, and the office can still close without a rating', async () => {
    const s = await setup();
    const p = await repliedAndRated(s, 'satisfied');
    expect(await applyPendingRatings(s.repo, { role: 'delegate', actorId: p.leadDelegateId })).toEqual({ applied: [] });
    await closeWithoutRating(s.repo, p.id, s.acting, '领衔人逾期未测评');
    expect((await s.db.proposal.get(p.id))?.status).toBe('closed');
    expect(await timeline(s, p.id)).toContainEqual(['close', '未经测评办结：领衔人逾期未测评']);
  });
});

describe('重点标记', () => {
  it('sets and clears 重点提案 / 重点督办, logged', async () => {
    const s = await setup();
    const p = await assignedToEducation(s);
    await setHandlingFlags(s.repo, p.id, s.acting, { isKey: true, isSupervised: true });
    expect(await s.db.proposal.get(p.id)).toMatchObject({ isKey: true, isSupervised: true });
    await setHandlingFlags(s.repo, p.id, s.acting, { isKey: false });
    expect(await s.db.proposal.get(p.id)).toMatchObject({ isKey: false, isSupervised: true });
    expect(await timeline(s, p.id)).toContainEqual(['setFlags', '设为重点提案，设为重点督办']);
  });
});

describe('承办单位', () => {
  it('adds and edits units with contacts; names stay unique; a phone must look like one', async () => {
    const s = await setup();
    const dup = await refusal(saveHandlingUnit(s.repo, s.acting, { name: ' 县教育局 ' }));
    expect(dup.fieldErrors).toEqual({ name: '已有同名的承办单位' });
    const phone = await refusal(saveHandlingUnit(s.repo, s.acting, { id: s.units.water.id, name: '县水利局', contactPhone: '请打电话' }));
    expect(phone.fieldErrors).toHaveProperty('contactPhone');
    await saveHandlingUnit(s.repo, s.acting, { id: s.units.health.id, name: '县卫生健康局', contactName: '', contactPhone: '13800000000' });
    expect(await s.db.handlingUnit.get(s.units.health.id)).toMatchObject({ name: '县卫生健康局', contactPhone: '13800000000' });
    expect((await s.db.handlingUnit.get(s.units.health.id))?.contactName).toBeUndefined();
    expect((await s.db.handlingUnit.get(s.units.water.id))?.sortOrder).toBeGreaterThan(s.units.education.sortOrder);
  });

  it('deletes only a unit never assigned (a tombstone); one with assignments can only be 停用', async () => {
    const s = await setup();
    await assignedToEducation(s);
    const refused = await refusal(deleteHandlingUnit(s.repo, s.acting, s.units.education.id));
    expect(refused.message).toBe('该单位已有交办记录，不能删除，可以停用');
    await deleteHandlingUnit(s.repo, s.acting, s.units.water.id);
    expect((await s.db.handlingUnit.get(s.units.water.id))?.deletedAt).toBeDefined();
    await expect(saveHandlingUnit(s.repo, { role: 'delegate', actorId: s.delegates[0]!.id }, { name: '县交通运输局' })).rejects.toMatchObject({ code: 'wrongRole' });
  });
});
