import { DELEGATE_PROPOSAL_FIELDS } from '../../shared/sync/authorize';
import { audienceOf } from '../../shared/sync/audience';
import { bundlePath, encodeBundle } from '../../shared/sync/bundle';
import { mergeChange, rowSnapshot } from '../../shared/sync/merge';
import { plainSection } from '../../shared/sync/sections';
import { BUNDLE_FILE_FORMAT, SYNC_FORMAT_VERSION } from '../../shared/sync/types';
import type { BundleBody, BundleSection, EnrolmentRequest, StoredRowState, SyncChange } from '../../shared/sync/types';
import type { EntityName } from '../../shared/domain';
import { syncPeriodOf } from './deviceWrites';
import type { BundlePer } from './deviceWrites';
import { sealSectionNative } from './nativeCrypto';

/**
 * One device's chain of bundles, packed the way renderer/sync/exporter.ts packs them: the changes of each sync
 * (here: each day the device made changes) in one signed bundle, hash-chained to the previous one, grouped into one
 * section per audience (plain for what the office publishes, sealed to the office — and to the co-signing circle
 * while a proposal collects 附议 — for what a delegate writes), and each proposal's last change in a bundle
 * carrying a snapshot of the fields this device wrote before.
 */

export interface ChainDevice {
  deviceId: string;
  role: 'office' | 'delegate';
  signPublicKey: string;
  boxPublicKey: string;
  sign(bytes: Uint8Array): Promise<Uint8Array>;
}

export interface Recipient {
  deviceId: string;
  boxPublicKey: string;
}

export interface ChainContext {
  congressId: string;
  /** Devices bound with role office: everything a delegate writes is sealed to them */
  officeDevices: readonly Recipient[];
  /** The device of each delegate, for sealing to a co-signing circle */
  deviceOfDelegate: ReadonlyMap<string, Recipient>;
  /** A proposal as a co-signer's device has it when answering (征集附议), for the audience of a 附议 */
  proposalAsInvited(id: string): Record<string, unknown> | undefined;
  /** The delegates in activity groups (a notice addressed to groups is sealed to their members) */
  membersOfGroups(activityGroupIds: readonly string[]): string[];
  /** Bundles are not dated after this */
  nowMs: number;
}

export interface EncodedBundle {
  /** devices/<deviceId>/bundles/<seq>.ddb */
  file: string;
  seq: number;
  bytes: Uint8Array;
  bodyHash: string;
  changes: number;
  sealedSections: number;
  plainSections: number;
}

export interface ChainOptions {
  /** One bundle per day with changes (a device that syncs as it works), per week or month, or one for everything */
  bundlePer: BundlePer;
  /** Writers should keep bundles to a few megabytes (docs/sync-format.md §14) */
  maxChangesPerBundle: number;
  /** A first bundle asking the office to bind the device (入网申请), written when it joins */
  enrolment?: { request: EnrolmentRequest; ms: number };
}

const SYNC_DELAY_MS = 5 * 60 * 1000;

