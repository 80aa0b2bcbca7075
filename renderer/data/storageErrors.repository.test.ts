import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordValidationError } from './repository';
import { StorageFullError, StorageWriteError } from './storageErrors';
import { freshRepository } from './testing';

// The repository's one write path translates IndexedDB refusals; here the (fake) IndexedDB itself refuses, so the
// error travels through Dexie's own wrapping exactly as a real full disk's would.
const unitFields = { name: '县教育局', sortOrder: 1, active: true };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Repository.write when storage refuses', () => {
  it('a quota refusal from IndexedDB becomes StorageFullError, and nothing of the transaction is stored', async () => {
    const { db, repo } = await freshRepository();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const attempt = repo.write((w) => w.create('handlingUnit', unitFields));
    await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
    await expect(attempt).rejects.toThrow('磁盘空间不足');
    expect(put).toHaveBeenCalled();
    put.mockRestore();
    expect(await db.handlingUnit.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
    // Once there is space again, the same write succeeds.
    await repo.write((w) => w.create('handlingUnit', unitFields));
    expect(await db.handlingUnit.count()).toBe(1);
  });

  it('an UnknownError from IndexedDB becomes StorageWriteError', async () => {
    const { repo } = await freshRepository();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Internal error.', 'UnknownError');
    });
    await expect(repo.write((w) => w.create('handlingUnit', unitFields))).rejects.toBeInstanceOf(StorageWriteError);
  });

  it("the app's own refusals still arrive as themselves", async () => {
    const { repo } = await freshRepository();
    await expect(repo.write((w) => w.create('handlingUnit', { ...unitFields, name: '' }))).rejects.toBeInstanceOf(RecordValidationError);
  });
});
