import { encodeHlc, ENTITY_NAMES, OFFICE_ONLY_ENTITIES, tickHlc } from '../../shared/domain';
import type { Actor, EntityName, Hlc, Proposal } from '../../shared/domain';
import { resolveDemoSize } from '../../shared/demo';
import type { CustomDemoSize, DemoDataset, DemoSizeName } from '../../shared/demo';
import type { SyncChange } from '../../shared/sync/types';

/**
 * Who wrote what in the demo congress, as the writes each device made: the office its roster, meetings, handling
 * and the device bindings; every delegate their own proposals (only the delegate's side of them), 附议, ballots,
 * ratings, visit replies and notice receipts. The demo generator stores only each record's final state; this
 * turns it back into the writes that led there, at the times the record's own timestamps tell.
 */
export interface PlannedWrite {
  /** When the device made the write (ms since 1970) */
  ms: number;
  entity: EntityName;
  entityId: string;
  op: 'put' | 'delete';
  fields: Record<string, unknown>;
  action?: string;
  reason?: string;
}

type Row = Record<string, unknown>;

/**
 * How often a demo device syncs, i.e. which of its writes share a bundle: those of the same day, week (Monday to
 * Sunday) or calendar month in 北京时间 in which it made changes, or all of them ('device'). A province decade has
 * ~350,000 device-days: per month (~80,000 bundles) keeps the folder writable in minutes.
 */
export type BundlePer = 'day' | 'week' | 'month' | 'device';
export const BUNDLE_PER: readonly BundlePer[] = ['day', 'week', 'month', 'device'];

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The benchmark's default: per device-day, as a device that syncs as it works; per device-month at province level. */
export function defaultBundlePer(size: DemoSizeName | CustomDemoSize): BundlePer {
  return resolveDemoSize(size).level === 'province' ? 'month' : 'day';
}

export function isBundlePer(value: unknown): value is BundlePer {
  return typeof value === 'string' && (BUNDLE_PER as readonly string[]).includes(value);
}

/** The sync period a write made at `ms` falls in: equal numbers go in the same bundle. */
export function syncPeriodOf(ms: number, per: BundlePer): number {
  const chinaMs = ms + CHINA_OFFSET_MS;
  const day = Math.floor(chinaMs / DAY_MS);
  switch (per) {
    case 'day':
      return day;
    case 'week':
      // 1970-01-01 was a Thursday: shift by three days so that weeks start on Monday
      return Math.floor((day + 3) / 7);
    case 'month': {
      const date = new Date(chinaMs);
      return date.getUTCFullYear() * 12 + date.getUTCMonth();
    }
    case 'device':
      return 0;
  }
}

/** Office-only entities the office publishes (device bindings are planned separately, with their devices). */
export const OFFICE_RECORD_ENTITIES: readonly EntityName[] = ENTITY_NAMES.filter((e) => OFFICE_ONLY_ENTITIES.has(e) && e !== 'deviceBinding');

/** The action the app logs when the office stores each kind of record (the timeline shows it). */
const OFFICE_ACTIONS: Partial<Record<EntityName, string>> = {
  congress: 'createCongress',
  congressSettings: 'createCongress',
  staff: 'createCongress',
  category: 'createCongress',
  handlingUnit: 'createCongress',
  delegation: 'importRoster',
  activityGroup: 'importRoster',
  delegate: 'importRoster',
  handlingAssignment: 'assign',
  consultation: 'recordConsultation',
  reply: 'recordReply',
};

const timeOf = (value: unknown): number => {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new Error(`demo record without a valid time: ${String(value)}`);
  return ms;
};

/** Every office-only record, stored once as it stands after its last edit. */
export function officeRecordWrites(dataset: DemoDataset): PlannedWrite[] {
  const writes: PlannedWrite[] = [];
  for (const entity of OFFICE_RECORD_ENTITIES) {
    for (const record of (dataset[entity] ?? []) as Row[]) {
      const action = OFFICE_ACTIONS[entity];
      writes.push({ ms: timeOf(record.updatedAt), entity, entityId: String(record.id), op: 'put', fields: { ...record }, ...(action ? { action } : {}) });
    }
  }
  return writes;
}

/** Proposal fields the lead author's device writes; the rest (立案号, 审查决定, 接收时间, later states) is the office's. */
const DRAFT_FIELDS = ['kind', 'meetingId', 'title', 'categoryId', 'background', 'recommendations', 'suggestedUnitIds', 'leadDelegateId', 'sourceVisitId'] as const;

/**
 * A proposal as its lead author wrote it: the draft, the invitation of co-signers (征集附议), then submission or
 * withdrawal. A motion the office converted to 意见建议 was drafted as a motion.
 */
