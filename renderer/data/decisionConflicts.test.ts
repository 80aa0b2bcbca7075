import { describe, expect, it } from 'vitest';
import { encodeHlc, type ChangeRecord, type ReviewDecision } from '../../shared/domain';
import { decisionWrites, findDecisionConflicts, SETTLE_DECISION_ACTION } from './decisionConflicts';

const P = '01JP2M3N4P5Q6R7S8T9V0W1X2Y';
const Q = '01JP2M3N4P5Q6R7S8T9V0W1X2Z';
const A = '01JN8F7A2B3C4D5E6F7G8H9J0A';
const B = '01JN8F7A2B3C4D5E6F7G8H9J0B';
const C = '01JN8F7A2B3C4D5E6F7G8H9J0C';

let seq = 0;
/** A review write as it sits in the change log: `wall` is the clock's wall time (ms), so order is explicit. */
function write(device: string, wall: number, action: string, review: Omit<ReviewDecision, 'decidedBy' | 'decidedAt'>, extra: Record<string, unknown> = {}, proposalId = P): ChangeRecord {
  const hlc = encodeHlc({ wallMs: 1_770_000_000_000 + wall, counter: 0, deviceId: device });
  const at = new Date(1_770_000_000_000 + wall).toISOString();
  seq += 1;
  return {
    id: `${device}:${hlc}`,
    entity: 'proposal',
    entityId: proposalId,
    op: 'put',
    fields: { review: { ...review, decidedBy: `staff-${device.slice(-1)}`, decidedAt: at }, updatedAt: at, ...extra },
    hlc,
    deviceId: device,
    actor: { kind: 'staff', id: `staff-${device.slice(-1)}`, name: `员工${seq}` },
    action,
    at,
  };
}
const accept = (device: string, wall: number, number: number, proposalId = P) =>
  write(device, wall, 'accept', { decision: 'accept' }, { status: 'accepted', number }, proposalId);
const reject = (device: string, wall: number, reasonCode = 'empty') => write(device, wall, 'reject', { decision: 'reject', reasonCode }, { status: 'rejected' });
const merge = (device: string, wall: number, target: string) => write(device, wall, 'merge', { decision: 'merge', mergedIntoId: target }, { status: 'merged' });

describe('findDecisionConflicts', () => {
  it('finds two machines deciding differently, whatever order the log holds them in', () => {
    const a = accept(A, 10, 5);
    const b = reject(B, 20);
    for (const log of [[a, b], [b, a]]) {
      const conflicts = findDecisionConflicts(log);
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]!.proposalId).toBe(P);
      expect(conflicts[0]!.writes.map((w) => [w.deviceId, w.outcome])).toEqual([
        [A, { decision: 'accept', number: 5 }],
        [B, { decision: 'reject', reasonCode: 'empty' }],
      ]);
    }
  });

  it('sees no conflict when both machines decided the same', () => {
    expect(findDecisionConflicts([reject(A, 10), reject(B, 20)])).toEqual([]);
    expect(findDecisionConflicts([merge(A, 10, Q), merge(B, 20, Q)])).toEqual([]);
  });

  it('tells apart decisions that differ only in their detail: number, merge target, rejection reason', () => {
    expect(findDecisionConflicts([accept(A, 10, 5), accept(B, 20, 6)])).toHaveLength(1);
    expect(findDecisionConflicts([merge(A, 10, Q), merge(B, 20, '01JP2M3N4P5Q6R7S8T9V0W1X30')])).toHaveLength(1);
    expect(findDecisionConflicts([reject(A, 10, 'empty'), reject(B, 20, 'personal')])).toHaveLength(1);
  });

  it('never pairs a machine with itself: its own later write saw its earlier one', () => {
    expect(findDecisionConflicts([accept(A, 10, 5), reject(A, 20)])).toEqual([]);
  });

  it('keeps proposals apart', () => {
    expect(findDecisionConflicts([accept(A, 10, 5, P), accept(B, 20, 6, Q)])).toEqual([]);
  });

  it('ignores writes that only restate review (a snapshot on a later step) and other entities', () => {
    const snapshot = { ...reject(B, 30), action: 'assign' };
    const untagged = { ...reject(B, 31), action: undefined };
    const cosign: ChangeRecord = { ...reject(C, 32), entity: 'cosignature' };
    expect(decisionWrites([accept(A, 10, 5), snapshot, untagged, cosign]).map((w) => w.deviceId)).toEqual([A]);
    expect(findDecisionConflicts([accept(A, 10, 5), snapshot, untagged, cosign])).toEqual([]);
  });

  it('a settlement closes the decisions it was made after; a decision made later, unaware of it, reopens', () => {
    const a = accept(A, 10, 5);
    const b = reject(B, 20);
    const settled = write(C, 30, SETTLE_DECISION_ACTION, { decision: 'reject', reasonCode: 'empty' }, { status: 'rejected' });
    expect(findDecisionConflicts([a, b, settled])).toEqual([]);
    // The same outcome later from a machine that never saw the settlement: still no conflict.
    expect(findDecisionConflicts([a, b, settled, reject(A, 40)])).toEqual([]);
    // A different one: settle again.
    const late = merge(A, 40, Q);
    const conflicts = findDecisionConflicts([a, b, settled, late]);
    expect(conflicts[0]!.writes.map((w) => w.changeId)).toEqual([settled.id, late.id]);
  });

  it('three machines: one entry per machine, oldest first', () => {
    const conflicts = findDecisionConflicts([reject(C, 30), accept(A, 10, 5), merge(B, 20, Q)]);
    expect(conflicts[0]!.writes.map((w) => w.deviceId)).toEqual([A, B, C]);
  });
});
