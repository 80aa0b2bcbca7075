import type { DeviceBinding } from '../../shared/domain';
import { blobPath, decodeBundle, verifyBundle } from '../../shared/sync/bundle';
import type { DecodedBundle } from '../../shared/sync/bundle';
import { sha256Hex, verifySignature } from '../../shared/sync/crypto';
import { openSealedBlob, openSealedSection, recipientEntry } from '../../shared/sync/sections';
import type { BlobKey } from '../../shared/sync/sections';
import type { ScannedBundle } from '../../shared/bridge';
import type { SectionPayload, SyncChange, SyncProblem } from '../../shared/sync/types';
import type { StoredBlob } from '../data/db';
import type { SyncContext } from './context';
import { verifySignatures } from './signatures';
import { createSlicer } from './timeSlice';

/** A bundle that passed every check that needs no database rows: ready to be authorised and merged. */
export interface PreparedBundle {
  scanned: ScannedBundle;
  hash: string;
  signer: DeviceBinding;
  changes: SyncChange[];
  blobs: StoredBlob[];
}

export interface PreparedDevice {
  deviceId: string;
  /** In chain order; stops before the first bundle that failed a check */
  bundles: PreparedBundle[];
  /** Why the chain stops short, if it does (never retried: it is wrong whatever arrives later) */
  problem?: SyncProblem;
}

export interface Preparation {
  devices: PreparedDevice[];
  enrolments: number;
}

interface Candidate {
  scanned: ScannedBundle;
  decoded: DecodedBundle;
  signer: DeviceBinding | undefined;
}

/** Unwrap requests per bridge call: well under the bridge's limit, and a progress step on a huge first sync. */
const UNWRAP_CHUNK = 20_000;

function groupByDevice(bundles: readonly ScannedBundle[], ownDeviceId: string): Map<string, ScannedBundle[]> {
  const byDevice = new Map<string, ScannedBundle[]>();
  for (const b of bundles) {
    if (b.deviceId === ownDeviceId) continue;
    const list = byDevice.get(b.deviceId);
    if (list) list.push(b);
    else byDevice.set(b.deviceId, [b]);
  }
  for (const list of byDevice.values()) list.sort((a, b) => a.seq - b.seq);
  return byDevice;
}

/**
 * Everything of an import that needs no row of the database but cursors and bindings: decode every bundle,
 * check every signature at once (WebCrypto, in parallel), walk each device's chain from its cursor, record
 * enrolment requests from unbound devices (office), unwrap every content key addressed to this device in one
 * bridge call, open the sealed sections and fetch the attachment blobs the bundles bring.
 * A bundle that fails any of this stops its device's chain there; other devices go on.
 */
