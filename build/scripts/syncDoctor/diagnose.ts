import type { Dirent } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { decodeBundle, verifyBundle } from '../../../shared/sync/bundle';
import { fingerprintOf } from '../../../shared/sync/crypto';
import { BLOB_NAME_PATTERN, DEVICE_ID_PATTERN, MAX_BLOB_BYTES, MAX_BUNDLE_BYTES } from '../../../shared/sync/types';
import type { SyncChange, SyncProblemCode } from '../../../shared/sync/types';
import { readRegularFileLimited } from '../../../electron/storage/readLimited';
import { TEMPORARY_NAME_PATTERN } from '../../../electron/storage/writeOnce';
import { readMarker } from '../../../electron/sync/marker';
import type { FolderMarker } from '../../../electron/sync/marker';
import {
  BLOBS_FOLDER,
  BUNDLES_FOLDER,
  bundleRelativePath,
  DEVICES_FOLDER,
  displayName,
  isIgnoredName,
  isReachableFolder,
  MARKER_FILE,
  seqOfBundleFileName,
} from '../../../electron/sync/syncFolder';

/**
 * `npm run sync:doctor`: a full check of a sync folder for IT staff (信息管理人员). Unlike the app's scan, which
 * reads only what is new and stops at the first doubt, the doctor opens everything once and reports all it finds.
 * It never writes, renames or deletes anything.
 */

/** What makes the folder unhealthy (exit code 1). */
export type DoctorProblemCode = SyncProblemCode | 'unreachable' | 'markerMissing' | 'gap' | 'emptyFile';
/** Worth knowing, not wrong. */
export type DoctorNoteCode = 'leftoverTemp' | 'oddFile' | 'notBound' | 'revoked' | 'noBindings' | 'uncheckedAfterProblem';

export type DoctorIssue =
  | { severity: 'problem'; code: DoctorProblemCode; file: string; deviceId?: string; detail: string }
  | { severity: 'note'; code: DoctorNoteCode; file: string; deviceId?: string; detail: string };

export interface DeviceBindingSeen {
  role: string | null;
  actorId: string | null;
  signPublicKey: string | null;
  revoked: boolean;
  /** The device whose bundle published it */
  publishedBy: string;
}

export interface DeviceDiagnosis {
  deviceId: string;
  /** Bundle files with a valid name */
  bundleFiles: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** Highest seq up to which the chain from seq 1 decodes and verifies (0 = none) */
  verifiedThrough: number;
  /** The signing key of the device's first bundle (trusted on first use by this check) */
  signPublicKey: string | null;
  /** 入网确认码 of the keys in the first bundle */
  fingerprint: string | null;
  binding: DeviceBindingSeen | null;
  problems: number;
}

export interface SyncFolderDiagnosis {
  folder: string;
  reachable: boolean;
  marker: FolderMarker | null;
  devices: DeviceDiagnosis[];
  blobs: { files: number; bytes: number };
  issues: DoctorIssue[];
  problemCount: number;
}

