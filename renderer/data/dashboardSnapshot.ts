import { z } from 'zod';
import type { DashboardFigures } from '../../shared/reports';
import type { DelegateDeskDb } from './db';

/**
 * The office dashboard's last figures for its default view (the latest meeting, no filter), kept on this machine so
 * that the next start shows them at once instead of after reading a year of motions and their handling rows (seconds
 * at province size, bench:ui). Derived and disposable: the page marks them as being updated until its live figures
 * arrive, and replaces them then; a snapshot that does not parse is ignored.
 */
export interface DashboardSnapshot {
  meetingId: string;
  meetingName: string;
  /** ISO date-time the figures were computed */
  savedAt: string;
  figures: DashboardNumbers;
}

/**
 * The numbers only. Neither the report behind them (large) nor the charts: drawing four charts takes the page's
 * thread for half a second, which at start is better spent reading the live figures (bench:ui).
 */
export type DashboardNumbers = Omit<DashboardFigures, 'report' | 'charts'>;

export const DASHBOARD_SNAPSHOT_KEY = 'dashboardSnapshot';

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(100);
const snapshotSchema = z.object({
  meetingId: z.string().min(1),
  meetingName: z.string(),
  savedAt: z.string(),
  figures: z.object({
    received: count,
    decided: count,
    assigned: count,
    replied: count,
    closed: count,
    overdue: count,
    dueSoon: count,
    rated: count,
    satisfiedRate: rate.optional(),
    onTimeRate: rate.optional(),
  }),
});

export function dashboardNumbers(figures: DashboardFigures): DashboardNumbers {
  const { report: _report, charts: _charts, ...numbers } = figures;
  return numbers;
}

export async function loadDashboardSnapshot(db: DelegateDeskDb): Promise<DashboardSnapshot | undefined> {
  const entry = await db.meta.get(DASHBOARD_SNAPSHOT_KEY);
  const parsed = snapshotSchema.safeParse(entry?.value);
  return parsed.success ? (parsed.data as DashboardSnapshot) : undefined;
}

const earlyReads = new WeakMap<DelegateDeskDb, Promise<DashboardSnapshot | undefined>>();

/**
 * Starts reading the snapshot as soon as the start knows this is the office's machine (session.ts), so that it is
 * answered before the dashboard's own large reads queue up in IndexedDB.
 */
export function readDashboardSnapshotEarly(db: DelegateDeskDb): void {
  if (!earlyReads.has(db)) earlyReads.set(db, loadDashboardSnapshot(db).catch(() => undefined));
}

/** The early read if one is pending (used once: a later visit reads the snapshot as it is then), else a fresh one. */
export function takeDashboardSnapshot(db: DelegateDeskDb): Promise<DashboardSnapshot | undefined> {
  const early = earlyReads.get(db);
  earlyReads.delete(db);
  return early ?? loadDashboardSnapshot(db);
}

/** One put, in a transaction of its own (meta is this machine's only: never synced, never in the change log). */
export async function saveDashboardSnapshot(db: DelegateDeskDb, snapshot: DashboardSnapshot): Promise<void> {
  await db.transaction('rw', db.meta, () => db.meta.put({ key: DASHBOARD_SNAPSHOT_KEY, value: snapshot }));
}
