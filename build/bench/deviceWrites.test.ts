import { describe, expect, it } from 'vitest';
import { generateDemoCongress } from '../../shared/demo';
import { decodeHlc } from '../../shared/domain';
import { defaultBundlePer, delegateWritesByDelegate, isBundlePer, officeRecordWrites, stampWrites, syncPeriodOf } from './deviceWrites';

const dataset = generateDemoCongress({ size: { delegates: 20, years: 1, proposalsPerYear: 40 }, seed: 3, now: new Date('2026-06-01T00:00:00Z') });

describe('delegate writes', () => {
  const writes = delegateWritesByDelegate(dataset);

  it('replays each proposal as its lead drafted, invited and submitted it, without the office fields', () => {
    const proposal = (dataset.proposal ?? []).find((p) => p.submittedAt && p.invitedCosignerIds.length > 0 && p.number !== undefined)!;
    const steps = writes.get(proposal.leadDelegateId)!.filter((w) => w.entityId === proposal.id);
    expect(steps.map((w) => [w.action, w.fields.status])).toEqual([
      ['create', 'draft'],
      ['inviteCosigners', 'collecting'],
      ['submit', 'submitted'],
    ]);
    for (const step of steps) for (const field of ['number', 'review', 'receivedAt']) expect(step.fields).not.toHaveProperty(field);
    expect(steps[1]!.fields.invitedCosignerIds).toEqual(proposal.invitedCosignerIds);
    expect(steps[2]!.fields.submittedAt).toBe(proposal.submittedAt);
    expect(steps.map((w) => w.ms)).toEqual([...steps.map((w) => w.ms)].sort((a, b) => a - b));
  });

  it('gives every delegate-owned row to its own delegate and to no one else', () => {
    const cosignatures = [...writes.values()].flat().filter((w) => w.entity === 'cosignature');
    expect(cosignatures).toHaveLength((dataset.cosignature ?? []).length);
    for (const [delegateId, list] of writes) {
      for (const w of list.filter((x) => x.entity === 'ballot' && x.fields.voterId !== undefined)) expect(w.fields.voterId).toBe(delegateId);
    }
  });

  it('splits a notice receipt into reading it and replying later', () => {
    const replied = (dataset.noticeReceipt ?? []).find((r) => r.reply)!;
    const steps = writes.get(replied.delegateId)!.filter((w) => w.entityId === replied.id);
    expect(steps.map((w) => Object.keys(w.fields).includes('reply'))).toEqual([false, true]);
  });
});

describe('stampWrites', () => {
  it('gives a device its own increasing clocks and <deviceId>:<hlc> ids, also for writes in the same millisecond', () => {
    const deviceId = '01JN8F7A2B3C4D5E6F7G8H9J0K';
    const changes = stampWrites(officeRecordWrites(dataset), deviceId, { kind: 'staff', id: dataset.officeStaff.id });
    const clocks = changes.map((c) => c.hlc);
    expect(new Set(clocks).size).toBe(clocks.length);
    expect(clocks).toEqual([...clocks].sort());
    for (const change of changes) {
      expect(change.id).toBe(`${deviceId}:${change.hlc}`);
      expect(decodeHlc(change.hlc).deviceId).toBe(deviceId);
      expect(decodeHlc(change.hlc).wallMs).toBe(Date.parse(change.at));
    }
  });
});

describe('syncPeriodOf', () => {
  const at = (iso: string) => Date.parse(iso);

  it('cuts days, Monday-to-Sunday weeks and months at midnight 北京时间 (UTC+8)', () => {
    // 2026-06-07 is a Sunday: 15:59 UTC is 23:59 in Beijing, 16:00 UTC already Monday 00:00
    expect(syncPeriodOf(at('2026-06-07T15:59:00Z'), 'day')).toBe(syncPeriodOf(at('2026-06-07T00:00:00Z'), 'day'));
    expect(syncPeriodOf(at('2026-06-07T16:00:00Z'), 'day')).toBe(syncPeriodOf(at('2026-06-07T00:00:00Z'), 'day') + 1);
    expect(syncPeriodOf(at('2026-06-07T15:59:00Z'), 'week')).toBe(syncPeriodOf(at('2026-06-01T00:00:00Z'), 'week'));
    expect(syncPeriodOf(at('2026-06-07T16:00:00Z'), 'week')).toBe(syncPeriodOf(at('2026-06-01T00:00:00Z'), 'week') + 1);
    expect(syncPeriodOf(at('2026-06-30T15:59:00Z'), 'month')).toBe(syncPeriodOf(at('2026-06-01T00:00:00Z'), 'month'));
    expect(syncPeriodOf(at('2026-06-30T16:00:00Z'), 'month')).toBe(syncPeriodOf(at('2026-06-01T00:00:00Z'), 'month') + 1);
    expect(syncPeriodOf(at('2026-12-31T16:00:00Z'), 'month')).toBe(syncPeriodOf(at('2026-12-01T00:00:00Z'), 'month') + 1);
    expect(syncPeriodOf(at('2020-01-01T00:00:00Z'), 'device')).toBe(syncPeriodOf(at('2026-12-01T00:00:00Z'), 'device'));
  });

  it('defaults to a bundle per device-day for a county and per device-month for a province', () => {
    expect(defaultBundlePer('county-10y')).toBe('day');
    expect(defaultBundlePer({ delegates: 12, years: 1, proposalsPerYear: 24 })).toBe('day');
    expect(defaultBundlePer('province-10y')).toBe('month');
    expect(defaultBundlePer({ delegates: 800, years: 3, proposalsPerYear: 3000 })).toBe('month');
    expect(isBundlePer('month')).toBe(true);
    expect(isBundlePer('year')).toBe(false);
  });
});
