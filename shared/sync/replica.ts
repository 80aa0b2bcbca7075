import { decodeHlc, encodeHlc, MAX_CLOCK_DRIFT_MS, receiveHlc, tickHlc, type Actor, type EntityName, type Hlc } from '../domain';
import { authorizeChange, ENTITY_LABELS, type AuthorizationLookups } from './authorize';
import { canonicalStateHash } from './canonical';
import { latestTimestamp, localWriteClocks, mergeChange, rowSnapshot } from './merge';
import type { DeviceBinding, StoredRowState, SyncChange } from './types';

export interface RefusedChange {
  change: SyncChange;
  reason: string;
  /** See Authorization: may succeed once other devices' bundles have been applied */
  retryable?: boolean;
}

export interface ApplyResult {
  /** Changes that changed something here (0 for a bundle applied before: merging is idempotent) */
  applied: number;
  /** Every refused change of the bundle; when not empty, nothing of the bundle was applied */
  refused: RefusedChange[];
}

export interface WriteOptions {
  action?: string;
  reason?: string;
}

const rowKey = (entity: string, id: string) => `${entity}/${id}`;

/**
 * One machine's synchronised data held in memory, with the same rules as the Dexie engine: local writes stamped
 * by the device's HLC with field clocks, remote bundles authorised change by change against the current state
 * and merged field by field, a bundle applied whole or not at all. Used by the convergence property test and
 * the sync benchmark; it has no storage, crypto or folder.
 */
export class MemoryReplica {
  private readonly tables = new Map<EntityName, Map<string, StoredRowState>>();
  private readonly log: SyncChange[] = [];
  private clock: Hlc | null = null;

  constructor(
    readonly deviceId: string,
    readonly binding: DeviceBinding,
    /** Wall time in ms; tests pass a fake clock (with skew) so runs are reproducible */
    readonly now: () => number = Date.now,
  ) {}

  private table(entity: EntityName): Map<string, StoredRowState> {
    let table = this.tables.get(entity);
    if (!table) {
      table = new Map();
      this.tables.set(entity, table);
    }
    return table;
  }

  private nextStamp(): { hlc: string; at: string } {
    const nowMs = this.now();
    this.clock = tickHlc(this.clock, this.deviceId, nowMs);
    return { hlc: encodeHlc(this.clock), at: new Date(nowMs).toISOString() };
  }

  private record(change: SyncChange): SyncChange {
    this.log.push(change);
    return change;
  }

  /**
   * A write made on this machine, as the repository does it: the row changes at once, each written field takes
   * the new clock, and the change joins the log to be exported. `put` creates or updates (`null` clears a
   * field); `delete` writes the tombstone.
   */
  localWrite(entity: EntityName, id: string, fields: Record<string, unknown>, actor: Actor, op: 'put' | 'delete' = 'put', options: WriteOptions = {}): SyncChange {
    const { hlc, at } = this.nextStamp();
    const previous = this.table(entity).get(id) ?? { row: undefined, clocks: {} };
    const written: Record<string, unknown> = { ...fields };
    delete written.id;
    if (op === 'delete') written.deletedAt = at;
    else if (!previous.row && written.createdAt === undefined) written.createdAt = at;
    written.updatedAt = at;

    const row: Record<string, unknown> = { ...(previous.row ?? {}), id };
    for (const [field, value] of Object.entries(written)) {
      if (value === null || value === undefined) delete row[field];
      else row[field] = value;
    }
    // "Last changed" never goes backwards, exactly as the merge keeps it (merge.ts, updatedAt).
    row.updatedAt = latestTimestamp(typeof previous.row?.updatedAt === 'string' ? previous.row.updatedAt : undefined, at);
    this.table(entity).set(id, { row, clocks: localWriteClocks(previous.clocks, written, hlc) });

    return this.record({
      id: `${this.deviceId}:${hlc}`,
      entity,
      entityId: id,
      op,
      fields: written,
      hlc,
      deviceId: this.deviceId,
      actor,
      at,
      ...(options.action ? { action: options.action } : {}),
      ...(options.reason ? { reason: options.reason } : {}),
    });
  }

