import { BRIDGE_CHANNELS } from '../../shared/bridgeChannels';
import type { AppInfo, BridgeChannel, BridgeErrorCode, DelegateDeskBridge, DevicePublicKeys, LocalBackupInfo, OpenedFile, SavedFile, SyncScanResult } from '../../shared/bridge';
import { isBridgeErrorCode } from '../ipc/bridgeError';

export type InvokeBridgeChannel = (channel: BridgeChannel, ...args: unknown[]) => Promise<unknown>;

/** Rejection of a window.delegateDesk call. */
export interface BridgeCallError extends Error {
  code: BridgeErrorCode;
}

/**
 * contextBridge copies a thrown Error into the page with only its message: `.code` does not survive.
 * So the code also travels inside the message as "[code] 中文说明"; the renderer recovers it with
 * BRIDGE_ERROR_MESSAGE_PATTERN (documented in docs/bridge.md).
 */
export { BRIDGE_ERROR_MESSAGE_PATTERN } from '../../shared/bridgeChannels';

export function bridgeCallError(code: BridgeErrorCode, message: string): BridgeCallError {
  const error = new Error(`[${code}] ${message}`) as BridgeCallError;
  error.name = 'BridgeError';
  error.code = code;
  return error;
}

/**
 * window.delegateDesk: each method invokes its channel and unwraps the main process's envelope,
 * resolving with the value or rejecting with a coded error.
 */
export function createBridgeClient(invoke: InvokeBridgeChannel): DelegateDeskBridge {
  const call = async (channel: BridgeChannel, args: unknown[]): Promise<unknown> => {
    let envelope: unknown;
    try {
      envelope = await invoke(channel, ...args);
    } catch {
      // ipcRenderer.invoke rejects when an argument cannot be structured-cloned (e.g. a function)
      throw bridgeCallError('invalidArguments', '请求参数无法传递。');
    }
    return unwrapEnvelope(envelope);
  };
  return {
    appInfo: async () => (await call(BRIDGE_CHANNELS.appInfo, [])) as AppInfo,
    openFile: async (request) => (await call(BRIDGE_CHANNELS.openFile, [request])) as OpenedFile | null,
    saveFile: async (request) => (await call(BRIDGE_CHANNELS.saveFile, [request])) as SavedFile | null,
    printToPdf: async (request) => (await call(BRIDGE_CHANNELS.printToPdf, [request])) as SavedFile | null,
    // Uint8Array arguments and results cross IPC and contextBridge as they are (structured clone)
    deviceKeys: async (request) => (await call(BRIDGE_CHANNELS.deviceKeys, [request])) as DevicePublicKeys,
    deviceSign: async (request) => (await call(BRIDGE_CHANNELS.deviceSign, [request])) as Uint8Array,
    deviceUnwrap: async (request) => (await call(BRIDGE_CHANNELS.deviceUnwrap, [request])) as (Uint8Array | null)[],
    syncChooseFolder: async (request) => (await call(BRIDGE_CHANNELS.syncChooseFolder, [request])) as { folder: string } | null,
    syncScan: async (request) => (await call(BRIDGE_CHANNELS.syncScan, [request])) as SyncScanResult,
    syncWriteMarker: async (request) => (await call(BRIDGE_CHANNELS.syncWriteMarker, [request])) as { format: string; version: number; congressId: string },
    syncWriteBundle: async (request) => (await call(BRIDGE_CHANNELS.syncWriteBundle, [request])) as { file: string },
    syncPutBlob: async (request) => (await call(BRIDGE_CHANNELS.syncPutBlob, [request])) as { file: string; existed: boolean },
    syncGetBlob: async (request) => (await call(BRIDGE_CHANNELS.syncGetBlob, [request])) as Uint8Array | null,
    backupWriteLocal: async (request) => (await call(BRIDGE_CHANNELS.backupWriteLocal, [request])) as LocalBackupInfo,
    backupListLocal: async (request) => (await call(BRIDGE_CHANNELS.backupListLocal, [request])) as LocalBackupInfo[],
    backupReadLocal: async (request) => (await call(BRIDGE_CHANNELS.backupReadLocal, [request])) as Uint8Array,
    backupSaveAs: async (request) => (await call(BRIDGE_CHANNELS.backupSaveAs, [request])) as SavedFile | null,
    backupOpenFile: async (request) => (await call(BRIDGE_CHANNELS.backupOpenFile, [request])) as OpenedFile | null,
  };
}

function unwrapEnvelope(envelope: unknown): unknown {
  if (typeof envelope === 'object' && envelope !== null && 'ok' in envelope) {
    if (envelope.ok === true && 'value' in envelope) return envelope.value;
    if (envelope.ok === false && 'code' in envelope && isBridgeErrorCode(envelope.code)) {
      const message = 'message' in envelope && typeof envelope.message === 'string' ? envelope.message : '';
      throw bridgeCallError(envelope.code, message);
    }
  }
  throw bridgeCallError('invalidArguments', '主进程返回了无法识别的结果。');
}
