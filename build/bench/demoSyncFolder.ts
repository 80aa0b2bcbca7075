import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { newId } from '../../shared/domain';
import type { Actor, DeviceBinding, DeviceProfile } from '../../shared/domain';
import { createRng, generateDemoCongress } from '../../shared/demo';
import type { CustomDemoSize, DemoDataset, DemoSizeName } from '../../shared/demo';
import { fingerprintOf } from '../../shared/sync/crypto';
import type { SyncChange } from '../../shared/sync/types';
import { createKeyStore } from '../../electron/keys/keyStore';
import { writeBundle } from '../../electron/sync/bundleFiles';
import { writeMarker } from '../../electron/sync/marker';
import { encodeDeviceChain } from './deviceChain';
import type { ChainContext, ChainDevice, EncodedBundle, Recipient } from './deviceChain';
import { delegateWritesByDelegate, officeRecordWrites, stampWrites } from './deviceWrites';
import type { BundlePer, PlannedWrite } from './deviceWrites';
import { createNativeDeviceKeys } from './nativeCrypto';
import type { NativeDeviceKeys } from './nativeCrypto';

/**
 * A complete demo sync folder (演示同步文件夹): the demo congress as the real app would have left it in a sync
 * folder after a term of use. The office device publishes everything the office wrote (roster, meetings, handling,
 * visits, 评议 rounds, notices) and the binding of every delegate device, in plain signed bundles; each delegate
 * has one device, which joined with an enrolment request and then wrote, day by day, that delegate's own
 * proposals, 附议, ballots, ratings, visit replies and notice receipts, sealed to the office (and to the co-signing
 * circle while a proposal collected 附议).
 *
 * The office device's keys are made by the app's own key store in `officeDataDir`, so a web bridge or an Electron
 * shell started on that data folder *is* the office machine and can open everything sealed to it. Delegate keys
 * live only in memory while the folder is written.
 */

export interface DemoSyncFolderOptions {
  size?: DemoSizeName | CustomDemoSize;
  seed?: number;
  /** The demo's "now" (default: the current time). Sync readers refuse clocks more than a day ahead of theirs. */
  now?: Date;
  /** Where to write; must be missing or empty (a sync folder is never overwritten) */
  folder: string;
  /** The office machine's data folder: its device keys go to <officeDataDir>/device-keys/ */
  officeDataDir: string;
  /**
   * One bundle per day a device made changes (default: a device that syncs as it works), per week or month with
   * changes (a province decade: far fewer files), or one per device
   */
  bundlePer?: BundlePer;
  /** A dataset generated already with the same size, seed and now */
  dataset?: DemoDataset;
}

export interface DemoDeviceSummary {
  deviceId: string;
  role: 'office' | 'delegate';
  actorId: string;
  bundles: number;
  changes: number;
}

export interface DemoSyncFolder {
  folder: string;
  congressId: string;
  /** The office machine: its profile (as the app stores it in meta) and its data folder */
  office: { profile: DeviceProfile; dataDir: string; binding: DeviceBinding };
  /**
   * What the office machine holds before it syncs: its own change log, i.e. the changes it published. A reader
   * seeds the office database by merging them (rows, field clocks, change log).
   */
  officeChanges: SyncChange[];
  devices: DemoDeviceSummary[];
  totals: { devices: number; bundles: number; changes: number; delegateChanges: number; sealedSections: number; plainSections: number; bytes: number };
  dataset: DemoDataset;
  /** How long generating, signing and writing took (ms) */
  timings: { dataset: number; encode: number; write: number };
}

const MAX_CHANGES_PER_BUNDLE = 2000;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const WRITE_CONCURRENCY = 16;

async function ensureEmptyFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const entries = await readdir(folder);
  if (entries.length > 0) throw new Error(`同步文件夹不是空的，不会覆盖：${folder}`);
}

/** Runs `tasks` with at most `limit` at a time. */
async function inPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

