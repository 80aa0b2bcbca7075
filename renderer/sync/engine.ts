import type { SyncProblem } from '../../shared/sync/types';
import { ensureOfficeBinding } from './identity';
import { importFromFolder } from './importer';
import { packOutgoingBundle, publishOutbox } from './exporter';
import { META, type SyncContext } from './context';
import { applyPendingRatings } from '../data/handlingCommands';

export interface SyncRunResult {
  reachable: boolean;
  applied: number;
  written: number;
  enrolments: number;
  /** Delegates' ratings the office turned into 办结 or 重新办理 after this import */
  ratingsApplied: number;
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
  const result: SyncRunResult = { reachable: true, applied: 0, written: 0, enrolments: 0, ratingsApplied: 0, problems: [], at };
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
  // A delegate's machine writes only the rating; the office applies its outcome (办结 / 重新办理), and its export
  // below carries that back to the delegate in the same sync.
  if (profile.role === 'office' && result.applied > 0) {
    try {
      result.ratingsApplied = (await applyPendingRatings(ctx.repo, { role: 'office', actorId: profile.actorId })).applied.length;
    } catch (error) {
      // The sync itself succeeded; the 督办 board still lists the ratings waiting, with a button to apply them.
      console.error('applying pending ratings after sync failed', error);
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
