import type { DelegateDeskBridge } from '../../../shared/bridge';
import type { DeviceProfile } from '../../../shared/domain';
import type { DelegateDeskDb } from '../../data/db';
import type { AutomaticBackupContext } from '../../data/backup/automaticBackups';

/** What every backup needs to name its source; the app version comes from the shell. */
export async function backupContext(db: DelegateDeskDb, bridge: DelegateDeskBridge, profile: DeviceProfile): Promise<AutomaticBackupContext> {
  const appVersion = await bridge.appInfo().then(
    (info) => info.version,
    () => 'unknown',
  );
  return { db, bridge, deviceId: profile.deviceId, profile, appVersion };
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const formatTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
