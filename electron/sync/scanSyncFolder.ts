import type { Dirent } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import type { ScannedBundle, SyncScanResult } from '../../shared/bridge';
import { DEVICE_ID_PATTERN, MAX_BUNDLE_BYTES } from '../../shared/sync/types';
import { errorCodeOf } from '../storage/fsErrors';
import { readRegularFileLimited } from '../storage/readLimited';
import { readMarker } from './marker';
import { BUNDLES_FOLDER, bundleRelativePath, DEVICES_FOLDER, displayName, isIgnoredName, isReachableFolder, MARKER_FILE, seqOfBundleFileName } from './syncFolder';

type ScanProblem = SyncScanResult['problems'][number];

/** Beyond this many problems one summary line is reported (a folder full of junk must not flood the UI). */
const MAX_PROBLEMS = 200;

/** Thrown inside the scan when the folder disappears midway (stick pulled): the whole scan is void. */
class FolderGone extends Error {}

const UNREACHABLE: SyncScanResult = { reachable: false, marker: null, bundles: [], truncated: false, problems: [] };

/**
 * Reads what is new in a sync folder: every bundle with seq > known[deviceId], in (deviceId, seq) order.
 *
 * The folder is untrusted and may vanish at any moment, so:
 * - a folder that is not an absolute path to an existing directory is `reachable: false`, and nothing else
 *   happens (nothing is created, deleted or reported);
 * - names outside the layout, symlinks and non-files are `badName` and never opened; our own temporary files
 *   and OS metadata files are skipped silently;
 * - a device's list stops at the first gap in its seqs or at an empty file: the bundles are still being copied
 *   there, the next scan will see them (nothing is reported);
 * - a file over MAX_BUNDLE_BYTES is `tooLarge` from its size alone, without reading; it also ends that device's
 *   list, as does an `unreadable` file (later bundles of the device depend on it);
 * - at most `maxBytes` of bundles are returned (`truncated: true`; the caller asks again from its new `known`).
 *   One bundle is always returned even if it alone exceeds maxBytes, so that a scan always makes progress.
 */
export async function scanSyncFolder(folder: string, known: Readonly<Record<string, number>>, maxBytes: number): Promise<SyncScanResult> {
  if (!(await isReachableFolder(folder))) return { ...UNREACHABLE };
  try {
    return await scanReachable(folder, known, maxBytes);
  } catch (error) {
    if (error instanceof FolderGone || !(await isReachableFolder(folder))) return { ...UNREACHABLE };
    throw error;
  }
}

