import { describe, expect, it } from 'vitest';
import { newId, pairId, type Actor } from '../../shared/domain';
import { authorizeChange } from '../../shared/sync/authorize';
import type { DeviceBinding, SyncChange } from '../../shared/sync/types';
import { LifecycleRefusal } from './proposalCommands';
import { Repository } from './repository';
import { officeMachine } from './reviewFixtures';
import {
  addVisitMaterial,
  addVisitPhoto,
  cancelVisit,
  checkInToVisit,
  closeVisit,
  planVisit,
  removeVisitPhoto,
  reopenVisit,
  respondToVisit,
  saveVisitNotes,
  saveVisitSummary,
  setSyncPhotoOriginals,
  startProposalFromVisit,
  updateVisitPhoto,
  updateVisitPlan,
  type VisitPlanForm,
} from './visitCommands';
import { listVisits, loadVisitDetail, proposalsFromVisit, visitMaterials, visitOfProposal } from './visitQueries';

/** 2026-05-12 09:00 北京时间, the first day of the visit. */
const ON_THE_DAY = new Date('2026-05-12T01:00:00.000Z');

/**
 * One database standing for the office and the delegates' machines after sync: the office plans, each delegate
 * writes through their own repository (own device id and actor), as on their laptop.
 */
async function setup() {
  const office = await officeMachine();
  const [zhang, li, wang] = office.delegates as [(typeof office.delegates)[number], (typeof office.delegates)[number], (typeof office.delegates)[number]];
  const delegateMachine = (d: { id: string; name: string }) => {
    const actor: Actor = { kind: 'delegate', id: d.id, name: d.name };
    return { repo: new Repository(office.db, newId(), actor), acting: { role: 'delegate' as const, actorId: d.id } };
  };
  const plan: VisitPlanForm = {
    kind: 'inspection',
    topic: '农村饮水安全工程建设情况',
    sites: ['城关镇水厂', '石门村供水站'],
    startDate: '2026-05-12',
    endDate: '2026-05-13',
    invitedDelegateIds: [zhang.id, li.id],
    agenda: '1. 听取县水利局汇报；\n2. 实地察看。',
  };
  return { office, zhang: delegateMachine(zhang), li: delegateMachine(li), wang: delegateMachine(wang), ids: { zhang: zhang.id, li: li.id, wang: wang.id }, plan };
}

async function refusal(work: Promise<unknown>): Promise<LifecycleRefusal> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LifecycleRefusal);
  return error as LifecycleRefusal;
}

const jpeg = (seed: number, size = 16) => ({ name: `IMG_${seed}.jpg`, type: 'image/jpeg', bytes: new Uint8Array(size).fill(seed) });

