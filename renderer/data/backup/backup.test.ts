import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupRefusal, buildBackupFile, openBackupFile } from '../../../shared/backup';
import { newId, proposalSchema } from '../../../shared/domain';
import { createNodeBridge } from '../../../tests/support/nodeBridge';
import type { NodeBridge } from '../../../tests/support/nodeBridge';
import { openDatabase } from '../db';
import type { DelegateDeskDb } from '../db';
import { addAttachment, createDraft, saveDraft } from '../proposalCommands';
import { CURRENT_SCHEMA_VERSION } from '../schema';
import { searchProposalIds } from '../searchIndex';
import { freshRepository, seedSettings } from '../testing';
import { applyRestore, LAST_RESTORE_META_KEY } from './applyRestore';
import { snapshotBeforeMigration, takeBackupBeforeRestore, takeDailyBackupIfDue } from './automaticBackups';
import { createBackup } from './createBackup';
import { prepareRestore } from './prepareRestore';

const machines: NodeBridge[] = [];
afterEach(async () => {
  await Promise.all(machines.splice(0).map((m) => m.dispose()));
});

async function delegateWithADraft() {
  const { db, repo, actor } = await freshRepository();
  await seedSettings(repo);
  const deviceId = repo.deviceId;
  await db.meta.put({ key: 'deviceId', value: deviceId });
  const acting = { role: 'delegate' as const, actorId: actor.id };
  const draft = await createDraft(repo, actor.id, 'motion');
  await saveDraft(repo, draft.id, acting, { title: '关于加强农村饮水安全保障的提案', background: '管网老化。' });
  await addAttachment(repo, draft.id, acting, { name: '水质检测.pdf', type: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70, 1, 2, 3]) });
  return { db, repo, actor, acting, draft, deviceId };
}

