import { decodeHlc, ENTITY_NAMES, MAX_CLOCK_DRIFT_MS, type EntityName, type Proposal } from '../../shared/domain';
import { authorizeChange, type AuthorizationLookups } from '../../shared/sync/authorize';
import { mergeChange } from '../../shared/sync/merge';
import type { SyncProblem } from '../../shared/sync/types';
import type { StoredBlob } from '../data/db';
import { summaryWrites } from '../data/proposalSummary';
import { proposalSearchTerms } from '../data/searchIndex';
import type { SyncContext } from './context';
import { toSigner } from './identity';
import type { PreparedBundle } from './importPrepare';
import { RowCache } from './rowCache';
import { writeInSteps, type BulkWrite } from './steppedWrites';

type Row = Record<string, unknown>;

export interface Refusal {
  problem: SyncProblem;
  /** The refusal may only reflect arrival order (a record from another device not read yet): try again later */
  retryable: boolean;
}

/** One device's bundles for this batch, in chain order. */
export interface DeviceRun {
  deviceId: string;
  bundles: PreparedBundle[];
}

export interface DeviceRunOutcome {
  deviceId: string;
  /** How many of its bundles, from the front, were applied */
  applied: number;
  /** Why the next one was not */
  refusal?: Refusal;
}

const KNOWN_ENTITIES = new Set<string>(ENTITY_NAMES);

/**
 * Where the merged state of a batch lives until it is written: the rows and field clocks as stored, plus what
 * the batch's applied bundles changed. A bundle merges into its own overlay first and joins the batch only
 * when every one of its changes is authorised, so a refused bundle leaves nothing behind.
 */
class BatchState {
  readonly changedKeys = new Set<string>();
  readonly clocks = new Map<string, Record<string, string>>();

  constructor(readonly rows: RowCache) {}

  static key(entity: string, id: string): string {
    return `${entity}/${id}`;
  }
}

class BundleOverlay {
  private readonly rows = new Map<string, Row | undefined>();
  private readonly clocks = new Map<string, Record<string, string>>();

  constructor(private readonly batch: BatchState) {}

  row(entity: string, id: string): Row | undefined {
    const key = BatchState.key(entity, id);
    return this.rows.has(key) ? this.rows.get(key) : this.batch.rows.get(entity, id);
  }

  clocksOf(key: string): Record<string, string> {
    return this.clocks.get(key) ?? this.batch.clocks.get(key) ?? {};
  }

  set(key: string, row: Row, clocks: Record<string, string>): void {
    this.rows.set(key, row);
    this.clocks.set(key, clocks);
  }

  lookups(): AuthorizationLookups {
    return { proposal: (id) => this.row('proposal', id), row: (entity: EntityName, id: string) => this.row(entity, id) };
  }

  commit(): void {
    for (const [key, row] of this.rows) {
      const cut = key.indexOf('/');
      this.batch.rows.set(key.slice(0, cut), key.slice(cut + 1), row);
      this.batch.clocks.set(key, this.clocks.get(key)!);
      this.batch.changedKeys.add(key);
    }
  }
}

function refuse(bundle: PreparedBundle, detail: string, retryable: boolean): Refusal {
  return { problem: { code: 'unauthorized', file: bundle.scanned.file, deviceId: bundle.scanned.deviceId, detail }, retryable };
}

/** Authorises and merges one bundle into its overlay; a refusal leaves the batch untouched. */
function mergeBundle(batch: BatchState, bundle: PreparedBundle, nowMs: number): Refusal | null {
  const unknown = bundle.changes.find((c) => !KNOWN_ENTITIES.has(c.entity));
  if (unknown) return refuse(bundle, `unknown entity ${unknown.entity}`, false);
  const latest = latestOf(bundle);
  if (latest && decodeHlc(latest).wallMs - nowMs > MAX_CLOCK_DRIFT_MS) {
    // The sender's clock is a day or more ahead: wait until ours catches up rather than poison every clock here.
    return refuse(bundle, `clock ahead: ${latest}`, true);
  }
  const overlay = new BundleOverlay(batch);
  const signer = toSigner(bundle.signer);
  const lookups = overlay.lookups();
  for (const change of bundle.changes) {
    const key = BatchState.key(change.entity, change.entityId);
    const current = overlay.row(change.entity, change.entityId);
    const verdict = authorizeChange(change, signer, current, lookups);
    if (!verdict.ok) return refuse(bundle, verdict.reason, verdict.retryable ?? false);
    const merged = mergeChange({ row: current, clocks: overlay.clocksOf(key) }, change);
    if (merged.changed) overlay.set(key, merged.row as Row, merged.clocks);
  }
  overlay.commit();
  return null;
}

