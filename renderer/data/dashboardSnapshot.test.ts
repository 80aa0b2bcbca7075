import { describe, expect, it } from 'vitest';
import { DASHBOARD_SNAPSHOT_KEY, loadDashboardSnapshot, readDashboardSnapshotEarly, saveDashboardSnapshot, takeDashboardSnapshot, type DashboardSnapshot } from './dashboardSnapshot';
import { freshRepository } from './testing';

function snapshot(): DashboardSnapshot {
  return {
    meetingId: 'm1',
    meetingName: '第十五届第一次年会',
    savedAt: '2026-12-07T08:00:00.000Z',
    figures: {
      received: 3,
      decided: 2,
      assigned: 2,
      replied: 1,
      closed: 1,
      overdue: 1,
      dueSoon: 0,
      rated: 1,
      satisfiedRate: 100,
    },
  };
}

describe('dashboard snapshot', () => {
  it('is read back as saved', async () => {
    const { db } = await freshRepository();
    expect(await loadDashboardSnapshot(db)).toBeUndefined();
    await saveDashboardSnapshot(db, snapshot());
    expect(await loadDashboardSnapshot(db)).toEqual(snapshot());
  });

  it('is ignored when it does not parse (an older shape, a damaged entry), never shown half', async () => {
    const { db } = await freshRepository();
    const broken: unknown[] = [
      'figures',
      { ...snapshot(), figures: { ...snapshot().figures, received: -1 } },
      { ...snapshot(), figures: { ...snapshot().figures, satisfiedRate: 140 } },
      { ...snapshot(), figures: { ...snapshot().figures, decided: undefined } },
      { ...snapshot(), meetingId: '' },
    ];
    for (const value of broken) {
      await db.meta.put({ key: DASHBOARD_SNAPSHOT_KEY, value });
      expect(await loadDashboardSnapshot(db)).toBeUndefined();
    }
  });

  it('an early read (started at boot) is used by the first visit only; a later visit reads it afresh', async () => {
    const { db } = await freshRepository();
    await saveDashboardSnapshot(db, snapshot());
    readDashboardSnapshotEarly(db);
    await saveDashboardSnapshot(db, { ...snapshot(), figures: { ...snapshot().figures, received: 7 } });
    expect((await takeDashboardSnapshot(db))?.figures.received).toBe(3);
    expect((await takeDashboardSnapshot(db))?.figures.received).toBe(7);
  });
});
