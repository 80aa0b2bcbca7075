import { canonicalJson } from './canonical';
import type { StoredRowState, SyncChange } from './types';

/**
 * Deterministic merge of change records into stored rows: per-field last-writer-wins on the hybrid logical
 * clock (HLC strings compare as clock order, the device id breaking ties), so every machine reaches the same
 * row whatever order the changes arrive in, duplicates included.
 *
 * Rules (each field is its own register; together they form a join-semilattice, hence commutative,
 * associative and idempotent):
 *  - A field's clock is `change.fieldHlcs[f]` when given (a snapshot carries each field's original clock),
 *    else `change.hlc`. It wins iff no clock is stored for the field or its clock is strictly greater.
 *  - Equal clocks mean the same write seen again: nothing changes. (Two *different* values under one clock can
 *    only come from a faulty or forged writer; the greater value in canonical JSON is kept so that even then
 *    every replica agrees.)
 *  - `id` is always the change's entityId; a field named `id` or `__proto__` is never written.
 *  - `null` (or `undefined`) clears a field: the key is removed from the row, its clock is still recorded.
 *  - Deletes are tombstones: `op: 'delete'` writes `deletedAt` (default: the change's `at`) and `updatedAt`
 *    like any other field, last-writer-wins. Edits made concurrently with, or after, a delete still merge into
 *    the tombstoned row's fields, but the row stays deleted: nothing is ever undeleted as a side effect. Only an
 *    explicit later write of `deletedAt: null` restores a row (e.g. an office "restore" command).
 *  - `updatedAt` is not last-writer-wins but a max-register: it keeps the latest timestamp any write carried.
 *    LWW would let a write from a device whose wall clock runs slow move "last changed" backwards; the maximum
 *    is order-independent too, and is what lists sorted by "recently changed" expect. Its clock is the
 *    greatest clock seen for it, so snapshots carry it forward.
 */

export interface MergeResult {
  row: Record<string, unknown>;
  clocks: Record<string, string>;
  /** True when the row or any field clock differs from the stored state (the caller must then store both). */
  changed: boolean;
}

/** Fields that no change may write: `id` is the row key, `__proto__` would reach the object's prototype. */
const NEVER_WRITTEN = new Set(['id', '__proto__']);

/** The clock of one field written by a change. */
export function fieldClock(change: Pick<SyncChange, 'hlc' | 'fieldHlcs'>, field: string): string {
  return change.fieldHlcs?.[field] ?? change.hlc;
}

/** The fields a change writes: a delete always writes its tombstone, even if a writer left the fields out. */
function writtenFields(change: SyncChange): Record<string, unknown> {
  if (change.op !== 'delete') return change.fields;
  const deletedAt = typeof change.fields.deletedAt === 'string' ? change.fields.deletedAt : change.at;
  const updatedAt = typeof change.fields.updatedAt === 'string' ? change.fields.updatedAt : deletedAt;
  return { ...change.fields, deletedAt, updatedAt };
}

/**
 * Total order on ISO timestamps: by instant, then by text (so `…00Z` and `…00.000Z` still order the same
 * way on every machine). Unparsable text sorts before every real time.
 */
function compareTimestamps(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  const ma = Number.isNaN(ta) ? -Infinity : ta;
  const mb = Number.isNaN(tb) ? -Infinity : tb;
  if (ma !== mb) return ma < mb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two `updatedAt` values; the repository stores this on local writes too, to match the merge. */
export function latestTimestamp(previous: string | undefined, next: string): string {
  return previous !== undefined && compareTimestamps(previous, next) > 0 ? previous : next;
}

function isAbsent(value: unknown): boolean {
  return value === null || value === undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isAbsent(a) && isAbsent(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return canonicalJson(a) === canonicalJson(b);
}

/** Merges one change into a stored row. Pure: `state` is not modified. */
export function mergeChange(state: StoredRowState, change: SyncChange): MergeResult {
  const row: Record<string, unknown> = { ...(state.row ?? {}) };
  const clocks: Record<string, string> = { ...state.clocks };
  let changed = state.row === undefined || row.id !== change.entityId;
  row.id = change.entityId;

  for (const [field, value] of Object.entries(writtenFields(change))) {
    if (NEVER_WRITTEN.has(field)) continue;
    const clock = fieldClock(change, field);
    const stored = clocks[field];

    if (field === 'updatedAt') {
      if (typeof value !== 'string') continue;
      const current = typeof row.updatedAt === 'string' ? row.updatedAt : undefined;
      const latest = latestTimestamp(current, value);
      if (latest !== current) {
        row.updatedAt = latest;
        changed = true;
      }
      if (stored === undefined || clock > stored) {
        clocks.updatedAt = clock;
        changed = true;
      }
      continue;
    }

    if (stored !== undefined) {
      if (clock < stored) continue;
      if (clock === stored) {
        if (sameValue(value, row[field])) continue;
        // Same clock, different value: only a faulty writer does this; keep the greater value everywhere.
        if (canonicalJson(value) < canonicalJson(row[field])) continue;
      }
    }

    if (!sameValue(value, row[field])) {
      if (isAbsent(value)) delete row[field];
      else row[field] = value;
      changed = true;
    }
    if (stored !== clock) {
      clocks[field] = clock;
      changed = true;
    }
  }
  return { row, clocks, changed };
}

/**
 * Field clocks after a local write stamped `hlc`. Every written field takes the new clock.
 * Precondition: the local HLC has received every clock already stored (the apply engine calls `receiveHlc` for
 * each applied change), so `hlc` is greater than any stored clock. A local write that would lose to a stored
 * clock would store a value the other replicas never agree on, so it throws instead of diverging silently.
 */
export function localWriteClocks(previous: Record<string, string>, fields: Record<string, unknown>, hlc: string): Record<string, string> {
  const clocks: Record<string, string> = { ...previous };
  for (const field of Object.keys(fields)) {
    if (NEVER_WRITTEN.has(field)) continue;
    const stored = clocks[field];
    if (stored !== undefined && stored >= hlc) {
      throw new Error(`Local clock ${hlc} is not after the stored clock ${stored} of field "${field}"; receive remote clocks first`);
    }
    clocks[field] = hlc;
  }
  return clocks;
}

/**
 * The whole row as one change's `fields` + `fieldHlcs`, each field with the clock of the write that set it, for
 * publishing a row to readers who never saw its history (e.g. when its audience widens: a draft moving to
 * 征集附议 must reach the invited co-signers in full; the office publishing a received proposal). Cleared
 * fields travel as `null` so the clearing wins where it should. Merging a snapshot never overrides a later edit.
 */
export function rowSnapshot(state: StoredRowState): { fields: Record<string, unknown>; fieldHlcs: Record<string, string> } {
  const fields: Record<string, unknown> = {};
  const fieldHlcs: Record<string, string> = {};
  for (const [field, value] of Object.entries(state.row ?? {})) {
    if (NEVER_WRITTEN.has(field)) continue;
    fields[field] = value;
    const clock = state.clocks[field];
    if (clock !== undefined) fieldHlcs[field] = clock;
  }
  for (const [field, clock] of Object.entries(state.clocks)) {
    if (NEVER_WRITTEN.has(field) || Object.hasOwn(fields, field)) continue;
    fields[field] = null;
    fieldHlcs[field] = clock;
  }
  return { fields, fieldHlcs };
}
