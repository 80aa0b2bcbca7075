import { BRIDGE_CHANNELS } from '../../shared/bridgeChannels';
import type { AppInfo, BridgeChannel, BridgeErrorCode, DelegateDeskBridge, OpenedFile, SavedFile } from '../../shared/bridge';
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
