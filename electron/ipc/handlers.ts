import type { z } from 'zod';
import { openFileRequestSchema, printToPdfRequestSchema, saveFileRequestSchema } from '../../shared/bridge';
import type { AppInfo, DelegateDeskBridge, OpenedFile, SavedFile } from '../../shared/bridge';
import type { KeyStore } from '../keys/keyStore';
import { BridgeError } from './bridgeError';
import { nodeFileSystem } from './bridgeFileSystem';
import { readChosenFile, writeChosenFile } from './chosenFiles';
import type { BridgeFileSystem } from './bridgeFileSystem';
import type { LocalBackupStore } from '../backups/localBackups';
import { createBackupHandlers } from './backupHandlers';
import type { BackupHandlers } from './backupHandlers';
import { createDeviceHandlers } from './deviceHandlers';
import type { DeviceHandlers } from './deviceHandlers';
import { createSyncHandlers } from './syncHandlers';
import type { FolderDialogPort, SyncHandlers } from './syncHandlers';
import { validate } from './validate';

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
      return readChosenFile(fs, filePath, request.maxBytes);
    },

    async saveFile(rawRequest) {
      const request = validate(saveFileRequestSchema, rawRequest);
      const filePath = await dialogs.chooseSavePath(request);
      if (filePath === null) return null;
      return writeChosenFile(fs, filePath, request.bytes);
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
      return writeChosenFile(fs, filePath, bytes);
    },
  };
}
