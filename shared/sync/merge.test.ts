import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../domain';
import { latestTimestamp, localWriteClocks, mergeChange, rowSnapshot } from './merge';
import type { StoredRowState, SyncChange } from './types';

const EMPTY: StoredRowState = { row: undefined, clocks: {} };
const BASE_MS = Date.UTC(2026, 2, 4, 2);

const clock = (offsetMs: number, device = 'DEVA', counter = 0) => encodeHlc({ wallMs: BASE_MS + offsetMs, counter, deviceId: device });
const iso = (offsetMs: number) => new Date(BASE_MS + offsetMs).toISOString();

function change(hlc: string, fields: Record<string, unknown>, extra: Partial<SyncChange> = {}): SyncChange {
  return {
    id: `x:${hlc}`,
    entity: 'proposal',
    entityId: 'P1',
    op: 'put',
    fields,
    hlc,
    deviceId: hlc.slice(18),
    actor: { kind: 'delegate', id: 'delA' },
    at: iso(0),
    ...extra,
  };
}

function mergeAll(changes: readonly SyncChange[], start: StoredRowState = EMPTY): StoredRowState {
  return changes.reduce<StoredRowState>((state, c) => {
    const merged = mergeChange(state, c);
    return { row: merged.row, clocks: merged.clocks };
  }, start);
}

