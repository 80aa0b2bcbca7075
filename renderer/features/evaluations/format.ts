import dayjs, { type Dayjs } from 'dayjs';
import { formatChinaDateTime } from '../../../shared/lifecycle';

export const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

/** A picked date and time, read as 北京时间 whatever the machine's time zone, as the ISO instant records keep. */
export function pickerToIso(value: Dayjs | null | undefined): string {
  return value ? new Date(`${value.format('YYYY-MM-DDTHH:mm')}:00+08:00`).toISOString() : '';
}

/** An instant shown in the picker as its 北京时间 wall-clock time. */
export function isoToPicker(iso: string): Dayjs {
  return dayjs(formatChinaDateTime(iso));
}

/** Times are shown in 北京时间, minute precision. */
export function formatTime(iso: string | undefined): string {
  return iso ? formatChinaDateTime(iso) : '—';
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
