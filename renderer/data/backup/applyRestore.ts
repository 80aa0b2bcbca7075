import { BLOB_TABLE } from '../../../shared/backup';
import { compareHlc } from '../../../shared/domain/hlc';
import type { DelegateDeskDb, MetaEntry, OutboxBundle } from '../db';
import { summaryWrites } from '../proposalSummary';
import { proposalSearchTerms } from '../searchIndex';
import type { PreparedRestore } from './prepareRestore';
import { withBytes } from './prepareRestore';

/** Where the last restore is remembered (device-local, never synchronised) */
export const LAST_RESTORE_META_KEY = 'backup.lastRestore';

/**
 * Values that describe this device's relation to the world outside the database — they stay as they are now,
 * whatever the backup says: which folders already hold which of its bundles, its sync folder, its backup settings.
 */
function keepsCurrentValue(key: string): boolean {
  return key === 'sync.folder' || key === 'sync.lastSyncAt' || key.startsWith('sync.publishedTo:') || key.startsWith('backup.');
}

export interface RestoreOutcome {
  /** Bundles this device had already written after the backup was taken: other machines have their changes, this one no longer does */
  laterOwnBundles: number;
}

/**
 * Replaces the whole database with a prepared backup, in one transaction: all of it or, if anything fails, none.
 *
 * What the device has already published stays true: its bundle chain (outbox) keeps every bundle written after the
 * backup, so the next bundle continues the chain instead of forking it (others would refuse a second bundle with the
 * same number), and the clock never goes back (a later write must still win over everything written before).
 * Other devices' read cursors come from the backup, so the next sync reads their bundles again since then — what
 * they sent after the backup comes back.
 */
export async function applyRestore(db: DelegateDeskDb, prepared: PreparedRestore, source: { name: string }, now: Date = new Date()): Promise<RestoreOutcome> {
  return db.transaction('rw', db.tables, async () => {
    const currentMeta = await db.meta.toArray();
    const currentOutbox = await db.outbox.toArray();

    for (const table of db.tables) await table.clear();
    for (const [tableName, rows] of Object.entries(prepared.tables)) {
      await db.table(tableName).bulkAdd(tableName === BLOB_TABLE ? withBytes(rows, prepared.blobs) : rows);
    }

    const restoredOutbox = (prepared.tables.outbox ?? []) as unknown as OutboxBundle[];
    const lastRestoredSeq = restoredOutbox.reduce((max, b) => Math.max(max, b.seq), 0);
    const laterOwn = currentOutbox.filter((b) => b.seq > lastRestoredSeq);
    if (laterOwn.length) await db.outbox.bulkPut(laterOwn);

    const restoredMeta = new Map(((prepared.tables.meta ?? []) as unknown as MetaEntry[]).map((m) => [m.key, m]));
    for (const entry of currentMeta) {
      if (keepsCurrentValue(entry.key)) restoredMeta.set(entry.key, entry);
      if (entry.key === 'hlc') {
        const restored = restoredMeta.get('hlc');
        if (!restored || compareHlc(String(entry.value), String(restored.value)) > 0) restoredMeta.set('hlc', entry);
      }
    }
    restoredMeta.set(LAST_RESTORE_META_KEY, { key: LAST_RESTORE_META_KEY, value: { at: now.toISOString(), source: source.name, backupCreatedAt: prepared.header.createdAt, laterOwnBundles: laterOwn.length } });
    await db.meta.clear();
    await db.meta.bulkPut([...restoredMeta.values()]);

    const proposals = await db.proposal.toArray();
    await db.searchIndex.bulkPut(proposals.map((p) => ({ proposalId: p.id, terms: proposalSearchTerms(p) })));
    await db.proposalSummary.bulkPut(summaryWrites(proposals).puts);
    return { laterOwnBundles: laterOwn.length };
  });
}
