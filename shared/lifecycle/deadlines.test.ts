import { describe, expect, it } from 'vitest';
import { newId } from '../domain';
import { cosignDeadlineFrom, currentDeadline, handlingDeadline, rehandlingDeadline, returnWindowEnd } from './deadlines';
import { buildSettings } from './fixtures';

describe('deadlines', () => {
  it('handling: handlingMonths from today in 北京时间', () => {
    expect(handlingDeadline(new Date('2026-03-04T02:00:00.000Z'), buildSettings())).toBe('2026-06-04');
    // 2026-11-30 20:00Z is already 12-01 in Beijing.
    expect(handlingDeadline(new Date('2026-11-30T20:00:00.000Z'), buildSettings())).toBe('2027-03-01');
    expect(handlingDeadline(new Date('2026-11-30T02:00:00.000Z'), buildSettings())).toBe('2027-02-28');
    expect(handlingDeadline(new Date('2026-03-04T02:00:00.000Z'), buildSettings({ handlingMonths: 6 }))).toBe('2026-09-04');
  });

  it('re-handling: rehandlingMonths from today', () => {
    expect(rehandlingDeadline(new Date('2026-01-31T02:00:00.000Z'), buildSettings())).toBe('2026-02-28');
    expect(rehandlingDeadline(new Date('2026-01-31T02:00:00.000Z'), buildSettings({ rehandlingMonths: 2 }))).toBe('2026-03-31');
  });

  it('co-signing: the end of the day cosignDeadlineDays ahead', () => {
    expect(cosignDeadlineFrom(new Date('2026-03-04T02:00:00.000Z'), buildSettings({ cosignDeadlineDays: 3 }))).toBe('2026-03-07T15:59:59.999Z');
  });

  it('the deadline in force is the latest extension', () => {
    const by = newId();
    const at = '2026-03-04T02:00:00.000Z';
    expect(currentDeadline({ deadline: '2026-06-04', extensions: [] })).toBe('2026-06-04');
    const extensions = [
      { newDeadline: '2026-08-31', reason: '一', at, by },
      { newDeadline: '2026-07-31', reason: '误录', at, by },
    ];
    expect(currentDeadline({ deadline: '2026-06-04', extensions })).toBe('2026-08-31');
  });

  it('the return window ends returnWindowWorkingDays working days after the day of assignment', () => {
    expect(returnWindowEnd({ assignedAt: '2026-03-04T02:00:00.000Z' }, buildSettings())).toBe('2026-03-13');
    expect(returnWindowEnd({ assignedAt: '2026-03-04T02:00:00.000Z' }, buildSettings({ returnWindowWorkingDays: 3 }))).toBe('2026-03-09');
  });
});
