import Dexie from 'dexie';
import { ENTITY_NAMES } from '../../shared/domain';
import type { DelegateDeskBridge } from '../../shared/bridge';
import type { EntityName, EntityRecord, Proposal } from '../../shared/domain';
import { generateDemoCongress } from '../../shared/demo';
import { SETUP_ACTOR } from '../data/congressSetup';
import { DEFAULT_DB_NAME, openDatabase } from '../data/db';
import { getOrCreateDeviceId, saveDeviceProfile } from '../data/device';
import { Repository } from '../data/repository';
import { META } from '../sync/context';
import type { UiProfileInput, UiSeedInput, UiSeedResult } from './uiProtocol';

/**
 * The database `npm run bench:ui` opens the real app on: what 载入演示数据 stores (renderer/data/congressSetup.ts,
 * loadDemoCongress: the generator's records through Repository.createMany, change log, field clocks and search index
 * included), at any size, in the app's own database (`delegatedesk`) of this origin and profile. The demo button
 * writes one transaction, which a province decade (≈ 700,000 rows) cannot; here every `batch` rows are one.
 *
 * Then the state of a device in steady use: everything counts as exported already (a device that syncs has nothing
 * waiting; after the demo button every row would show 待同步), and today's daily snapshot counts as taken (it runs
 * 5 s after start and reads the whole database, which would land in the middle of the measurements).
 */

function progress(text: string): void {
  console.log(`[ui-seed] ${text}`);
}

export async function seedCongress(input: UiSeedInput, bridge: DelegateDeskBridge): Promise<UiSeedResult> {
  let started = performance.now();
  const dataset = generateDemoCongress({ seed: input.seed, now: new Date(input.now), size: input.size });
  const generateMs = performance.now() - started;
  const congress = dataset.congress?.[0];
  if (!congress) throw new Error('演示数据中没有党代会');
  const sample = dataset.delegate?.find((d) => d.id === dataset.meta.sampleDelegateId);
  if (!sample) throw new Error('演示数据中没有示例代表');

  await Dexie.delete(DEFAULT_DB_NAME);
  const db = openDatabase(DEFAULT_DB_NAME);
  await db.open();
  const deviceId = await getOrCreateDeviceId(db);
  const repo = new Repository(db, deviceId, SETUP_ACTOR);
  const counts: Record<string, number> = {};
  let records = 0;
  started = performance.now();
  // ENTITY_NAMES lists the roster first, then what refers to it (as loadDemoCongress stores them).
  for (const entity of ENTITY_NAMES) {
    const rows = (dataset[entity] ?? []) as EntityRecord<EntityName>[];
    for (let i = 0; i < rows.length; i += input.batch) {
      const chunk = rows.slice(i, i + input.batch);
      await repo.write((w) => w.createMany(entity, chunk, { action: 'loadDemo', actor: SETUP_ACTOR }));
    }
    counts[entity] = rows.length;
    records += rows.length;
    if (rows.length >= input.batch) progress(`${entity}: ${rows.length.toLocaleString('en-US')} rows, ${((performance.now() - started) / 1000).toFixed(0)} s so far`);
  }
  const lastSeq = (await db.changes.orderBy('seq').lastKey()) ?? 0;
  await db.transaction('rw', [db.pendingExport, db.meta], async () => {
    await db.pendingExport.clear();
    await db.meta.put({ key: META.exportedChangeSeq, value: lastSeq });
  });
  const storeMs = performance.now() - started;
  await saveDeviceProfile(db, {
    deviceId,
    role: 'office',
    actorId: dataset.officeStaff.id,
    actorName: dataset.officeStaff.name,
    congressId: congress.id,
    createdAt: new Date().toISOString(),
  });
  db.close();
  // Only its existence and time are read by the daily check (takeDailyBackupIfDue); never restored.
  await bridge.backupWriteLocal({ reason: 'daily', bytes: new TextEncoder().encode('bench:ui placeholder for today’s snapshot'), keep: 7 });

  const mine = (p: Proposal) => !p.deletedAt && (p.leadDelegateId === sample.id || (p.status !== 'draft' && p.invitedCosignerIds.includes(sample.id)));
  return {
    congressId: congress.id,
    office: { actorId: dataset.officeStaff.id, actorName: dataset.officeStaff.name },
    delegate: { actorId: sample.id, actorName: sample.name },
    counts,
    records,
    delegateProposals: (dataset.proposal ?? []).filter(mine).length,
    generateMs,
    storeMs,
  };
}

/** What completeOnboarding saves when the first-run screen's choice is made. */
export async function setDeviceProfile(input: UiProfileInput): Promise<void> {
  const db = openDatabase(DEFAULT_DB_NAME);
  await db.open();
  try {
    const deviceId = await getOrCreateDeviceId(db);
    await saveDeviceProfile(db, { ...input, deviceId, createdAt: new Date().toISOString() });
  } finally {
    db.close();
  }
}
