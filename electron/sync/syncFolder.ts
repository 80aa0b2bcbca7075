import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import { BUNDLE_NAME_PATTERN } from '../../shared/sync/types';
import { BridgeError } from '../ipc/bridgeError';
import { errorCodeOf } from '../storage/fsErrors';
import { TEMPORARY_NAME_PATTERN } from '../storage/writeOnce';

/**
 * The sync folder's layout as the main process sees it (shared/sync/types.ts describes it). Every path below
 * the folder is built from validated parts (device id, seq, hash), never from a name read out of the folder.
 */
export const MARKER_FILE = 'delegatedesk-sync.json';
export const DEVICES_FOLDER = 'devices';
export const BUNDLES_FOLDER = 'bundles';
export const BLOBS_FOLDER = 'blobs';

/** Sequence number of a bundle file name, or null when the name is outside the layout (seq is 1-based). */
export function seqOfBundleFileName(name: string): number | null {
  const match = BUNDLE_NAME_PATTERN.exec(name);
  if (!match) return null;
  const seq = Number(match[1]);
  return seq >= 1 ? seq : null;
}

/**
 * Relative paths (always '/', whatever the OS, so they read the same in every report) come from the format's
 * own functions: devices/<deviceId>/bundles/<seq>.ddb and blobs/<hh>/<sha256>. Both throw on an invalid part.
 */
export { bundlePath as bundleRelativePath, blobPath as blobRelativePath } from '../../shared/sync/bundle';

export function absolutePath(folder: string, relativePath: string): string {
  return path.join(folder, ...relativePath.split('/'));
}

/**
 * Names skipped silently: our own in-progress writes, and the metadata files operating systems drop into any
 * folder they show (macOS .DS_Store and ._ AppleDouble files on FAT sticks, Windows Thumbs.db / desktop.ini).
 * They are never opened; reporting them on every sync would only teach users to ignore the problem list.
 */
export function isIgnoredName(name: string): boolean {
  return TEMPORARY_NAME_PATTERN.test(name) || name === '.DS_Store' || name.startsWith('._') || /^(thumbs\.db|desktop\.ini)$/i.test(name);
}

/**
 * A name from the folder made safe to show: control characters and bidirectional overrides (which could
 * make "gpj.exe" read as "exe.jpg") are written as \u escapes, and very long names are cut.
 */
export function displayName(name: string): string {
  const escaped = [...name].map((c) => (isUnsafeToShow(c.charCodeAt(0)) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');
  return escaped.length > 200 ? `${escaped.slice(0, 200)}…` : escaped;
}

/** C0/C1 control characters, LRM/RLM and the bidi embedding, override and isolate characters. */
function isUnsafeToShow(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** True when `folder` is an absolute path to an existing folder we can look into. Never throws. */
export async function isReachableFolder(folder: string): Promise<boolean> {
  if (typeof folder !== 'string' || folder.includes('\0') || !path.isAbsolute(folder)) return false;
  try {
    return (await fsPromises.stat(folder)).isDirectory();
  } catch {
    return false;
  }
}

/** Throws folderUnreachable unless the folder is there; nothing is ever created at the folder itself. */
export async function requireReachableFolder(folder: string): Promise<void> {
  if (!path.isAbsolute(folder)) throw new BridgeError('folderUnreachable', '同步文件夹必须是完整路径（绝对路径）。');
  if (!(await isReachableFolder(folder))) throw new BridgeError('folderUnreachable');
}

/**
 * Creates `relativeFolder` (e.g. devices/<id>/bundles) inside the sync folder one level at a time, checking with
 * lstat that each level is a real folder: a planted symlink must not redirect our writes (or even a mkdir)
 * outside the sync folder, which `mkdir -p` would happily do.
 */
export async function ensureRealFolder(folder: string, relativeFolder: string): Promise<string> {
  let current = folder;
  for (const part of relativeFolder.split('/')) {
    current = path.join(current, part);
    let info = await fsPromises.lstat(current).catch((error: unknown) => {
      if (errorCodeOf(error) === 'ENOENT') return null;
      throw error;
    });
    if (!info) {
      await fsPromises.mkdir(current).catch((error: unknown) => {
        // Another writer made it at the same moment: fine, it is checked below
        if (errorCodeOf(error) !== 'EEXIST') throw error;
      });
      info = await fsPromises.lstat(current);
    }
    if (!info.isDirectory()) {
      throw new BridgeError('fileUnwritable', `同步文件夹中的“${displayName(relativeFolder)}”不是普通文件夹（可能是链接），已停止写入。请联系信息管理人员检查。`);
    }
  }
  return current;
}
