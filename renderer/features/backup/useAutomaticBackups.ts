import { useEffect } from 'react';
import type { DeviceProfile } from '../../../shared/domain';
import { getBridge } from '../../bridge/client';
import type { DelegateDeskDb } from '../../data/db';
import { takeDailyBackupIfDue } from '../../data/backup/automaticBackups';
import { backupContext } from './backupContext';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * The daily snapshot: checked when the app is ready and every hour after, so a laptop left open for days still
 * gets one a day. A shell without a data folder (the browser build) simply has none; other failures are logged,
 * never shown as errors in the middle of someone's work.
 */
export function useAutomaticBackups(db: DelegateDeskDb, profile: DeviceProfile): void {
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      if (stopped) return;
      try {
        const bridge = getBridge();
        await takeDailyBackupIfDue(await backupContext(db, bridge, profile));
      } catch (error) {
        if ((error as { code?: string }).code !== 'unsupported') console.warn('[backup] daily snapshot failed', error);
      }
    };
    // After the first screen has painted: a backup reads the whole database
    const first = setTimeout(() => void check(), 5_000);
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    return () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [db, profile]);
}
