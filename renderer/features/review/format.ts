import { formatChinaDateTime } from '../../../shared/lifecycle';

/** Times on review screens are 北京时间 ("2026-03-12 09:30"), the same on every office machine. */
export function formatTime(iso: string | undefined): string {
  return iso ? formatChinaDateTime(iso) : '—';
}
