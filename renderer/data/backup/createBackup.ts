import type Dexie from 'dexie';
import { buildBackupFile } from '../../../shared/backup';
import type { BackupReason } from '../../../shared/backup';
import type { DeviceProfile } from '../../../shared/domain';
import { readDatabaseContent } from './databaseContent';

export interface BackupIdentity {
  deviceId: string;
  appVersion: string;
  profile?: DeviceProfile;
  congressName?: string;
}

/** A full backup file of `db` as it is now. */
export async function createBackup(db: Dexie, reason: BackupReason, identity: BackupIdentity, now: Date = new Date()): Promise<Uint8Array> {
  const content = await readDatabaseContent(db);
  const congressRow = (content.tables.congress as { id?: string; name?: string }[] | undefined)?.[0];
  return buildBackupFile(
    {
      createdAt: now.toISOString(),
      reason,
      appVersion: identity.appVersion,
      schemaVersion: db.verno,
      deviceId: identity.deviceId,
      congressId: identity.profile?.congressId ?? congressRow?.id ?? null,
      congressName: identity.congressName ?? congressRow?.name ?? null,
      role: identity.profile?.role ?? null,
      actorName: identity.profile?.actorName ?? null,
    },
    content,
  );
}

/** `党代表履职工作台备份-20261123-1930.ddbackup` */
export function backupFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `党代表履职工作台备份-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.ddbackup`;
}