describe('planning (office only)', () => {
  it('plans a visit, logged as planVisit', async () => {
    const { office, plan } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    expect(await office.db.visit.get(visit.id)).toMatchObject({ topic: plan.topic, sites: plan.sites, status: 'planned', invitedDelegateIds: plan.invitedDelegateIds });
    const log = await office.db.changes.where('[entity+entityId]').equals(['visit', visit.id]).toArray();
    expect(log.map((c) => c.action)).toEqual(['planVisit']);
    expect(log[0]!.actor).toMatchObject({ kind: 'staff', id: office.staffId });
  });

  it('refuses a bad plan beside its fields and writes nothing', async () => {
    const { office, plan } = await setup();
    const error = await refusal(planVisit(office.repo, office.acting, { ...plan, topic: ' ', endDate: '2026-05-11', invitedDelegateIds: [] }));
    expect(error.fieldErrors).toEqual({
      topic: '请填写视察主题',
      endDate: '结束日期不能早于开始日期（2026-05-12）',
      invitedDelegateIds: '请至少邀请一名党代表（可按活动组添加）',
    });
    expect(await office.db.visit.count()).toBe(0);
    expect(await office.db.changes.where('entity').equals('visit').count()).toBe(0);
  });

  it('refuses delegates: planning, editing, materials, the report and closing are the office’s', async () => {
    const { office, zhang, plan } = await setup();
    expect((await refusal(planVisit(zhang.repo, zhang.acting, plan))).code).toBe('wrongRole');
    const visit = await planVisit(office.repo, office.acting, plan);
    expect((await refusal(updateVisitPlan(zhang.repo, visit.id, zhang.acting, { ...plan, topic: '改了' }))).code).toBe('wrongRole');
    expect((await refusal(addVisitMaterial(zhang.repo, visit.id, zhang.acting, jpeg(1)))).code).toBe('wrongRole');
    expect((await refusal(saveVisitSummary(zhang.repo, visit.id, zhang.acting, '报告'))).code).toBe('wrongRole');
    expect((await refusal(closeVisit(zhang.repo, visit.id, zhang.acting, ON_THE_DAY))).code).toBe('wrongRole');
    expect((await refusal(cancelVisit(zhang.repo, visit.id, zhang.acting, '天气'))).code).toBe('wrongRole');
    expect(await office.db.visit.get(visit.id)).toMatchObject({ topic: plan.topic, status: 'planned' });
  });

  it('edits keep the change log (only changed fields) and a cleared agenda is cleared', async () => {
    const { office, plan, ids } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    await updateVisitPlan(office.repo, visit.id, office.acting, { ...plan, agenda: '', invitedDelegateIds: [ids.zhang, ids.li, ids.wang] });
    const stored = await office.db.visit.get(visit.id);
    expect(stored?.agenda).toBeUndefined();
    expect(stored?.invitedDelegateIds).toEqual([ids.zhang, ids.li, ids.wang]);
    const edit = (await office.db.changes.where('[entity+entityId]').equals(['visit', visit.id]).toArray()).find((c) => c.action === 'updateVisitPlan');
    expect(Object.keys(edit!.fields).sort()).toEqual(['agenda', 'invitedDelegateIds', 'updatedAt']);
    expect(edit!.fields.agenda).toBeNull();
  });

  it('cancelling leaves a tombstone with the reason; the visit leaves every list', async () => {
    const { office, zhang, plan } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    expect((await refusal(cancelVisit(office.repo, visit.id, office.acting, '  '))).fieldErrors).toEqual({ reason: '请填写取消原因' });
    await cancelVisit(office.repo, visit.id, office.acting, '汛期道路中断');
    expect((await office.db.visit.get(visit.id))?.deletedAt).toBeDefined();
    const log = await office.db.changes.where('[entity+entityId]').equals(['visit', visit.id]).toArray();
    expect(log.at(-1)).toMatchObject({ op: 'delete', action: 'cancelVisit', reason: '汛期道路中断' });
    expect(await listVisits(office.db, office.acting, '2026-05-12')).toEqual([]);
    expect(await loadVisitDetail(office.db, visit.id, zhang.acting)).toBeNull();
  });

  it('materials are attachments of the visit', async () => {
    const { office, plan } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    const material = await addVisitMaterial(office.repo, visit.id, office.acting, { name: '汇报材料.pdf', type: 'application/pdf', bytes: new Uint8Array([1, 2, 3]) });
    expect(material).toMatchObject({ ownerEntity: 'visit', ownerId: visit.id, fileName: '汇报材料.pdf', size: 3 });
    expect(await office.db.blobs.get(material.sha256)).toBeDefined();
    expect((await visitMaterials(office.db, visit.id)).map((a) => a.id)).toEqual([material.id]);
  });
});

