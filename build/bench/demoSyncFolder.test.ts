import 'fake-indexeddb/auto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceBinding, EntityName } from '../../shared/domain';
import { authorizeChange } from '../../shared/sync/authorize';
import { bundlePath, decodeBundle, verifyBundle } from '../../shared/sync/bundle';
import { mergeChange } from '../../shared/sync/merge';
import { openSealedSection, recipientEntry } from '../../shared/sync/sections';
import type { StoredRowState, SyncChange } from '../../shared/sync/types';
import { createKeyStore } from '../../electron/keys/keyStore';
import { runImportBench } from '../../renderer/bench/importBench';
import { toSigner } from '../../renderer/sync/identity';
import { createNodeBridge } from '../../tests/support/nodeBridge';
import { runSyncDoctor } from '../scripts/sync-doctor';
import { writeDemoSyncFolder } from './demoSyncFolder';
import type { DemoSyncFolder } from './demoSyncFolder';

const SIZE = { delegates: 12, years: 1, proposalsPerYear: 24 };
/** Entities only delegates write; each demo row of them must arrive at the office */
const DELEGATE_ENTITIES: EntityName[] = ['proposal', 'cosignature', 'replyRating', 'ballot', 'visitParticipation', 'noticeReceipt'];

let work: string;
let demo: DemoSyncFolder;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'dd-demo-sync-'));
  demo = await writeDemoSyncFolder({ size: SIZE, seed: 7, now: new Date('2026-03-01T00:00:00Z'), folder: path.join(work, 'folder'), officeDataDir: path.join(work, 'office') });
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

type Opened = { deviceId: string; file: string; changes: SyncChange[] };

let read: Promise<{ opened: Opened[]; bindings: Map<string, DeviceBinding> }> | undefined;
const readAsOffice = () => (read ??= readFolderAsOffice());
/** Sections the office device sealed to delegates only: the office keeps those rows itself */
let sealedByOffice = 0;

/** Every bundle read as the office reads it: decoded, verified against the bound keys and the chain, opened. */
async function readFolderAsOffice(): Promise<{ opened: Opened[]; bindings: Map<string, DeviceBinding> }> {
  const keys = createKeyStore({ dir: demo.office.dataDir });
  const officeId = demo.office.profile.deviceId;
  // The trust root is the office's own binding (the profile file carries it); every other key is bound in its bundles.
  const bindings = new Map<string, DeviceBinding>([[officeId, demo.office.binding]]);
  const opened: Opened[] = [];
  const ordered = [...demo.devices].sort((a, b) => (a.role === b.role ? 0 : a.role === 'office' ? -1 : 1));
  for (const device of ordered) {
    let prevHash: string | null = null;
    for (let seq = 1; seq <= device.bundles; seq++) {
      const file = bundlePath(device.deviceId, seq);
      const decoded = decodeBundle(new Uint8Array(await readFile(path.join(demo.folder, file))), file);
      if (!decoded.ok) throw new Error(`${file}: ${decoded.problem.code} ${decoded.problem.detail}`);
      const signPublicKey = bindings.get(device.deviceId)?.signPublicKey;
      expect(signPublicKey, `${file} is signed by a device the office bound`).toBeDefined();
      expect(verifyBundle(decoded, { file, deviceId: device.deviceId, seq, prevHash, congressId: demo.congressId, signPublicKey: signPublicKey! })).toBeNull();
      prevHash = decoded.bodyHash;
      const changes: SyncChange[] = [];
      for (const section of decoded.body.sections) {
        if (section.audience === 'all') {
          changes.push(...section.payload.changes);
          continue;
        }
        const entry = recipientEntry(section, officeId);
        // The office's own sealed sections (a notice for some groups) go to those delegates, not back to itself.
        if (!entry && device.role === 'office') {
          sealedByOffice += section.recipients.length > 0 ? 1 : 0;
          continue;
        }
        expect(entry, `every sealed section of ${file} is addressed to the office`).toBeDefined();
        const [key] = await keys.unwrap(officeId, [entry!]);
        const payload = openSealedSection(section, key!);
        if (!payload.ok) throw new Error(`${file}: ${payload.detail}`);
        changes.push(...payload.payload.changes);
      }
      for (const c of changes) if (c.entity === 'deviceBinding') bindings.set(c.entityId, c.fields as DeviceBinding);
      opened.push({ deviceId: device.deviceId, file, changes });
    }
  }
  return { opened, bindings };
}