export async function prepareImport(ctx: SyncContext, bundles: readonly ScannedBundle[]): Promise<Preparation> {
  const { db, profile } = ctx;
  const byDevice = groupByDevice(bundles, profile.deviceId);
  const deviceIds = [...byDevice.keys()];
  const [cursors, bindings] = await Promise.all([db.syncCursors.bulkGet(deviceIds), db.deviceBinding.bulkGet(deviceIds)]);
  const preparation: Preparation = { devices: [], enrolments: 0 };
  // Thousands of bundles on a first sync: the window gets a turn every few dozen milliseconds
  const slice = createSlicer();

  // 1. Decode, and check every signature against the key the device is bound to (or, unbound, its own claim).
  const decodedByDevice = new Map<string, { scanned: ScannedBundle; decoded: ReturnType<typeof decodeBundle> }[]>();
  const signatureJobs: { decoded: DecodedBundle; publicKey: string }[] = [];
  for (const [i, deviceId] of deviceIds.entries()) {
    const binding = bindings[i];
    const bound = binding && !binding.deletedAt ? binding : undefined;
    const list: { scanned: ScannedBundle; decoded: ReturnType<typeof decodeBundle> }[] = [];
    for (const scanned of byDevice.get(deviceId)!) {
      list.push({ scanned, decoded: decodeBundle(scanned.bytes, scanned.file) });
      await slice();
    }
    decodedByDevice.set(deviceId, list);
    for (const { decoded } of list) {
      if (decoded.ok) signatureJobs.push({ decoded, publicKey: bound ? bound.signPublicKey : decoded.body.keys.signPublicKey });
    }
  }
  const verdicts = await verifySignatures(signatureJobs.map(({ decoded, publicKey }) => ({ signature: decoded.signature, bytes: decoded.bodyBytes, publicKey })));
  const verdictOf = new Map<DecodedBundle, { publicKey: string; ok: boolean }>();
  signatureJobs.forEach((job, i) => verdictOf.set(job.decoded, { publicKey: job.publicKey, ok: verdicts[i]! }));

  // 2. Walk each chain from its cursor.
  const candidates = new Map<string, Candidate[]>();
  for (const [i, deviceId] of deviceIds.entries()) {
    const cursor = cursors[i];
    const binding = bindings[i];
    const bound = binding && !binding.deletedAt ? binding : undefined;
    const device: PreparedDevice = { deviceId, bundles: [] };
    preparation.devices.push(device);
    const chain: Candidate[] = [];
    candidates.set(deviceId, chain);
    let seq = (cursor?.seq ?? 0) + 1;
    let prevHash = cursor?.hash ?? null;
    for (const { scanned, decoded } of decodedByDevice.get(deviceId)!) {
      if (!decoded.ok) {
        device.problem = decoded.problem;
        break;
      }
      const signPublicKey = bound ? bound.signPublicKey : decoded.body.keys.signPublicKey;
      const known = verdictOf.get(decoded);
      const problem = verifyBundle(
        decoded,
        { file: scanned.file, deviceId, seq, prevHash, congressId: profile.congressId, signPublicKey },
        (signature, bytes, publicKey) => (known && known.publicKey === signPublicKey ? known.ok : verifySignature(signature, bytes, publicKey)),
      );
      if (problem) {
        device.problem = problem;
        break;
      }
      if (!bound) {
        await handleUnbound(ctx, scanned, decoded, binding, device, preparation);
        break;
      }
      chain.push({ scanned, decoded, signer: bound });
      seq++;
      prevHash = decoded.bodyHash;
      await slice();
    }
  }

  // 3. Every content key addressed to this device, in one bridge call (chunked for huge first syncs).
  const unwrapJobs: { decoded: DecodedBundle; sectionIndex: number; entry: NonNullable<ReturnType<typeof recipientEntry>> }[] = [];
  for (const chain of candidates.values()) {
    for (const { decoded } of chain) {
      decoded.body.sections.forEach((section, sectionIndex) => {
        const entry = section.audience === 'sealed' ? recipientEntry(section, profile.deviceId) : undefined;
        if (entry) unwrapJobs.push({ decoded, sectionIndex, entry });
      });
    }
  }
  const keys: (Uint8Array | null)[] = [];
  for (let start = 0; start < unwrapJobs.length; start += UNWRAP_CHUNK) {
    const chunk = unwrapJobs.slice(start, start + UNWRAP_CHUNK);
    keys.push(
      ...(await ctx.bridge.deviceUnwrap({
        deviceId: profile.deviceId,
        wrapped: chunk.map(({ entry }) => ({ ephemeralPublicKey: entry.ephemeralPublicKey, nonce: entry.nonce, wrappedKey: entry.wrappedKey })),
      })),
    );
  }
  const keyOf = new Map<string, Uint8Array | null>();
  unwrapJobs.forEach((job, i) => keyOf.set(`${job.decoded.bodyHash}#${job.sectionIndex}`, keys[i] ?? null));

  // 4. Open each bundle's readable sections and fetch the blobs its attachments need.
  const fetchedBlobs = new Map<string, StoredBlob>();
  for (const device of preparation.devices) {
    for (const { scanned, decoded, signer } of candidates.get(device.deviceId)!) {
      const opened = openBundle(decoded, scanned, keyOf);
      if ('problem' in opened) {
        device.problem = opened.problem;
        break;
      }
      const fetched = await fetchBlobs(ctx, scanned, opened.changes, opened.blobKeys, fetchedBlobs);
      if (fetched.problem) {
        device.problem = fetched.problem;
        break;
      }
      device.bundles.push({ scanned, hash: decoded.bodyHash, signer: signer!, changes: opened.changes, blobs: fetched.blobs });
      await slice();
    }
  }
  return preparation;
}

