import { BRIDGE_ERROR_MESSAGE_PATTERN, type AppInfo, type DelegateDeskBridge, type OpenedFile, type OpenFileRequest, type SavedFile, type SaveFileRequest } from '../../shared/bridge';

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

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * In a plain browser (`npm run web`, end-to-end tests) the same API is served by the local web bridge over HTTP.
 * A browser cannot show a native file dialog, so the web client asks for a path on this machine instead.
 */
export type PathPrompt = (kind: 'open' | 'save', request: { title?: string; defaultName?: string }) => Promise<string | null>;

const defaultPathPrompt: PathPrompt = async (kind, request) =>
  window.prompt(kind === 'open' ? '请输入要打开的文件的完整路径' : '请输入保存位置的完整路径', request.defaultName ?? '');

export function createWebBridge(baseUrl: string, pathPrompt: PathPrompt = defaultPathPrompt): DelegateDeskBridge {
  async function call<T>(channel: string, body: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; code: string; message: string };
    if (!envelope.ok) throw new BridgeCallError(envelope.code, envelope.message);
    return envelope.value;
  }
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
      const { bytes, ...rest } = request;
      return call<SavedFile | null>('file:save', { request: { ...rest, bytesBase64: toBase64(bytes) }, path });
    },
  };
}

/** Electron passes only an error's message through contextBridge; recover the code the preload put in it. */
function withErrorCodes(inner: DelegateDeskBridge): DelegateDeskBridge {
  const translate = (error: unknown): never => {
    const text = error instanceof Error ? error.message : String(error);
    const match = BRIDGE_ERROR_MESSAGE_PATTERN.exec(text);
    throw match ? new BridgeCallError(match[1]!, match[2]!) : error;
  };
  return {
    appInfo: () => inner.appInfo().catch(translate),
    openFile: (request) => inner.openFile(request).catch(translate),
    saveFile: (request) => inner.saveFile(request).catch(translate),
  };
}

let bridge: DelegateDeskBridge | undefined;

/** The bridge for this shell: Electron's preload API, or the local web bridge. */
export function getBridge(): DelegateDeskBridge {
  bridge ??= window.delegateDesk
    ? withErrorCodes(window.delegateDesk)
    : createWebBridge(new URL('./', window.location.href).toString());
  return bridge;
}

export function setBridgeForTests(replacement: DelegateDeskBridge | undefined): void {
  bridge = replacement;
}