describe('the delegate in the field', () => {
  it('an invited delegate accepts, checks in on the day (once), and the record is theirs', async () => {
    const { office, zhang, plan, ids } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    const answered = await respondToVisit(zhang.repo, visit.id, zhang.acting, 'accepted');
    expect(answered).toMatchObject({ id: pairId('visitParticipation', visit.id, ids.zhang), delegateId: ids.zhang, response: 'accepted' });
    const first = await checkInToVisit(zhang.repo, visit.id, zhang.acting, ON_THE_DAY);
    expect(first.checkedInAt).toBe(ON_THE_DAY.toISOString());
    const again = await checkInToVisit(zhang.repo, visit.id, zhang.acting, new Date(ON_THE_DAY.getTime() + 3_600_000));
    expect(again.checkedInAt).toBe(ON_THE_DAY.toISOString());
    expect(await office.db.visitParticipation.count()).toBe(1);
    const log = await office.db.changes.where('[entity+entityId]').equals(['visitParticipation', answered.id]).toArray();
    expect(log.map((c) => c.action)).toEqual(['acceptVisit', 'checkInVisit']);
    expect(log.every((c) => c.actor.id === ids.zhang && c.deviceId === zhang.repo.deviceId)).toBe(true);
  });

  it('cannot check in to a visit they were not invited to, nor before the day', async () => {
    const { office, zhang, wang, plan } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    const notInvited = await refusal(checkInToVisit(wang.repo, visit.id, wang.acting, ON_THE_DAY));
    expect(notInvited).toMatchObject({ code: 'notInvited', message: '您没有受邀参加这次视察' });
    expect((await refusal(respondToVisit(wang.repo, visit.id, wang.acting, 'accepted'))).code).toBe('notInvited');
    expect((await refusal(saveVisitNotes(wang.repo, visit.id, wang.acting, '我也去了'))).code).toBe('notInvited');
    const early = await refusal(checkInToVisit(zhang.repo, visit.id, zhang.acting, new Date('2026-05-11T01:00:00.000Z')));
    expect(early.message).toBe('视察于 2026-05-12 开始，活动当天才能签到');
    expect(await office.db.visitParticipation.count()).toBe(0);
  });

  it('the office cannot answer, check in or write notes for a delegate', async () => {
    const { office, plan } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    expect((await refusal(checkInToVisit(office.repo, visit.id, office.acting, ON_THE_DAY))).code).toBe('wrongRole');
    expect((await refusal(saveVisitNotes(office.repo, visit.id, office.acting, '代写'))).code).toBe('wrongRole');
  });

  it('notes: each delegate writes only their own record; another’s notes stay untouched', async () => {
    const { office, zhang, li, plan, ids } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    await saveVisitNotes(zhang.repo, visit.id, zhang.acting, '水厂运行正常，管网老化。');
    await saveVisitNotes(li.repo, visit.id, li.acting, '供水站缺少水质检测设备。');
    await saveVisitNotes(zhang.repo, visit.id, zhang.acting, '水厂运行正常，管网老化严重。');
    const rows = await office.db.visitParticipation.where('visitId').equals(visit.id).toArray();
    expect(Object.fromEntries(rows.map((r) => [r.delegateId, r.notes]))).toEqual({
      [ids.zhang]: '水厂运行正常，管网老化严重。',
      [ids.li]: '供水站缺少水质检测设备。',
    });
  });

  it('declining after checking in is refused; answers may change until then', async () => {
    const { office, zhang, plan } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    await respondToVisit(zhang.repo, visit.id, zhang.acting, 'declined');
    await respondToVisit(zhang.repo, visit.id, zhang.acting, 'accepted');
    await checkInToVisit(zhang.repo, visit.id, zhang.acting, ON_THE_DAY);
    expect((await refusal(respondToVisit(zhang.repo, visit.id, zhang.acting, 'declined'))).code).toBe('alreadyResponded');
  });
});

