// 北京时间 wall-clock times for forms: the office types "2026-03-11 12:00" meaning Beijing time whatever the
// machine's time zone, and every machine shows the same instant back the same way.
import { CHINA_UTC_OFFSET_MINUTES, isCalendarDate } from '../lifecycle/calendar';

const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/;

/** "2026-03-11 12:00" (北京时间) → ISO instant in UTC; undefined when it is not a real date and time. */
export function chinaWallClockToIso(text: string): string | undefined {
  const m = WALL_CLOCK.exec(text.trim());
  if (!m || !isCalendarDate(m[1]!)) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 23 || minutes > 59) return undefined;
  const [y, mo, d] = m[1]!.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, hours, minutes) - CHINA_UTC_OFFSET_MINUTES * 60_000).toISOString();
}

/** ISO instant → "2026-03-11 12:00" in 北京时间 (the inverse of chinaWallClockToIso). */
export function isoToChinaWallClock(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The calendar year of an instant in 北京时间 (an act at 2026-12-31 20:00 UTC belongs to 2027). */
export function chinaYearOf(iso: string): number {
  return new Date(Date.parse(iso) + CHINA_UTC_OFFSET_MINUTES * 60_000).getUTCFullYear();
}
