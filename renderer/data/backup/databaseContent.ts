import type Dexie from 'dexie';
import { BLOB_TABLE } from '../../../shared/backup';
import type { BackupContent } from '../../../shared/backup';

/** Derived from proposals and rebuilt on restore, so a backup need not carry them. */
export const DERIVED_TABLES = new Set(['searchIndex', 'proposalSummary']);

/**
 * Every table of a database, read in one transaction so the backup is one consistent moment: a save landing
 * half-way through cannot leave a proposal in the backup without its change record. Works on any Dexie instance
 * over the app's database, including one opened without a schema (the snapshot taken before an upgrade).
 */
export async function readDatabaseContent(db: Dexie): Promise<BackupContent> {
  const tables = db.tables.filter((t) => !DERIVED_TABLES.has(t.name));
  return db.transaction('r', tables, async () => {
    const content: BackupContent = { tables: {}, blobs: [] };
    for (const table of tables) {
      const rows = (await table.toArray()) as Record<string, unknown>[];
      if (table.name === BLOB_TABLE) {
        content.tables[table.name] = rows.map(({ bytes: _bytes, ...described }) => described);
        for (const row of rows) content.blobs.push({ sha256: String(row.sha256), bytes: row.bytes as Uint8Array });
      } else {
        content.tables[table.name] = rows;
      }
    }
    return content;
  });
}
