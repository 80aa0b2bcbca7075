import Dexie from 'dexie';
import { BackupRefusal, BLOB_TABLE, openBackupFile } from '../../../shared/backup';
import type { BackupHeader, OpenedBackup } from '../../../shared/backup';
import { entitySchemas } from '../../../shared/domain';
import type { EntityName } from '../../../shared/domain';
import { newId } from '../../../shared/domain/ids';
import { openDatabase } from '../db';
import type { DelegateDeskDb } from '../db';
import { CURRENT_SCHEMA_VERSION } from '../schema';
import { readDatabaseContent } from './databaseContent';

/** A backup checked in full and brought to the current schema, ready to replace the database. */
export interface PreparedRestore {
  header: BackupHeader;
  tables: Record<string, Record<string, unknown>[]>;
  blobs: Map<string, Uint8Array>;
  /** Rows per table, for the confirmation */
  counts: Record<string, number>;
}

/**
 * Everything a restore checks before it may touch the database — the file's integrity, its version, whose data it
 * is, and every row against the current schemas — done on a copy, so a refusal leaves the current data as it was.
 * Throws BackupRefusal.
 */
export async function prepareRestore(db: DelegateDeskDb, file: Uint8Array, current: { deviceId: string; congressId?: string }): Promise<PreparedRestore> {
  const opened = await openBackupFile(file);
  const { header } = opened;
  if (header.schemaVersion > CURRENT_SCHEMA_VERSION) throw new BackupRefusal('newerSchema', `schema ${header.schemaVersion} > ${CURRENT_SCHEMA_VERSION}`);
  // The device keys that sign this installation's bundles never leave it: another machine's data restored here
  // would publish under an identity whose keys this machine does not have
  if (header.deviceId !== current.deviceId) throw new BackupRefusal('otherDevice', `${header.deviceId} ≠ ${current.deviceId}`);
  if (current.congressId && header.congressId && header.congressId !== current.congressId) throw new BackupRefusal('otherCongress', `${header.congressId} ≠ ${current.congressId}`);

  const upgraded = header.schemaVersion < CURRENT_SCHEMA_VERSION ? await upgradeThroughMigrations(opened) : opened;
  const tables = checkRows(db, upgraded);
  for (const row of tables[BLOB_TABLE] ?? []) {
    if (!upgraded.blobs.has(String(row.sha256))) throw new BackupRefusal('damaged', `attachment ${String(row.sha256)} is missing`);
  }
  const counts = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));
  return { header, tables, blobs: upgraded.blobs, counts };
}

/**
 * A backup written by an older schema goes through the same upgrade functions as a database would: its rows are
 * written into a temporary database at their version, that database is opened at the current version, and read
 * back. The temporary database is removed whatever happens.
 */
async function upgradeThroughMigrations(opened: OpenedBackup): Promise<OpenedBackup> {
  const name = `delegatedesk-restore-${newId()}`;
  try {
    const old = openDatabase(name, opened.header.schemaVersion);
    await old.open();
    try {
      await old.transaction('rw', old.tables, async () => {
        for (const [table, rows] of Object.entries(opened.tables)) {
          if (!old.tables.some((t) => t.name === table)) throw new BackupRefusal('invalidRows', `table ${table} is not in schema ${opened.header.schemaVersion}`);
          await old.table(table).bulkAdd(table === BLOB_TABLE ? withBytes(rows, opened.blobs) : rows);
        }
      });
    } finally {
      old.close();
    }
    const current = openDatabase(name);
    await current.open();
    try {
      const content = await readDatabaseContent(current);
      return { header: opened.header, tables: content.tables, blobs: new Map(content.blobs.map((b) => [b.sha256, b.bytes])) };
    } finally {
      current.close();
    }
  } catch (error) {
    if (error instanceof BackupRefusal) throw error;
    throw new BackupRefusal('invalidRows', `upgrade from schema ${opened.header.schemaVersion}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await Dexie.delete(name).catch(() => undefined);
  }
}

export function withBytes(rows: readonly unknown[], blobs: ReadonlyMap<string, Uint8Array>): Record<string, unknown>[] {
  return rows.map((row) => {
    const described = row as Record<string, unknown>;
    return { ...described, bytes: blobs.get(String(described.sha256)) };
  });
}

/**
 * Every table must be one this database has, every row a plain object with its primary key, and every record row
 * valid against its zod schema — the same check a write through the repository makes.
 */
function checkRows(db: DelegateDeskDb, opened: OpenedBackup): Record<string, Record<string, unknown>[]> {
  const checked: Record<string, Record<string, unknown>[]> = {};
  for (const [tableName, rows] of Object.entries(opened.tables)) {
    const table = db.tables.find((t) => t.name === tableName);
    if (!table) throw new BackupRefusal('invalidRows', `unknown table ${tableName}`);
    const keyPath = table.schema.primKey.keyPath;
    const schema = Object.hasOwn(entitySchemas, tableName) ? entitySchemas[tableName as EntityName] : undefined;
    checked[tableName] = rows.map((row, index) => {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new BackupRefusal('invalidRows', `${tableName}[${index}] is not a record`);
      const record = row as Record<string, unknown>;
      const key = typeof keyPath === 'string' ? record[keyPath] : undefined;
      if (typeof key !== 'string' && typeof key !== 'number') throw new BackupRefusal('invalidRows', `${tableName}[${index}] has no ${String(keyPath)}`);
      if (schema) {
        const result = schema.safeParse(record);
        if (!result.success) throw new BackupRefusal('invalidRows', `${tableName} ${String(key)}: ${result.error.issues[0]?.path.join('.')} ${result.error.issues[0]?.message}`);
      }
      return record;
    });
  }
  return checked;
}
