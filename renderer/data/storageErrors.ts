/**
 * The one place that recognises "the browser's storage refused the write" — a full disk, a used-up quota, or
 * IndexedDB failing underneath — and turns it into an error the UI can explain in plain Chinese. Everything else
 * (lifecycle refusals, invalid records, programming errors) passes through unchanged.
 *
 * IndexedDB reports these in several shapes: a DOMException named QuotaExceededError (Chromium also has a
 * QuotaExceededError class), Dexie's own `Dexie.QuotaExceededError`, an `AbortError` whose `inner` error is the
 * quota error (the transaction was aborted because a request failed), or an `UnknownError` when the disk itself
 * failed or filled up mid-commit. Dexie wraps the original as `inner`; standard errors use `cause`.
 */

export const STORAGE_FULL_MESSAGE = '磁盘空间不足，未能保存。请清理磁盘空间后重试；您输入的内容仍在屏幕上，没有丢失。';
export const STORAGE_WRITE_MESSAGE = '本机数据库拒绝了这次写入，未能保存。请稍后重试，如反复出现请检查磁盘空间或重启本软件；您输入的内容仍在屏幕上，没有丢失。';

/** The disk or the browser's storage quota is full (磁盘空间不足). */
export class StorageFullError extends Error {
  constructor(options?: { cause?: unknown }) {
    super(STORAGE_FULL_MESSAGE, options);
    this.name = 'StorageFullError';
  }
}

/** IndexedDB refused or failed the write for another reason (本机数据库写入失败). */
export class StorageWriteError extends Error {
  constructor(options?: { cause?: unknown }) {
    super(STORAGE_WRITE_MESSAGE, options);
    this.name = 'StorageWriteError';
  }
}

export type StorageFailure = StorageFullError | StorageWriteError;

export function isStorageFailure(error: unknown): error is StorageFailure {
  return error instanceof StorageFullError || error instanceof StorageWriteError;
}

/** Names IndexedDB and Dexie give a write the storage itself refused (not a bug in the app's own data). */
const REFUSAL_NAMES = new Set(['UnknownError', 'AbortError', 'DatabaseClosedError']);
/** An UnknownError / AbortError whose text says the disk is full ("No space left on device", "quota", "ENOSPC"…). */
const FULL_DISK_TEXT = /quota|no space|space left|disk full|disk is full|ENOSPC|insufficient (disk )?space|磁盘空间/i;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** The error and everything it wraps (Dexie's `inner`, `cause`, a BulkError's `failures`), without cycles. */
function errorChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0 && chain.length < 20) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    const e = next as ErrorLike;
    chain.push(e);
    queue.push(e.inner, e.cause);
    if (Array.isArray(e.failures)) queue.push(...(e.failures as unknown[]));
    else if (typeof e.failures === 'object' && e.failures !== null) queue.push(...Object.values(e.failures));
  }
  return chain;
}

/**
 * The typed storage failure this error means, or null when it is not one. Already-typed failures are returned
 * as they are.
 */
export function storageFailureOf(error: unknown): StorageFailure | null {
  if (isStorageFailure(error)) return error;
  const chain = errorChain(error);
  if (chain.length === 0) return null;
  if (chain.some((e) => e.name === 'QuotaExceededError')) return new StorageFullError({ cause: error });
  const refused = chain.filter((e) => typeof e.name === 'string' && REFUSAL_NAMES.has(e.name));
  if (refused.length === 0) return null;
  const saysFull = chain.some((e) => typeof e.message === 'string' && FULL_DISK_TEXT.test(e.message));
  return saysFull ? new StorageFullError({ cause: error }) : new StorageWriteError({ cause: error });
}

/** For a write path's catch: the typed failure when storage refused the write, otherwise the error unchanged. */
export function translateStorageError(error: unknown): unknown {
  return storageFailureOf(error) ?? error;
}
