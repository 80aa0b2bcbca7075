import Dexie from 'dexie';
import type { DelegateDeskBridge, LocalBackupInfo } from '../../../shared/bridge';
import type { DeviceProfile } from '../../../shared/domain';
import type { DelegateDeskDb } from '../db';
import { CURRENT_SCHEMA_VERSION } from '../schema';
import { createBackup } from './createBackup';

/** How many snapshots of each kind stay in the data folder (设置：保留份数) — device-local, in meta */
export const BACKUP_KEEP_META_KEY = 'backup.keep';
export const DEFAULT_BACKUP_KEEP = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function backupKeep(db: DelegateDeskDb): Promise<number> {
  const value = (await db.meta.get(BACKUP_KEEP_META_KEY))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : DEFAULT_BACKUP_KEEP;
}

export async function setBackupKeep(db: DelegateDeskDb, keep: number): Promise<void> {
  if (!Number.isInteger(keep) || keep < 1 || keep > 365) throw new RangeError('keep must be 1–365');
  await db.transaction('rw', db.meta, () => db.meta.put({ key: BACKUP_KEEP_META_KEY, value: keep }));
}

export interface AutomaticBackupContext {
  db: DelegateDeskDb;
  bridge: DelegateDeskBridge;
  deviceId: string;
  profile?: DeviceProfile;
  appVersion: string;
}

/**
 * The daily snapshot (每日自动备份): taken when the newest one is a day old or there is none. Returns the snapshot
 * written, or null when one from the last 24 hours exists.
 */
export async function takeDailyBackupIfDue(ctx: AutomaticBackupContext, now: Date = new Date()): Promise<LocalBackupInfo | null> {
  const existing = await ctx.bridge.backupListLocal({});
  const lastDaily = existing.find((b) => b.reason === 'daily');
  if (lastDaily && now.getTime() - Date.parse(lastDaily.createdAt) < DAY_MS) return null;
  const bytes = await createBackup(ctx.db, 'daily', ctx, now);
  return ctx.bridge.backupWriteLocal({ reason: 'daily', bytes, keep: await backupKeep(ctx.db) });
}

/** The snapshot of the database as it is, kept before a restore replaces it (恢复前自动备份). */
export async function takeBackupBeforeRestore(ctx: AutomaticBackupContext, now: Date = new Date()): Promise<LocalBackupInfo> {
  const bytes = await createBackup(ctx.db, 'beforeRestore', ctx, now);
  return ctx.bridge.backupWriteLocal({ reason: 'beforeRestore', bytes, keep: await backupKeep(ctx.db) });
}

/**
 * Before the app opens its database at a newer schema version, the database as the older version left it is saved
 * (升级前自动备份): an upgrade that goes wrong can then be undone by restoring it. Opens the database without a
 * schema (Dexie's dynamic mode) so nothing is upgraded yet. Returns the snapshot, or null when there was nothing to
 * upgrade. Never throws: an upgrade must not be blocked by a snapshot that could not be written; the failure is
 * returned for the caller to report.
 */
export async function snapshotBeforeMigration(
  dbName: string,
  bridge: DelegateDeskBridge,
  appVersion?: string,
  /** Called once an upgrade is found due, before the snapshot is read (a large database takes minutes) */
  onUpgradeDue?: () => void,
): Promise<{ written: LocalBackupInfo | null; error?: unknown }> {
  try {
    if (await alreadyCurrent(dbName)) return { written: null };
    if (!(await Dexie.exists(dbName))) return { written: null };
    const probe = new Dexie(dbName);
    await probe.open();
    try {
      if (probe.verno >= CURRENT_SCHEMA_VERSION) return { written: null };
      onUpgradeDue?.();
      const deviceId = probe.tables.some((t) => t.name === 'meta') ? (await probe.table('meta').get('deviceId'))?.value : undefined;
      const version = appVersion ?? (await bridge.appInfo().then((info) => info.version, () => 'unknown'));
      const bytes = await createBackup(probe, 'beforeMigration', { deviceId: typeof deviceId === 'string' ? deviceId : '', appVersion: version });
      const keepEntry = probe.tables.some((t) => t.name === 'meta') ? (await probe.table('meta').get(BACKUP_KEEP_META_KEY))?.value : undefined;
      const keep = typeof keepEntry === 'number' ? keepEntry : DEFAULT_BACKUP_KEEP;
      return { written: await bridge.backupWriteLocal({ reason: 'beforeMigration', bytes, keep }) };
    } finally {
      probe.close();
    }
  } catch (error) {
    return { written: null, error };
  }
}

/**
 * Whether the database is known to be at the current schema without opening it: IndexedDB lists each database's
 * version (Dexie stores ten times its own). Opening only to look cost a second open of the database on every start,
 * and a province decade's database takes seconds to open. False when unsure; the caller then opens it to check.
 */
async function alreadyCurrent(dbName: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false;
  const listed = (await indexedDB.databases()).find((d) => d.name === dbName);
  return listed?.version !== undefined && listed.version >= CURRENT_SCHEMA_VERSION * 10;
}
