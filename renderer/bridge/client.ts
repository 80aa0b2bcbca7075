import {
  BRIDGE_ERROR_MESSAGE_PATTERN,
  type AppInfo,
  type DelegateDeskBridge,
  type DevicePublicKeys,
  type LocalBackupInfo,
  type OpenedFile,
  type OpenFileRequest,
  type SavedFile,
  type SaveFileRequest,
  type SyncScanResult,
} from '../../shared/bridge';
import { decodeScanFrame, SCAN_FRAME_CONTENT_TYPE } from '../../shared/scanFrame';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts */
    delegateDesk?: DelegateDeskBridge;
  }
}

/** An error from the bridge, with the stable code the UI translates. */
export class BridgeCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeCallError';
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64?.bind(Uint8Array);

function fromBase64(text: string): Uint8Array {
  // A first sync carries tens of megabytes of bundles: decode natively where the engine can (Chromium 140+).
  if (nativeFromBase64) return nativeFromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * In a plain browser (`npm run web`, end-to-end tests) the same API is served by the local web bridge over HTTP.
 * A browser cannot show a native file or folder dialog, so the web client asks for a path on this machine instead.
 */
export type PathPrompt = (kind: 'open' | 'save' | 'folder', request: { title?: string; defaultName?: string }) => Promise<string | null>;

const PROMPT_TEXT = {
  open: '请输入要打开的文件的完整路径',
  save: '请输入保存位置的完整路径',
  folder: '请输入同步文件夹（或U盘）的完整路径',
} as const;

const defaultPathPrompt: PathPrompt = async (kind, request) => window.prompt(PROMPT_TEXT[kind], request.defaultName ?? '');

export function createWebBridge(baseUrl: string, pathPrompt: PathPrompt = defaultPathPrompt): DelegateDeskBridge {
  const post = (channel: string, body: unknown) =>
    fetch(`${baseUrl}api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  async function readEnvelope<T>(response: Response): Promise<T> {
    const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; code: string; message: string };
    if (!envelope.ok) throw new BridgeCallError(envelope.code, envelope.message);
    return envelope.value;
  }
  const call = async <T,>(channel: string, body: unknown): Promise<T> => readEnvelope<T>(await post(channel, body));
  /** Requests whose `bytes` travel as `bytesBase64`. */
  const withBase64 = <R extends { bytes: Uint8Array }>({ bytes, ...rest }: R) => ({ ...rest, bytesBase64: toBase64(bytes) });

  return {
    appInfo: () => call<AppInfo>('app:info', {}),
    async openFile(request: OpenFileRequest): Promise<OpenedFile | null> {
      const path = await pathPrompt('open', request);
      if (!path) return null;
      const value = await call<{ name: string; bytesBase64: string } | null>('file:open', { request, path });
      return value && { name: value.name, bytes: fromBase64(value.bytesBase64) };
    },
    async saveFile(request: SaveFileRequest): Promise<SavedFile | null> {
      const path = await pathPrompt('save', request);
      if (!path) return null;
      return call<SavedFile | null>('file:save', { request: withBase64(request), path });
    },

    deviceKeys: (request) => call<DevicePublicKeys>('device:keys', { request }),
    deviceSign: async (request) => fromBase64(await call<string>('device:sign', { request: withBase64(request) })),
    deviceUnwrap: async (request) => (await call<(string | null)[]>('device:unwrap', { request })).map((key) => (key === null ? null : fromBase64(key))),

    async syncChooseFolder(request) {
      const path = await pathPrompt('folder', request);
      if (!path) return null;
      return call<{ folder: string } | null>('sync:chooseFolder', { request, path });
    },
    async syncScan(request) {
      const response = await post('sync:scan', { request });
      if (response.headers.get('content-type') === SCAN_FRAME_CONTENT_TYPE) return decodeScanFrame(new Uint8Array(await response.arrayBuffer()));
      return readEnvelope<SyncScanResult>(response);
    },
    syncWriteMarker: (request) => call<{ format: string; version: number; congressId: string }>('sync:writeMarker', { request }),
    syncWriteBundle: (request) => call<{ file: string }>('sync:writeBundle', { request: withBase64(request) }),
    syncPutBlob: (request) => call<{ file: string; existed: boolean }>('sync:putBlob', { request: withBase64(request) }),
    syncGetBlob: async (request) => {
      const value = await call<string | null>('sync:getBlob', { request });
      return value === null ? null : fromBase64(value);
    },
    backupWriteLocal: (request) => call<LocalBackupInfo>('backup:writeLocal', { request: withBase64(request) }),
    backupListLocal: (request) => call<LocalBackupInfo[]>('backup:listLocal', { request }),
    backupReadLocal: async (request) => fromBase64(await call<string>('backup:readLocal', { request })),
    async backupSaveAs(request) {
      const path = await pathPrompt('save', request);
      if (!path) return null;
      return call<SavedFile | null>('backup:saveAs', { request: withBase64(request), path });
    },
    async backupOpenFile(request) {
      const path = await pathPrompt('open', request);
      if (!path) return null;
      const value = await call<{ name: string; bytesBase64: string } | null>('backup:openFile', { request, path });
      return value && { name: value.name, bytes: fromBase64(value.bytesBase64) };
    },
    // A page cannot print itself to a file: the browser's own print dialog does it (the caller falls back to it).
    printToPdf: () => Promise.reject(new BridgeCallError('unsupported', '这里不能直接导出 PDF，请用浏览器的“打印”并选择“另存为 PDF”。')),
  };
}

/**
 * Electron passes only an error's message through contextBridge; recover the code the preload put in it
 * ("[code] 中文说明"), so every method rejects with a BridgeCallError the UI can translate.
 */
export function withBridgeErrorCodes(inner: DelegateDeskBridge): DelegateDeskBridge {
  const translate = (error: unknown): never => {
    const text = error instanceof Error ? error.message : String(error);
    const match = BRIDGE_ERROR_MESSAGE_PATTERN.exec(text);
    throw match ? new BridgeCallError(match[1]!, match[2]!) : error;
  };
  return {
    appInfo: () => inner.appInfo().catch(translate),
    openFile: (request) => inner.openFile(request).catch(translate),
    saveFile: (request) => inner.saveFile(request).catch(translate),
    printToPdf: (request) => inner.printToPdf(request).catch(translate),
    deviceKeys: (request) => inner.deviceKeys(request).catch(translate),
    deviceSign: (request) => inner.deviceSign(request).catch(translate),
    deviceUnwrap: (request) => inner.deviceUnwrap(request).catch(translate),
    syncChooseFolder: (request) => inner.syncChooseFolder(request).catch(translate),
    syncScan: (request) => inner.syncScan(request).catch(translate),
    syncWriteMarker: (request) => inner.syncWriteMarker(request).catch(translate),
    syncWriteBundle: (request) => inner.syncWriteBundle(request).catch(translate),
    syncPutBlob: (request) => inner.syncPutBlob(request).catch(translate),
    syncGetBlob: (request) => inner.syncGetBlob(request).catch(translate),
    backupWriteLocal: (request) => inner.backupWriteLocal(request).catch(translate),
    backupListLocal: (request) => inner.backupListLocal(request).catch(translate),
    backupReadLocal: (request) => inner.backupReadLocal(request).catch(translate),
    backupSaveAs: (request) => inner.backupSaveAs(request).catch(translate),
    backupOpenFile: (request) => inner.backupOpenFile(request).catch(translate),
  };
}

let bridge: DelegateDeskBridge | undefined;

/** The bridge for this shell: Electron's preload API, or the local web bridge. */
export function getBridge(): DelegateDeskBridge {
  bridge ??= window.delegateDesk
    ? withBridgeErrorCodes(window.delegateDesk)
    : createWebBridge(new URL('./', window.location.href).toString());
  return bridge;
}

export function setBridgeForTests(replacement: DelegateDeskBridge | undefined): void {
  bridge = replacement;
}
