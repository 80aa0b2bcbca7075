import { decodeHlc, MAX_CLOCK_DRIFT_MS, type DeviceBinding, type EntityName } from '../../shared/domain';
import { ENTITY_NAMES } from '../../shared/domain';
import { authorizeChange } from '../../shared/sync/authorize';
import { blobPath, decodeBundle, verifyBundle } from '../../shared/sync/bundle';
import { sha256Hex } from '../../shared/sync/crypto';
import type { BlobKey } from '../../shared/sync/sections';
import { mergeChange } from '../../shared/sync/merge';
import { openSealedBlob, openSealedSection, recipientEntry } from '../../shared/sync/sections';
import type { ScannedBundle } from '../../shared/bridge';
import type { SectionPayload, SyncChange, SyncProblem } from '../../shared/sync/types';
import { proposalSearchTerms } from '../data/searchIndex';
import type { StoredBlob } from '../data/db';
import type { SyncContext } from './context';
import { toSigner } from './identity';
import { RowCache } from './rowCache';

export interface ImportOutcome {
  applied: number;
  problems: SyncProblem[];
  enrolments: number;
}

type Decoded = Extract<ReturnType<typeof decodeBundle>, { ok: true }>;
type Refusal = { problem: SyncProblem; retryable: boolean };

const KNOWN_ENTITIES = new Set<string>(ENTITY_NAMES);

/** Opens the sections of a bundle this device may read; sealed ones need the main process to unwrap the key. */
async function readableChanges(ctx: SyncContext, decoded: Decoded, file: string): Promise<{ changes: SyncChange[]; blobKeys: BlobKey[]; problem?: SyncProblem }> {
  const payloads: SectionPayload[] = [];
  const readable = decoded.body.sections
    .map((section) => ({ section, entry: section.audience === 'sealed' ? recipientEntry(section, ctx.profile.deviceId) : undefined }))
    .filter((s) => s.section.audience === 'all' || s.entry);
  const toUnwrap = readable.filter((s) => s.entry);
  const keys = toUnwrap.length
    ? await ctx.bridge.deviceUnwrap({
        deviceId: ctx.profile.deviceId,
        wrapped: toUnwrap.map(({ entry }) => ({ ephemeralPublicKey: entry!.ephemeralPublicKey, nonce: entry!.nonce, wrappedKey: entry!.wrappedKey })),
      })
    : [];
  let k = 0;
  for (const { section } of readable) {
    if (section.audience === 'all') {
      payloads.push(section.payload);
      continue;
    }
    const key = keys[k++];
    const opened = key ? openSealedSection(section, key) : { ok: false as const, detail: 'content key could not be unwrapped' };
    if (!opened.ok) return { changes: [], blobKeys: [], problem: { code: 'undecryptable', file, deviceId: decoded.body.deviceId, detail: opened.detail } };
    payloads.push(opened.payload);
  }
  return { changes: payloads.flatMap((p) => p.changes), blobKeys: payloads.flatMap((p) => p.blobKeys ?? []) };
}

/**
 * The attachment bytes a bundle's new attachment rows need and this machine lacks, fetched from the folder
 * (opened with their keys when sealed) and checked against their SHA-256 before anything is stored.
 */
async function fetchBlobs(ctx: SyncContext, scanned: ScannedBundle, changes: SyncChange[], blobKeys: BlobKey[]): Promise<{ blobs: StoredBlob[]; problem?: SyncProblem }> {
  const wanted = new Map<string, string>();
  for (const c of changes) {
    if (c.entity === 'attachment' && typeof c.fields.sha256 === 'string') wanted.set(c.fields.sha256, String(c.fields.mimeType ?? 'application/octet-stream'));
  }
  const blobs: StoredBlob[] = [];
  for (const [sha256, mimeType] of wanted) {
    if (await ctx.db.blobs.get(sha256)) continue;
    const key = blobKeys.find((k) => k.sha256 === sha256);
    const stored = await ctx.bridge.syncGetBlob({ folder: ctx.folder, sha256: key?.storedSha256 ?? sha256 });
    const problem = (code: 'blobMissing' | 'blobCorrupt', detail: string) => ({ blobs: [], problem: { code, file: blobPath(key?.storedSha256 ?? sha256), deviceId: scanned.deviceId, detail } });
    if (!stored) return problem('blobMissing', `for ${scanned.file}`);
    const opened = key ? openSealedBlob(stored, key) : { ok: true as const, bytes: stored };
    if (!opened.ok) return problem('blobCorrupt', opened.detail);
    if (sha256Hex(opened.bytes) !== sha256) return problem('blobCorrupt', 'content does not match its SHA-256');
    blobs.push({ sha256, bytes: opened.bytes, size: opened.bytes.byteLength, mimeType });
  }
  return { blobs };
}

