import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile, mkdir, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CATEGORIES, newId, type DeviceProfile } from '../../shared/domain';
import { importRoster } from '../../shared/roster-import';
import { createNodeBridge, type NodeBridge } from '../../tests/support/nodeBridge';
import { openDatabase } from '../data/db';
import { Repository } from '../data/repository';
import { createCongress, joinFromProfile, readCongressProfile, SETUP_ACTOR } from '../data/congressSetup';
import { addAttachment, applyProposalAction, createDraft, respondToInvitation, saveDraft } from '../data/proposalCommands';
import { approveEnrolment, ensureOfficeBinding } from './identity';
import { recordReviewDecision } from '../data/reviewCommands';
import { assignProposal, recordReply } from '../data/handlingCommands';
import { rateReply } from '../data/ratingCommands';
import { runSync } from './engine';
import { CHANGES_PER_BUNDLE } from './exporter';
import type { SyncContext } from './context';
import { encodeBundle } from '../../shared/sync/bundle';
import { sealSection } from '../../shared/sync/sections';
import { BUNDLE_FILE_FORMAT, SYNC_FORMAT_VERSION, type BundleBody } from '../../shared/sync/types';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

async function machine(folder: string) {
  const node: NodeBridge = createNodeBridge();
  cleanup.push(() => node.dispose());
  const db = openDatabase(`sync-${newId()}`);
  const deviceId = newId();
  const repo = new Repository(db, deviceId, SETUP_ACTOR);
  return { node, db, repo, deviceId, ctx: (profile: DeviceProfile): SyncContext => ({ repo, db, bridge: node.bridge, profile, folder }) };
}

/** The office with a small congress, and a delegate's laptop joined from its roster file. */
async function twoMachines() {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'dd-sync-'));
  cleanup.push(() => rm(folder, { recursive: true, force: true }));
  const office = await machine(folder);
  const rows = [
    ['姓名', '性别', '代表证号', '代表团'],
    ['张建国', '男', '001', '城关镇代表团'],
    ['李晓梅', '女', '002', '教育系统代表团'],
  ];
  const { congressId, staffId } = await createCongress(office.repo, {
    name: '中国共产党某某县第十五次代表大会', term: 15, staffName: '刘秘书', categories: [...DEFAULT_CATEGORIES], handlingUnits: ['县交通运输局'], roster: importRoster(rows),
  });
  const officeProfile: DeviceProfile = { deviceId: office.deviceId, role: 'office', actorId: staffId, actorName: '刘秘书', congressId, createdAt: new Date().toISOString() };
  office.repo.setActor({ kind: 'staff', id: staffId, name: '刘秘书' });
  await ensureOfficeBinding(office.repo, office.node.bridge, officeProfile);

  const laptop = await machine(folder);
  const profileDoc = await readCongressProfile(office.db, congressId);
  const me = profileDoc.delegates.find((d) => d.delegateNumber === '001')!;
  await joinFromProfile(laptop.repo, profileDoc, me.id);
  const delegateProfile: DeviceProfile = { deviceId: laptop.deviceId, role: 'delegate', actorId: me.id, actorName: me.name, congressId, createdAt: new Date().toISOString() };
  laptop.repo.setActor({ kind: 'delegate', id: me.id, name: me.name });
  const categoryId = (await laptop.db.category.toArray())[0]!.id;
  return { folder, office: { ...office, profile: officeProfile, sync: () => runSync(office.ctx(officeProfile)) }, laptop: { ...laptop, profile: delegateProfile, me, categoryId, sync: () => runSync(laptop.ctx(delegateProfile)) } };
}

async function submitSuggestion(laptop: Awaited<ReturnType<typeof twoMachines>>['laptop']) {
  const acting = { role: 'delegate' as const, actorId: laptop.me.id };
  const draft = await createDraft(laptop.repo, laptop.me.id, 'suggestion');
  await saveDraft(laptop.repo, draft.id, acting, {
    title: '关于加快乡村公路安全防护设施建设的建议',
    categoryId: laptop.categoryId,
    background: '部分乡村公路临水临崖路段缺少护栏，夜间行车存在安全隐患。',
    recommendations: '一、排查临水临崖路段；二、分年度增设护栏和警示标志。',
  });
  await applyProposalAction(laptop.repo, draft.id, acting, { type: 'submit' });
  return draft.id;
}