describe('photos', () => {
  it('keeps the original local: the resized copy is an attachment of the delegate’s record, the original only a blob', async () => {
    const { office, zhang, plan, ids } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    const photo = await addVisitPhoto(zhang.repo, visit.id, zhang.acting, {
      resized: jpeg(1),
      original: { name: 'IMG_1.HEIC', type: 'image/heic', bytes: new Uint8Array(64).fill(9) },
      caption: ' 水厂沉淀池 ',
      takenAt: '2026-05-12T02:15:00.000Z',
    });
    const record = await office.db.visitParticipation.get(pairId('visitParticipation', visit.id, ids.zhang));
    const attachment = await office.db.attachment.get(photo.attachmentId);
    expect(attachment).toMatchObject({ ownerEntity: 'visitNote', ownerId: record!.id, fileName: 'IMG_1.jpg', mimeType: 'image/jpeg', size: 16, caption: '水厂沉淀池' });
    expect(photo).toMatchObject({ delegateId: ids.zhang, caption: '水厂沉淀池', takenAt: '2026-05-12T02:15:00.000Z' });
    expect(photo.originalAttachmentId).toBeUndefined();
    expect(photo.originalSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(photo.originalSha256).not.toBe(attachment!.sha256);
    // The original's bytes are here, but no attachment row names them: the exporter publishes only those.
    expect((await office.db.blobs.get(photo.originalSha256!))?.size).toBe(64);
    expect(await office.db.attachment.where('sha256').equals(photo.originalSha256!).count()).toBe(0);
  });

  it('with the congress setting on, the original travels as an attachment too', async () => {
    const { office, zhang, plan } = await setup();
    await setSyncPhotoOriginals(office.repo, office.acting, true);
    const visit = await planVisit(office.repo, office.acting, plan);
    const photo = await addVisitPhoto(zhang.repo, visit.id, zhang.acting, { resized: jpeg(1), original: { name: 'IMG_1.png', type: 'image/png', bytes: new Uint8Array(32).fill(7) } });
    const original = await office.db.attachment.get(photo.originalAttachmentId!);
    expect(original).toMatchObject({ fileName: 'IMG_1.png', sha256: photo.originalSha256, ownerEntity: 'visitNote' });
  });

  it('what a delegate writes for a photo passes the sync rules for their device (own record, own photo)', async () => {
    const { office, zhang, plan, ids } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    await addVisitPhoto(zhang.repo, visit.id, zhang.acting, { resized: jpeg(2), caption: '石门村' });
    const signer: DeviceBinding = { deviceId: zhang.repo.deviceId, role: 'delegate', actorId: ids.zhang, signPublicKey: 's', boxPublicKey: 'b' };
    const written = await office.db.changes.where('deviceId').equals(zhang.repo.deviceId).toArray();
    expect(written.map((c) => c.entity).sort()).toEqual(['attachment', 'visitParticipation', 'visitPhoto']);
    // Applied in order on the office machine: each row as it stands before its change.
    const applied = new Map<string, Record<string, unknown>>();
    const lookups = { proposal: () => undefined, row: (entity: string, id: string) => applied.get(`${entity}/${id}`) };
    for (const change of written.sort((a, b) => a.hlc.localeCompare(b.hlc))) {
      const { seq: _seq, ...syncChange } = change;
      const key = `${change.entity}/${change.entityId}`;
      expect(authorizeChange(syncChange as SyncChange, signer, applied.get(key), lookups), `${change.entity}`).toEqual({ ok: true });
      applied.set(key, { ...applied.get(key), ...change.fields });
    }
  });

  it('only the photographer edits or removes a photo; removal leaves tombstones', async () => {
    const { office, zhang, li, plan } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    const photo = await addVisitPhoto(zhang.repo, visit.id, zhang.acting, { resized: jpeg(3) });
    expect((await refusal(updateVisitPhoto(li.repo, photo.id, li.acting, { caption: '改别人的' }))).code).toBe('notOwner');
    expect((await refusal(removeVisitPhoto(li.repo, photo.id, li.acting))).code).toBe('notOwner');
    await updateVisitPhoto(zhang.repo, photo.id, zhang.acting, { caption: '供水站外景', takenAt: '2026-05-12T03:00:00.000Z' });
    expect(await office.db.visitPhoto.get(photo.id)).toMatchObject({ caption: '供水站外景', takenAt: '2026-05-12T03:00:00.000Z' });
    expect((await office.db.attachment.get(photo.attachmentId))?.caption).toBe('供水站外景');
    await removeVisitPhoto(zhang.repo, photo.id, zhang.acting);
    expect((await office.db.visitPhoto.get(photo.id))?.deletedAt).toBeDefined();
    expect((await office.db.attachment.get(photo.attachmentId))?.deletedAt).toBeDefined();
    expect((await loadVisitDetail(office.db, visit.id, office.acting))?.photos).toEqual([]);
  });

  it('refuses a photo for a visit the delegate is not invited to', async () => {
    const { office, wang, plan } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    expect((await refusal(addVisitPhoto(wang.repo, visit.id, wang.acting, { resized: jpeg(4) }))).code).toBe('notInvited');
    expect(await office.db.attachment.count()).toBe(0);
  });
});

describe('report and closing', () => {
  it('closing needs the report; a closed visit takes no more records until reopened', async () => {
    const { office, zhang, plan } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    expect((await refusal(closeVisit(office.repo, visit.id, office.acting, new Date('2026-05-01T01:00:00.000Z')))).code).toBe('wrongState');
    expect((await refusal(closeVisit(office.repo, visit.id, office.acting, ON_THE_DAY))).fieldErrors).toEqual({ summary: '请先填写视察报告，再结束视察' });
    await saveVisitSummary(office.repo, visit.id, office.acting, '代表们实地察看了水厂和供水站，提出三条建议。');
    await closeVisit(office.repo, visit.id, office.acting, ON_THE_DAY);
    expect(await office.db.visit.get(visit.id)).toMatchObject({ status: 'closed', summary: '代表们实地察看了水厂和供水站，提出三条建议。' });
    expect((await refusal(saveVisitNotes(zhang.repo, visit.id, zhang.acting, '补充'))).message).toBe('视察已结束并归档，不能再修改视察记录');
    expect((await refusal(saveVisitSummary(office.repo, visit.id, office.acting, '改'))).code).toBe('wrongState');
    await reopenVisit(office.repo, visit.id, office.acting, '补充照片');
    await saveVisitNotes(zhang.repo, visit.id, zhang.acting, '补充');
    const actions = (await office.db.changes.where('[entity+entityId]').equals(['visit', visit.id]).toArray()).map((c) => c.action);
    expect(actions).toEqual(['planVisit', undefined, 'closeVisit', 'reopenVisit']);
  });
});

describe('queries', () => {
  it('a delegate lists only the visits they are invited to, with their own answer; the office lists all with counts', async () => {
    const { office, zhang, wang, plan, ids } = await setup();
    const first = await planVisit(office.repo, office.acting, plan);
    const second = await planVisit(office.repo, office.acting, { ...plan, topic: '乡村振兴示范点建设', startDate: '2026-06-02', endDate: '2026-06-02', invitedDelegateIds: [ids.wang] });
    await checkInToVisit(zhang.repo, first.id, zhang.acting, ON_THE_DAY);
    const officeList = await listVisits(office.db, office.acting, '2026-05-12');
    expect(officeList.map((r) => [r.visit.id, r.phase])).toEqual([
      [second.id, 'upcoming'],
      [first.id, 'ongoing'],
    ]);
    expect(officeList[1]!.counts).toMatchObject({ invited: 2, accepted: 1, pending: 1, checkedIn: 1 });
    expect((await listVisits(office.db, zhang.acting, '2026-05-12')).map((r) => [r.visit.id, r.mine])).toEqual([
      [first.id, { answer: 'accepted', checkedInAt: ON_THE_DAY.toISOString() }],
    ]);
    expect((await listVisits(office.db, wang.acting, '2026-05-12')).map((r) => r.visit.id)).toEqual([second.id]);
    expect(await loadVisitDetail(office.db, first.id, wang.acting)).toBeNull();
  });

  it('a delegate’s detail holds only their own records; the office’s holds everyone’s', async () => {
    const { office, zhang, li, plan, ids } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    await saveVisitNotes(zhang.repo, visit.id, zhang.acting, '张的记录');
    await addVisitPhoto(li.repo, visit.id, li.acting, { resized: jpeg(5), takenAt: '2026-05-12T05:00:00.000Z' });
    await addVisitPhoto(zhang.repo, visit.id, zhang.acting, { resized: jpeg(6), takenAt: '2026-05-12T04:00:00.000Z' });
    const mine = await loadVisitDetail(office.db, visit.id, zhang.acting);
    expect(mine?.mine?.notes).toBe('张的记录');
    expect(mine?.photos.map((p) => p.photo.delegateId)).toEqual([ids.zhang]);
    expect(mine?.attendance.rows.find((r) => r.delegateId === ids.li)?.notes).toBe('');
    const all = await loadVisitDetail(office.db, visit.id, office.acting);
    // Ordered by the time taken.
    expect(all?.photos.map((p) => p.photo.delegateId)).toEqual([ids.zhang, ids.li]);
    expect(all?.photos.every((p) => p.attachment?.mimeType === 'image/jpeg')).toBe(true);
    expect(all?.attendance.counts).toMatchObject({ photos: 2 });
  });
});

describe('a 提议 from a visit', () => {
  it('starts a draft 提议 linked to the visit, led by the delegate; both sides find the link', async () => {
    const { office, zhang, wang, plan, ids } = await setup();
    const visit = await planVisit(office.repo, office.acting, plan);
    const proposal = await startProposalFromVisit(zhang.repo, visit.id, zhang.acting);
    expect(proposal).toMatchObject({ kind: 'proposal', status: 'draft', leadDelegateId: ids.zhang, sourceVisitId: visit.id });
    expect((await proposalsFromVisit(office.db, visit.id)).map((p) => p.id)).toEqual([proposal.id]);
    expect((await visitOfProposal(office.db, proposal))?.id).toBe(visit.id);
    expect((await refusal(startProposalFromVisit(wang.repo, visit.id, wang.acting))).code).toBe('notInvited');
    expect((await refusal(startProposalFromVisit(office.repo, visit.id, office.acting))).code).toBe('wrongRole');
  });
});
