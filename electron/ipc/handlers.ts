import path from 'node:path';
import type { z } from 'zod';
import { openFileRequestSchema, saveFileRequestSchema } from '../../shared/bridge';
import type { AppInfo, DelegateDeskBridge, OpenedFile, SavedFile } from '../../shared/bridge';
import { BRIDGE_ERROR_MESSAGES, BridgeError } from './bridgeError';
import { nodeFileSystem, writeFileAtomically } from './bridgeFileSystem';
import type { BridgeFileSystem } from './bridgeFileSystem';

export type ValidOpenFileRequest = z.output<typeof openFileRequestSchema>;
export type ValidSaveFileRequest = z.output<typeof saveFileRequestSchema>;

/**
 * How the shell lets the user pick a file: native dialogs in Electron, a typed path in the web
 * bridge. Returns a full path, or null when the user cancels. Receives the already-validated request.
 */
export interface DialogPort {
  chooseOpenPath(request: ValidOpenFileRequest): Promise<string | null>;
  chooseSavePath(request: ValidSaveFileRequest): Promise<string | null>;
}

export interface BridgeHandlerPorts {
  appInfo: AppInfo;
  dialogs: DialogPort;
  fs?: BridgeFileSystem;
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
}

export function createBridgeHandlers({ appInfo, dialogs, fs = nodeFileSystem }: BridgeHandlerPorts): BridgeHandlers {
  return {
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
  };
}

function validate<Schema extends z.ZodType>(schema: Schema, raw: unknown): z.output<Schema> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const where = result.error.issues[0]?.path.join('.');
  throw new BridgeError('invalidArguments', where ? `请求参数无效（${where}）。` : BRIDGE_ERROR_MESSAGES.invalidArguments, {
    cause: result.error,
  });
}

function tooLarge(size: number, maxBytes: number): BridgeError {
  return new BridgeError('fileTooLarge', `文件过大（${formatMegabytes(size)}），最大允许 ${formatMegabytes(maxBytes)}。`);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function errorCodeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
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

/**
 * A Uint8Array that owns exactly its bytes. Structured clone (IPC) copies a view's whole underlying
 * ArrayBuffer, and Node's Buffer may sit in a shared pool holding other data.
 */
function plainBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
    return new Uint8Array(bytes.buffer, 0, bytes.byteLength);
  }
  return new Uint8Array(bytes);
}
