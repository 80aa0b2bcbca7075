import type { ScannedBundle } from '../../shared/bridge';
import type { SyncProblem } from '../../shared/sync/types';
import type { SyncContext } from './context';
import { applyBatch, type DeviceRun, type Refusal } from './importApply';
import { prepareImport, type PreparedBundle } from './importPrepare';
import { yieldToEventLoop } from './timeSlice';

export interface ImportOutcome {
  applied: number;
  problems: SyncProblem[];
  enrolments: number;
}

/**
 * Changes per IndexedDB transaction. One transaction per bundle costs far more than the writes themselves; one
 * for a whole first sync would hold every row in memory and show no progress. And a batch's puts are serialised on
 * the window's thread in one go: at 4,000 changes that was a task of ~0.9 s during a county's first sync, at 1,000
 * one of ~0.2 s, for the same import time (bench:sync county-1y; 400 gave 0.15 s and more transactions).
 */
const CHANGES_PER_BATCH = 1_000;
/** Passes over the devices still waiting; each must apply something for another to run */
const MAX_PASSES = 10;

/** The next batch: the active devices' queued bundles in order, whole bundles, up to CHANGES_PER_BATCH changes. */
function nextBatch(queues: Map<string, PreparedBundle[]>, active: ReadonlySet<string>): DeviceRun[] {
  const runs: DeviceRun[] = [];
  let size = 0;
  for (const deviceId of active) {
    const queue = queues.get(deviceId) ?? [];
    const run: DeviceRun = { deviceId, bundles: [] };
    for (const bundle of queue) {
      if (size > 0 && size + bundle.changes.length > CHANGES_PER_BATCH) break;
      run.bundles.push(bundle);
      size += bundle.changes.length;
    }
    if (run.bundles.length) runs.push(run);
    if (run.bundles.length < queue.length) break;
  }
  return runs;
}

/**
 * Reads what is new in the folder from every other device and applies it, device by device in chain order.
 * A refused file stops only its own device's chain; a refusal that may just be waiting for another device's
 * records (an invitation not read yet) is retried while other devices still make progress.
 */
export async function importFromFolder(ctx: SyncContext, bundles: ScannedBundle[]): Promise<ImportOutcome> {
  const total = bundles.filter((b) => b.deviceId !== ctx.profile.deviceId).length;
  const preparation = await prepareImport(ctx, bundles);
  const outcome: ImportOutcome = { applied: 0, problems: [], enrolments: preparation.enrolments };
  const queues = new Map(preparation.devices.map((d) => [d.deviceId, [...d.bundles]]));
  const finalProblems = new Map(preparation.devices.filter((d) => d.problem).map((d) => [d.deviceId, d.problem!]));

  let devices = preparation.devices.map((d) => d.deviceId);
  let waiting = new Map<string, Refusal>();
  for (let pass = 0; pass < MAX_PASSES && devices.length; pass++) {
    const appliedBefore = outcome.applied;
    const stillWaiting = new Map<string, Refusal>();
    const active = new Set(devices.filter((id) => queues.get(id)?.length));
    while (active.size) {
      const batch = nextBatch(queues, active);
      if (batch.length === 0) break;
      for (const result of await applyBatch(ctx, batch)) {
        const queue = queues.get(result.deviceId)!;
        queue.splice(0, result.applied);
        outcome.applied += result.applied;
        if (result.refusal) {
          // The rest of this device's chain cannot go before the refused bundle: it waits, or stops here.
          active.delete(result.deviceId);
          if (result.refusal.retryable) stillWaiting.set(result.deviceId, result.refusal);
          else {
            finalProblems.set(result.deviceId, result.refusal.problem);
            queue.length = 0;
          }
        } else if (queue.length === 0) active.delete(result.deviceId);
      }
      ctx.onProgress?.(outcome.applied, total);
      // Between transactions: the window paints the progress and answers input before the next batch
      await yieldToEventLoop();
    }
    waiting = stillWaiting;
    if (waiting.size === 0 || outcome.applied === appliedBefore) break;
    devices = [...waiting.keys()];
  }
  outcome.problems.push(...[...waiting.values()].map((r) => r.problem));
  outcome.problems.push(...[...finalProblems].filter(([deviceId]) => !waiting.has(deviceId)).map(([, problem]) => problem));
  ctx.onProgress?.(total, total);
  return outcome;
}