describe('writeDemoSyncFolder', () => {
  it('writes the office and one device per delegate, each chain signed and verifiable with the keys the office bound', async () => {
    expect(demo.devices.filter((d) => d.role === 'office')).toHaveLength(1);
    expect(demo.devices.filter((d) => d.role === 'delegate')).toHaveLength(SIZE.delegates);
    const onDisk = await readdir(path.join(demo.folder, 'devices'));
    expect(onDisk.sort()).toEqual(demo.devices.map((d) => d.deviceId).sort());
    const marker = JSON.parse(await readFile(path.join(demo.folder, 'delegatedesk-sync.json'), 'utf8'));
    expect(marker).toMatchObject({ format: 'delegatedesk-sync-folder', version: 1, congressId: demo.congressId });

    const { opened, bindings } = await readAsOffice();
    expect(opened).toHaveLength(demo.totals.bundles);
    expect(bindings.size).toBe(SIZE.delegates + 1);
    // A delegate's first bundle asks to be bound (入网申请) and carries nothing else.
    const delegate = demo.devices.find((d) => d.role === 'delegate')!;
    const first = decodeBundle(new Uint8Array(await readFile(path.join(demo.folder, bundlePath(delegate.deviceId, 1)))), bundlePath(delegate.deviceId, 1));
    expect(first.ok && first.body.enrolment?.actorId).toBe(delegate.actorId);
    expect(first.ok && first.body.sections).toEqual([]);
  }, 30_000);

  it('every change is one the office accepts from its signer, and together they carry every delegate row of the demo', async () => {
    const { opened, bindings } = await readAsOffice();
    const rows = new Map<string, StoredRowState>();
    const lookups = {
      proposal: (id: string) => rows.get(`proposal/${id}`)?.row,
      row: (entity: EntityName, id: string) => rows.get(`${entity}/${id}`)?.row,
    };
    const refusals: string[] = [];
    let changeCount = 0;
    for (const { deviceId, file, changes } of opened) {
      const signer = toSigner({ ...bindings.get(deviceId)!, id: deviceId });
      for (const change of changes) {
        changeCount++;
        const key = `${change.entity}/${change.entityId}`;
        const state = rows.get(key) ?? { row: undefined, clocks: {} };
        const verdict = authorizeChange(change, signer, state.row, lookups);
        if (!verdict.ok) refusals.push(`${file} ${change.entity}: ${verdict.reason}`);
        const merged = mergeChange(state, change);
        rows.set(key, { row: merged.row, clocks: merged.clocks });
        expect(change.id).toBe(`${deviceId}:${change.hlc}`);
        expect(change.hlc.endsWith(deviceId)).toBe(true);
      }
    }
    expect(refusals).toEqual([]);
    // Notices for some activity groups are sealed to their members: the office wrote them and keeps them itself.
    const forMembersOnly = demo.officeChanges.filter((c) => c.entity === 'notice' && (c.fields.audience as { kind?: string } | undefined)?.kind === 'groups').length;
    expect(sealedByOffice > 0).toBe(forMembersOnly > 0);
    expect(changeCount).toBe(demo.totals.changes - forMembersOnly);
    for (const entity of DELEGATE_ENTITIES) {
      const expected = (demo.dataset[entity] ?? []).length;
      expect([...rows.keys()].filter((k) => k.startsWith(`${entity}/`)), entity).toHaveLength(expected);
    }
    // The delegate's side of each proposal: submitted, never the office's later states.
    const statuses = new Set((demo.dataset.proposal ?? []).map((p) => rows.get(`proposal/${p.id}`)?.row?.status));
    for (const status of statuses) expect(['draft', 'collecting', 'submitted', 'withdrawn']).toContain(status);
  }, 30_000);

  it('is healthy for the folder doctor', async () => {
    let report = '';
    const code = await runSyncDoctor([demo.folder], (text) => (report += text));
    expect(report).toContain('未发现问题');
    expect(code).toBe(0);
  }, 30_000);

  it('imports into the office machine with the real engine, every bundle applied and nothing refused', async () => {
    const node = createNodeBridge({ dataDir: demo.office.dataDir });
    const result = await runImportBench(
      { label: 'test', folder: demo.folder, seed: { profile: demo.office.profile, changes: demo.officeChanges, exportedCount: demo.officeChanges.length }, runs: 1, breakdown: true },
      () => node.bridge,
    );
    expect(result.problemSamples).toEqual([]);
    const run = result.runs[0]!;
    const delegateBundles = demo.devices.filter((d) => d.role === 'delegate').reduce((sum, d) => sum + d.bundles, 0);
    expect(run).toMatchObject({ applied: delegateBundles, problems: 0 });
    expect(result.bundles).toBe(delegateBundles);
    for (const entity of DELEGATE_ENTITIES) expect(result.rows[entity] ?? 0, entity).toBe((demo.dataset[entity] ?? []).length);
    expect(result.changes).toBe(demo.totals.delegateChanges);
    expect(result.breakdown?.unwrap.amount).toBeGreaterThan(0);
  }, 60_000);

  it('never writes into a folder that holds something already', async () => {
    const occupied = path.join(work, 'occupied');
    await mkdir(occupied);
    await writeFile(path.join(occupied, 'note.txt'), 'x');
    await expect(writeDemoSyncFolder({ size: SIZE, folder: occupied, officeDataDir: path.join(work, 'office2') })).rejects.toThrow('不是空的');
    expect(await readdir(occupied)).toEqual(['note.txt']);
  });
});
