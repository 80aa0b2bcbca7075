import { decodeHlc, encodeHlc, newId } from '../../shared/domain';
import type { DeviceBinding, DeviceProfile } from '../../shared/domain';
import { fingerprintOf } from '../../shared/sync/crypto';
import type { SyncChange } from '../../shared/sync/types';
import type { SeedInput } from '../../renderer/bench/protocol';
import type { DemoSyncFolder } from './demoSyncFolder';
import { delegateWritesByDelegate, stampWrites } from './deviceWrites';

/**
 * The machines whose export the benchmark times: one device with a year of its own changes not yet sent.
 * "A year" is the last 365 days before the demo's `now`; anything older counts as exported already.
 */
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

function exportedBefore(changes: readonly SyncChange[], cutoffMs: number): number {
  const index = changes.findIndex((c) => Date.parse(c.at) >= cutoffMs);
  return index < 0 ? changes.length : index;
}

/** The office machine exporting its own year: roster, meetings, handling, visits, rounds, notices, bindings. */
export function officeExportSeed(demo: DemoSyncFolder): SeedInput {
  const cutoff = Date.parse(demo.dataset.meta.now) - YEAR_MS;
  return { profile: demo.office.profile, changes: demo.officeChanges, exportedCount: exportedBefore(demo.officeChanges, cutoff) };
}

/**
 * A delegate's laptop exporting its year: the delegate's own proposals, 附议, ballots, ratings, visit replies and
 * receipts, made on a device bound for them on this machine's key store (`keys`: its public keys, made by the web
 * bridge's key store so the bridge can sign for it). It holds the office's publications, as received.
 */
export function delegateExportSeed(demo: DemoSyncFolder, delegateId: string, keys: { deviceId: string; signPublicKey: string; boxPublicKey: string }): SeedInput {
  const delegate = (demo.dataset.delegate ?? []).find((d) => d.id === delegateId);
  if (!delegate) throw new Error(`演示数据中没有这位代表：${delegateId}`);
  const office = demo.office.profile;
  const lastOffice = demo.officeChanges[demo.officeChanges.length - 1];
  const wallMs = lastOffice ? decodeHlc(lastOffice.hlc).wallMs + 1 : Date.parse(demo.dataset.meta.now);
  const hlc = encodeHlc({ wallMs, counter: 0, deviceId: office.deviceId });
  const at = new Date(wallMs).toISOString();
  const binding: DeviceBinding = {
    id: keys.deviceId,
    createdAt: at,
    updatedAt: at,
    role: 'delegate',
    actorId: delegate.id,
    actorName: delegate.name,
    signPublicKey: keys.signPublicKey,
    boxPublicKey: keys.boxPublicKey,
    fingerprint: fingerprintOf(keys),
  };
  const bindingChange: SyncChange = {
    id: `${office.deviceId}:${hlc}`,
    entity: 'deviceBinding',
    entityId: keys.deviceId,
    op: 'put',
    fields: { ...binding },
    hlc,
    deviceId: office.deviceId,
    actor: { kind: 'staff', id: office.actorId, name: office.actorName },
    action: 'approveDevice',
    at,
  };
  const own = stampWrites(delegateWritesByDelegate(demo.dataset).get(delegateId) ?? [], keys.deviceId, { kind: 'delegate', id: delegate.id, name: delegate.name });
  const received = [...demo.officeChanges, bindingChange];
  const profile: DeviceProfile = { deviceId: keys.deviceId, role: 'delegate', actorId: delegate.id, actorName: delegate.name, congressId: demo.congressId, createdAt: at };
  const cutoff = Date.parse(demo.dataset.meta.now) - YEAR_MS;
  return { profile, changes: [...received, ...own], exportedCount: received.length + exportedBefore(own, cutoff) };
}

/** A new device id for the exporting laptop (its keys are made by the key store on first use). */
export function exportDeviceId(): string {
  return newId();
}