export async function diagnoseSyncFolder(folderArgument: string): Promise<SyncFolderDiagnosis> {
  const folder = path.resolve(folderArgument);
  const issues: DoctorIssue[] = [];
  const problem = (code: DoctorProblemCode, file: string, detail: string, deviceId?: string): void => {
    issues.push({ severity: 'problem', code, file, detail, ...(deviceId ? { deviceId } : {}) });
  };
  const note = (code: DoctorNoteCode, file: string, detail: string, deviceId?: string): void => {
    issues.push({ severity: 'note', code, file, detail, ...(deviceId ? { deviceId } : {}) });
  };
  const result: SyncFolderDiagnosis = { folder, reachable: false, marker: null, devices: [], blobs: { files: 0, bytes: 0 }, issues, problemCount: 0 };

  if (!(await isReachableFolder(folder))) {
    problem('unreachable', '.', 'not an existing folder (network share disconnected? USB stick not mounted?)');
    return finish(result);
  }
  result.reachable = true;

  /** Lists a folder of the layout; a problem when it is a symlink, a file or unreadable, [] when absent. */
  const listFolder = async (relative: string): Promise<Dirent[]> => {
    const absolute = path.join(folder, ...relative.split('/'));
    try {
      const info = await fsPromises.lstat(absolute);
      if (!info.isDirectory()) {
        problem('badName', relative, info.isSymbolicLink() ? 'symlink (never followed)' : 'expected a folder');
        return [];
      }
      return sortedByName(await fsPromises.readdir(absolute, { withFileTypes: true }));
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return [];
      problem('unreadable', relative, `cannot list: ${codeOf(error) ?? String(error)}`);
      return [];
    }
  };
  /** Temporary files of interrupted writes are worth a note; OS metadata is skipped. True when skipped. */
  const skipIgnored = (entry: Dirent, relative: string): boolean => {
    if (!isIgnoredName(entry.name)) return false;
    if (TEMPORARY_NAME_PATTERN.test(entry.name)) note('leftoverTemp', relative, 'temporary file of an interrupted or ongoing write; safe to delete when no DelegateDesk is syncing');
    return true;
  };

  // Marker
  try {
    const marker = await readMarker(folder);
    if (marker.state === 'ok') result.marker = marker.marker;
    if (marker.state === 'bad') problem(marker.code === 'unreadable' ? 'malformed' : marker.code, MARKER_FILE, marker.detail);
  } catch (error) {
    problem('unreadable', MARKER_FILE, `cannot read: ${codeOf(error) ?? String(error)}`);
  }

  // Top level: anything besides the layout is noted (a stick's root also holds System Volume Information etc.)
  for (const entry of await listFolder('.')) {
    if ([MARKER_FILE, DEVICES_FOLDER, BLOBS_FOLDER].includes(entry.name) || skipIgnored(entry, displayName(entry.name))) continue;
    note('oddFile', displayName(entry.name), 'not part of the sync folder layout; DelegateDesk ignores it');
  }

  // Devices and their chains
  const bindingChanges: { change: SyncChange; publishedBy: string }[] = [];
  for (const entry of await listFolder(DEVICES_FOLDER)) {
    const relative = `${DEVICES_FOLDER}/${displayName(entry.name)}`;
    if (skipIgnored(entry, relative)) continue;
    if (!DEVICE_ID_PATTERN.test(entry.name)) problem('badName', relative, 'not a device id');
    else if (!entry.isDirectory()) problem('badName', relative, entry.isSymbolicLink() ? 'symlink (never followed)' : 'not a folder');
    else result.devices.push(await diagnoseDevice(entry.name));
  }
  if (result.devices.length > 0 && result.marker === null && !issues.some((i) => i.file === MARKER_FILE)) {
    problem('markerMissing', MARKER_FILE, 'devices have written bundles but the folder has no marker');
  }

  async function diagnoseDevice(deviceId: string): Promise<DeviceDiagnosis> {
    const before = issues.filter((i) => i.severity === 'problem').length;
    const device: DeviceDiagnosis = { deviceId, bundleFiles: 0, firstSeq: null, lastSeq: null, verifiedThrough: 0, signPublicKey: null, fingerprint: null, binding: null, problems: 0 };
    const deviceRelative = `${DEVICES_FOLDER}/${deviceId}`;
    const bundlesRelative = `${deviceRelative}/${BUNDLES_FOLDER}`;
    for (const entry of await listFolder(deviceRelative)) {
      if (entry.name === BUNDLES_FOLDER || skipIgnored(entry, `${deviceRelative}/${displayName(entry.name)}`)) continue;
      problem('badName', `${deviceRelative}/${displayName(entry.name)}`, 'outside the layout', deviceId);
    }
    const seqs = new Set<number>();
    for (const entry of await listFolder(bundlesRelative)) {
      const relative = `${bundlesRelative}/${displayName(entry.name)}`;
      if (skipIgnored(entry, relative)) continue;
      const seq = seqOfBundleFileName(entry.name);
      if (seq === null) problem('badName', relative, 'not a bundle file name', deviceId);
      else if (!entry.isFile()) problem('badName', relative, entry.isSymbolicLink() ? 'symlink (never followed)' : 'not a regular file', deviceId);
      else seqs.add(seq);
    }
    const sorted = [...seqs].sort((a, b) => a - b);
    device.bundleFiles = sorted.length;
    device.firstSeq = sorted[0] ?? null;
    device.lastSeq = sorted.at(-1) ?? null;
    const missing = missingRanges(sorted);
    if (missing.length > 0) {
      problem('gap', bundlesRelative, `missing seq ${missing.join(', ')} (not yet copied, or lost): readers stop at the first gap`, deviceId);
    }

    let prevHash: string | null = null;
    let signPublicKey: string | null = null;
    let congressId = result.marker?.congressId ?? null;
    for (let seq = 1; seqs.has(seq); seq += 1) {
      const file = bundleRelativePath(deviceId, seq);
      const read = await readBundleFile(path.join(folder, ...file.split('/')));
      const stop = (code: DoctorProblemCode, detail: string): void => {
        problem(code, file, detail, deviceId);
        const unchecked = sorted.filter((s) => s > seq).length;
        if (unchecked > 0) note('uncheckedAfterProblem', bundlesRelative, `${unchecked} later bundle(s) not verified: readers stop here too`, deviceId);
      };
      if (read.kind !== 'ok') {
        stop(read.kind, read.detail);
        break;
      }
      const decoded = decodeBundle(read.bytes, file);
      if (!decoded.ok) {
        stop(decoded.problem.code, decoded.problem.detail);
        break;
      }
      if (signPublicKey === null) {
        signPublicKey = decoded.body.keys.signPublicKey;
        device.signPublicKey = signPublicKey;
        device.fingerprint = safeFingerprint(decoded.body.keys);
      }
      congressId ??= decoded.body.congressId;
      const verdict = verifyBundle(decoded, { file, deviceId, seq, prevHash, congressId, signPublicKey });
      if (verdict) {
        stop(verdict.code, verdict.detail);
        break;
      }
      prevHash = decoded.bodyHash;
      device.verifiedThrough = seq;
      for (const section of decoded.body.sections) {
        if (section.audience !== 'all') continue;
        for (const change of section.payload.changes) {
          if (change.entity === 'deviceBinding') bindingChanges.push({ change, publishedBy: deviceId });
        }
      }
    }
    device.problems = issues.filter((i) => i.severity === 'problem').length - before;
    return device;
  }

  // Office-bound keys, as far as plain sections tell (the office's own binding is in the congress profile)
  const bindings = foldBindings(bindingChanges);
  if (result.devices.length > 0 && bindings.size === 0) {
    note('noBindings', DEVICES_FOLDER, 'no device bindings in plain sections: keys were checked against each device\'s first bundle only');
  }
  for (const device of result.devices) {
    const binding = bindings.get(device.deviceId) ?? null;
    device.binding = binding;
    if (bindings.size === 0) continue;
    const file = `${DEVICES_FOLDER}/${device.deviceId}`;
    if (!binding) note('notBound', file, 'no binding published for this device (not enrolled yet, or the office device itself)', device.deviceId);
    else if (binding.revoked) note('revoked', file, `binding revoked by ${binding.publishedBy}`, device.deviceId);
    else if (binding.signPublicKey !== null && device.signPublicKey !== null && binding.signPublicKey !== device.signPublicKey) {
      problem('keyMismatch', file, `bundles are signed with a key other than the one the office bound (binding published by ${binding.publishedBy})`, device.deviceId);
      device.problems += 1;
    }
  }

  // Blobs: content-addressed, so every file must hash to its name
  for (const prefix of await listFolder(BLOBS_FOLDER)) {
    const prefixRelative = `${BLOBS_FOLDER}/${displayName(prefix.name)}`;
    if (skipIgnored(prefix, prefixRelative)) continue;
    if (!/^[0-9a-f]{2}$/.test(prefix.name) || !prefix.isDirectory()) {
      problem('badName', prefixRelative, prefix.isSymbolicLink() ? 'symlink (never followed)' : 'not a blob prefix folder');
      continue;
    }
    for (const entry of await listFolder(`${BLOBS_FOLDER}/${prefix.name}`)) {
      const relative = `${prefixRelative}/${displayName(entry.name)}`;
      if (skipIgnored(entry, relative)) continue;
      if (!BLOB_NAME_PATTERN.test(entry.name) || !entry.name.startsWith(prefix.name)) {
        problem('badName', relative, 'not a blob name (sha256 under its first two digits)');
        continue;
      }
      if (!entry.isFile()) {
        problem('badName', relative, entry.isSymbolicLink() ? 'symlink (never followed)' : 'not a regular file');
        continue;
      }
      const read = await readBlob(path.join(folder, BLOBS_FOLDER, prefix.name, entry.name));
      if (read.kind !== 'ok') {
        problem(read.kind, relative, read.detail);
        continue;
      }
      result.blobs.files += 1;
      result.blobs.bytes += read.bytes.byteLength;
      if (createHash('sha256').update(read.bytes).digest('hex') !== entry.name) problem('blobCorrupt', relative, 'content does not hash to its name (damaged or replaced)');
    }
  }

  return finish(result);
}

