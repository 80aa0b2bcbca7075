import type { EntityName } from '../../shared/domain';
import { ENTITY_NAMES } from '../../shared/domain';
import { mergeChange } from '../../shared/sync/merge';
import type { StoredRowState } from '../../shared/sync/types';
import type { DelegateDeskDb, PendingExport, StoredChange } from '../data/db';
import { saveDeviceProfile } from '../data/device';
import { proposalSearchTerms } from '../data/searchIndex';
import { META } from '../sync/context';
import type { SeedInput } from './protocol';

/** The rows a seed put into each entity table, by id, so the benchmark can tell them from what the import adds. */
export type SeededIds = Partial<Record<EntityName, Set<string>>>;

/**
 * Puts a machine's state into a fresh database as the app would hold it after making (or receiving) `seed.changes`:
 * rows and per-field clocks merged by the sync rules, the change log, the search index, the device profile and
 * clock, and which changes are exported already. Direct bulk writes, because the seed is set-up, not measured.
 */
export async function seedDatabase(db: DelegateDeskDb, seed: SeedInput): Promise<SeededIds> {
  const states = new Map<string, { entity: EntityName; id: string; state: StoredRowState }>();
  let ownClock = '';
  for (const change of seed.changes) {
    const key = `${change.entity}/${change.entityId}`;
    const previous = states.get(key)?.state ?? { row: undefined, clocks: {} };
    const merged = mergeChange(previous, change);
    states.set(key, { entity: change.entity, id: change.entityId, state: { row: merged.row, clocks: merged.clocks } });
    if (change.deviceId === seed.profile.deviceId && change.hlc > ownClock) ownClock = change.hlc;
  }
  const byTable = new Map<EntityName, Record<string, unknown>[]>();
  for (const { entity, state } of states.values()) {
    const rows = byTable.get(entity) ?? [];
    rows.push(state.row!);
    byTable.set(entity, rows);
  }
  const log: StoredChange[] = seed.changes.map(({ fieldHlcs: _clocks, ...change }) => change);
  const pending = new Map<string, PendingExport>();
  for (const change of seed.changes.slice(seed.exportedCount)) {
    if (change.deviceId !== seed.profile.deviceId) continue;
    const key = `${change.entity}/${change.entityId}`;
    pending.set(key, { key, entity: change.entity, entityId: change.entityId, hlc: change.hlc });
  }

  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [entity, rows] of byTable) await db.table(entity).bulkPut(rows);
    await db.fieldClocks.bulkPut([...states.entries()].map(([key, { state }]) => ({ key, clocks: state.clocks })));
    const seqs = (await db.changes.bulkAdd(log, { allKeys: true })) as number[];
    const proposals = (byTable.get('proposal') ?? []) as { id: string; title: string; background: string; recommendations: string; deletedAt?: string }[];
    await db.searchIndex.bulkPut(proposals.filter((p) => !p.deletedAt).map((p) => ({ proposalId: p.id, terms: proposalSearchTerms(p) })));
    await db.pendingExport.bulkPut([...pending.values()]);
    await db.meta.bulkPut([
      { key: 'deviceId', value: seed.profile.deviceId },
      { key: META.exportedChangeSeq, value: seed.exportedCount > 0 ? (seqs[seed.exportedCount - 1] ?? 0) : 0 },
      ...(ownClock ? [{ key: 'hlc', value: ownClock }] : []),
    ]);
    await saveDeviceProfile(db, seed.profile);
  });
  const seeded: SeededIds = {};
  for (const entity of ENTITY_NAMES) {
    const rows = byTable.get(entity);
    if (rows) seeded[entity] = new Set(rows.map((r) => String(r.id)));
  }
  return seeded;
}
