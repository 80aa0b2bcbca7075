import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc, MAX_CLOCK_DRIFT_MS } from '../domain';
import { MemoryReplica } from './replica';
import type { DeviceBinding, SyncChange } from './types';

const BASE_MS = Date.UTC(2026, 2, 4, 2);
const OFFICE: DeviceBinding = { deviceId: 'DEVOFFICE', role: 'office', actorId: 'staff1', signPublicKey: 's', boxPublicKey: 'b' };
const LEAD: DeviceBinding = { deviceId: 'DEVLEAD', role: 'delegate', actorId: 'delLead', signPublicKey: 's', boxPublicKey: 'b' };
const staff = { kind: 'staff' as const, id: 'staff1' };
const lead = { kind: 'delegate' as const, id: 'delLead' };

/** A fake wall clock per machine: `set` moves it. */
function fakeClock(startMs: number) {
  let t = startMs;
  return { now: () => t, set: (ms: number) => (t = ms) };
}

describe('MemoryReplica', () => {
  it('records a local write with its clock, fields, device and actor, and exports it once', () => {
    const clock = fakeClock(BASE_MS);
    const office = new MemoryReplica(OFFICE.deviceId, OFFICE, clock.now);
    const change = office.localWrite('category', 'C1', { name: '其他', order: 8 }, staff);
    expect(change).toMatchObject({
      entity: 'category',
      entityId: 'C1',
      op: 'put',
      deviceId: 'DEVOFFICE',
      actor: staff,
      fields: { name: '其他', order: 8, createdAt: new Date(BASE_MS).toISOString(), updatedAt: new Date(BASE_MS).toISOString() },
    });
    expect(decodeHlc(change.hlc)).toEqual({ wallMs: BASE_MS, counter: 0, deviceId: 'DEVOFFICE' });
    expect(office.row('category', 'C1')).toMatchObject({ id: 'C1', name: '其他' });
    expect(office.clocksOf('category', 'C1').name).toBe(change.hlc);
    expect(office.exportSince(0)).toEqual([change]);
    expect(office.exportSince(1)).toEqual([]);
  });

  it('ticks the counter for writes within one millisecond', () => {
    const office = new MemoryReplica(OFFICE.deviceId, OFFICE, () => BASE_MS);
    const a = office.localWrite('category', 'C1', { name: '甲' }, staff);
    const b = office.localWrite('category', 'C1', { name: '乙' }, staff);
    expect(b.hlc > a.hlc).toBe(true);
    expect(office.row('category', 'C1')?.name).toBe('乙');
  });

  it('writes a tombstone on delete and restores only on an explicit null', () => {
    const clock = fakeClock(BASE_MS);
    const office = new MemoryReplica(OFFICE.deviceId, OFFICE, clock.now);
    office.localWrite('category', 'C1', { name: '甲' }, staff);
    clock.set(BASE_MS + 1000);
    const del = office.localWrite('category', 'C1', {}, staff, 'delete');
    expect(del.fields).toEqual({ deletedAt: new Date(BASE_MS + 1000).toISOString(), updatedAt: new Date(BASE_MS + 1000).toISOString() });
    expect(office.row('category', 'C1')?.deletedAt).toBeDefined();
    clock.set(BASE_MS + 2000);
    office.localWrite('category', 'C1', { deletedAt: null }, staff);
    expect(office.row('category', 'C1')).not.toHaveProperty('deletedAt');
  });

  it('applies another device’s bundle to the same state, and a second time changes nothing', () => {
    const office = new MemoryReplica(OFFICE.deviceId, OFFICE, () => BASE_MS);
    const delegate = new MemoryReplica(LEAD.deviceId, LEAD, () => BASE_MS + 5);
    office.localWrite('category', 'C1', { name: '其他' }, staff);
    office.localWrite('category', 'C2', { name: '政法' }, staff);
    const bundle = office.exportSince(0);
    expect(delegate.apply(bundle, OFFICE)).toEqual({ applied: 2, refused: [] });
    expect(delegate.stateHash()).toBe(office.stateHash());
    expect(delegate.clockHash()).toBe(office.clockHash());
    expect(delegate.apply(bundle, OFFICE)).toEqual({ applied: 0, refused: [] });
    expect(delegate.stateHash()).toBe(office.stateHash());
  });

  it('checks each change against the bundle’s earlier changes (a create, then an edit naming no lead)', () => {
    const office = new MemoryReplica(OFFICE.deviceId, OFFICE, () => BASE_MS + 10);
    const delegate = new MemoryReplica(LEAD.deviceId, LEAD, () => BASE_MS);
    delegate.localWrite('proposal', 'P1', { title: '甲', leadDelegateId: 'delLead', status: 'draft' }, lead);
    delegate.localWrite('proposal', 'P1', { title: '乙' }, lead);
    expect(office.apply(delegate.exportSince(1), LEAD).refused[0]?.retryable).toBe(true); // the edit alone: whose is it?
    expect(office.apply(delegate.exportSince(0), LEAD)).toEqual({ applied: 2, refused: [] });
    expect(office.row('proposal', 'P1')?.title).toBe('乙');
  });

  it('moves its clock past what it received, so a later local edit wins everywhere even with a slow wall clock', () => {
    const fast = new MemoryReplica(OFFICE.deviceId, OFFICE, () => BASE_MS + 3_600_000); // an hour ahead
    const slowClock = fakeClock(BASE_MS);
    const slow = new MemoryReplica(LEAD.deviceId, LEAD, slowClock.now);
    slow.localWrite('proposal', 'P1', { title: '甲', leadDelegateId: 'delLead', status: 'draft' }, lead);
    fast.apply(slow.exportSince(0), LEAD);
    fast.localWrite('proposal', 'P1', { isKey: true }, staff);
    slow.apply(fast.exportSince(0), OFFICE);
    const edit = slow.localWrite('proposal', 'P1', { title: '乙' }, lead);
    expect(edit.hlc > fast.exportSince(0)[0]!.hlc).toBe(true);
    expect(fast.apply([edit], LEAD).applied).toBe(1);
    expect(fast.row('proposal', 'P1')?.title).toBe('乙');
    expect(fast.stateHash()).toBe(slow.stateHash());
    // "last changed" stays at the fast machine's time on both
    expect(slow.row('proposal', 'P1')?.updatedAt).toBe(new Date(BASE_MS + 3_600_000).toISOString());
  });

  it('publishes a row whole with its field clocks; a stale machine converges on it, a fresh one rebuilds it', () => {
    const office = new MemoryReplica(OFFICE.deviceId, OFFICE, () => BASE_MS + 10);
    const delegate = new MemoryReplica(LEAD.deviceId, LEAD, () => BASE_MS);
    delegate.localWrite('proposal', 'P1', { title: '甲', leadDelegateId: 'delLead', status: 'submitted' }, lead);
    office.apply(delegate.exportSince(0), LEAD);
    office.localWrite('proposal', 'P1', { status: 'received' }, staff);
    const snapshot = office.publishSnapshot('proposal', 'P1', staff);
    expect(snapshot.fieldHlcs?.title).toBe(delegate.clocksOf('proposal', 'P1').title);
    const fresh = new MemoryReplica('DEVOTHER', { ...LEAD, deviceId: 'DEVOTHER', actorId: 'delOther' }, () => BASE_MS + 20);
    fresh.apply([snapshot], OFFICE);
    delegate.apply([snapshot], OFFICE);
    expect(fresh.stateHash()).toBe(office.stateHash());
    expect(delegate.stateHash()).toBe(office.stateHash());
    expect(fresh.clockHash()).toBe(office.clockHash());
  });

  it('refuses a change stamped more than a day ahead of its own time, and waits for it', () => {
    const office = new MemoryReplica(OFFICE.deviceId, OFFICE, () => BASE_MS);
    const hlc = encodeHlc({ wallMs: BASE_MS + MAX_CLOCK_DRIFT_MS + 60_000, counter: 0, deviceId: LEAD.deviceId });
    const future: SyncChange = {
      id: `DEVLEAD:${hlc}`,
      entity: 'proposal',
      entityId: 'P1',
      op: 'put',
      fields: { title: '甲', leadDelegateId: 'delLead' },
      hlc,
      deviceId: LEAD.deviceId,
      actor: lead,
      at: new Date(BASE_MS).toISOString(),
    };
    const result = office.apply([future], LEAD);
    expect(result.applied).toBe(0);
    expect(result.refused).toEqual([{ change: future, reason: '提案（proposal）的变更时钟（hlc）比本机时间快一天以上，请检查电脑时间', retryable: true }]);
    expect(office.rows('proposal')).toEqual([]);
  });

  it('lists rows by id, tombstones included, as copies', () => {
    const office = new MemoryReplica(OFFICE.deviceId, OFFICE, () => BASE_MS);
    office.localWrite('category', 'C2', { name: '乙' }, staff);
    office.localWrite('category', 'C1', { name: '甲' }, staff);
    office.localWrite('category', 'C2', {}, staff, 'delete');
    const rows = office.rows('category');
    expect(rows.map((r) => r.id)).toEqual(['C1', 'C2']);
    rows[0]!.name = '改';
    expect(office.row('category', 'C1')?.name).toBe('甲');
  });
});