function finish(result: SyncFolderDiagnosis): SyncFolderDiagnosis {
  result.problemCount = result.issues.filter((issue) => issue.severity === 'problem').length;
  return result;
}

type FileRead = { kind: 'ok'; bytes: Uint8Array } | { kind: 'tooLarge' | 'unreadable' | 'badName' | 'emptyFile'; detail: string };

async function readLimitedFile(filePath: string, limit: number): Promise<FileRead> {
  try {
    const info = await fsPromises.lstat(filePath);
    if (!info.isFile()) return { kind: 'badName', detail: 'not a regular file' };
    if (info.size > limit) return { kind: 'tooLarge', detail: `${info.size} bytes (max ${limit})` };
    const read = await readRegularFileLimited(filePath, limit);
    if (read.kind === 'notFile') return { kind: 'badName', detail: 'not a regular file' };
    if (read.kind === 'tooLarge') return { kind: 'tooLarge', detail: `${read.size} bytes (max ${limit})` };
    return read;
  } catch (error) {
    return { kind: 'unreadable', detail: `cannot read: ${codeOf(error) ?? String(error)}` };
  }
}

async function readBundleFile(filePath: string): Promise<FileRead> {
  const read = await readLimitedFile(filePath, MAX_BUNDLE_BYTES);
  if (read.kind === 'ok' && read.bytes.byteLength === 0) return { kind: 'emptyFile', detail: 'empty file: a write was interrupted, or a copy is still running' };
  return read;
}

