// Calendar dates (yyyy-mm-dd) and working days for handling deadlines and the 退回 window.
// Dates are plain strings computed in UTC arithmetic, so results never depend on the machine's time zone;
// an instant becomes a date in China Standard Time (UTC+8), the only time zone the congress offices work in.

/** China Standard Time (北京时间), minutes east of UTC. */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Upper bound for scanning days, so a calendar without working days cannot loop forever. */
const MAX_SCAN_DAYS = 366 * 10;

/** Which days count as working days. The default is Mon–Fri; public holidays and 调休 plug in here. */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
}

function toUtcMs(date: string): number {
  const m = DATE_PATTERN.exec(date);
  if (!m) throw new Error(`Not a calendar date (yyyy-mm-dd): ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (fromUtcMs(ms) !== date) throw new Error(`Not a calendar date (yyyy-mm-dd): ${date}`);
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True for a real calendar date written yyyy-mm-dd (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  try {
    toUtcMs(value);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date of an instant in the given time zone (default 北京时间). */
export function toCalendarDate(instant: Date, utcOffsetMinutes: number = CHINA_UTC_OFFSET_MINUTES): string {
  return fromUtcMs(instant.getTime() + utcOffsetMinutes * 60_000);
}

/** An instant as 北京时间 for messages, minute precision: "2026-01-10 18:00". */
export function formatChinaDateTime(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The last millisecond of a calendar date in the given time zone, e.g. for a 附议 deadline "截止 11 月 30 日". */
export function endOfCalendarDay(date: string, utcOffsetMinutes: number = CHINA_UTC_OFFSET_MINUTES): Date {
  return new Date(toUtcMs(date) + DAY_MS - 1 - utcOffsetMinutes * 60_000);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day (01-31 + 1 → 02-28). */
export function addMonths(date: string, months: number): string {
  const d = new Date(toUtcMs(date));
  const targetMonthIndex = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(targetMonthIndex / 12);
  const month = targetMonthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay)));
}

/** 0 = Sunday … 6 = Saturday */
export function dayOfWeek(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** Monday to Friday; ignores public holidays. */
export const weekdayCalendar: WorkingCalendar = {
  isWorkingDay: (date) => {
    const day = dayOfWeek(date);
    return day !== 0 && day !== 6;
  },
};

/**
 * Mon–Fri minus `holidays`, plus `makeupWorkdays` (调休上班的周末). The office can publish the State Council's
 * holiday list each year and pass `calendarWithHolidays(...)` as `LifecycleContext.calendar`.
 */
export function calendarWithHolidays(holidays: Iterable<string>, makeupWorkdays: Iterable<string> = []): WorkingCalendar {
  const off = new Set(holidays);
  const on = new Set(makeupWorkdays);
  return {
    isWorkingDay: (date) => on.has(date) || (!off.has(date) && weekdayCalendar.isWorkingDay(date)),
  };
}

/** The date `workingDays` working days after `date` (0 → `date` itself), e.g. Friday + 1 → Monday. */
export function addWorkingDays(date: string, workingDays: number, calendar: WorkingCalendar = weekdayCalendar): string {
  if (!Number.isInteger(workingDays) || workingDays < 0) throw new Error(`workingDays must be a non-negative integer: ${workingDays}`);
  let current = date;
  let remaining = workingDays;
  for (let scanned = 0; remaining > 0; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new Error('The working-day calendar has no working days');
    current = addDays(current, 1);
    if (calendar.isWorkingDay(current)) remaining--;
  }
  return current;
}

/** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar = weekdayCalendar): number {
  const days = Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
  let count = 0;
  for (let i = 1; i <= days; i++) {
    if (calendar.isWorkingDay(addDays(from, i))) count++;
  }
  return count;
}
