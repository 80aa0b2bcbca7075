import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWorkingDays,
  calendarWithHolidays,
  dayOfWeek,
  endOfCalendarDay,
  formatChinaDateTime,
  isCalendarDate,
  toCalendarDate,
  weekdayCalendar,
  workingDaysBetween,
} from './calendar';

describe('calendar dates', () => {
  it('accepts only real yyyy-mm-dd dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-3-1', '2026/03/01', '', '2026-03-01T00:00']) {
      expect(isCalendarDate(bad)).toBe(false);
    }
    expect(() => addDays('2026-02-30', 1)).toThrow();
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2026-03-04')).toBe(3); // Wednesday
    expect(dayOfWeek('2026-03-08')).toBe(0); // Sunday
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2026-03-15', 3)).toBe('2026-06-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('turns an instant into the 北京时间 date, whatever the machine’s zone', () => {
    expect(toCalendarDate(new Date('2026-03-31T15:59:59.999Z'))).toBe('2026-03-31');
    expect(toCalendarDate(new Date('2026-03-31T16:00:00.000Z'))).toBe('2026-04-01');
    expect(toCalendarDate(new Date('2026-03-31T16:00:00.000Z'), 0)).toBe('2026-03-31');
  });

  it('gives the last instant of a 北京时间 day', () => {
    expect(endOfCalendarDay('2026-03-11').toISOString()).toBe('2026-03-11T15:59:59.999Z');
    expect(toCalendarDate(endOfCalendarDay('2026-03-11'))).toBe('2026-03-11');
    expect(toCalendarDate(new Date(endOfCalendarDay('2026-03-11').getTime() + 1))).toBe('2026-03-12');
  });

  it('formats an instant in 北京时间 for messages', () => {
    expect(formatChinaDateTime('2026-03-10T10:00:00.000Z')).toBe('2026-03-10 18:00');
  });
});

describe('working days', () => {
  it('skip weekends', () => {
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Friday → Monday
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // Saturday → Monday
    expect(addWorkingDays('2026-03-04', 7)).toBe('2026-03-13'); // Wednesday → next Friday
    expect(addWorkingDays('2026-03-06', 0)).toBe('2026-03-06');
  });

  it('are counted after the start day up to and including the end day', () => {
    expect(workingDaysBetween('2026-03-04', '2026-03-13')).toBe(7);
    expect(workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0); // Friday → Sunday
    expect(workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
    expect(workingDaysBetween('2026-03-09', '2026-03-09')).toBe(0);
    expect(workingDaysBetween('2026-03-13', '2026-03-04')).toBe(0);
  });

  it('weekdayCalendar is Monday to Friday', () => {
    const week = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'];
    expect(week.map((d) => weekdayCalendar.isWorkingDay(d))).toEqual([true, true, true, true, true, false, false]);
  });

  it('take public holidays and 调休 workdays from a holiday calendar', () => {
    // A National-Day-like week: Thu 10-01 … Wed 10-07 off, Saturday 10-10 worked instead.
    const calendar = calendarWithHolidays(
      ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      ['2026-10-10'],
    );
    expect(addWorkingDays('2026-09-30', 1, calendar)).toBe('2026-10-08');
    expect(addWorkingDays('2026-10-09', 1, calendar)).toBe('2026-10-10');
    expect(workingDaysBetween('2026-09-30', '2026-10-12', calendar)).toBe(4); // 10-08, 10-09, 10-10, 10-12
  });

  it('refuse nonsense rather than loop forever', () => {
    expect(() => addWorkingDays('2026-03-04', -1)).toThrow();
    expect(() => addWorkingDays('2026-03-04', 1, { isWorkingDay: () => false })).toThrow();
  });

  it('addWorkingDays and workingDaysBetween agree, and the result is a working day', () => {
    const days = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 40 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(workingDaysBetween(start, end)).toBe(n);
        if (n > 0) expect(weekdayCalendar.isWorkingDay(end)).toBe(true);
      }),
    );
  });
});
