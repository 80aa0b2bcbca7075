import { decodeHlc, type DeviceBinding, type EntityName } from '../../shared/domain';
import { audienceOf } from '../../shared/sync/audience';
import { authorizeChange, DELEGATE_PROPOSAL_FIELDS } from '../../shared/sync/authorize';
import { encodeBundle } from '../../shared/sync/bundle';
import { rowSnapshot } from '../../shared/sync/merge';
import { plainSection, resealBlob, sealBlob, sealSection } from '../../shared/sync/sections';
import type { BlobKey } from '../../shared/sync/sections';
import { SYNC_FORMAT_VERSION, BUNDLE_FILE_FORMAT, type BundleBody, type BundleSection, type EnrolmentRequest, type SyncChange } from '../../shared/sync/types';
import type { OutboxBundle, StoredChange } from '../data/db';
import { deviceIdentity, bindingOf, toSigner } from './identity';
import { META, readMeta, type SyncContext } from './context';
import { RowCache } from './rowCache';
import { yieldToEventLoop } from './timeSlice';

function stripSeq({ seq: _seq, ...change }: StoredChange): SyncChange {
  return change;
}

/**
 * A proposal travels as a whole row on its last change in a bundle (the others keep their own fields, so each
 * step still shows in timelines): a machine that never saw its creation — the office publishing it, or a co-signer
 * receiving a draft — still gets a complete, valid row. A field is restated only with a clock no later than the
 * change's own; a delegate restates only the fields it may write and wrote itself.
 */
async function withSnapshot(ctx: SyncContext, change: SyncChange): Promise<SyncChange> {
  const [row, clocks] = await Promise.all([ctx.db.proposal.get(change.entityId), ctx.db.fieldClocks.get(`proposal/${change.entityId}`)]);
  if (!row) return change;
  const snapshot = rowSnapshot({ row: row as Record<string, unknown>, clocks: clocks?.clocks ?? {} });
  const fields: Record<string, unknown> = { ...change.fields };
  const fieldHlcs: Record<string, string> = {};
  for (const [field, value] of Object.entries(snapshot.fields)) {
    if (Object.hasOwn(change.fields, field)) continue;
    const clock = snapshot.fieldHlcs[field];
    if (!clock || clock > change.hlc) continue;
    if (ctx.profile.role === 'delegate' && (!DELEGATE_PROPOSAL_FIELDS.has(field) || decodeHlc(clock).deviceId !== ctx.profile.deviceId)) continue;
    fields[field] = value;
    fieldHlcs[field] = clock;
  }
  return Object.keys(fieldHlcs).length ? { ...change, fields, fieldHlcs } : change;
}

/**
 * Packs this device's own changes made since the last export into signed bundles (one, unless there are more than
 * CHANGES_PER_BUNDLE), sealed to whoever may read each change, and keeps them in the local outbox. Returns the last
 * new bundle's seq, or null when there is nothing to send.
 */
