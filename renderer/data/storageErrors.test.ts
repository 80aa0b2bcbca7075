import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  isStorageFailure,
  STORAGE_FULL_MESSAGE,
  StorageFullError,
  storageFailureOf,
  StorageWriteError,
  translateStorageError,
} from './storageErrors';

describe('storage refusals become typed errors with a Chinese message', () => {
  it('a DOMException QuotaExceededError means the disk is full', () => {
    const refusal = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const failure = storageFailureOf(refusal);
    expect(failure).toBeInstanceOf(StorageFullError);
    expect(failure?.message).toBe(STORAGE_FULL_MESSAGE);
    expect(failure?.message).toContain('磁盘空间不足');
    expect(failure?.message).toContain('仍在屏幕上');
    expect(failure?.cause).toBe(refusal);
  });

  it("Dexie's QuotaExceededError, and an AbortError whose inner error is the quota", () => {
    expect(storageFailureOf(new Dexie.QuotaExceededError('quota'))).toBeInstanceOf(StorageFullError);
    const inner = new DOMException('quota', 'QuotaExceededError');
    expect(storageFailureOf(new Dexie.AbortError('Transaction aborted', inner))).toBeInstanceOf(StorageFullError);
  });

  it('an UnknownError that says the disk has no space is a full disk; one that does not is a write failure', () => {
    expect(storageFailureOf(new DOMException('IO error: No space left on device', 'UnknownError'))).toBeInstanceOf(StorageFullError);
    expect(storageFailureOf(new Dexie.UnknownError('Internal error committing transaction'))).toBeInstanceOf(StorageWriteError);
    expect(storageFailureOf(new Dexie.AbortError('Transaction aborted'))).toBeInstanceOf(StorageWriteError);
    expect(storageFailureOf(new StorageWriteError())?.message).toContain('仍在屏幕上');
  });

  it('finds the refusal however deeply it is wrapped (cause, inner, a bulk error’s failures)', () => {
    const wrapped = new Error('saving failed', { cause: new Dexie.AbortError('aborted', new DOMException('q', 'QuotaExceededError')) });
    expect(storageFailureOf(wrapped)).toBeInstanceOf(StorageFullError);
    const bulk = { name: 'BulkError', message: '1 of 2 failed', failures: { 1: new DOMException('q', 'QuotaExceededError') } };
    expect(storageFailureOf(bulk)).toBeInstanceOf(StorageFullError);
  });

  it('leaves every other error alone: refusals of the app itself, bugs, non-errors', () => {
    const validation = new Error('proposal: title too short');
    expect(storageFailureOf(validation)).toBeNull();
    expect(translateStorageError(validation)).toBe(validation);
    const duplicate = new Dexie.ConstraintError('Key already exists');
    expect(translateStorageError(duplicate)).toBe(duplicate);
    expect(storageFailureOf('oops')).toBeNull();
    expect(storageFailureOf(undefined)).toBeNull();
  });

  it('an error already typed stays the same object; a self-referencing chain does not loop', () => {
    const full = new StorageFullError();
    expect(translateStorageError(full)).toBe(full);
    expect(isStorageFailure(full)).toBe(true);
    expect(isStorageFailure(new Error('x'))).toBe(false);
    const loop: { name: string; message: string; inner?: unknown } = { name: 'Error', message: 'loop' };
    loop.inner = loop;
    expect(storageFailureOf(loop)).toBeNull();
  });
});
