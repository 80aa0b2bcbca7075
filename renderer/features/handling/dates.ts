import dayjs, { type Dayjs } from 'dayjs';
import { formatChinaDateTime } from '../../../shared/lifecycle';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** A picked day as the yyyy-mm-dd the records keep; a cleared picker is '' (refused as missing, never defaulted). */
export function toDateString(value: Dayjs | null | undefined): string {
  return value ? value.format(DATE_FORMAT) : '';
}

export function fromDateString(value: string): Dayjs {
  return dayjs(value);
}

/** Times are shown in 北京时间 ("2026-03-12 09:30"), the same on every office machine. */
export function formatTime(iso: string | undefined): string {
  return iso ? formatChinaDateTime(iso) : '—';
}