async function scanReachable(folder: string, known: Readonly<Record<string, number>>, maxBytes: number): Promise<SyncScanResult> {
  const problems: ScanProblem[] = [];
  let unlisted = 0;
  const report = (file: string, code: ScanProblem['code'], detail: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ file, code, detail });
    else unlisted += 1;
  };

  /** Lists a folder; a read error is reported (or means the whole folder is gone) and gives null. */
  const list = async (relative: string): Promise<Dirent[] | null> => {
    try {
      return await fsPromises.readdir(path.join(folder, ...relative.split('/')), { withFileTypes: true });
    } catch (error) {
      if (!(await isReachableFolder(folder))) throw new FolderGone();
      if (errorCodeOf(error) === 'ENOENT') return null;
      if (errorCodeOf(error) === 'ENOTDIR') report(relative, 'badName', 'expected a folder');
      else report(relative, 'unreadable', `cannot list: ${errorCodeOf(error) ?? String(error)}`);
      return null;
    }
  };

  let marker: SyncScanResult['marker'] = null;
  try {
    const state = await readMarker(folder);
    if (state.state === 'ok') marker = state.marker;
    if (state.state === 'bad') report(MARKER_FILE, state.code, state.detail);
  } catch (error) {
    if (!(await isReachableFolder(folder))) throw new FolderGone();
    report(MARKER_FILE, 'unreadable', `cannot read: ${errorCodeOf(error) ?? String(error)}`);
  }

  const bundles: ScannedBundle[] = [];
  let totalBytes = 0;
  let truncated = false;

  let deviceEntries: Dirent[] = [];
  if (await isSymlink(folder, DEVICES_FOLDER)) report(DEVICES_FOLDER, 'badName', 'symlink (not followed)');
  else deviceEntries = (await list(DEVICES_FOLDER)) ?? [];
  devices: for (const deviceEntry of sortedByName(deviceEntries)) {
    const deviceId = deviceEntry.name;
    const deviceRelative = `${DEVICES_FOLDER}/${displayName(deviceId)}`;
    if (isIgnoredName(deviceId)) continue;
    if (!DEVICE_ID_PATTERN.test(deviceId)) {
      report(deviceRelative, 'badName', 'not a device id');
      continue;
    }
    if (!deviceEntry.isDirectory()) {
      report(deviceRelative, 'badName', deviceEntry.isSymbolicLink() ? 'symlink (not followed)' : 'not a folder');
      continue;
    }

    let bundlesFolderFound = false;
    for (const entry of sortedByName((await list(`${DEVICES_FOLDER}/${deviceId}`)) ?? [])) {
      if (isIgnoredName(entry.name)) continue;
      if (entry.name === BUNDLES_FOLDER && entry.isDirectory()) bundlesFolderFound = true;
      else report(`${deviceRelative}/${displayName(entry.name)}`, 'badName', entry.isSymbolicLink() ? 'symlink (not followed)' : 'outside the layout');
    }
    if (!bundlesFolderFound) continue;

    // Every name is checked (cheap, no I/O); only new bundles are opened
    const candidates = new Map<number, string>();
    const bundlesRelative = `${DEVICES_FOLDER}/${deviceId}/${BUNDLES_FOLDER}`;
    for (const entry of (await list(bundlesRelative)) ?? []) {
      if (isIgnoredName(entry.name)) continue;
      const seq = seqOfBundleFileName(entry.name);
      const file = `${bundlesRelative}/${displayName(entry.name)}`;
      if (seq === null) report(file, 'badName', 'not a bundle file name');
      else if (!entry.isFile()) report(file, 'badName', entry.isSymbolicLink() ? 'symlink (not followed)' : 'not a regular file');
      else candidates.set(seq, entry.name);
    }

    const knownSeq = known[deviceId] ?? 0;
    for (let seq = knownSeq + 1; candidates.has(seq); seq += 1) {
      const file = bundleRelativePath(deviceId, seq);
      const filePath = path.join(folder, ...file.split('/'));
      const read = await readBundle(folder, filePath);
      if (read.kind === 'stop') break;
      if (read.kind === 'problem') {
        report(file, read.code, read.detail);
        break;
      }
      if (bundles.length > 0 && totalBytes + read.bytes.byteLength > maxBytes) {
        truncated = true;
        break devices;
      }
      bundles.push({ deviceId, seq, file, bytes: read.bytes });
      totalBytes += read.bytes.byteLength;
    }
  }

  if (unlisted > 0) problems.push({ file: DEVICES_FOLDER, code: 'badName', detail: `${unlisted} more problems not listed` });
  return { reachable: true, marker, bundles, truncated, problems };
}

type BundleRead = { kind: 'ok'; bytes: Uint8Array } | { kind: 'stop' } | { kind: 'problem'; code: ScanProblem['code']; detail: string };

async function readBundle(folder: string, filePath: string): Promise<BundleRead> {
  try {
    // Size from lstat first: an oversized file is refused without opening it
    const info = await fsPromises.lstat(filePath);
    if (!info.isFile()) return { kind: 'problem', code: 'badName', detail: 'not a regular file' };
    if (info.size > MAX_BUNDLE_BYTES) return { kind: 'problem', code: 'tooLarge', detail: `${info.size} bytes (max ${MAX_BUNDLE_BYTES})` };
    if (info.size === 0) return { kind: 'stop' };
    const read = await readRegularFileLimited(filePath, MAX_BUNDLE_BYTES);
    if (read.kind === 'notFile') return { kind: 'problem', code: 'badName', detail: 'not a regular file' };
    if (read.kind === 'tooLarge') return { kind: 'problem', code: 'tooLarge', detail: `${read.size} bytes (max ${MAX_BUNDLE_BYTES})` };
    // Emptied since lstat: still being written
    if (read.bytes.byteLength === 0) return { kind: 'stop' };
    return read;
  } catch (error) {
    if (!(await isReachableFolder(folder))) throw new FolderGone();
    const code = errorCodeOf(error);
    // Renamed or removed between listing and reading: like a gap, the next scan will tell
    if (code === 'ENOENT') return { kind: 'stop' };
    if (code === 'ELOOP') return { kind: 'problem', code: 'badName', detail: 'symlink (not followed)' };
    return { kind: 'problem', code: 'unreadable', detail: `cannot read: ${code ?? String(error)}` };
  }
}

async function isSymlink(folder: string, relative: string): Promise<boolean> {
  try {
    return (await fsPromises.lstat(path.join(folder, relative))).isSymbolicLink();
  } catch {
    return false;
  }
}

function sortedByName(entries: Dirent[]): Dirent[] {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
