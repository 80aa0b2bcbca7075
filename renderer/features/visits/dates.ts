import dayjs, { type Dayjs } from 'dayjs';
import { formatChinaDateTime, toCalendarDate } from '../../../shared/lifecycle';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** A picked day as the yyyy-mm-dd the records keep; a cleared picker is '' (refused as missing). */
export function toDateString(value: Dayjs | null | undefined): string {
  return value ? value.format(DATE_FORMAT) : '';
}

export function fromDateString(value: string | undefined): Dayjs | null {
  return value ? dayjs(value) : null;
}

/** Today in 北京时间, as the visit's dates are written. */
export function today(now: Date = new Date()): string {
  return toCalendarDate(now);
}

/** "2026-05-12" or "2026-05-12 至 2026-05-13". */
export function dateRange(start: string, end: string, separator = ' 至 '): string {
  return start === end ? start : `${start}${separator}${end}`;
}

/** Times are shown in 北京时间 ("2026-05-12 09:30"). */
export function formatTime(iso: string | undefined): string {
  return iso ? formatChinaDateTime(iso) : '—';
}
