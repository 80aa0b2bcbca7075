import path from 'node:path';
import type { z } from 'zod';
import { openFileRequestSchema, printToPdfRequestSchema, saveFileRequestSchema } from '../../shared/bridge';
import type { AppInfo, DelegateDeskBridge, OpenedFile, SavedFile } from '../../shared/bridge';
import type { KeyStore } from '../keys/keyStore';
import { errorCodeOf } from '../storage/fsErrors';
import { BridgeError } from './bridgeError';
import { nodeFileSystem, writeFileAtomically } from './bridgeFileSystem';
import type { BridgeFileSystem } from './bridgeFileSystem';
import type { LocalBackupStore } from '../backups/localBackups';
import { createBackupHandlers } from './backupHandlers';
import type { BackupHandlers } from './backupHandlers';
import { createDeviceHandlers } from './deviceHandlers';
import type { DeviceHandlers } from './deviceHandlers';
import { createSyncHandlers } from './syncHandlers';
import type { FolderDialogPort, SyncHandlers } from './syncHandlers';
import { plainBytes, validate } from './validate';

export type ValidOpenFileRequest = z.output<typeof openFileRequestSchema>;
export type ValidSaveFileRequest = z.output<typeof saveFileRequestSchema>;
export type { ValidChooseFolderRequest } from './syncHandlers';

/**
 * How the shell lets the user pick a file or folder: native dialogs in Electron, a typed path in the
 * web bridge. Returns a full path, or null when the user cancels. Receives the already-validated request.
 */
export interface DialogPort extends FolderDialogPort {
  chooseOpenPath(request: ValidOpenFileRequest): Promise<string | null>;
  chooseSavePath(request: ValidSaveFileRequest): Promise<string | null>;
}

/** Prints the app window's page (its print layout) to PDF bytes: webContents.printToPDF in Electron. */
export interface PdfPrinter {
  printToPdf(options: { landscape: boolean }): Promise<Uint8Array>;
}

export interface BridgeHandlerPorts {
  appInfo: AppInfo;
  dialogs: DialogPort;
  /** Absent where the shell cannot print to PDF (the web bridge) */
  printer?: PdfPrinter;
  /** This installation's device keys (electron/keys) */
  keys: KeyStore;
  fs?: BridgeFileSystem;
  /** Automatic snapshots in the data folder; absent where there is none */
  backups?: LocalBackupStore;
  /** Details for the main-process log (e.g. a damaged blob), never shown to the renderer */
  log?: (message: string) => void;
}

/**
 * The bridge's behaviour, independent of transport. Arguments are typed `unknown` because they come
 * from the renderer, which we do not trust: every one is validated here, whatever the caller's types
 * say. Extending DelegateDeskBridge makes the compiler check the handlers still fulfil the contract.
 */
export interface BridgeHandlers extends DelegateDeskBridge {
  appInfo(): Promise<AppInfo>;
  openFile(request: unknown): Promise<OpenedFile | null>;
  saveFile(request: unknown): Promise<SavedFile | null>;
  printToPdf(request: unknown): Promise<SavedFile | null>;
  deviceKeys: DeviceHandlers['deviceKeys'];
  deviceSign: DeviceHandlers['deviceSign'];
  deviceUnwrap: DeviceHandlers['deviceUnwrap'];
  syncChooseFolder: SyncHandlers['syncChooseFolder'];
  syncScan: SyncHandlers['syncScan'];
  syncWriteMarker: SyncHandlers['syncWriteMarker'];
  syncWriteBundle: SyncHandlers['syncWriteBundle'];
  syncPutBlob: SyncHandlers['syncPutBlob'];
  syncGetBlob: SyncHandlers['syncGetBlob'];
  backupWriteLocal: BackupHandlers['backupWriteLocal'];
  backupListLocal: BackupHandlers['backupListLocal'];
  backupReadLocal: BackupHandlers['backupReadLocal'];
  backupSaveAs: BackupHandlers['backupSaveAs'];
  backupOpenFile: BackupHandlers['backupOpenFile'];
}

