import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetPersistentStorageRequest, requestPersistentStorage, storageStatus, type StorageManagerLike } from './storagePersistence';

afterEach(() => {
  forgetPersistentStorageRequest();
});

/** A StorageManager whose answers the test chooses. */
function fakeStorage(answers: { persist?: boolean | Error; persisted?: boolean; usage?: number; quota?: number }) {
  const storage = {
    persist: vi.fn(async () => {
      if (answers.persist instanceof Error) throw answers.persist;
      return answers.persist ?? false;
    }),
    persisted: vi.fn(async () => answers.persisted ?? false),
    estimate: vi.fn(async () => ({ usage: answers.usage, quota: answers.quota })),
  };
  return storage satisfies StorageManagerLike;
}

describe('persistent storage (持久存储)', () => {
  it('asks the browser once per session and remembers the answer', async () => {
    const storage = fakeStorage({ persist: true, usage: 12_345, quota: 1_000_000 });
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);

    expect(await storageStatus(storage)).toEqual({ persisted: true, usage: 12_345, quota: 1_000_000 });
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(storage.persisted).not.toHaveBeenCalled();
  });

  it('a refusal is remembered as false, not as an error', async () => {
    const storage = fakeStorage({ persist: false, persisted: true, usage: 1, quota: 2 });
    expect(await requestPersistentStorage(storage)).toBe(false);
    expect((await storageStatus(storage)).persisted).toBe(false);
  });

  it('a request that throws counts as unknown; the status then asks persisted()', async () => {
    const storage = fakeStorage({ persist: new Error('not allowed'), persisted: true });
    expect(await requestPersistentStorage(storage)).toBeNull();
    expect((await storageStatus(storage)).persisted).toBe(true);
  });

  it('without a request yet, the status asks persisted() and does not request', async () => {
    const storage = fakeStorage({ persisted: false, usage: 10, quota: 20 });
    expect(await storageStatus(storage)).toEqual({ persisted: false, usage: 10, quota: 20 });
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('an engine without the API: unknown persistence, no numbers, no exception', async () => {
    expect(await requestPersistentStorage({})).toBeNull();
    expect(await storageStatus({})).toEqual({ persisted: null });
    forgetPersistentStorageRequest();
    expect(await requestPersistentStorage(undefined)).toBeNull();
    const failingEstimate: StorageManagerLike = { estimate: () => Promise.reject(new Error('denied')) };
    expect(await storageStatus(failingEstimate)).toEqual({ persisted: null });
  });
});