async function snapshot(db: DelegateDeskDb) {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

describe('full backup and restore', () => {
  it('brings back every row and attachment as they were, and finds the old text again', async () => {
    const { db, repo, acting, draft, deviceId } = await delegateWithADraft();
    const file = await createBackup(db, 'manual', { deviceId, appVersion: 'test' });
    const before = await snapshot(db);

    // After the backup: the draft is rewritten and a second one is started
    await saveDraft(repo, draft.id, acting, { title: '关于整治城区噪声扰民的提案' });
    await createDraft(repo, acting.actorId, 'suggestion');
    expect(await db.proposal.count()).toBe(2);

    const prepared = await prepareRestore(db, file, { deviceId });
    expect(prepared.counts.proposal).toBe(1);
    await applyRestore(db, prepared, { name: 'backup.ddbackup' });

    const after = await snapshot(db);
    for (const name of ['proposal', 'proposalSummary', 'attachment', 'changes', 'blobs', 'fieldClocks']) expect(after[name]).toEqual(before[name]);
    expect(Object.prototype.toString.call((await db.blobs.toArray())[0]!.bytes)).toBe('[object Uint8Array]');
    expect(await searchProposalIds(db, '饮水')).toEqual([draft.id]);
    expect(await searchProposalIds(db, '噪声')).toEqual([]);
    expect((await db.meta.get(LAST_RESTORE_META_KEY))?.value).toMatchObject({ source: 'backup.ddbackup' });
  });

  it('keeps the clock and the bundles already published, so the device never contradicts what others have', async () => {
    const { db, repo, acting, draft, deviceId } = await delegateWithADraft();
    await db.outbox.add({ seq: 1, hash: 'h1', bytes: new Uint8Array([1]), lastChangeSeq: 3, maxHlc: 'a', createdAt: '2026-01-01' });
    const file = await createBackup(db, 'manual', { deviceId, appVersion: 'test' });
    await saveDraft(repo, draft.id, acting, { title: '后来改的标题' });
    await db.outbox.add({ seq: 2, hash: 'h2', bytes: new Uint8Array([2]), lastChangeSeq: 4, maxHlc: 'b', createdAt: '2026-01-02' });
    await db.meta.put({ key: 'sync.publishedTo:/mnt/share', value: 2 });
    const clockBefore = (await db.meta.get('hlc'))!.value as string;

    const outcome = await applyRestore(db, await prepareRestore(db, file, { deviceId }), { name: 'b' });

    expect(outcome.laterOwnBundles).toBe(1);
    expect((await db.outbox.toArray()).map((b) => b.seq)).toEqual([1, 2]);
    expect((await db.meta.get('sync.publishedTo:/mnt/share'))?.value).toBe(2);
    expect((await db.meta.get('hlc'))?.value).toBe(clockBefore);
    expect((await db.proposal.get(draft.id))?.title).toBe('关于加强农村饮水安全保障的提案');
  });

  it('refuses a damaged file and leaves the current data exactly as it was', async () => {
    const { db, deviceId } = await delegateWithADraft();
    const file = await createBackup(db, 'manual', { deviceId, appVersion: 'test' });
    const damaged = file.slice();
    const at = Math.floor(file.byteLength * 0.7);
    damaged[at] = damaged[at]! ^ 0xff;
    const truncated = file.slice(0, file.byteLength - 100);
    const before = await snapshot(db);
    for (const bad of [damaged, truncated]) {
      await expect(prepareRestore(db, bad, { deviceId })).rejects.toBeInstanceOf(BackupRefusal);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses another machine’s backup and another congress’s', async () => {
    const { db, deviceId } = await delegateWithADraft();
    const file = await createBackup(db, 'manual', { deviceId, appVersion: 'test', profile: { deviceId, role: 'delegate', actorId: 'a', actorName: '张三', congressId: 'congress-A', language: 'zh-CN', createdAt: '2026-01-01T00:00:00.000Z' } as never });
    await expect(prepareRestore(db, file, { deviceId: 'another-device' })).rejects.toMatchObject({ code: 'otherDevice' });
    await expect(prepareRestore(db, file, { deviceId, congressId: 'congress-B' })).rejects.toMatchObject({ code: 'otherCongress' });
  });

  it('refuses a backup holding a record that breaks its schema, and one from a newer schema', async () => {
    const { db, deviceId } = await delegateWithADraft();
    const header = { createdAt: new Date().toISOString(), reason: 'manual' as const, appVersion: 't', schemaVersion: CURRENT_SCHEMA_VERSION, deviceId, congressId: null, congressName: null, role: null, actorName: null };
    const badRow = await buildBackupFile(header, { tables: { proposal: [{ id: newId(), title: 42 }] }, blobs: [] });
    await expect(prepareRestore(db, badRow, { deviceId })).rejects.toMatchObject({ code: 'invalidRows' });
    const newer = await buildBackupFile({ ...header, schemaVersion: CURRENT_SCHEMA_VERSION + 1 }, { tables: {}, blobs: [] });
    await expect(prepareRestore(db, newer, { deviceId })).rejects.toMatchObject({ code: 'newerSchema' });
  });

  it('restores a backup written by schema version 1 through the same upgrades a database gets', async () => {
    const name = `old-${newId()}`;
    const old = openDatabase(name, 1);
    await old.open();
    const now = new Date().toISOString();
    const proposal = proposalSchema.parse({ id: newId(), createdAt: now, updatedAt: now, kind: 'motion', title: '关于完善社区养老服务的提案', background: '', recommendations: '', leadDelegateId: newId(), status: 'draft' });
    await old.table('proposal').add(proposal);
    await old.table('changes').add({ id: 'c1', entity: 'proposal', entityId: proposal.id, op: 'put', fields: { title: proposal.title }, hlc: '00000000001-00000-d', deviceId: 'd', actor: { kind: 'system', id: 's' }, at: now });
    await old.table('meta').put({ key: 'deviceId', value: 'device-old' });
    const file = await createBackup(old, 'beforeMigration', { deviceId: 'device-old', appVersion: 'test' });
    old.close();
    expect((await openBackupFile(file)).header.schemaVersion).toBe(1);

    const { db } = await freshRepository();
    const prepared = await prepareRestore(db, file, { deviceId: 'device-old' });
    await applyRestore(db, prepared, { name: 'old' });
    expect(await db.proposal.get(proposal.id)).toEqual(proposal);
    expect(await searchProposalIds(db, '养老')).toEqual([proposal.id]);
    expect((await db.fieldClocks.get(`proposal/${proposal.id}`))?.clocks).toEqual({ title: '00000000001-00000-d' });
    expect(await Dexie.getDatabaseNames()).not.toContain(expect.stringMatching(/^delegatedesk-restore-/));
    await Dexie.delete(name);
  });
});

describe('automatic backups', () => {
  it('takes a daily snapshot once a day into the data folder, keeping the newest N', async () => {
    const { db, deviceId } = await delegateWithADraft();
    const machine = createNodeBridge();
    machines.push(machine);
    const ctx = { db, bridge: machine.bridge, deviceId, appVersion: 'test' };
    await db.meta.put({ key: 'backup.keep', value: 2 });

    const first = await takeDailyBackupIfDue(ctx, new Date('2026-11-20T09:00:00'));
    expect(first?.reason).toBe('daily');
    // the listing's time is the file's; the next check is what counts
    const listed = await machine.bridge.backupListLocal({});
    expect(listed.map((b) => b.name)).toEqual([first!.name]);
    expect(await takeDailyBackupIfDue(ctx, new Date(Date.parse(listed[0]!.createdAt) + 60 * 60 * 1000))).toBeNull();

    await takeDailyBackupIfDue(ctx, new Date(Date.parse(listed[0]!.createdAt) + 25 * 60 * 60 * 1000));
    await takeBackupBeforeRestore(ctx);
    const all = await machine.bridge.backupListLocal({});
    expect(all.filter((b) => b.reason === 'daily')).toHaveLength(2);
    expect(all.filter((b) => b.reason === 'beforeRestore')).toHaveLength(1);

    const restored = await prepareRestore(db, await machine.bridge.backupReadLocal({ name: all[0]!.name }), { deviceId });
    expect(restored.counts.proposal).toBe(1);
  });

  it('saves the database as the old version left it before upgrading, and nothing when it is current', async () => {
    const machine = createNodeBridge();
    machines.push(machine);
    const name = `premigration-${newId()}`;
    const old = openDatabase(name, 2);
    await old.open();
    await old.table('meta').put({ key: 'deviceId', value: 'device-x' });
    old.close();

    let told = 0;
    const { written, error } = await snapshotBeforeMigration(name, machine.bridge, 'test', () => told++);
    expect(told).toBe(1);
    expect(error).toBeUndefined();
    expect(written?.reason).toBe('beforeMigration');
    const header = (await openBackupFile(await machine.bridge.backupReadLocal({ name: written!.name }))).header;
    expect(header).toMatchObject({ schemaVersion: 2, deviceId: 'device-x', reason: 'beforeMigration' });

    const current = openDatabase(name);
    await current.open();
    current.close();
    expect((await snapshotBeforeMigration(name, machine.bridge, 'test', () => told++)).written).toBeNull();
    expect(told).toBe(1);
    expect((await snapshotBeforeMigration(`never-${newId()}`, machine.bridge, 'test')).written).toBeNull();
    await Dexie.delete(name);
  });
});