  /**
   * Publishes a row whole, each field with the clock of the write that set it (rowSnapshot), as the office does
   * for proposals so that machines that never saw their history get complete rows.
   */
  publishSnapshot(entity: EntityName, id: string, actor: Actor, options: WriteOptions = {}): SyncChange {
    const state = this.table(entity).get(id);
    if (!state?.row) throw new Error(`${entity} ${id} is not on this replica`);
    const { hlc, at } = this.nextStamp();
    const { fields, fieldHlcs } = rowSnapshot(state);
    const change: SyncChange = {
      id: `${this.deviceId}:${hlc}`,
      entity,
      entityId: id,
      op: 'put',
      fields,
      fieldHlcs,
      hlc,
      deviceId: this.deviceId,
      actor,
      at,
      ...(options.action ? { action: options.action } : {}),
    };
    const merged = mergeChange(state, change);
    this.table(entity).set(id, { row: merged.row, clocks: merged.clocks });
    return this.record(change);
  }

  /** This device's own changes from the n-th on (n = how many were exported before). */
  exportSince(n: number): SyncChange[] {
    return this.log.slice(n);
  }

  get changeCount(): number {
    return this.log.length;
  }

  /**
   * Applies one bundle signed by `signer`: every change is authorised against the state including the bundle's
   * earlier changes; if any is refused, nothing of the bundle is applied. The local clock then moves past every
   * applied clock, so later local writes win over what was received.
   */
  apply(changes: readonly SyncChange[], signer: DeviceBinding): ApplyResult {
    const staged = new Map<string, { entity: EntityName; id: string; state: StoredRowState }>();
    const read = (entity: EntityName, id: string): StoredRowState | undefined =>
      staged.get(rowKey(entity, id))?.state ?? this.tables.get(entity)?.get(id);
    const lookups: AuthorizationLookups = {
      proposal: (id) => read('proposal', id)?.row,
      row: (entity, id) => read(entity, id)?.row,
    };
    const nowMs = this.now();
    const refused: RefusedChange[] = [];
    let applied = 0;
    let latestClock: string | undefined;

    for (const change of changes) {
      const state = read(change.entity, change.entityId) ?? { row: undefined, clocks: {} };
      const verdict = authorizeChange(change, signer, state.row, lookups);
      if (!verdict.ok) {
        refused.push({ change, reason: verdict.reason, ...(verdict.retryable ? { retryable: true } : {}) });
        continue;
      }
      // A clock far ahead of this machine's time would win every later edit: wait until time catches up.
      if (decodeHlc(change.hlc).wallMs - nowMs > MAX_CLOCK_DRIFT_MS) {
        refused.push({ change, reason: `${ENTITY_LABELS[change.entity]}（${change.entity}）的变更时钟（hlc）比本机时间快一天以上，请检查电脑时间`, retryable: true });
        continue;
      }
      const merged = mergeChange(state, change);
      if (merged.changed) {
        staged.set(rowKey(change.entity, change.entityId), { entity: change.entity, id: change.entityId, state: { row: merged.row, clocks: merged.clocks } });
        applied++;
      }
      if (latestClock === undefined || change.hlc > latestClock) latestClock = change.hlc;
    }

    if (refused.length > 0) return { applied: 0, refused };
    for (const { entity, id, state } of staged.values()) this.table(entity).set(id, state);
    if (latestClock !== undefined) this.clock = receiveHlc(this.clock, decodeHlc(latestClock), this.deviceId, nowMs);
    return { applied, refused };
  }

  /** Canonical hash of every row (clocks excluded): equal on machines holding the same data. */
  stateHash(): string {
    return canonicalStateHash(this.snapshotOf((state) => state.row ?? {}));
  }

  /** Canonical hash of every field clock, to check that replicas agree on the merge metadata too. */
  clockHash(): string {
    return canonicalStateHash(this.snapshotOf((state) => state.clocks));
  }

  private snapshotOf(pick: (state: StoredRowState) => Record<string, unknown>): Record<string, Record<string, Record<string, unknown>>> {
    const tables: Record<string, Record<string, Record<string, unknown>>> = {};
    for (const [entity, rows] of this.tables) {
      const out: Record<string, Record<string, unknown>> = {};
      for (const [id, state] of rows) out[id] = pick(state);
      tables[entity] = out;
    }
    return tables;
  }

  /** The rows of one entity, tombstones included, ordered by id (copies). */
  rows(entity: EntityName): Record<string, unknown>[] {
    return [...(this.tables.get(entity)?.values() ?? [])]
      .flatMap((state) => (state.row ? [{ ...state.row }] : []))
      .sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
  }

  row(entity: EntityName, id: string): Record<string, unknown> | undefined {
    const row = this.tables.get(entity)?.get(id)?.row;
    return row ? { ...row } : undefined;
  }

  clocksOf(entity: EntityName, id: string): Record<string, string> {
    return { ...(this.tables.get(entity)?.get(id)?.clocks ?? {}) };
  }
}