export async function packOutgoingBundle(ctx: SyncContext): Promise<number | null> {
  const { db, profile, bridge } = ctx;
  const exportedSeq = await readMeta(db, META.exportedChangeSeq, 0);
  const newer = await db.changes.where('seq').above(exportedSeq).toArray();
  const mine = newer.filter(
    (c) => c.deviceId === profile.deviceId && (profile.role === 'office' || c.actor.id === profile.actorId),
  );
  const lastChangeSeq = newer.length ? newer[newer.length - 1]!.seq! : exportedSeq;
  const myBinding = await bindingOf(db, profile.deviceId);
  const rows = new RowCache(db);
  await rows.preload(mine);

  // Never publish what every reader would refuse for good (e.g. demo co-signatures made on the office machine):
  // such rows stay local instead of making the whole bundle unreadable. A refusal that only waits for another
  // record to arrive is published: readers retry it.
  const publishable: StoredChange[] = [];
  for (const change of mine) {
    const verdict = myBinding ? authorizeChange(change, toSigner(myBinding), rows.get(change.entity, change.entityId), rows.lookups()) : { ok: true as const };
    if (verdict.ok || verdict.retryable) publishable.push(change);
  }
  // Rows this device changed but never publishes (a roster received from the office, demo rows on a delegate's
  // machine) are not "waiting for sync".
  const exportedKeys = new Set(publishable.map((c) => `${c.entity}/${c.entityId}`));
  const consideredHlc = newer.reduce((max, c) => (c.hlc > max ? c.hlc : max), '');
  await db.pendingExport.filter((p) => p.hlc <= consideredHlc && !exportedKeys.has(p.key)).delete();

  const identity = await deviceIdentity(bridge, profile.deviceId);
  const lastBundle = await db.outbox.orderBy('seq').last();
  // A device the office has not bound yet asks to be bound, in every bundle until it is.
  const enrolment: EnrolmentRequest | undefined = myBinding
    ? undefined
    : { actorKind: profile.role === 'office' ? 'staff' : 'delegate', actorId: profile.actorId, actorName: profile.actorName, fingerprint: identity.fingerprint };
  if (publishable.length === 0 && !(enrolment && !lastBundle)) {
    await db.meta.put({ key: META.exportedChangeSeq, value: lastChangeSeq });
    return null;
  }

  const bindings = (await db.deviceBinding.toArray()).filter((b) => !b.deletedAt);
  const delegates = await db.delegate.toArray();
  const readers: Readers = {
    officeDevices: bindings.filter((b) => b.role === 'office'),
    devicesOf: (actorIds) => bindings.filter((b) => b.role === 'delegate' && actorIds.includes(b.actorId)),
    membersOfGroups: (groupIds) => delegates.filter((d) => !d.deletedAt && d.activityGroupId && groupIds.includes(d.activityGroupId)).map((d) => d.id),
  };
  // A year of the office's work is over a thousand changes: one bundle of them took the window for ~0.3 s at a
  // time (encoding, sealing, hashing megabytes at once). Bundles of CHANGES_PER_BUNDLE, with a turn for the window
  // between them, keep each step short; the chain and every reader take any number of bundles.
  let previous: { seq: number; hash: string } | undefined = lastBundle;
  // Always at least one bundle here: an enrolment request goes out even with no change.
  for (let start = 0; ; start += CHANGES_PER_BUNDLE) {
    const chunk = publishable.slice(start, start + CHANGES_PER_BUNDLE);
    const last = start + CHANGES_PER_BUNDLE >= publishable.length;
    // The export is remembered bundle by bundle: an export cut short resumes after the last bundle it kept.
    const exportedUpTo = last ? lastChangeSeq : chunk[chunk.length - 1]!.seq!;
    previous = await packBundle(ctx, { changes: chunk, rows, readers, identity, enrolment, previous, exportedUpTo });
    if (last) return previous.seq;
    await yieldToEventLoop();
  }
}

/** Changes per bundle when a device has many to send. */
export const CHANGES_PER_BUNDLE = 300;

/** Who may read what: the office's devices, delegates' devices, members of activity groups. */
interface Readers {
  officeDevices: DeviceBinding[];
  devicesOf(actorIds: readonly string[]): DeviceBinding[];
  membersOfGroups(groupIds: readonly string[]): string[];
}

interface BundleInput {
  changes: StoredChange[];
  rows: RowCache;
  readers: Readers;
  identity: Awaited<ReturnType<typeof deviceIdentity>>;
  enrolment: EnrolmentRequest | undefined;
  previous: { seq: number; hash: string } | undefined;
  /** exportedChangeSeq once this bundle is kept */
  exportedUpTo: number;
}

