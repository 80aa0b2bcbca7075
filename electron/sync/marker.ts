import * as fsPromises from 'node:fs/promises';
import { z } from 'zod';
import { fromUtf8, utf8 } from '../../shared/sync/encoding';
import { FOLDER_MARKER_FORMAT, SYNC_FORMAT_VERSION } from '../../shared/sync/types';
import { BridgeError } from '../ipc/bridgeError';
import { errorCodeOf } from '../storage/fsErrors';
import { readRegularFileLimited } from '../storage/readLimited';
import { writeFileOnce } from '../storage/writeOnce';
import { absolutePath, MARKER_FILE, requireReachableFolder } from './syncFolder';
import { syncReadFailure, syncWriteFailure } from './syncErrors';

/** The folder marker (同步文件夹标记): which congress this folder belongs to, and the format version. */
export interface FolderMarker {
  format: string;
  version: number;
  congressId: string;
}

const MAX_MARKER_BYTES = 64 * 1024;

// Not strict: a later version may add fields; the renderer decides what a newer version means
const markerSchema = z.object({
  format: z.literal(FOLDER_MARKER_FORMAT),
  version: z.number().int().positive(),
  congressId: z.string().min(1).max(100),
});

export type MarkerState =
  | { state: 'absent' }
  | { state: 'ok'; marker: FolderMarker }
  | { state: 'bad'; code: 'badName' | 'tooLarge' | 'unreadable'; detail: string };

/** Reads the marker without ever throwing for its content; I/O errors other than "absent" are thrown. */
export async function readMarker(folder: string): Promise<MarkerState> {
  const filePath = absolutePath(folder, MARKER_FILE);
  let info;
  try {
    info = await fsPromises.lstat(filePath);
  } catch (error) {
    if (errorCodeOf(error) === 'ENOENT') return { state: 'absent' };
    throw error;
  }
  if (!info.isFile()) return { state: 'bad', code: 'badName', detail: 'marker is not a regular file (symlink or folder)' };
  const read = await readRegularFileLimited(filePath, MAX_MARKER_BYTES);
  if (read.kind === 'notFile') return { state: 'bad', code: 'badName', detail: 'marker is not a regular file' };
  if (read.kind === 'tooLarge') return { state: 'bad', code: 'tooLarge', detail: `marker is ${read.size} bytes (max ${MAX_MARKER_BYTES})` };
  try {
    const parsed = markerSchema.parse(JSON.parse(fromUtf8(read.bytes)));
    return { state: 'ok', marker: { format: parsed.format, version: parsed.version, congressId: parsed.congressId } };
  } catch (error) {
    return { state: 'bad', code: 'unreadable', detail: `malformed marker: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}` };
  }
}

/**
 * Creates the marker for `congressId` if the folder has none, and returns the marker now in the folder — which
 * may name another congress (the renderer then reports wrongCongress). An existing marker is never replaced,
 * a damaged one neither (fileUnreadable: someone has to look at the folder).
 */
export async function writeMarker(folder: string, congressId: string): Promise<FolderMarker> {
  await requireReachableFolder(folder);
  const existing = await readMarker(folder).catch((error: unknown) => {
    throw syncReadFailure(error);
  });
  if (existing.state === 'ok') return existing.marker;
  if (existing.state === 'bad') throw damagedMarker(existing.detail);

  const marker: FolderMarker = { format: FOLDER_MARKER_FORMAT, version: SYNC_FORMAT_VERSION, congressId };
  try {
    await writeFileOnce(absolutePath(folder, MARKER_FILE), utf8(`${JSON.stringify(marker, null, 2)}\n`));
  } catch (error) {
    throw syncWriteFailure(error);
  }
  // Whoever wrote first (we, or another machine at the same moment) decides
  const now = await readMarker(folder).catch((error: unknown) => {
    throw syncReadFailure(error);
  });
  if (now.state === 'ok') return now.marker;
  throw damagedMarker(now.state === 'bad' ? now.detail : 'marker vanished after writing');
}

function damagedMarker(detail: string): BridgeError {
  return new BridgeError('fileUnreadable', `同步文件夹中的标记文件 ${MARKER_FILE} 已损坏，未做任何修改。请联系信息管理人员检查该文件夹（npm run sync:doctor）。`, {
    cause: new Error(detail),
  });
}