function proposalWrites(p: Proposal): PlannedWrite[] {
  const created = timeOf(p.createdAt);
  const draft: Row = { id: p.id, createdAt: p.createdAt, updatedAt: p.createdAt };
  for (const field of DRAFT_FIELDS) if (p[field] !== undefined) draft[field] = p[field];
  if (p.review?.decision === 'convert') draft.kind = 'motion';
  Object.assign(draft, { invitedCosignerIds: [], status: 'draft', isKey: false, isSupervised: false });
  const writes: PlannedWrite[] = [{ ms: created, entity: 'proposal', entityId: p.id, op: 'put', fields: draft, action: 'create' }];

  if (p.invitedCosignerIds.length > 0) {
    // The demo invites ten minutes or more after drafting starts, before any answer.
    const ms = created + 10 * 60_000;
    const at = new Date(ms).toISOString();
    writes.push({
      ms,
      entity: 'proposal',
      entityId: p.id,
      op: 'put',
      fields: { invitedCosignerIds: p.invitedCosignerIds, ...(p.cosignDeadline ? { cosignDeadline: p.cosignDeadline } : {}), status: 'collecting', updatedAt: at },
      action: 'inviteCosigners',
    });
  }
  if (p.submittedAt) {
    writes.push({ ms: timeOf(p.submittedAt), entity: 'proposal', entityId: p.id, op: 'put', fields: { status: 'submitted', submittedAt: p.submittedAt, updatedAt: p.submittedAt }, action: 'submit' });
  } else if (p.status === 'withdrawn') {
    writes.push({ ms: timeOf(p.updatedAt), entity: 'proposal', entityId: p.id, op: 'put', fields: { status: 'withdrawn', updatedAt: p.updatedAt }, action: 'withdraw', reason: '附议人数不足，暂不提出' });
  }
  return writes;
}

/** The delegate's own rows: which field names their owner, what the app logs, and what is written later. */
const PERSONAL_ROWS: readonly { entity: EntityName; owner: string; action: (row: Row) => string; later?: readonly string[] }[] = [
  { entity: 'cosignature', owner: 'delegateId', action: (row) => (row.status === 'declined' ? 'declineCosign' : 'confirmCosign') },
  { entity: 'replyRating', owner: 'delegateId', action: () => 'rate' },
  { entity: 'ballot', owner: 'voterId', action: () => 'castBallot' },
  // 视察: the reply to the invitation first; check-in and notes on the day of the visit.
  { entity: 'visitParticipation', owner: 'delegateId', action: () => 'respondVisit', later: ['checkedInAt', 'notes'] },
  { entity: 'visitPhoto', owner: 'delegateId', action: () => 'addVisitPhoto' },
  // 通报: read first, a reply (征求意见) later.
  { entity: 'noticeReceipt', owner: 'delegateId', action: () => 'readNotice', later: ['reply', 'repliedAt'] },
];

function personalWrites(entity: EntityName, row: Row, action: string, later: readonly string[] = []): PlannedWrite[] {
  const created = timeOf(row.createdAt);
  const updated = timeOf(row.updatedAt);
  const id = String(row.id);
  const split = updated > created && later.some((f) => row[f] !== undefined && row[f] !== '');
  if (!split) return [{ ms: updated, entity, entityId: id, op: 'put', fields: { ...row }, action }];
  const first: Row = { ...row, updatedAt: row.createdAt };
  const second: Row = { updatedAt: row.updatedAt };
  for (const field of later) {
    if (row[field] === undefined) continue;
    second[field] = row[field];
    if (field === 'notes') first.notes = '';
    else delete first[field];
  }
  return [
    { ms: created, entity, entityId: id, op: 'put', fields: first, action },
    { ms: updated, entity, entityId: id, op: 'put', fields: second, action: 'update' },
  ];
}

/** Each delegate's writes, by delegate id, in the order they were made. Attachments are not in the demo. */
export function delegateWritesByDelegate(dataset: DemoDataset): Map<string, PlannedWrite[]> {
  const byDelegate = new Map<string, PlannedWrite[]>();
  const add = (delegateId: unknown, writes: PlannedWrite[]) => {
    if (typeof delegateId !== 'string') return;
    const list = byDelegate.get(delegateId) ?? [];
    list.push(...writes);
    byDelegate.set(delegateId, list);
  };
  for (const p of dataset.proposal ?? []) add(p.leadDelegateId, proposalWrites(p));
  for (const { entity, owner, action, later } of PERSONAL_ROWS) {
    for (const row of (dataset[entity] ?? []) as Row[]) add(row[owner], personalWrites(entity, row, action(row), later));
  }
  for (const writes of byDelegate.values()) writes.sort((a, b) => a.ms - b.ms);
  return byDelegate;
}

/**
 * The change-log records a device makes for its writes (renderer/data/repository.ts does the same): each write gets
 * the next HLC of the device, and the id `<deviceId>:<hlc>`.
 */
export function stampWrites(writes: readonly PlannedWrite[], deviceId: string, actor: Actor): SyncChange[] {
  const ordered = [...writes].sort((a, b) => a.ms - b.ms);
  let clock: Hlc | null = null;
  return ordered.map((write) => {
    clock = tickHlc(clock, deviceId, write.ms);
    const hlc = encodeHlc(clock);
    const change: SyncChange = {
      id: `${deviceId}:${hlc}`,
      entity: write.entity,
      entityId: write.entityId,
      op: write.op,
      fields: write.fields,
      hlc,
      deviceId,
      actor,
      at: new Date(write.ms).toISOString(),
    };
    if (write.action) change.action = write.action;
    if (write.reason) change.reason = write.reason;
    return change;
  });
}
