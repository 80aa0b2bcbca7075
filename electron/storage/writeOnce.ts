import { randomBytes } from 'node:crypto';
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import { errorCodeOf } from './fsErrors';
import { syncDirectory } from './syncDirectory';

/**
 * Temporary names used while a file is written; the sync scanner recognises and ignores them.
 * Always `.<final name>.tmp-<16 hex>` in the target's own folder (same volume, so link/rename stay atomic).
 */
export const TEMPORARY_NAME_PATTERN = /^\..+\.tmp-[0-9a-f]{16}$/;

export function temporaryNameFor(finalName: string): string {
  return `.${finalName}.tmp-${randomBytes(8).toString('hex')}`;
}

/** Codes `link` returns where the file system has no hard links (FAT/exFAT sticks, some SMB servers). */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EINVAL', 'EISDIR']);

export interface WriteOnceOptions {
  /** Permission bits of the new file (POSIX only), e.g. 0o600 for key files */
  mode?: number;
  /** Tests replace it to exercise the fallback for file systems without hard links */
  link?: (existingPath: string, newPath: string) => Promise<void>;
}

export type WriteOnceResult = 'written' | 'exists';

/**
 * Creates `targetPath` with `bytes`, never replacing an existing file, and so that the name only ever
 * appears with the complete content:
 *
 * 1. the bytes go to a temporary file in the same folder, flushed to disk (fsync);
 * 2. `link(temp, target)` publishes it: atomic, and it fails with EEXIST when the name is taken — on local
 *    disks, NFS (the classic NFS-safe lock-file technique) and SMB shares that support hard links. `rename`
 *    cannot be used: it silently replaces an existing target (on Windows too, Node uses REPLACE_EXISTING);
 * 3. where hard links do not exist (FAT/exFAT USB sticks, some SMB servers) the name is claimed with an
 *    exclusive create (`open(target, 'wx')` = O_EXCL / CREATE_NEW, atomic everywhere, also over SMB and NFSv3+)
 *    and the temporary file is renamed over our own empty claim. For that short moment the target exists with
 *    0 bytes, so readers treat an empty bundle as "still being written" (see scanSyncFolder).
 *
 * A plain `open(target, 'wx')` + write would also refuse to overwrite, but a crash or a pulled stick mid-write
 * would leave a truncated file under the final, write-once name for ever.
 */
export async function writeFileOnce(targetPath: string, bytes: Uint8Array, options: WriteOnceOptions = {}): Promise<WriteOnceResult> {
  const folder = path.dirname(targetPath);
  const temporaryPath = path.join(folder, temporaryNameFor(path.basename(targetPath)));
  const link = options.link ?? fsPromises.link;
  try {
    await writeFlushed(temporaryPath, bytes, options.mode);
    try {
      await link(temporaryPath, targetPath);
      await syncDirectory(folder);
      return 'written';
    } catch (error) {
      if (errorCodeOf(error) === 'EEXIST') return 'exists';
      if (!LINK_UNSUPPORTED.has(errorCodeOf(error) ?? '')) throw error;
    }
    return await claimAndRename(temporaryPath, targetPath, options.mode);
  } finally {
    await fsPromises.rm(temporaryPath, { force: true }).catch(() => undefined);
  }
}

async function claimAndRename(temporaryPath: string, targetPath: string, mode: number | undefined): Promise<WriteOnceResult> {
  try {
    const claim = await fsPromises.open(targetPath, 'wx', mode);
    await claim.close();
  } catch (error) {
    if (errorCodeOf(error) === 'EEXIST') return 'exists';
    throw error;
  }
  try {
    await fsPromises.rename(temporaryPath, targetPath);
  } catch (error) {
    // Nobody else can have replaced our claim (they got EEXIST), so the empty file is ours to remove:
    // leaving it would block this name for ever
    await fsPromises.rm(targetPath, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(path.dirname(targetPath));
  return 'written';
}

/**
 * Replaces `targetPath` atomically (temporary file, fsync, rename): readers see the old or the new content,
 * never a mix. Only for files this installation alone owns (e.g. its key files).
 */
export async function replaceFileAtomically(targetPath: string, bytes: Uint8Array, mode?: number): Promise<void> {
  const folder = path.dirname(targetPath);
  const temporaryPath = path.join(folder, temporaryNameFor(path.basename(targetPath)));
  try {
    await writeFlushed(temporaryPath, bytes, mode);
    await fsPromises.rename(temporaryPath, targetPath);
    await syncDirectory(folder);
  } finally {
    await fsPromises.rm(temporaryPath, { force: true }).catch(() => undefined);
  }
}

async function writeFlushed(filePath: string, bytes: Uint8Array, mode: number | undefined): Promise<void> {
  const handle = await fsPromises.open(filePath, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