/**
 * Applies one verified bundle whole, in one transaction, or not at all: every change is authorised against the
 * roster and the current rows (including the bundle's own earlier changes), then merged field by field.
 * Applying the same bundle twice changes nothing (the cursor has moved on, and merging is idempotent).
 */
async function applyBundle(ctx: SyncContext, signer: DeviceBinding, scanned: ScannedBundle, hash: string, changes: SyncChange[], blobs: StoredBlob[]): Promise<Refusal | null> {
  const { db, repo } = ctx;
  const refuse = (detail: string, retryable: boolean): Refusal => ({
    problem: { code: 'unauthorized', file: scanned.file, deviceId: scanned.deviceId, detail },
    retryable,
  });
  const unknown = changes.find((c) => !KNOWN_ENTITIES.has(c.entity));
  if (unknown) return refuse(`unknown entity ${unknown.entity}`, false);
  const latest = changes.reduce((max, c) => (c.hlc > max ? c.hlc : max), '');
  if (latest && decodeHlc(latest).wallMs - Date.now() > MAX_CLOCK_DRIFT_MS) {
    // The sender's clock is a day or more ahead: wait until ours catches up rather than poison every clock here.
    return refuse(`clock ahead: ${latest}`, true);
  }
  return db.transaction('rw', db.tables, async () => {
    const rows = new RowCache(db);
    await rows.preload(changes);
    const clocks = new Map<string, Record<string, string>>();
    const keys = [...new Set(changes.map((c) => `${c.entity}/${c.entityId}`))];
    (await db.fieldClocks.bulkGet(keys)).forEach((entry, i) => clocks.set(keys[i]!, entry?.clocks ?? {}));
    const changed = new Set<string>();
    for (const change of changes) {
      const key = `${change.entity}/${change.entityId}`;
      const current = rows.get(change.entity, change.entityId);
      const verdict = authorizeChange(change, toSigner(signer), current, rows.lookups());
      if (!verdict.ok) return refuse(verdict.reason, verdict.retryable ?? false);
      const merged = mergeChange({ row: current, clocks: clocks.get(key)! }, change);
      if (merged.changed) {
        rows.set(change.entity, change.entityId, merged.row);
        clocks.set(key, merged.clocks);
        changed.add(key);
      }
    }
    for (const key of changed) {
      const [entity, id] = key.split('/') as [EntityName, string];
      const row = rows.get(entity, id)!;
      await db.table(entity).put(row);
      await db.fieldClocks.put({ key, clocks: clocks.get(key)! });
      if (entity === 'proposal') {
        if (row.deletedAt) await db.searchIndex.delete(id);
        else await db.searchIndex.put({ proposalId: id, terms: proposalSearchTerms(row as never) });
      }
    }
    // Remote changes join the local change log (timelines read it); the exporter only ever sends this device's own.
    const ids = changes.map((c) => c.id);
    const seen = new Set((await db.changes.where('id').anyOf(ids).toArray()).map((r) => r.id));
    const fresh = changes.filter((c) => !seen.has(c.id)).map(({ fieldHlcs: _f, ...c }) => c);
    if (fresh.length) await db.changes.bulkAdd(fresh);
    if (blobs.length) await db.blobs.bulkPut(blobs);
    if (latest) await repo.observeRemoteClock(latest);
    await db.syncCursors.put({ deviceId: scanned.deviceId, seq: scanned.seq, hash });
    return null;
  });
}