function readBlob(filePath: string): Promise<FileRead> {
  return readLimitedFile(filePath, MAX_BLOB_BYTES);
}

/** The latest binding per device (by HLC) from deviceBinding changes; a delete is a revocation. */
function foldBindings(changes: { change: SyncChange; publishedBy: string }[]): Map<string, DeviceBindingSeen> {
  const bindings = new Map<string, DeviceBindingSeen>();
  for (const { change, publishedBy } of [...changes].sort((a, b) => (a.change.hlc < b.change.hlc ? -1 : a.change.hlc > b.change.hlc ? 1 : 0))) {
    const previous = bindings.get(change.entityId);
    if (change.op === 'delete') {
      bindings.set(change.entityId, { role: previous?.role ?? null, actorId: previous?.actorId ?? null, signPublicKey: previous?.signPublicKey ?? null, revoked: true, publishedBy });
      continue;
    }
    const fields = change.fields;
    const text = (name: string, fallback: string | null): string | null => (typeof fields[name] === 'string' ? (fields[name] as string) : fallback);
    bindings.set(change.entityId, {
      role: text('role', previous?.role ?? null),
      actorId: text('actorId', previous?.actorId ?? null),
      signPublicKey: text('signPublicKey', previous?.signPublicKey ?? null),
      revoked: typeof fields.deletedAt === 'string',
      publishedBy,
    });
  }
  return bindings;
}

/** "3–4", "7": the seqs below the highest one that are not there. */
function missingRanges(sortedSeqs: number[]): string[] {
  const ranges: string[] = [];
  let expected = 1;
  for (const seq of sortedSeqs) {
    if (seq > expected) ranges.push(seq - 1 === expected ? String(expected) : `${expected}–${seq - 1}`);
    expected = seq + 1;
  }
  return ranges;
}

function safeFingerprint(keys: { signPublicKey: string; boxPublicKey: string }): string | null {
  try {
    return fingerprintOf(keys);
  } catch {
    return null;
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function sortedByName(entries: Dirent[]): Dirent[] {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
