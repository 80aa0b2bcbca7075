import {
  backupListLocalRequestSchema,
  backupOpenFileRequestSchema,
  backupReadLocalRequestSchema,
  backupSaveAsRequestSchema,
  backupWriteLocalRequestSchema,
  MAX_BACKUP_BYTES,
} from '../../shared/bridge';
import type { LocalBackupInfo, OpenedFile, SavedFile } from '../../shared/bridge';
import { errorCodeOf } from '../storage/fsErrors';
import type { LocalBackupStore } from '../backups/localBackups';
import { BridgeError } from './bridgeError';
import type { BridgeFileSystem } from './bridgeFileSystem';
import { readChosenFile, writeChosenFile, writeFailure } from './chosenFiles';
import { plainBytes, validate } from './validate';

/** The part of the dialog port backups use (the same native dialogs as other files). */
export interface BackupDialogPort {
  chooseOpenPath(request: { title?: string; filters: { name: string; extensions: string[] }[]; maxBytes: number }): Promise<string | null>;
  chooseSavePath(request: { defaultName: string; filters: { name: string; extensions: string[] }[]; bytes: Uint8Array }): Promise<string | null>;
}

/** backup:* channels: automatic snapshots in the data folder, and full backups saved or opened where the user says. */
export interface BackupHandlers {
  backupWriteLocal(request: unknown): Promise<LocalBackupInfo>;
  backupListLocal(request: unknown): Promise<LocalBackupInfo[]>;
  backupReadLocal(request: unknown): Promise<Uint8Array>;
  backupSaveAs(request: unknown): Promise<SavedFile | null>;
  backupOpenFile(request: unknown): Promise<OpenedFile | null>;
}

const BACKUP_FILTER = { name: '党代表履职工作台备份', extensions: ['ddbackup'] };

export function createBackupHandlers({ store, dialogs, fs }: { store: LocalBackupStore | undefined; dialogs: BackupDialogPort; fs: BridgeFileSystem }): BackupHandlers {
  const local = (): LocalBackupStore => {
    if (!store) throw new BridgeError('unsupported', '此处没有数据文件夹，无法自动备份。');
    return store;
  };
  return {
    async backupWriteLocal(raw) {
      const request = validate(backupWriteLocalRequestSchema, raw);
      try {
        return await local().write(request);
      } catch (error) {
        throw snapshotWriteFailure(error);
      }
    },
    async backupListLocal(raw) {
      validate(backupListLocalRequestSchema, raw);
      try {
        return await local().list();
      } catch (error) {
        throw new BridgeError('fileUnreadable', '无法读取备份文件夹。', { cause: error });
      }
    },
    async backupReadLocal(raw) {
      const { name } = validate(backupReadLocalRequestSchema, raw);
      try {
        return plainBytes(await local().read(name));
      } catch (error) {
        if (error instanceof BridgeError) throw error;
        if (errorCodeOf(error) === 'ENOENT') throw new BridgeError('fileNotFound', '找不到这份备份，可能已被删除。', { cause: error });
        throw new BridgeError('fileUnreadable', '无法读取这份备份。', { cause: error });
      }
    },
    async backupSaveAs(raw) {
      const request = validate(backupSaveAsRequestSchema, raw);
      const filePath = await dialogs.chooseSavePath({ defaultName: request.defaultName, filters: [BACKUP_FILTER], bytes: new Uint8Array(0) });
      if (filePath === null) return null;
      return writeChosenFile(fs, filePath, request.bytes);
    },
    async backupOpenFile(raw) {
      const request = validate(backupOpenFileRequestSchema, raw);
      const filePath = await dialogs.chooseOpenPath({ ...(request.title ? { title: request.title } : {}), filters: [BACKUP_FILTER], maxBytes: MAX_BACKUP_BYTES });
      if (filePath === null) return null;
      return readChosenFile(fs, filePath, MAX_BACKUP_BYTES);
    },
  };
}

/** Snapshot writes in the data folder: the same words as any file, but saying it is the backup that was not saved. */
function snapshotWriteFailure(error: unknown): BridgeError {
  if (error instanceof BridgeError) return error;
  const code = errorCodeOf(error);
  if (code === 'ENOSPC') return new BridgeError('fileUnwritable', '磁盘空间不足，备份未保存。', { cause: error });
  return writeFailure(error);
}