/**
 * Reads what is new in the folder from every other device and applies it, device by device in chain order.
 * A refused file stops only its own device's chain; a refusal that may just be waiting for another device's
 * records (an invitation not read yet) is retried while other devices still make progress.
 */
export async function importFromFolder(ctx: SyncContext, bundles: ScannedBundle[]): Promise<ImportOutcome> {
  const { profile } = ctx;
  const outcome: ImportOutcome = { applied: 0, problems: [], enrolments: 0 };
  const byDevice = new Map<string, ScannedBundle[]>();
  for (const b of bundles) if (b.deviceId !== profile.deviceId) byDevice.set(b.deviceId, [...(byDevice.get(b.deviceId) ?? []), b]);
  let waiting = new Map<string, Refusal>();
  let done = 0;
  for (let pass = 0; pass < 10; pass++) {
    const devices = pass === 0 ? [...byDevice.keys()] : [...waiting.keys()];
    const appliedBefore = outcome.applied;
    const stillWaiting = new Map<string, Refusal>();
    for (const deviceId of devices) {
      const queue = byDevice.get(deviceId)!;
      while (queue.length) {
        const result = await importOne(ctx, queue[0]!, outcome);
        if (result === 'applied') {
          queue.shift();
          outcome.applied++;
          ctx.onProgress?.(++done, bundles.length);
          continue;
        }
        if (result && result.retryable) stillWaiting.set(deviceId, result);
        else if (result) outcome.problems.push(result.problem);
        break;
      }
    }
    waiting = stillWaiting;
    if (waiting.size === 0 || outcome.applied === appliedBefore) break;
  }
  outcome.problems.push(...[...waiting.values()].map((r) => r.problem));
  ctx.onProgress?.(bundles.length, bundles.length);
  return outcome;
}

/** One bundle: 'applied', a refusal, or null when it waits for the office (unbound device, enrolment recorded). */
async function importOne(ctx: SyncContext, scanned: ScannedBundle, outcome: ImportOutcome): Promise<'applied' | Refusal | null> {
  const { db, profile } = ctx;
  const final = (problem: SyncProblem): Refusal => ({ problem, retryable: false });
  const decoded = decodeBundle(scanned.bytes, scanned.file);
  if (!decoded.ok) return final(decoded.problem);
  const cursor = await db.syncCursors.get(scanned.deviceId);
  const binding = await db.deviceBinding.get(scanned.deviceId);
  const bound = binding && !binding.deletedAt ? binding : undefined;
  const problem = verifyBundle(decoded, {
    file: scanned.file,
    deviceId: scanned.deviceId,
    seq: (cursor?.seq ?? 0) + 1,
    prevHash: cursor?.hash ?? null,
    congressId: profile.congressId,
    signPublicKey: bound ? bound.signPublicKey : decoded.body.keys.signPublicKey,
  });
  if (problem) return final(problem);
  if (!bound) {
    // Not bound by the office (yet): its enrolment request reaches the office; nothing is applied.
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
      outcome.enrolments++;
      return null;
    }
    // Another delegate's device awaiting approval is not this delegate's concern; the office sees it as a request.
    if (profile.role !== 'office') return null;
    return final({ code: 'unknownDevice', file: scanned.file, deviceId: scanned.deviceId, detail: enrolment ? `${enrolment.actorName} (${enrolment.fingerprint})` : '' });
  }
  const { changes, blobKeys, problem: openProblem } = await readableChanges(ctx, decoded, scanned.file);
  if (openProblem) return final(openProblem);
  const { blobs, problem: blobProblem } = await fetchBlobs(ctx, scanned, changes, blobKeys);
  if (blobProblem) return final(blobProblem);
  return (await applyBundle(ctx, bound, scanned, decoded.bodyHash, changes, blobs)) ?? 'applied';
}
