import type { DelegateDeskBridge } from '../../shared/bridge';
import type { DeviceProfile } from '../../shared/domain';
import type { DelegateDeskDb } from '../data/db';
import type { Repository } from '../data/repository';

/** What one sync run works with. */
export interface SyncContext {
  repo: Repository;
  db: DelegateDeskDb;
  bridge: DelegateDeskBridge;
  profile: DeviceProfile;
  /** Absolute path of the sync folder or USB stick */
  folder: string;
  onProgress?: (done: number, total: number) => void;
}

export const META = {
  /** Highest local change seq already put into a bundle */
  exportedChangeSeq: 'sync.exportedChangeSeq',
  /** Folder → highest own bundle seq known to be in it */
  publishedTo: (folder: string) => `sync.publishedTo:${folder}`,
  /** The sync folder chosen in settings */
  folder: 'sync.folder',
  lastSyncAt: 'sync.lastSyncAt',
} as const;

export async function readMeta<T>(db: DelegateDeskDb, key: string, fallback: T): Promise<T> {
  const entry = await db.meta.get(key);
  return entry === undefined ? fallback : (entry.value as T);
}