/** Not bound by the office (yet): its enrolment request reaches the office; nothing of it is applied. */
async function handleUnbound(ctx: SyncContext, scanned: ScannedBundle, decoded: DecodedBundle, binding: DeviceBinding | undefined, device: PreparedDevice, preparation: Preparation): Promise<void> {
  const { db, profile } = ctx;
  const enrolment = decoded.body.enrolment;
  if (enrolment && profile.role === 'office' && !binding) {
    await db.enrolmentRequests.put({
      deviceId: scanned.deviceId,
      ...enrolment,
      signPublicKey: decoded.body.keys.signPublicKey,
      boxPublicKey: decoded.body.keys.boxPublicKey,
      seenAt: new Date().toISOString(),
      file: scanned.file,
    });
    preparation.enrolments++;
    return;
  }
  // Another delegate's device awaiting approval is not this delegate's concern; the office sees it as a request.
  if (profile.role !== 'office') return;
  device.problem = { code: 'unknownDevice', file: scanned.file, deviceId: scanned.deviceId, detail: enrolment ? `${enrolment.actorName} (${enrolment.fingerprint})` : '' };
}

function openBundle(decoded: DecodedBundle, scanned: ScannedBundle, keyOf: Map<string, Uint8Array | null>): { changes: SyncChange[]; blobKeys: BlobKey[] } | { problem: SyncProblem } {
  const payloads: SectionPayload[] = [];
  for (const [sectionIndex, section] of decoded.body.sections.entries()) {
    if (section.audience === 'all') {
      payloads.push(section.payload);
      continue;
    }
    const lookup = `${decoded.bodyHash}#${sectionIndex}`;
    if (!keyOf.has(lookup)) continue; // sealed to others only
    const key = keyOf.get(lookup);
    const opened = key ? openSealedSection(section, key) : { ok: false as const, detail: 'content key could not be unwrapped' };
    if (!opened.ok) return { problem: { code: 'undecryptable', file: scanned.file, deviceId: decoded.body.deviceId, detail: opened.detail } };
    payloads.push(opened.payload);
  }
  return { changes: payloads.flatMap((p) => p.changes), blobKeys: payloads.flatMap((p) => p.blobKeys ?? []) };
}

/**
 * The attachment bytes a bundle's new attachment rows need and this machine lacks, fetched from the folder
 * (opened with their keys when sealed) and checked against their SHA-256 before anything is stored.
 */
async function fetchBlobs(ctx: SyncContext, scanned: ScannedBundle, changes: SyncChange[], blobKeys: BlobKey[], fetched: Map<string, StoredBlob>): Promise<{ blobs: StoredBlob[]; problem?: SyncProblem }> {
  const wanted = new Map<string, string>();
  for (const c of changes) {
    if (c.entity === 'attachment' && typeof c.fields.sha256 === 'string') wanted.set(c.fields.sha256, String(c.fields.mimeType ?? 'application/octet-stream'));
  }
  const blobs: StoredBlob[] = [];
  for (const [sha256, mimeType] of wanted) {
    // Fetched for an earlier bundle of this import: that bundle may still be refused, so this one carries it too.
    const earlier = fetched.get(sha256);
    if (earlier) {
      blobs.push(earlier);
      continue;
    }
    if (await ctx.db.blobs.get(sha256)) continue;
    const key = blobKeys.find((k) => k.sha256 === sha256);
    const stored = await ctx.bridge.syncGetBlob({ folder: ctx.folder, sha256: key?.storedSha256 ?? sha256 });
    const problem = (code: 'blobMissing' | 'blobCorrupt', detail: string) => ({ blobs: [], problem: { code, file: blobPath(key?.storedSha256 ?? sha256), deviceId: scanned.deviceId, detail } });
    if (!stored) return problem('blobMissing', `for ${scanned.file}`);
    const opened = key ? openSealedBlob(stored, key) : { ok: true as const, bytes: stored };
    if (!opened.ok) return problem('blobCorrupt', opened.detail);
    if (sha256Hex(opened.bytes) !== sha256) return problem('blobCorrupt', 'content does not match its SHA-256');
    const blob = { sha256, bytes: opened.bytes, size: opened.bytes.byteLength, mimeType };
    fetched.set(sha256, blob);
    blobs.push(blob);
  }
  return { blobs };
}