describe('sync between the office and a delegate through a folder', () => {
  it('enrols the device, delivers the submission sealed to the office, and brings the decision back', async () => {
    const { folder, office, laptop } = await twoMachines();
    const proposalId = await submitSuggestion(laptop);
    expect(await laptop.db.pendingExport.get(`proposal/${proposalId}`)).toBeTruthy();

    const first = await laptop.sync();
    expect(first).toMatchObject({ reachable: true, written: 1 });
    expect(await laptop.db.pendingExport.get(`proposal/${proposalId}`)).toBeUndefined();
    // Sealed: the title is nowhere in the folder's bytes.
    const bundleFile = path.join(folder, 'devices', laptop.deviceId, 'bundles', '0000000001.ddb');
    const raw = await readFile(bundleFile, 'utf8');
    expect(Buffer.from(JSON.parse(raw).body, 'base64').toString('utf8')).not.toContain('乡村公路');

    // Unapproved: the office records the request and applies nothing.
    const seen = await office.sync();
    expect(seen.enrolments).toBe(1);
    expect(await office.db.proposal.get(proposalId)).toBeUndefined();
    await approveEnrolment(office.repo, laptop.deviceId);
    const applied = await office.sync();
    expect(applied.problems).toEqual([]);
    expect((await office.db.proposal.get(proposalId))?.status).toBe('submitted');
    // The office's lists read the summary the import wrote beside the row.
    expect(await office.db.proposalSummary.get(proposalId)).toMatchObject({ id: proposalId, status: 'submitted' });

    await applyProposalAction(office.repo, proposalId, { role: 'office', actorId: office.profile.actorId }, { type: 'receive' });
    await office.sync();
    const back = await laptop.sync();
    expect(back.problems).toEqual([]);
    expect((await laptop.db.proposal.get(proposalId))?.status).toBe('received');
    expect((await laptop.db.proposalSummary.get(proposalId))?.status).toBe('received');
    expect(await laptop.db.deviceBinding.get(laptop.deviceId)).toBeTruthy();
    const receive = await laptop.db.changes.where('[entity+entityId]').equals(['proposal', proposalId]).filter((c) => c.action === 'receive').first();
    expect(receive?.actor.id).toBe(office.profile.actorId);

    // Nothing new: syncing again on both sides changes nothing and writes nothing.
    const again = [await office.sync(), await laptop.sync()];
    expect(again.map((r) => [r.applied, r.written])).toEqual([[0, 0], [0, 0]]);
  });

  it('refuses a planted or damaged file by name and reason, and still syncs the rest', async () => {
    const { folder, office, laptop } = await twoMachines();
    const proposalId = await submitSuggestion(laptop);
    await laptop.sync();
    await office.sync();
    await approveEnrolment(office.repo, laptop.deviceId);
    // A forger writes a "bundle" for the delegate's device with the next seq.
    const forged = path.join(folder, 'devices', laptop.deviceId, 'bundles', '0000000002.ddb');
    await writeFile(forged, JSON.stringify({ format: 'delegatedesk-bundle', version: 1, body: 'e30=', signature: 'AAAA' }));
    const planted = path.join(folder, 'devices', '..evil', 'bundles');
    await mkdir(planted, { recursive: true }).catch(() => undefined);
    const result = await office.sync();
    expect((await office.db.proposal.get(proposalId))?.status).toBe('submitted');
    const codes = result.problems.map((p) => [p.code, p.file]);
    expect(codes).toContainEqual(['malformed', `devices/${laptop.deviceId}/bundles/0000000002.ddb`]);
    expect((await office.db.syncProblems.toArray()).length).toBe(result.problems.length);
  });

  it('a delegate bundle that sets 立案 is refused whole: nothing of it is applied', async () => {
    const { office, laptop, folder } = await twoMachines();
    const proposalId = await submitSuggestion(laptop);
    await laptop.sync();
    await office.sync();
    await approveEnrolment(office.repo, laptop.deviceId);
    await office.sync();
    // A tampered laptop (its own exporter would never publish this) signs a bundle that sets 立案 along with
    // changes it would be allowed to make: the submission of a second suggestion, taken from its change log.
    const last = (await laptop.db.outbox.orderBy('seq').last())!;
    const secondId = await submitSuggestion(laptop);
    const allowed = (await laptop.db.changes.where('[entity+entityId]').equals(['proposal', secondId]).toArray()).map(({ seq: _seq, ...c }) => c);
    expect(allowed.length).toBeGreaterThan(0);
    const keys = await laptop.node.bridge.deviceKeys({ deviceId: laptop.deviceId });
    const officeBinding = (await laptop.db.deviceBinding.where('role').equals('office').first())!;
    const hlc = `${(Date.now() + 1000).toString(36).padStart(11, '0')}-00000-${laptop.deviceId}`;
    const change = {
      id: `${laptop.deviceId}:${hlc}`, entity: 'proposal' as const, entityId: proposalId, op: 'put' as const,
      fields: { title: '篡改后的标题', status: 'accepted', number: 1 }, hlc, deviceId: laptop.deviceId,
      actor: { kind: 'delegate' as const, id: laptop.me.id }, at: new Date().toISOString(),
    };
    const body: BundleBody = {
      format: BUNDLE_FILE_FORMAT, version: SYNC_FORMAT_VERSION, congressId: laptop.profile.congressId, deviceId: laptop.deviceId,
      seq: last.seq + 1, prevHash: last.hash, createdAt: new Date().toISOString(),
      keys: { deviceId: laptop.deviceId, signPublicKey: keys.signPublicKey, boxPublicKey: keys.boxPublicKey },
      sections: [sealSection({ changes: [...allowed, change] } as never, [{ deviceId: officeBinding.id, boxPublicKey: officeBinding.boxPublicKey }])],
    };
    const { fileBytes } = await encodeBundle(body, (bytes) => laptop.node.bridge.deviceSign({ deviceId: laptop.deviceId, bytes }));
    await laptop.node.bridge.syncWriteBundle({ folder, deviceId: laptop.deviceId, seq: last.seq + 1, bytes: fileBytes });
    const result = await office.sync();
    expect(result.problems.map((p) => p.code)).toContain('unauthorized');
    const row = await office.db.proposal.get(proposalId);
    expect(row).toMatchObject({ status: 'submitted', title: '关于加快乡村公路安全防护设施建设的建议' });
    expect(row?.number).toBeUndefined();
    // Whole or nothing: the allowed changes of the refused bundle are not applied either, and its cursor stays.
    expect(await office.db.proposal.get(secondId)).toBeUndefined();
    expect((await office.db.syncCursors.get(laptop.deviceId))?.seq).toBe(last.seq);
  });

  it('attachments travel sealed, and a USB stick gets the whole chain for an air-gapped office', async () => {
    const { office, laptop } = await twoMachines();
    const acting = { role: 'delegate' as const, actorId: laptop.me.id };
    const proposalId = await submitSuggestion(laptop);
    // An attachment added before submitting would be the norm; a draft edit after is refused, so add it to a new draft.
    const draft = await createDraft(laptop.repo, laptop.me.id, 'suggestion');
    const photoNote = new TextEncoder().encode('现场照片说明：临水路段护栏缺失约300米');
    await addAttachment(laptop.repo, draft.id, acting, { name: '现场说明.txt', type: 'text/plain', bytes: photoNote });
    await saveDraft(laptop.repo, draft.id, acting, {
      title: '关于完善临水路段护栏的建议', categoryId: laptop.categoryId,
      background: '临水路段护栏缺失，雨季行车风险大，群众反映强烈。', recommendations: '一、尽快补齐护栏；二、设置警示标志。',
    });
    await applyProposalAction(laptop.repo, draft.id, acting, { type: 'submit' });
    await laptop.sync(); // to the server share, which the office cannot reach

    const stick = await mkdtemp(path.join(os.tmpdir(), 'dd-usb-'));
    cleanup.push(() => rm(stick, { recursive: true, force: true }));
    const toStick = { ...laptop.ctx(laptop.profile), folder: stick };
    const exported = await runSync(toStick, 'exportOnly');
    expect(exported.written).toBeGreaterThanOrEqual(1);
    const blobDirs = await readdir(path.join(stick, 'blobs'));
    const blobFiles = (await Promise.all(blobDirs.map((d) => readdir(path.join(stick, 'blobs', d))))).flat();
    expect(blobFiles).toHaveLength(1);
    const stored = await readFile(path.join(stick, 'blobs', blobDirs[0]!, blobFiles[0]!));
    expect(stored.toString('utf8')).not.toContain('护栏');

    const atOffice = { ...office.ctx(office.profile), folder: stick };
    await runSync(atOffice, 'importOnly');
    await approveEnrolment(office.repo, laptop.deviceId);
    const result = await runSync(atOffice, 'importOnly');
    expect(result.problems).toEqual([]);
    expect((await office.db.proposal.get(proposalId))?.status).toBe('submitted');
    const attachment = await office.db.attachment.where('[ownerEntity+ownerId]').equals(['proposal', draft.id]).first();
    expect(attachment?.fileName).toBe('现场说明.txt');
    const blob = await office.db.blobs.get(attachment!.sha256);
    expect(new TextDecoder().decode(blob!.bytes)).toBe('现场照片说明：临水路段护栏缺失约300米');
  });

  it('co-signing across three machines: the sealed draft reaches the invitee, the answer comes back, then it can be submitted', async () => {
    const { folder, office, laptop } = await twoMachines();
    const second = await machine(folder);
    const profileDoc = await readCongressProfile(office.db, office.profile.congressId);
    const cosigner = profileDoc.delegates.find((d) => d.delegateNumber === '002')!;
    await joinFromProfile(second.repo, profileDoc, cosigner.id);
    const cosignerProfile: DeviceProfile = { deviceId: second.deviceId, role: 'delegate', actorId: cosigner.id, actorName: cosigner.name, congressId: office.profile.congressId, createdAt: new Date().toISOString() };
    second.repo.setActor({ kind: 'delegate', id: cosigner.id, name: cosigner.name });
    const syncSecond = () => runSync(second.ctx(cosignerProfile));

    // Both laptops enrol; the office approves them and lowers the recess minimum to one co-signer.
    await laptop.sync();
    await syncSecond();
    await office.sync();
    await approveEnrolment(office.repo, laptop.deviceId);
    await approveEnrolment(office.repo, second.deviceId);
    const settingsId = (await office.db.congressSettings.toArray())[0]!.id;
    await office.repo.write((w) => w.update('congressSettings', settingsId, { minCosignersRecess: 1 }));
    await office.sync();
    await laptop.sync();
    await syncSecond();
    expect((await laptop.db.congressSettings.get(settingsId))?.minCosignersRecess).toBe(1);

    // The lead drafts a 提议 and invites the co-signer.
    const lead = { role: 'delegate' as const, actorId: laptop.me.id };
    const draft = await createDraft(laptop.repo, laptop.me.id, 'proposal');
    await saveDraft(laptop.repo, draft.id, lead, {
      title: '关于规范农村集体资产管理的提议', categoryId: laptop.categoryId, invitedCosignerIds: [cosigner.id],
      background: '部分村集体资产底数不清，租赁合同不规范，群众意见较大。', recommendations: '一、开展清产核资；二、统一合同文本；三、定期公开。',
    });
    await expect(applyProposalAction(laptop.repo, draft.id, lead, { type: 'submit' })).rejects.toThrow(/附议人不足/);
    await applyProposalAction(laptop.repo, draft.id, lead, { type: 'inviteCosigners' });
    await laptop.sync();

    await syncSecond();
    expect((await second.db.proposal.get(draft.id))?.status).toBe('collecting');
    await respondToInvitation(second.repo, draft.id, { role: 'delegate', actorId: cosigner.id }, 'confirmed');
    const answered = await syncSecond();
    expect(answered.problems).toEqual([]);

    const back = await laptop.sync();
    expect(back.problems).toEqual([]);
    const confirmations = await laptop.db.cosignature.where('proposalId').equals(draft.id).toArray();
    expect(confirmations.map((c) => [c.delegateId, c.status])).toEqual([[cosigner.id, 'confirmed']]);
    await applyProposalAction(laptop.repo, draft.id, lead, { type: 'submit' });
    await laptop.sync();
    const atOffice = await office.sync();
    expect(atOffice.problems).toEqual([]);
    expect((await office.db.proposal.get(draft.id))?.status).toBe('submitted');
    expect((await office.db.cosignature.where('proposalId').equals(draft.id).toArray()).map((c) => c.status)).toEqual(['confirmed']);
  });

  it('closes the loop across machines: reply, 不满意, re-handling, second reply, 满意, 办结', async () => {
    const { office, laptop } = await twoMachines();
    const proposalId = await submitSuggestion(laptop);
    await laptop.sync();
    await office.sync();
    await approveEnrolment(office.repo, laptop.deviceId);
    await office.sync();
    const staff = { role: 'office' as const, actorId: office.profile.actorId };
    const delegate = { role: 'delegate' as const, actorId: laptop.me.id };
    await applyProposalAction(office.repo, proposalId, staff, { type: 'receive' });
    await recordReviewDecision(office.repo, proposalId, staff, { type: 'preReview' });
    await recordReviewDecision(office.repo, proposalId, staff, { type: 'accept', number: 1 });
    const unit = (await office.db.handlingUnit.toArray())[0]!;
    await assignProposal(office.repo, proposalId, staff, { mode: 'lead', leadUnitId: unit.id });
    const today = new Date().toISOString().slice(0, 10);
    const reply = { unitId: unit.id, text: '已排查临水临崖路段，计划分两年增设护栏。', documentNumber: '交复〔2026〕1号', signer: '王局长', repliedOn: today };
    await recordReply(office.repo, proposalId, staff, { ...reply, resultClass: 'B' });
    await office.sync();

    await laptop.sync();
    expect((await laptop.db.proposal.get(proposalId))?.status).toBe('replied');
    const firstReply = (await laptop.db.reply.where('proposalId').equals(proposalId).toArray())[0]!;
    expect(firstReply.documentNumber).toBe('交复〔2026〕1号');
    await rateReply(laptop.repo, proposalId, delegate, { replyId: firstReply.id, overall: 'unsatisfied', comment: '护栏建设没有时间表。' });
    expect((await laptop.db.proposal.get(proposalId))?.status).toBe('replied'); // the office decides the outcome
    await laptop.sync();

    const atOffice = await office.sync();
    expect(atOffice.ratingsApplied).toBe(1);
    expect((await office.db.proposal.get(proposalId))?.status).toBe('rehandling');
    const rounds = (await office.db.handlingAssignment.where('proposalId').equals(proposalId).toArray()).map((a) => a.round).sort();
    expect(rounds).toEqual([1, 2]);
    await recordReply(office.repo, proposalId, staff, { ...reply, text: '护栏工程已列入明年计划，6月底前完工。', documentNumber: '交复〔2026〕2号', resultClass: 'A' });
    await office.sync();

    await laptop.sync();
    const secondReply = (await laptop.db.reply.where('proposalId').equals(proposalId).toArray()).find((r) => r.round === 2)!;
    expect(secondReply.documentNumber).toBe('交复〔2026〕2号');
    await rateReply(laptop.repo, proposalId, delegate, { replyId: secondReply.id, overall: 'satisfied' });
    await laptop.sync();
    expect((await office.sync()).ratingsApplied).toBe(1);
    expect((await office.db.proposal.get(proposalId))?.status).toBe('closed');
    await laptop.sync();
    expect((await laptop.db.proposal.get(proposalId))?.status).toBe('closed');
    // Nothing pending is applied twice
    expect((await office.sync()).ratingsApplied).toBe(0);
  });

  it('a large export goes out as a chain of bundles, and the reader takes all of them', async () => {
    const { folder, office, laptop } = await twoMachines();
    await laptop.sync();
    await office.sync();
    await approveEnrolment(office.repo, laptop.deviceId);
    const before = (await office.db.outbox.toArray()).length;
    const units = Array.from({ length: CHANGES_PER_BUNDLE + 40 }, (_, i) => ({ name: `县第${i + 1}办理单位`, sortOrder: 10 + i, active: true }));
    await office.repo.write((w) => w.createMany('handlingUnit', units));

    const sent = await office.sync();
    expect(sent.problems).toEqual([]);
    const bundles = await readdir(path.join(folder, 'devices', office.deviceId, 'bundles'));
    expect(bundles.length - before).toBeGreaterThan(1);
    const outbox = await office.db.outbox.orderBy('seq').toArray();
    expect(outbox.map((b) => b.seq)).toEqual(outbox.map((_, i) => i + 1));
    expect(await office.db.pendingExport.count()).toBe(0);

    const received = await laptop.sync();
    expect(received.problems).toEqual([]);
    const names = new Set((await laptop.db.handlingUnit.toArray()).map((u) => u.name));
    expect(units.every((u) => names.has(u.name))).toBe(true);
    // Nothing left to send: the next export writes nothing.
    expect((await office.sync()).written).toBe(0);
  });

  it('an unreachable folder (USB stick pulled) touches nothing local', async () => {
    const { laptop, folder } = await twoMachines();
    const proposalId = await submitSuggestion(laptop);
    await rm(folder, { recursive: true, force: true });
    const result = await laptop.sync();
    expect(result.reachable).toBe(false);
    expect((await laptop.db.proposal.get(proposalId))?.status).toBe('submitted');
    expect(await laptop.db.pendingExport.get(`proposal/${proposalId}`)).toBeTruthy();
    expect(await readdir(os.tmpdir())).not.toContain(path.basename(folder));
  });
});
