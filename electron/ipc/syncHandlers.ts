import path from 'node:path';
import type { z } from 'zod';
import {
  syncChooseFolderRequestSchema,
  syncGetBlobRequestSchema,
  syncPutBlobRequestSchema,
  syncScanRequestSchema,
  syncWriteBundleRequestSchema,
  syncWriteMarkerRequestSchema,
} from '../../shared/bridge';
import type { SyncScanResult } from '../../shared/bridge';
import { getBlob, putBlob } from '../sync/blobs';
import { writeBundle } from '../sync/bundleFiles';
import { writeMarker } from '../sync/marker';
import type { FolderMarker } from '../sync/marker';
import { scanSyncFolder } from '../sync/scanSyncFolder';
import { isReachableFolder } from '../sync/syncFolder';
import { BridgeError } from './bridgeError';
import { plainBytes, validate } from './validate';

export type ValidChooseFolderRequest = z.output<typeof syncChooseFolderRequestSchema>;

export interface FolderDialogPort {
  /** A folder picker (the sync folder or a USB stick); a full path, or null when cancelled */
  chooseFolder(request: ValidChooseFolderRequest): Promise<string | null>;
}

/** sync:* channels: the sync folder's files, under the fixed layout of shared/sync/types.ts. */
export interface SyncHandlers {
  syncChooseFolder(request: unknown): Promise<{ folder: string } | null>;
  syncScan(request: unknown): Promise<SyncScanResult>;
  syncWriteMarker(request: unknown): Promise<FolderMarker>;
  syncWriteBundle(request: unknown): Promise<{ file: string }>;
  syncPutBlob(request: unknown): Promise<{ file: string; existed: boolean }>;
  syncGetBlob(request: unknown): Promise<Uint8Array | null>;
}

export function createSyncHandlers({ dialogs, log }: { dialogs: FolderDialogPort; log: (message: string) => void }): SyncHandlers {
  return {
    async syncChooseFolder(rawRequest) {
      const request = validate(syncChooseFolderRequestSchema, rawRequest);
      const chosen = await dialogs.chooseFolder(request);
      if (chosen === null) return null;
      // The web bridge's typed path may name anything; the native dialog only existing folders
      if (!(await isReachableFolder(chosen))) throw new BridgeError('folderUnreachable', '所选文件夹不存在或无法访问，请重新选择。');
      return { folder: path.resolve(chosen) };
    },

    async syncScan(rawRequest) {
      const { folder, known, maxBytes } = validate(syncScanRequestSchema, rawRequest);
      const result = await scanSyncFolder(folder, known, maxBytes);
      return { ...result, bundles: result.bundles.map((bundle) => ({ ...bundle, bytes: plainBytes(bundle.bytes) })) };
    },

    async syncWriteMarker(rawRequest) {
      const { folder, congressId } = validate(syncWriteMarkerRequestSchema, rawRequest);
      return writeMarker(folder, congressId);
    },

    async syncWriteBundle(rawRequest) {
      const { folder, deviceId, seq, bytes } = validate(syncWriteBundleRequestSchema, rawRequest);
      return writeBundle(folder, deviceId, seq, bytes);
    },

    async syncPutBlob(rawRequest) {
      const { folder, sha256, bytes } = validate(syncPutBlobRequestSchema, rawRequest);
      return putBlob(folder, sha256, bytes);
    },

    async syncGetBlob(rawRequest) {
      const { folder, sha256 } = validate(syncGetBlobRequestSchema, rawRequest);
      const bytes = await getBlob(folder, sha256, log);
      return bytes && plainBytes(bytes);
    },
  };
}
