/**
 * 持久存储: by default a browser may evict a site's IndexedDB when the disk runs low. Asking once at start-up for
 * persistent storage (`navigator.storage.persist()`) tells Chromium/Electron to keep the delegate's data until
 * the user deletes it. The answer is remembered for the session; a refusal is not an error, only shown.
 */

/** The parts of the browser's StorageManager this module uses; every one may be missing (old engines, jsdom). */
export interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export interface StorageStatus {
  /** true: kept until the user deletes it; false: the browser may evict it; null: this engine cannot say */
  persisted: boolean | null;
  /** Bytes this app stores (IndexedDB and caches), when the browser says */
  usage?: number;
  /** Bytes the browser lets this app use at most, when it says */
  quota?: number;
}

function browserStorage(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageManagerLike | undefined);
}

// The one request of this session (module state: one app per page).
let persistRequest: Promise<boolean | null> | undefined;

/**
 * Asks the browser, once per session, to keep this app's data persistently; later calls return the first answer.
 * Resolves to null when the engine has no such API or the request fails.
 */
export function requestPersistentStorage(storage: StorageManagerLike | undefined = browserStorage()): Promise<boolean | null> {
  persistRequest ??= (async () => {
    if (!storage?.persist) return null;
    try {
      return await storage.persist();
    } catch {
      return null;
    }
  })();
  return persistRequest;
}

/** Whether the data is kept persistently, and how much space it uses out of what the browser allows. */
export async function storageStatus(storage: StorageManagerLike | undefined = browserStorage()): Promise<StorageStatus> {
  const persisted = (await persistRequest) ?? (await askPersisted(storage));
  const status: StorageStatus = { persisted };
  try {
    const estimate = await storage?.estimate?.();
    if (typeof estimate?.usage === 'number') status.usage = estimate.usage;
    if (typeof estimate?.quota === 'number') status.quota = estimate.quota;
  } catch {
    // No estimate is shown rather than a wrong one.
  }
  return status;
}

async function askPersisted(storage: StorageManagerLike | undefined): Promise<boolean | null> {
  if (!storage?.persisted) return null;
  try {
    return await storage.persisted();
  } catch {
    return null;
  }
}

/** Tests only: forget the remembered answer, as a new session would. */
export function forgetPersistentStorageRequest(): void {
  persistRequest = undefined;
}
