import { createHash } from 'node:crypto';
import * as fsPromises from 'node:fs/promises';
import { MAX_BLOB_BYTES } from '../../shared/sync/types';
import { BridgeError } from '../ipc/bridgeError';
import { errorCodeOf } from '../storage/fsErrors';
import { readRegularFileLimited } from '../storage/readLimited';
import { writeFileOnce } from '../storage/writeOnce';
import { absolutePath, BLOBS_FOLDER, blobRelativePath, ensureRealFolder, requireReachableFolder } from './syncFolder';
import { syncReadFailure, syncWriteFailure } from './syncErrors';

export type BlobLog = (message: string) => void;

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Stores attachment bytes as blobs/<hh>/<sha256>, write-once. The name is the hash of the bytes, so a file
 * already there under that name is the same content (`existed: true`); a mismatch between bytes and name is
 * refused before anything is written.
 */
export async function putBlob(folder: string, sha256: string, bytes: Uint8Array): Promise<{ file: string; existed: boolean }> {
  if (sha256Hex(bytes) !== sha256) throw new BridgeError('invalidArguments', '附件内容与其校验值（SHA-256）不符，未写入。');
  await requireReachableFolder(folder);
  const file = blobRelativePath(sha256);
  try {
    await ensureRealFolder(folder, `${BLOBS_FOLDER}/${sha256.slice(0, 2)}`);
    const existing = await fsPromises.lstat(absolutePath(folder, file)).catch((error: unknown) => {
      if (errorCodeOf(error) === 'ENOENT') return null;
      throw error;
    });
    if (existing) return { file, existed: true };
    return { file, existed: (await writeFileOnce(absolutePath(folder, file), bytes)) === 'exists' };
  } catch (error) {
    throw syncWriteFailure(error);
  }
}

/**
 * The blob's bytes, or null when it is not (yet) in the folder or cannot be trusted: not a regular file, over
 * MAX_BLOB_BYTES, or content that does not hash to its name (damaged or planted; logged for IT staff).
 * folderUnreachable when the folder itself is gone, so "missing" and "offline" stay distinguishable.
 */
export async function getBlob(folder: string, sha256: string, log: BlobLog = () => undefined): Promise<Uint8Array | null> {
  await requireReachableFolder(folder);
  const file = blobRelativePath(sha256);
  const filePath = absolutePath(folder, file);
  try {
    const info = await fsPromises.lstat(filePath);
    if (!info.isFile()) {
      log(`sync blob ${file} is not a regular file; ignored`);
      return null;
    }
    if (info.size > MAX_BLOB_BYTES) {
      log(`sync blob ${file} is ${info.size} bytes (max ${MAX_BLOB_BYTES}); ignored`);
      return null;
    }
    const read = await readRegularFileLimited(filePath, MAX_BLOB_BYTES);
    if (read.kind !== 'ok') {
      log(`sync blob ${file} could not be read safely (${read.kind}); ignored`);
      return null;
    }
    if (sha256Hex(read.bytes) !== sha256) {
      log(`sync blob ${file} does not hash to its name (damaged or planted); ignored`);
      return null;
    }
    return read.bytes;
  } catch (error) {
    const code = errorCodeOf(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      await requireReachableFolder(folder);
      return null;
    }
    if (code === 'ELOOP') {
      log(`sync blob ${file} is a symlink; ignored`);
      return null;
    }
    await requireReachableFolder(folder);
    throw syncReadFailure(error);
  }
}
