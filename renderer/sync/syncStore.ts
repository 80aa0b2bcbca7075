import { create } from 'zustand';
import { getBridge } from '../bridge/client';
import { useSession } from '../app/session';
import { runSync, type SyncMode, type SyncRunResult } from './engine';
import { META } from './context';

interface SyncState {
  running: boolean;
  progress: { done: number; total: number } | null;
  lastResult: SyncRunResult | null;
  error: string | null;
  /** Runs one sync with `folder` (default: the chosen sync folder). Concurrent requests wait for the running one. */
  syncNow(options?: { folder?: string; mode?: SyncMode }): Promise<SyncRunResult | null>;
}

let running: Promise<SyncRunResult | null> | null = null;

export const useSyncStore = create<SyncState>((set) => ({
  running: false,
  progress: null,
  lastResult: null,
  error: null,
  async syncNow(options = {}) {
    while (running) await running.catch(() => null);
    const { repo, profile } = useSession.getState();
    if (!repo || !profile) return null;
    const folder = options.folder ?? ((await repo.db.meta.get(META.folder))?.value as string | undefined);
    if (!folder) return null;
    set({ running: true, progress: null, error: null });
    running = runSync(
      {
        repo,
        db: repo.db,
        bridge: getBridge(),
        profile,
        folder,
        onProgress: (done, total) => set({ progress: { done, total } }),
      },
      options.mode,
    )
      .then((result) => {
        set({ lastResult: result });
        return result;
      })
      .catch((error: unknown) => {
        set({ error: error instanceof Error ? error.message : String(error) });
        return null;
      })
      .finally(() => {
        running = null;
        set({ running: false, progress: null });
      });
    return running;
  },
}));

export async function chosenSyncFolder(): Promise<string | undefined> {
  const db = useSession.getState().db;
  return (await db?.meta.get(META.folder))?.value as string | undefined;
}

export async function setSyncFolder(folder: string): Promise<void> {
  const db = useSession.getState().db;
  await db?.meta.put({ key: META.folder, value: folder });
}

/**
 * Syncs by itself while the app runs: at start, shortly after local changes, and on an interval — which also
 * notices a folder that was unreachable (a share reconnected, a stick plugged in) coming back.
 */
export function startAutoSync(intervalMs = 60_000, afterChangeMs = 3_000): () => void {
  const db = useSession.getState().db;
  if (!db) return () => {};
  const tick = () => void useSyncStore.getState().syncNow();
  const interval = setInterval(tick, intervalMs);
  let debounce: ReturnType<typeof setTimeout> | null = null;
  const onChange = () => {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(tick, afterChangeMs);
  };
  db.pendingExport.hook('creating', onChange);
  db.pendingExport.hook('updating', onChange);
  const startup = setTimeout(tick, 500);
  return () => {
    clearInterval(interval);
    clearTimeout(startup);
    if (debounce) clearTimeout(debounce);
    db.pendingExport.hook('creating').unsubscribe(onChange);
    db.pendingExport.hook('updating').unsubscribe(onChange);
  };
}
