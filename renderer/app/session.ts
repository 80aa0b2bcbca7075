import { create } from 'zustand';
import type { Actor, DeviceProfile, Language } from '../../shared/domain';
import { getBridge } from '../bridge/client';
import { snapshotBeforeMigration } from '../data/backup/automaticBackups';
import { readDashboardSnapshotEarly } from '../data/dashboardSnapshot';
import { openDatabase, DEFAULT_DB_NAME, type DelegateDeskDb } from '../data/db';
import { getOrCreateDeviceId, loadDeviceProfile, saveDeviceProfile } from '../data/device';
import { Repository } from '../data/repository';
import { initI18n, initialLanguage, LANGUAGE_STORAGE_KEY } from '../i18n';
import { markStartup } from './startupMarks';

export function actorOf(profile: DeviceProfile): Actor {
  return { kind: profile.role === 'office' ? 'staff' : 'delegate', id: profile.actorId, name: profile.actorName };
}

const SETUP_ACTOR: Actor = { kind: 'system', id: 'setup', name: '初始化' };

/** What a long 'loading' phase is doing: an upgrade of a province database takes minutes, and says so. */
export type BootStep = 'opening' | 'snapshotBeforeUpgrade' | 'upgrading';

interface SessionState {
  phase: 'loading' | 'onboarding' | 'ready' | 'error';
  bootStep: BootStep;
  error?: string;
  db?: DelegateDeskDb;
  repo?: Repository;
  deviceId?: string;
  profile?: DeviceProfile;
  language: Language;
  /** Opens the local database and finds out who uses this installation. */
  boot(dbName?: string): Promise<void>;
  /** Called by onboarding once the congress data is stored: remembers who this device acts for. */
  completeOnboarding(profile: Omit<DeviceProfile, 'deviceId' | 'createdAt'>): Promise<void>;
  setLanguage(language: Language): void;
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'loading',
  bootStep: 'opening',
  language: initialLanguage(),

  async boot(dbName = DEFAULT_DB_NAME) {
    try {
      // An upgrade to a newer schema is preceded by a snapshot of the data as the old version left it
      let upgradeDue = false;
      const snapshot = await snapshotBeforeMigration(dbName, getBridge(), undefined, () => {
        upgradeDue = true;
        set({ bootStep: 'snapshotBeforeUpgrade' });
      });
      if (snapshot.error) console.warn('[backup] no snapshot before the upgrade', snapshot.error);
      if (upgradeDue) set({ bootStep: 'upgrading' });
      markStartup('upgradeChecked');
      const db = openDatabase(dbName);
      await db.open();
      markStartup('databaseOpen');
      const deviceId = await getOrCreateDeviceId(db);
      const profile = await loadDeviceProfile(db);
      markStartup('profileLoaded');
      // The office opens on its dashboard: its figures from the last start are read now, ahead of the page's reads.
      if (profile?.role === 'office') readDashboardSnapshotEarly(db);
      const repo = new Repository(db, deviceId, profile ? actorOf(profile) : SETUP_ACTOR);
      set({ db, repo, deviceId, profile, phase: profile ? 'ready' : 'onboarding', error: undefined });
    } catch (error) {
      set({ phase: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  },

  async completeOnboarding(partial) {
    const { db, repo, deviceId } = get();
    if (!db || !repo || !deviceId) throw new Error('database not open');
    const profile: DeviceProfile = { ...partial, deviceId, createdAt: new Date().toISOString() };
    await saveDeviceProfile(db, profile);
    repo.setActor(actorOf(profile));
    set({ profile, phase: 'ready' });
  },

  setLanguage(language) {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
    initI18n(language);
    set({ language });
  },
}));

/** The open repository; screens under the ready app may rely on it. */
export function useRepo(): Repository {
  const repo = useSession((s) => s.repo);
  if (!repo) throw new Error('repository not ready');
  return repo;
}

export function useProfile(): DeviceProfile {
  const profile = useSession((s) => s.profile);
  if (!profile) throw new Error('no device profile');
  return profile;
}