/** One signed bundle of `changes`, sealed to whoever may read each, kept in the outbox after `previous`. */
async function packBundle(ctx: SyncContext, input: BundleInput): Promise<{ seq: number; hash: string }> {
  const { db, profile, bridge } = ctx;
  const { changes, rows, readers, identity, enrolment, previous, exportedUpTo } = input;
  const lastOfRow = new Map(changes.map((c) => [`${c.entity}/${c.entityId}`, c.id]));

  // Group changes by who may read them; one section per distinct audience.
  const groups = new Map<string, { recipients: DeviceBinding[] | 'all'; changes: SyncChange[] }>();
  for (const stored of changes) {
    let change = stripSeq(stored);
    if (change.entity === 'proposal' && lastOfRow.get(`proposal/${change.entityId}`) === change.id) change = await withSnapshot(ctx, change);
    const row = rows.get(change.entity, change.entityId) ?? change.fields;
    const proposalId = (row.proposalId ?? (row.ownerEntity === 'proposal' ? row.ownerId : undefined)) as string | undefined;
    const owner = row.ownerEntity === 'notice' && typeof row.ownerId === 'string' ? ((await db.notice.get(row.ownerId)) as Record<string, unknown> | undefined) : undefined;
    const audience = audienceOf(change.entity as EntityName, row, profile.role, {
      ...(proposalId ? { proposal: rows.get('proposal', proposalId) } : {}),
      ...(owner ? { owner } : {}),
      membersOfGroups: readers.membersOfGroups,
    });
    let key: string;
    let recipients: DeviceBinding[] | 'all';
    if (audience.kind === 'all') {
      key = 'all';
      recipients = 'all';
    } else {
      const extra = audience.kind === 'officeAnd' ? readers.devicesOf(audience.delegateIds) : [];
      const unique = new Map([...readers.officeDevices, ...extra].map((b) => [b.id, b]));
      unique.delete(profile.deviceId); // never seal to ourselves: we keep our own rows
      recipients = [...unique.values()].sort((a, b) => a.id.localeCompare(b.id));
      key = recipients.map((b) => b.id).join(',');
    }
    const group = groups.get(key) ?? { recipients, changes: [] };
    group.changes.push(change);
    groups.set(key, group);
  }
  // Attachment bytes travel as blobs beside the bundle: plain for the office's public records, sealed (with the
  // key inside the sealed section) for everything else.
  const sections: BundleSection[] = [];
  const blobs: NonNullable<OutboxBundle['blobs']> = [];
  for (const group of groups.values()) {
    const shas = [...new Set(group.changes.filter((c) => c.entity === 'attachment' && typeof c.fields.sha256 === 'string').map((c) => c.fields.sha256 as string))];
    if (group.recipients === 'all') {
      sections.push(plainSection({ changes: group.changes }));
      blobs.push(...shas.map((sha256) => ({ sha256 })));
    } else if (group.recipients.length > 0) {
      const blobKeys: BlobKey[] = [];
      for (const sha256 of shas) {
        const local = await db.blobs.get(sha256);
        if (!local) continue;
        const { blobKey } = sealBlob(local.bytes);
        blobKeys.push(blobKey);
        blobs.push({ sha256, blobKey });
      }
      sections.push(
        sealSection(
          { changes: group.changes, ...(blobKeys.length ? { blobKeys } : {}) },
          group.recipients.map((b) => ({ deviceId: b.id, boxPublicKey: b.boxPublicKey })),
        ),
      );
    }
  }

  const seq = (previous?.seq ?? 0) + 1;
  const body: BundleBody = {
    format: BUNDLE_FILE_FORMAT,
    version: SYNC_FORMAT_VERSION,
    congressId: profile.congressId,
    deviceId: profile.deviceId,
    seq,
    prevHash: previous?.hash ?? null,
    createdAt: new Date().toISOString(),
    keys: { deviceId: profile.deviceId, signPublicKey: identity.signPublicKey, boxPublicKey: identity.boxPublicKey },
    ...(enrolment ? { enrolment } : {}),
    sections,
  };
  const { fileBytes, bodyHash } = await encodeBundle(body, (bytes) => bridge.deviceSign({ deviceId: profile.deviceId, bytes }));
  const maxHlc = changes.reduce((max, c) => (c.hlc > max ? c.hlc : max), '');
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.outbox.add({ seq, hash: bodyHash, bytes: fileBytes, lastChangeSeq: exportedUpTo, maxHlc, ...(blobs.length ? { blobs } : {}), createdAt: body.createdAt });
    await db.meta.put({ key: META.exportedChangeSeq, value: exportedUpTo });
  });
  return { seq, hash: bodyHash };
}

/**
 * Makes sure the folder holds this device's whole chain: a new server share or a USB stick gets every bundle
 * from the first. Rows whose changes are now in a folder stop showing "等待同步".
 */
export async function publishOutbox(ctx: SyncContext): Promise<number> {
  const { db, bridge, profile, folder } = ctx;
  const published = await readMeta(db, META.publishedTo(folder), 0);
  const pending = await db.outbox.where('seq').above(published).sortBy('seq');
  let written = 0;
  for (const bundle of pending) {
    // Blobs first: a reader that sees the bundle finds its attachments already there.
    for (const blob of bundle.blobs ?? []) {
      const local = await db.blobs.get(blob.sha256);
      if (!local) continue;
      const stored = blob.blobKey ? resealBlob(local.bytes, blob.blobKey) : local.bytes;
      if (!stored) continue;
      await bridge.syncPutBlob({ folder, sha256: blob.blobKey?.storedSha256 ?? blob.sha256, bytes: stored });
    }
    try {
      await bridge.syncWriteBundle({ folder, deviceId: profile.deviceId, seq: bundle.seq, bytes: bundle.bytes });
      written++;
    } catch (error) {
      // Already there (written earlier to this folder, or another copy of it): the chain stays intact.
      if ((error as { code?: string }).code !== 'fileExists') throw error;
    }
    await db.meta.put({ key: META.publishedTo(folder), value: bundle.seq });
  }
  const last = pending[pending.length - 1];
  if (last) {
    await db.transaction('rw', db.pendingExport, async () => {
      await db.pendingExport.filter((p) => p.hlc <= last.maxHlc).delete();
    });
  }
  return written;
}