describe('mergeChange: per-field last-writer-wins', () => {
  it('keeps writes to different fields from different devices', () => {
    const a = change(clock(1, 'DEVA'), { title: '甲', updatedAt: iso(1) });
    const b = change(clock(2, 'DEVB'), { background: '乙', updatedAt: iso(2) });
    for (const order of [[a, b], [b, a]]) {
      const { row } = mergeAll(order);
      expect(row).toEqual({ id: 'P1', title: '甲', background: '乙', updatedAt: iso(2) });
    }
  });

  it('lets the later clock win a field, whatever the arrival order', () => {
    const early = change(clock(1), { title: '旧' });
    const late = change(clock(2), { title: '新' });
    expect(mergeAll([early, late]).row?.title).toBe('新');
    expect(mergeAll([late, early]).row?.title).toBe('新');
    expect(mergeAll([late, early]).clocks.title).toBe(late.hlc);
  });

  it('breaks a tie of wall time and counter by the device id', () => {
    const fromA = change(clock(5, 'DEVA'), { title: 'A' });
    const fromB = change(clock(5, 'DEVB'), { title: 'B' });
    expect(mergeAll([fromA, fromB]).row?.title).toBe('B');
    expect(mergeAll([fromB, fromA]).row?.title).toBe('B');
  });

  it('orders by the counter within one millisecond', () => {
    const first = change(clock(5, 'DEVB', 0), { title: '一' });
    const second = change(clock(5, 'DEVA', 1), { title: '二' });
    expect(mergeAll([second, first]).row?.title).toBe('二');
  });

  it('always uses the entity id as the row id, ignoring a field named id', () => {
    const { row } = mergeAll([change(clock(1), { id: 'OTHER', title: '甲' })]);
    expect(row?.id).toBe('P1');
  });

  it('never lets a field reach the prototype', () => {
    const fields = JSON.parse('{"__proto__": {"polluted": true}, "title": "甲"}') as Record<string, unknown>;
    const { row } = mergeAll([change(clock(1), fields)]);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect((row as { polluted?: boolean }).polluted).toBeUndefined();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('clears a field written as null, and records its clock', () => {
    const state = mergeAll([change(clock(1), { categoryId: 'C1' }), change(clock(2), { categoryId: null })]);
    expect(state.row).not.toHaveProperty('categoryId');
    expect(state.clocks.categoryId).toBe(clock(2));
    expect(mergeAll([change(clock(2), { categoryId: null }), change(clock(1), { categoryId: 'C1' })]).row).not.toHaveProperty('categoryId');
  });

  it('does not modify the state it is given', () => {
    const state = mergeAll([change(clock(1), { title: '甲' })]);
    const frozen = JSON.stringify(state);
    mergeChange(state, change(clock(2), { title: '乙' }));
    expect(JSON.stringify(state)).toBe(frozen);
  });
});

describe('mergeChange: equal clocks and duplicates', () => {
  it('treats the same change seen again as a no-op', () => {
    const c = change(clock(1), { title: '甲', suggestedUnitIds: ['U1', 'U2'], updatedAt: iso(1) });
    const once = mergeAll([c]);
    const again = mergeChange(once, c);
    expect(again.changed).toBe(false);
    expect(again.row).toEqual(once.row);
    expect(again.clocks).toEqual(once.clocks);
  });

  it('reports a change when only a clock moves, so the caller stores the clocks', () => {
    const state = mergeAll([change(clock(1), { title: '甲' })]);
    const sameValueLater = mergeChange(state, change(clock(2), { title: '甲' }));
    expect(sameValueLater.changed).toBe(true);
    expect(sameValueLater.clocks.title).toBe(clock(2));
  });

  it('reports no change for a write that loses every field', () => {
    const state = mergeAll([change(clock(5), { title: '新', updatedAt: iso(5) })]);
    expect(mergeChange(state, change(clock(1), { title: '旧', updatedAt: iso(1) })).changed).toBe(false);
  });

  it('picks the same value everywhere if a faulty writer reuses one clock for two values', () => {
    const one = change(clock(1), { title: '甲' });
    const two = change(clock(1), { title: '乙' });
    expect(mergeAll([one, two]).row?.title).toBe(mergeAll([two, one]).row?.title);
  });
});

describe('mergeChange: snapshots with per-field clocks', () => {
  it('never lets a snapshot override a later edit, but fills the fields it lacks', () => {
    const create = change(clock(1), { title: '初稿', background: '背景', updatedAt: iso(1) });
    const edit = change(clock(3), { title: '修改稿', updatedAt: iso(3) });
    // The office publishes the row as it had it at clock 2 (it had seen the create, not the edit).
    const snapshot = change(
      clock(4, 'OFFICE'),
      { title: '初稿', background: '背景', status: 'received', updatedAt: iso(2) },
      { fieldHlcs: { title: clock(1), background: clock(1), status: clock(2, 'OFFICE'), updatedAt: clock(2, 'OFFICE') }, deviceId: 'OFFICE' },
    );
    const orders = [[create, edit, snapshot], [snapshot, edit, create], [edit, snapshot, create], [snapshot, create, edit]];
    const results = orders.map((o) => mergeAll(o));
    for (const r of results) {
      expect(r.row).toEqual({ id: 'P1', title: '修改稿', background: '背景', status: 'received', updatedAt: iso(3) });
      expect(r).toEqual(results[0]);
    }
  });

  it('gives fields without their own clock the change clock', () => {
    const snapshot = change(clock(4, 'OFFICE'), { title: '甲', isKey: true }, { fieldHlcs: { title: clock(1) } });
    const { clocks } = mergeAll([snapshot]);
    expect(clocks).toEqual({ title: clock(1), isKey: clock(4, 'OFFICE') });
  });

  it('rowSnapshot restates a row with its clocks; merging it elsewhere rebuilds the same state', () => {
    const history = [
      change(clock(1), { title: '甲', categoryId: 'C1', updatedAt: iso(1) }),
      change(clock(2, 'DEVB'), { background: '乙', updatedAt: iso(2) }),
      change(clock(3), { categoryId: null, updatedAt: iso(3) }),
    ];
    const original = mergeAll(history);
    const { fields, fieldHlcs } = rowSnapshot(original);
    expect(fields).toEqual({ title: '甲', background: '乙', updatedAt: iso(3), categoryId: null });
    const rebuilt = mergeAll([change(clock(9, 'OFFICE'), fields, { fieldHlcs })]);
    expect(rebuilt).toEqual(original);
    // and a machine holding an older value with a mid clock is corrected by it
    const stale = mergeAll([change(clock(1), { title: '甲', categoryId: 'C1' })]);
    expect(mergeChange(stale, change(clock(9, 'OFFICE'), fields, { fieldHlcs })).row).toEqual(original.row);
  });
});

describe('mergeChange: tombstones', () => {
  const create = change(clock(1), { title: '甲', createdAt: iso(1), updatedAt: iso(1) });
  const remove = change(clock(2), { deletedAt: iso(2), updatedAt: iso(2) }, { op: 'delete', at: iso(2) });

  it('keeps a row deleted whatever edits arrive before or after, concurrent or later', () => {
    const concurrentEdit = change(clock(2, 'DEVB'), { title: '乙', updatedAt: iso(2) }); // same ms, other device
    const laterEdit = change(clock(5, 'DEVB'), { title: '丙', updatedAt: iso(5) });
    for (const order of [[create, remove, laterEdit, concurrentEdit], [laterEdit, concurrentEdit, remove, create]]) {
      const { row } = mergeAll(order);
      expect(row?.deletedAt).toBe(iso(2));
      expect(row?.title).toBe('丙'); // the fields still merge, so a restore brings back the latest text
      expect(row?.updatedAt).toBe(iso(5));
    }
  });

  it('restores a row only by an explicit later write of deletedAt: null', () => {
    const restore = change(clock(3, 'OFFICE'), { deletedAt: null, updatedAt: iso(3) });
    expect(mergeAll([create, remove, restore]).row).not.toHaveProperty('deletedAt');
    expect(mergeAll([restore, remove, create]).row).not.toHaveProperty('deletedAt');
    const staleRestore = change(clock(1, 'OFFICE', 1), { deletedAt: null });
    expect(mergeAll([create, remove, staleRestore]).row?.deletedAt).toBe(iso(2));
  });

  it('writes the tombstone from the change time when a delete carries no fields', () => {
    const bare = change(clock(2), {}, { op: 'delete', at: iso(2) });
    const { row, clocks } = mergeAll([create, bare]);
    expect(row?.deletedAt).toBe(iso(2));
    expect(row?.updatedAt).toBe(iso(2));
    expect(clocks.deletedAt).toBe(clock(2));
  });
});

describe('mergeChange: updatedAt keeps the latest time', () => {
  it('does not move backwards when a later clock carries an earlier wall time (slow device clock)', () => {
    const fastDevice = change(clock(1, 'DEVB'), { title: '甲', updatedAt: iso(60_000) });
    const slowDevice = change(clock(2, 'DEVA'), { title: '乙', updatedAt: iso(2) });
    for (const order of [[fastDevice, slowDevice], [slowDevice, fastDevice]]) {
      const { row, clocks } = mergeAll(order);
      expect(row?.title).toBe('乙');
      expect(row?.updatedAt).toBe(iso(60_000));
      expect(clocks.updatedAt).toBe(clock(2, 'DEVA'));
    }
  });

  it('latestTimestamp orders by instant, whatever the spelling', () => {
    expect(latestTimestamp('2026-03-04T02:00:00.500Z', '2026-03-04T02:00:00Z')).toBe('2026-03-04T02:00:00.500Z');
    expect(latestTimestamp(undefined, '2026-03-04T02:00:00Z')).toBe('2026-03-04T02:00:00Z');
    expect(latestTimestamp('2026-03-04T02:00:00Z', '2026-03-05T02:00:00Z')).toBe('2026-03-05T02:00:00Z');
  });
});

describe('localWriteClocks', () => {
  it('stamps every written field with the local clock, never the id', () => {
    expect(localWriteClocks({ title: clock(1) }, { id: 'P1', title: '乙', status: 'draft' }, clock(2))).toEqual({
      title: clock(2),
      status: clock(2),
    });
  });

  it('gives the same clocks as merging the local change would', () => {
    const previous = mergeAll([change(clock(1, 'DEVB'), { title: '甲', background: '乙' })]);
    const local = change(clock(2), { title: '丙', updatedAt: iso(2) });
    expect(localWriteClocks(previous.clocks, local.fields, local.hlc)).toEqual(mergeChange(previous, local).clocks);
  });

  it('refuses to stamp a field with a clock that would lose to the stored one', () => {
    expect(() => localWriteClocks({ title: clock(5, 'DEVB') }, { title: '甲' }, clock(4))).toThrow(/receive remote clocks/);
    expect(() => localWriteClocks({ title: clock(4) }, { title: '甲' }, clock(4))).toThrow();
  });
});

describe('mergeChange is commutative, associative and idempotent (property)', () => {
  const devices = ['DEVA', 'DEVB', 'OFFICE'];
  const fieldNames = ['title', 'status', 'categoryId', 'suggestedUnitIds', 'updatedAt'];
  const value = fc.oneof(fc.constantFrom('甲', '乙', '丙'), fc.constant(null), fc.array(fc.constantFrom('U1', 'U2'), { maxLength: 2 }));
  const arbChange = fc
    .record({
      wall: fc.integer({ min: 0, max: 4 }),
      counter: fc.integer({ min: 0, max: 2 }),
      device: fc.constantFrom(...devices),
      fields: fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 3 }),
      op: fc.constantFrom('put', 'put', 'put', 'delete'),
      snapshotLag: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    })
    .map(({ wall, counter, device, fields, op, snapshotLag }) => {
      const hlc = encodeHlc({ wallMs: BASE_MS + wall, counter, deviceId: device });
      const written = { ...fields, updatedAt: iso(wall * 1000 - counter) };
      // Snapshots restate fields with older clocks of another device.
      const fieldHlcs = snapshotLag
        ? Object.fromEntries(Object.keys(written).map((f) => [f, encodeHlc({ wallMs: BASE_MS + wall - snapshotLag, counter, deviceId: 'DEVA' })]))
        : undefined;
      return change(hlc, written, { op: op as 'put' | 'delete', at: iso(wall), deviceId: device, ...(fieldHlcs ? { fieldHlcs } : {}) });
    });

  it('reaches the same row and clocks for every order, grouping and duplication of the same changes', () => {
    fc.assert(
      fc.property(
        fc.array(arbChange, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
        fc.array(fc.nat(7), { maxLength: 4 }),
        (changes, shuffleKeys, duplicates) => {
          const reference = mergeAll(changes);
          const shuffled = changes
            .map((c, i) => ({ c, k: shuffleKeys[i % shuffleKeys.length]! * 31 + i }))
            .sort((a, b) => a.k - b.k)
            .map(({ c }) => c);
          const withDuplicates = [...shuffled, ...duplicates.map((i) => changes[i % changes.length]!)];
          expect(mergeAll(withDuplicates)).toEqual(reference);
          // Grouping: merge the two halves separately, then one into the other as a snapshot of each field.
          const half = Math.floor(changes.length / 2);
          const left = mergeAll(changes.slice(0, half));
          const right = mergeAll(changes.slice(half));
          const rightAsSnapshot = rowSnapshot(right);
          const snapshotHlc = Object.values(right.clocks).sort().at(-1);
          const combined = snapshotHlc ? mergeAll([change(snapshotHlc, rightAsSnapshot.fields, { fieldHlcs: rightAsSnapshot.fieldHlcs })], left) : left;
          expect(combined).toEqual(reference);
        },
      ),
      { numRuns: 300 },
    );
  });
});
