import Dexie from 'dexie';
import type { DelegateDeskBridge } from '../../shared/bridge';
import { openDatabase } from '../data/db';
import { Repository } from '../data/repository';
import { META, readMeta } from '../sync/context';
import { packOutgoingBundle, publishOutbox } from '../sync/exporter';
import { actorOf, watchLongTasks } from './importBench';
import type { ExportBenchInput, ExportBenchResult, ExportRun } from './protocol';
import { seedDatabase } from './seedDatabase';

/**
 * One device exports its changes not yet sent (a year of them) with the real exporter — pack into a signed bundle
 * sealed to its readers, keep it in the outbox, write it to the folder — beside the least any export must do:
 * JSON.stringify the same change records and have the bridge write the text atomically.
 */
export async function runExportBench(input: ExportBenchInput, makeBridge: () => DelegateDeskBridge): Promise<ExportBenchResult> {
  const { seed } = input;
  const runs: ExportRun[] = [];
  let changes = 0;
  for (let run = 0; run < input.folders.length; run++) {
    const folder = input.folders[run]!;
    const baselineFolder = input.baselineFolders[run]!;
    const name = `bench-export-${input.label}-${run}`;
    await Dexie.delete(name);
    const db = openDatabase(name);
    await seedDatabase(db, seed);
    const bridge = makeBridge();
    const repo = new Repository(db, seed.profile.deviceId, actorOf(seed));
    const exportedSeq = await readMeta(db, META.exportedChangeSeq, 0);
    const records = (await db.changes.where('seq').above(exportedSeq).toArray()).filter((c) => c.deviceId === seed.profile.deviceId);
    changes = records.length;

    const watch = watchLongTasks();
    const started = performance.now();
    await packOutgoingBundle({ repo, db, bridge, profile: seed.profile, folder });
    await publishOutbox({ repo, db, bridge, profile: seed.profile, folder });
    const exportMs = performance.now() - started;
    const longTasks = await watch.stop();
    const bundleBytes = (await db.outbox.toArray()).reduce((sum, b) => sum + b.bytes.byteLength, 0);

    const baselineStarted = performance.now();
    const json = JSON.stringify(records);
    const stringifyMs = performance.now() - baselineStarted;
    const bytes = new TextEncoder().encode(json);
    await bridge.syncWriteBundle({ folder: baselineFolder, deviceId: seed.profile.deviceId, seq: 1, bytes });
    const stringifyWriteMs = performance.now() - baselineStarted;

    runs.push({ exportMs, bundleBytes, stringifyWriteMs, stringifyMs, jsonBytes: bytes.byteLength, longTasks });
    db.close();
    await Dexie.delete(name);
  }
  return { label: input.label, deviceId: seed.profile.deviceId, changes, runs };
}