interface DelegateDevice {
  delegateId: string;
  name: string;
  keys: NativeDeviceKeys;
  joinMs: number;
  binding: DeviceBinding;
}

export async function writeDemoSyncFolder(options: DemoSyncFolderOptions): Promise<DemoSyncFolder> {
  const folder = path.resolve(options.folder);
  const dataDir = path.resolve(options.officeDataDir);
  await ensureEmptyFolder(folder);
  const seed = options.seed ?? 1;

  let started = performance.now();
  const dataset = options.dataset ?? generateDemoCongress({ size: options.size ?? 'county-1y', seed, ...(options.now ? { now: options.now } : {}) });
  const datasetMs = performance.now() - started;
  started = performance.now();

  const congress = dataset.congress?.[0];
  if (!congress) throw new Error('演示数据中没有党代会');
  const nowMs = Date.parse(dataset.meta.now);
  const setupMs = Date.parse(congress.createdAt);
  const rng = createRng(seed).fork('sync-folder');
  const staff = dataset.officeStaff;

  // The office machine: keys made by the app's key store, its binding the first thing it writes (ensureOfficeBinding).
  const officeDeviceId = newId(setupMs, rng.bytes);
  const keyStore = createKeyStore({ dir: dataDir });
  const officeKeys = await keyStore.publicKeys(officeDeviceId);
  const officeBinding: DeviceBinding = {
    id: officeDeviceId,
    createdAt: congress.createdAt,
    updatedAt: congress.createdAt,
    role: 'office',
    actorId: staff.id,
    actorName: staff.name,
    signPublicKey: officeKeys.signPublicKey,
    boxPublicKey: officeKeys.boxPublicKey,
    fingerprint: fingerprintOf(officeKeys),
  };
  const officeProfile: DeviceProfile = { deviceId: officeDeviceId, role: 'office', actorId: staff.id, actorName: staff.name, congressId: congress.id, createdAt: congress.createdAt };

  // Delegates join in the first days of the term, a few minutes apart; the office approves each within hours.
  const delegates = dataset.delegate ?? [];
  const spacingMs = Math.min(20 * 60_000, Math.floor((10 * DAY_MS) / Math.max(1, delegates.length)));
  const delegateDevices: DelegateDevice[] = delegates.map((delegate, i) => {
    const joinMs = setupMs + DAY_MS + i * spacingMs;
    const keys = createNativeDeviceKeys(newId(joinMs, rng.bytes));
    const approvedAt = new Date(joinMs + 2 * HOUR_MS).toISOString();
    const binding: DeviceBinding = {
      id: keys.deviceId,
      createdAt: approvedAt,
      updatedAt: approvedAt,
      role: 'delegate',
      actorId: delegate.id,
      actorName: delegate.name,
      signPublicKey: keys.signPublicKey,
      boxPublicKey: keys.boxPublicKey,
      fingerprint: fingerprintOf(keys),
    };
    return { delegateId: delegate.id, name: delegate.name, keys, joinMs, binding };
  });

  const officeWrites: PlannedWrite[] = [
    { ms: setupMs, entity: 'deviceBinding', entityId: officeDeviceId, op: 'put', fields: { ...officeBinding }, action: 'bindDevice' },
    ...officeRecordWrites(dataset),
    ...delegateDevices.map((d): PlannedWrite => ({ ms: Date.parse(d.binding.createdAt), entity: 'deviceBinding', entityId: d.keys.deviceId, op: 'put', fields: { ...d.binding }, action: 'approveDevice' })),
  ];
  const staffActor: Actor = { kind: 'staff', id: staff.id, name: staff.name };
  const officeChanges = stampWrites(officeWrites, officeDeviceId, staffActor);

  const proposals = new Map((dataset.proposal ?? []).map((p) => [p.id, p]));
  const context: ChainContext = {
    congressId: congress.id,
    officeDevices: [{ deviceId: officeDeviceId, boxPublicKey: officeKeys.boxPublicKey }],
    deviceOfDelegate: new Map(delegateDevices.map((d): [string, Recipient] => [d.delegateId, { deviceId: d.keys.deviceId, boxPublicKey: d.keys.boxPublicKey }])),
    proposalAsInvited: (id) => {
      const p = proposals.get(id);
      return p && { ...p, status: 'collecting' };
    },
    membersOfGroups: (groupIds) => (dataset.delegate ?? []).filter((d) => d.activityGroupId && groupIds.includes(d.activityGroupId)).map((d) => d.id),
    nowMs,
  };
  const chainOptions = { bundlePer: options.bundlePer ?? 'day', maxChangesPerBundle: MAX_CHANGES_PER_BUNDLE } as const;

  const officeDevice: ChainDevice = {
    deviceId: officeDeviceId,
    role: 'office',
    signPublicKey: officeKeys.signPublicKey,
    boxPublicKey: officeKeys.boxPublicKey,
    sign: (bytes) => keyStore.sign(officeDeviceId, bytes),
  };
  // The files are written by the app's own main-process code: the marker once, each bundle atomically and never
  // over another. Each device's chain is written as soon as it is signed, so a big folder is never all in memory.
  await writeMarker(folder, congress.id);
  let writeMs = 0;
  const devices: DemoDeviceSummary[] = [];
  const totals = { devices: 0, bundles: 0, changes: 0, delegateChanges: 0, sealedSections: 0, plainSections: 0, bytes: 0 };
  const publish = async (summary: DemoDeviceSummary, bundles: EncodedBundle[]) => {
    const writeStarted = performance.now();
    await inPool(bundles, WRITE_CONCURRENCY, async (bundle) => {
      await writeBundle(folder, summary.deviceId, bundle.seq, bundle.bytes);
    });
    writeMs += performance.now() - writeStarted;
    devices.push(summary);
    totals.devices += 1;
    totals.bundles += bundles.length;
    totals.changes += summary.changes;
    if (summary.role === 'delegate') totals.delegateChanges += summary.changes;
    for (const b of bundles) {
      totals.sealedSections += b.sealedSections;
      totals.plainSections += b.plainSections;
      totals.bytes += b.bytes.byteLength;
    }
  };

  const officeBundles = await encodeDeviceChain(officeDevice, officeChanges, context, chainOptions);
  await publish({ deviceId: officeDeviceId, role: 'office', actorId: staff.id, bundles: officeBundles.length, changes: officeChanges.length }, officeBundles);

  const writesByDelegate = delegateWritesByDelegate(dataset);
  for (const device of delegateDevices) {
    const actor: Actor = { kind: 'delegate', id: device.delegateId, name: device.name };
    const changes = stampWrites(writesByDelegate.get(device.delegateId) ?? [], device.keys.deviceId, actor);
    const chainDevice: ChainDevice = { deviceId: device.keys.deviceId, role: 'delegate', signPublicKey: device.keys.signPublicKey, boxPublicKey: device.keys.boxPublicKey, sign: device.keys.sign };
    const enrolment = {
      ms: device.joinMs,
      request: { actorKind: 'delegate' as const, actorId: device.delegateId, actorName: device.name, fingerprint: device.binding.fingerprint },
    };
    const bundles = await encodeDeviceChain(chainDevice, changes, context, { ...chainOptions, enrolment });
    await publish({ deviceId: device.keys.deviceId, role: 'delegate', actorId: device.delegateId, bundles: bundles.length, changes: changes.length }, bundles);
  }
  const encodeMs = performance.now() - started - writeMs;

  return {
    folder,
    congressId: congress.id,
    office: { profile: officeProfile, dataDir, binding: officeBinding },
    officeChanges,
    devices,
    totals,
    dataset,
    timings: { dataset: datasetMs, encode: encodeMs, write: writeMs },
  };
}