function batchesOf(changes: readonly SyncChange[], options: ChainOptions): SyncChange[][] {
  const batches: SyncChange[][] = [];
  let current: SyncChange[] = [];
  let currentPeriod: number | null = null;
  for (const change of changes) {
    const period = syncPeriodOf(Date.parse(change.at), options.bundlePer);
    if (current.length > 0 && (period !== currentPeriod || current.length >= options.maxChangesPerBundle)) {
      batches.push(current);
      current = [];
    }
    current.push(change);
    currentPeriod = period;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** This device's own rows as it holds them, for audiences and snapshots. */
class LocalRows {
  private readonly states = new Map<string, StoredRowState>();

  apply(change: SyncChange): void {
    const key = `${change.entity}/${change.entityId}`;
    const merged = mergeChange(this.states.get(key) ?? { row: undefined, clocks: {} }, change);
    this.states.set(key, { row: merged.row, clocks: merged.clocks });
  }

  get(entity: string, id: string): StoredRowState | undefined {
    return this.states.get(`${entity}/${id}`);
  }
}

/** The exporter's withSnapshot: fields written earlier, each with its own clock, no later than the change. */
function withSnapshot(change: SyncChange, state: StoredRowState | undefined, device: ChainDevice): SyncChange {
  if (!state?.row) return change;
  const snapshot = rowSnapshot(state);
  const fields: Record<string, unknown> = { ...change.fields };
  const fieldHlcs: Record<string, string> = {};
  for (const [field, value] of Object.entries(snapshot.fields)) {
    if (Object.hasOwn(change.fields, field)) continue;
    const clock = snapshot.fieldHlcs[field];
    if (!clock || clock > change.hlc) continue;
    if (device.role === 'delegate' && (!DELEGATE_PROPOSAL_FIELDS.has(field) || !clock.endsWith(device.deviceId))) continue;
    fields[field] = value;
    fieldHlcs[field] = clock;
  }
  return Object.keys(fieldHlcs).length ? { ...change, fields, fieldHlcs } : change;
}

function sectionsFor(batch: readonly SyncChange[], rows: LocalRows, device: ChainDevice, context: ChainContext): BundleSection[] {
  const lastOfRow = new Map(batch.map((c) => [`${c.entity}/${c.entityId}`, c.id]));
  const groups = new Map<string, { recipients: Recipient[] | 'all'; changes: SyncChange[] }>();
  for (const original of batch) {
    const change =
      original.entity === 'proposal' && lastOfRow.get(`proposal/${original.entityId}`) === original.id
        ? withSnapshot(original, rows.get('proposal', original.entityId), device)
        : original;
    // Like the exporter: who may read a change follows the row as it stands when the bundle is packed.
    const row = rows.get(change.entity, change.entityId)?.row ?? change.fields;
    const proposalId = typeof row.proposalId === 'string' ? row.proposalId : row.ownerEntity === 'proposal' && typeof row.ownerId === 'string' ? row.ownerId : undefined;
    const proposal = proposalId ? (rows.get('proposal', proposalId)?.row ?? context.proposalAsInvited(proposalId)) : undefined;
    const audience = audienceOf(change.entity as EntityName, row, device.role, { ...(proposal ? { proposal } : {}), membersOfGroups: context.membersOfGroups });
    let key = 'all';
    let recipients: Recipient[] | 'all' = 'all';
    if (audience.kind !== 'all') {
      const extra = audience.kind === 'officeAnd' ? audience.delegateIds.map((id) => context.deviceOfDelegate.get(id)).filter((r): r is Recipient => r !== undefined) : [];
      const unique = new Map([...context.officeDevices, ...extra].map((r) => [r.deviceId, r]));
      unique.delete(device.deviceId);
      recipients = [...unique.values()].sort((a, b) => a.deviceId.localeCompare(b.deviceId));
      key = recipients.map((r) => r.deviceId).join(',');
    }
    const group = groups.get(key) ?? { recipients, changes: [] };
    group.changes.push(change);
    groups.set(key, group);
  }
  const sections: BundleSection[] = [];
  for (const group of groups.values()) {
    if (group.recipients === 'all') sections.push(plainSection({ changes: group.changes }));
    else if (group.recipients.length > 0) sections.push(sealSectionNative({ changes: group.changes }, group.recipients));
  }
  return sections;
}

/** Packs, signs and chains a device's whole history. Throws (like encodeBundle) rather than sign a bundle readers would refuse. */
export async function encodeDeviceChain(device: ChainDevice, changes: readonly SyncChange[], context: ChainContext, options: ChainOptions): Promise<EncodedBundle[]> {
  const rows = new LocalRows();
  const bundles: EncodedBundle[] = [];
  let prevHash: string | null = null;

  const write = async (sections: BundleSection[], createdMs: number, enrolment: EnrolmentRequest | undefined, count: number) => {
    const seq = bundles.length + 1;
    const body: BundleBody = {
      format: BUNDLE_FILE_FORMAT,
      version: SYNC_FORMAT_VERSION,
      congressId: context.congressId,
      deviceId: device.deviceId,
      seq,
      prevHash,
      createdAt: new Date(Math.min(createdMs, context.nowMs)).toISOString(),
      keys: { deviceId: device.deviceId, signPublicKey: device.signPublicKey, boxPublicKey: device.boxPublicKey },
      ...(enrolment ? { enrolment } : {}),
      sections,
    };
    const { fileBytes, bodyHash } = await encodeBundle(body, device.sign);
    prevHash = bodyHash;
    bundles.push({
      file: bundlePath(device.deviceId, seq),
      seq,
      bytes: fileBytes,
      bodyHash,
      changes: count,
      sealedSections: sections.filter((s) => s.audience === 'sealed').length,
      plainSections: sections.filter((s) => s.audience === 'all').length,
    });
  };

  if (options.enrolment) await write([], options.enrolment.ms + SYNC_DELAY_MS, options.enrolment.request, 0);
  for (const batch of batchesOf(changes, options)) {
    for (const change of batch) rows.apply(change);
    const sections = sectionsFor(batch, rows, device, context);
    await write(sections, Date.parse(batch[batch.length - 1]!.at) + SYNC_DELAY_MS, undefined, batch.length);
  }
  return bundles;
}
