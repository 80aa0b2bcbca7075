import type { SyncProblem } from '../../shared/sync/types';
import { ensureOfficeBinding } from './identity';
import { importFromFolder } from './importer';
import { packOutgoingBundle, publishOutbox } from './exporter';
import { META, type SyncContext } from './context';

export interface SyncRunResult {
  reachable: boolean;
  applied: number;
  written: number;
  enrolments: number;
  problems: SyncProblem[];
  at: string;
}

export type SyncMode = 'both' | 'exportOnly' | 'importOnly';

/** Far beyond any real seq: tells the scan to skip this device's own bundles. */
const SKIP_ALL = 9_999_999_999;

/**
 * One sync with a folder (the server share, or a USB stick): read what is new from every other device and apply
 * it, then pack this device's own changes into a bundle and make sure the folder has its whole chain.
 * A folder that is missing or unreadable touches nothing local.
 */
export async function runSync(ctx: SyncContext, mode: SyncMode = 'both'): Promise<SyncRunResult> {
  const { db, bridge, profile, folder } = ctx;
  const at = new Date().toISOString();
  const result: SyncRunResult = { reachable: true, applied: 0, written: 0, enrolments: 0, problems: [], at };
  if (profile.role === 'office') await ensureOfficeBinding(ctx.repo, bridge, profile);

  const cursors = await db.syncCursors.toArray();
  const known: Record<string, number> = Object.fromEntries(cursors.map((c) => [c.deviceId, c.seq]));
  known[profile.deviceId] = SKIP_ALL;
  let scan = await bridge.syncScan({ folder, known });
  if (!scan.reachable) return { ...result, reachable: false };

  const marker = scan.marker ?? (await bridge.syncWriteMarker({ folder, congressId: profile.congressId }));
  if (marker.congressId !== profile.congressId) {
    result.problems.push({ code: 'wrongCongress', file: 'delegatedesk-sync.json', detail: marker.congressId });
    await recordProblems(ctx, result.problems);
    return result;
  }
  result.problems.push(...scan.problems.map((p) => ({ code: p.code, file: p.file, detail: p.detail })));

  if (mode !== 'exportOnly') {
    for (;;) {
      const outcome = await importFromFolder(ctx, scan.bundles);
      result.applied += outcome.applied;
      result.enrolments += outcome.enrolments;
      result.problems.push(...outcome.problems);
      if (!scan.truncated || outcome.applied === 0) break;
      const next = await db.syncCursors.toArray();
      scan = await bridge.syncScan({ folder, known: { ...Object.fromEntries(next.map((c) => [c.deviceId, c.seq])), [profile.deviceId]: SKIP_ALL } });
    }
  }
  if (mode !== 'importOnly') {
    await packOutgoingBundle(ctx);
    result.written = await publishOutbox(ctx);
  }
  await recordProblems(ctx, result.problems);
  await db.meta.put({ key: META.lastSyncAt, value: at });
  return result;
}

/** The "同步问题" list shows the problems of the latest run. */
async function recordProblems(ctx: SyncContext, problems: SyncProblem[]): Promise<void> {
  const at = new Date().toISOString();
  await ctx.db.transaction('rw', ctx.db.syncProblems, async () => {
    await ctx.db.syncProblems.clear();
    await ctx.db.syncProblems.bulkAdd(problems.map((p) => ({ code: p.code, file: p.file, ...(p.deviceId ? { deviceId: p.deviceId } : {}), detail: p.detail, at })));
  });
}
