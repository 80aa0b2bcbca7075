import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import { LOCAL_BACKUP_NAME_PATTERN } from '../../shared/bridge';
import type { LocalBackupInfo } from '../../shared/bridge';
import type { BackupReason } from '../../shared/backup/format';
import { errorCodeOf } from '../storage/fsErrors';
import { writeFileOnce } from '../storage/writeOnce';

/**
 * The automatic snapshots (自动备份) in `<data folder>/backups`: written once under a name that sorts by time, never
 * overwritten, the oldest of a reason removed beyond the number the user keeps. Only names matching
 * LOCAL_BACKUP_NAME_PATTERN are listed, read or removed, so nothing else in the folder is ever touched.
 */
export interface LocalBackupStore {
  write(request: { reason: BackupReason; bytes: Uint8Array; keep: number }): Promise<LocalBackupInfo>;
  list(): Promise<LocalBackupInfo[]>;
  read(name: string): Promise<Uint8Array>;
}

export function createLocalBackupStore(dir: string, now: () => Date = () => new Date()): LocalBackupStore {
  return {
    async write({ reason, bytes, keep }) {
      await fsPromises.mkdir(dir, { recursive: true });
      const stamp = timestamp(now());
      // Two snapshots within a second (a restore right after a migration) get -2, -3 …
      for (let attempt = 1; attempt <= 999; attempt++) {
        const name = `${stamp}${attempt === 1 ? '' : `-${attempt}`}-${reason}.ddbackup`;
        if ((await writeFileOnce(path.join(dir, name), bytes, { mode: 0o600 })) === 'exists') continue;
        await prune(dir, reason, keep, name);
        return { name, reason, createdAt: now().toISOString(), size: bytes.byteLength };
      }
      throw new Error('no free backup name');
    },

    async list() {
      let names: string[];
      try {
        names = await fsPromises.readdir(dir);
      } catch (error) {
        if (errorCodeOf(error) === 'ENOENT') return [];
        throw error;
      }
      const infos: LocalBackupInfo[] = [];
      for (const name of names) {
        const match = LOCAL_BACKUP_NAME_PATTERN.exec(name);
        if (!match) continue;
        const info = await fsPromises.lstat(path.join(dir, name)).catch(() => null);
        // Only plain files: a link planted here is not one of our snapshots
        if (!info?.isFile()) continue;
        infos.push({ name, reason: match[4] as BackupReason, createdAt: info.mtime.toISOString(), size: info.size });
      }
      return infos.sort((a, b) => newestFirst(a.name, b.name));
    },

    async read(name) {
      if (!LOCAL_BACKUP_NAME_PATTERN.test(name)) throw new Error('not a backup name');
      const file = path.join(dir, name);
      const info = await fsPromises.lstat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      return fsPromises.readFile(file);
    },
  };
}

async function prune(dir: string, reason: BackupReason, keep: number, justWritten: string): Promise<void> {
  const names = (await fsPromises.readdir(dir))
    .filter((name) => LOCAL_BACKUP_NAME_PATTERN.exec(name)?.[4] === reason)
    .sort(newestFirst);
  for (const name of names.slice(keep)) {
    if (name === justWritten) continue;
    await fsPromises.rm(path.join(dir, name), { force: true });
  }
}

/** By the time in the name, then by the -2, -3 … of snapshots taken within the same second. */
function newestFirst(a: string, b: string): number {
  const key = (name: string) => {
    const match = LOCAL_BACKUP_NAME_PATTERN.exec(name);
    return match ? `${match[1]}${match[2]}${(match[3] ?? '1').padStart(3, '0')}` : '';
  };
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? 1 : ka > kb ? -1 : 0;
}

/** Local time, as the user reads it in the folder: 20261123-193000 */
function timestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}