export function createBridgeHandlers({ appInfo, dialogs, keys, printer, backups, fs = nodeFileSystem, log = () => undefined }: BridgeHandlerPorts): BridgeHandlers {
  return {
    ...createDeviceHandlers(keys),
    ...createBackupHandlers({ store: backups, dialogs, fs }),
    ...createSyncHandlers({ dialogs, log }),

    appInfo() {
      return Promise.resolve({ ...appInfo });
    },

    async openFile(rawRequest) {
      const request = validate(openFileRequestSchema, rawRequest);
      const filePath = await dialogs.chooseOpenPath(request);
      if (filePath === null) return null;

      // Size first: a 4 GB video picked by mistake is refused without reading a byte of it
      const info = await fs.stat(filePath).catch((error: unknown) => {
        throw readFailure(error);
      });
      if (!info.isFile()) throw new BridgeError('fileUnreadable', '所选路径不是文件。');
      if (info.size > request.maxBytes) throw tooLarge(info.size, request.maxBytes);

      const bytes = await fs.readFile(filePath).catch((error: unknown) => {
        throw readFailure(error);
      });
      // The file may have grown between stat and read
      if (bytes.byteLength > request.maxBytes) throw tooLarge(bytes.byteLength, request.maxBytes);
      return { name: path.basename(filePath), bytes: plainBytes(bytes) };
    },

    async saveFile(rawRequest) {
      const request = validate(saveFileRequestSchema, rawRequest);
      const filePath = await dialogs.chooseSavePath(request);
      if (filePath === null) return null;
      try {
        await writeFileAtomically(fs, filePath, request.bytes);
      } catch (error) {
        throw writeFailure(error);
      }
      return { name: path.basename(filePath) };
    },

    async printToPdf(rawRequest) {
      const request = validate(printToPdfRequestSchema, rawRequest);
      if (!printer) throw new BridgeError('unsupported', '这里不能直接导出 PDF，请用浏览器的“打印”并选择“另存为 PDF”。');
      // Where first: a cancelled dialog costs no rendering
      const filePath = await dialogs.chooseSavePath({
        ...(request.title ? { title: request.title } : {}),
        defaultName: request.defaultName,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        bytes: new Uint8Array(0),
      });
      if (filePath === null) return null;
      let bytes: Uint8Array;
      try {
        bytes = await printer.printToPdf({ landscape: request.landscape });
      } catch (error) {
        log(`printToPdf failed: ${error instanceof Error ? error.message : String(error)}`);
        throw new BridgeError('internal', '生成 PDF 失败，请重试。', { cause: error });
      }
      try {
        await writeFileAtomically(fs, filePath, bytes);
      } catch (error) {
        throw writeFailure(error);
      }
      return { name: path.basename(filePath) };
    },
  };
}

function tooLarge(size: number, maxBytes: number): BridgeError {
  return new BridgeError('fileTooLarge', `文件过大（${formatMegabytes(size)}），最大允许 ${formatMegabytes(maxBytes)}。`);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function readFailure(error: unknown): BridgeError {
  const code = errorCodeOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new BridgeError('fileNotFound', undefined, { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new BridgeError('fileUnreadable', '没有读取该文件的权限。', { cause: error });
  return new BridgeError('fileUnreadable', undefined, { cause: error });
}

function writeFailure(error: unknown): BridgeError {
  const code = errorCodeOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new BridgeError('fileUnwritable', '保存位置不存在。', { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new BridgeError('fileUnwritable', '没有写入该位置的权限。', { cause: error });
  if (code === 'ENOSPC') return new BridgeError('fileUnwritable', '磁盘空间不足，文件未保存。', { cause: error });
  if (code === 'EISDIR') return new BridgeError('fileUnwritable', '所选路径是文件夹，不能作为文件保存。', { cause: error });
  return new BridgeError('fileUnwritable', undefined, { cause: error });
}