function latestOf(bundle: PreparedBundle): string {
  let latest = '';
  for (const c of bundle.changes) if (c.hlc > latest) latest = c.hlc;
  return latest;
}

/**
 * Applies a batch of devices' bundles in one IndexedDB transaction: each device's bundles in chain order until
 * one is refused. Every bundle is applied whole or not at all (see BundleOverlay); the writes of all applied
 * bundles go out as bulk puts at the end, in steps that leave the window a turn between them (steppedWrites).
 * Applying the same bundle twice changes nothing (cursors move on, and merging is idempotent).
 */
export async function applyBatch(ctx: SyncContext, runs: readonly DeviceRun[]): Promise<DeviceRunOutcome[]> {
  const { db, repo } = ctx;
  const allChanges = runs.flatMap((run) => run.bundles.flatMap((b) => b.changes));
  return db.transaction('rw', db.tables, async () => {
    const rows = new RowCache(db);
    await rows.preload(allChanges);
    const batch = new BatchState(rows);
    const keys = [...new Set(allChanges.map((c) => BatchState.key(c.entity, c.entityId)))];
    (await db.fieldClocks.bulkGet(keys)).forEach((entry, i) => batch.clocks.set(keys[i]!, entry?.clocks ?? {}));

    const nowMs = Date.now();
    const outcomes: DeviceRunOutcome[] = [];
    const applied: PreparedBundle[] = [];
    const cursors = new Map<string, { deviceId: string; seq: number; hash: string }>();
    for (const run of runs) {
      const outcome: DeviceRunOutcome = { deviceId: run.deviceId, applied: 0 };
      outcomes.push(outcome);
      for (const bundle of run.bundles) {
        const refusal = mergeBundle(batch, bundle, nowMs);
        if (refusal) {
          outcome.refusal = refusal;
          break;
        }
        outcome.applied++;
        applied.push(bundle);
        cursors.set(run.deviceId, { deviceId: run.deviceId, seq: bundle.scanned.seq, hash: bundle.hash });
      }
    }
    if (applied.length === 0) return outcomes;

    const byTable = new Map<string, Row[]>();
    const clockRows: { key: string; clocks: Record<string, string> }[] = [];
    const searchPuts: { proposalId: string; terms: string[] }[] = [];
    const searchDeletes: string[] = [];
    const changedProposals: Proposal[] = [];
    for (const key of batch.changedKeys) {
      const cut = key.indexOf('/');
      const entity = key.slice(0, cut);
      const id = key.slice(cut + 1);
      const row = rows.get(entity, id)!;
      const list = byTable.get(entity);
      if (list) list.push(row);
      else byTable.set(entity, [row]);
      clockRows.push({ key, clocks: batch.clocks.get(key)! });
      if (entity === 'proposal') {
        if (row.deletedAt) searchDeletes.push(id);
        else searchPuts.push({ proposalId: id, terms: proposalSearchTerms(row as never) });
        changedProposals.push(row as never);
      }
    }
    // Remote changes join the local change log (timelines read it); the exporter only ever sends this device's own.
    const appliedChanges = applied.flatMap((b) => b.changes);
    const ids = [...new Set(appliedChanges.map((c) => c.id))];
    const seen = new Set((await db.changes.where('id').anyOf(ids).keys()).map(String));
    const fresh = new Map<string, (typeof appliedChanges)[number]>();
    for (const c of appliedChanges) if (!seen.has(c.id) && !fresh.has(c.id)) fresh.set(c.id, c);
    const blobs = new Map<string, StoredBlob>();
    for (const b of applied) for (const blob of b.blobs) blobs.set(blob.sha256, blob);

    const summaries = summaryWrites(changedProposals);
    await writeInSteps([
      ...[...byTable].map(([entity, list]): BulkWrite => ({ table: db.table(entity), kind: 'put', records: list })),
      { table: db.fieldClocks, kind: 'put', records: clockRows },
      { table: db.searchIndex, kind: 'put', records: searchPuts },
      { table: db.searchIndex, kind: 'delete', keys: searchDeletes },
      { table: db.proposalSummary, kind: 'put', records: summaries.puts },
      { table: db.proposalSummary, kind: 'delete', keys: summaries.deletes },
      { table: db.changes, kind: 'add', records: [...fresh.values()].map(({ fieldHlcs: _f, ...c }) => c) },
      { table: db.blobs, kind: 'put', records: [...blobs.values()] },
      { table: db.syncCursors, kind: 'put', records: [...cursors.values()] },
    ]);
    const latest = applied.reduce((max, b) => {
      const l = latestOf(b);
      return l > max ? l : max;
    }, '');
    if (latest) await repo.observeRemoteClock(latest);
    return outcomes;
  });
}
