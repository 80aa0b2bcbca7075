import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { BRIDGE_CHANNELS } from '../../shared/bridge';
import type { AppInfo, SyncScanResult } from '../../shared/bridge';
import { encodeScanFrame, SCAN_FRAME_CONTENT_TYPE } from '../../shared/scanFrame';
import { BridgeError } from '../../electron/ipc/bridgeError';
import type { BridgeFileSystem } from '../../electron/ipc/bridgeFileSystem';
import { invokeBridgeChannel, isBridgeChannel } from '../../electron/ipc/dispatch';
import { failureEnvelope } from '../../electron/ipc/envelope';
import type { BridgeEnvelope } from '../../electron/ipc/envelope';
import { createBridgeHandlers } from '../../electron/ipc/handlers';
import type { DialogPort } from '../../electron/ipc/handlers';
import { createLocalBackupStore } from '../../electron/backups/localBackups';
import { createKeyStore } from '../../electron/keys/keyStore';
import { loadAppFile, resolveAppRequest } from '../../electron/protocol/appProtocol';
import { APP_WINDOW_TITLE } from '../../electron/security/appOrigin';
import { rendererResponseHeaders } from '../../electron/security/csp';
import { decodeBridgeRequestBody, encodeBridgeEnvelope, httpStatusOf } from './httpMapping';
import { isOwnHost, isSameOriginApiRequest } from './requestGuard';

export interface WebBridgeOptions {
  /** 0 = any free port (tests); the actual one is in `url` */
  port: number;
  /** The renderer build to serve, normally dist/renderer */
  rootDir: string;
  /**
   * This "machine's" own data: the device keys (device-keys/<deviceId>.json). Default ~/.delegatedesk-web/.
   * Tests give each server its own temporary folder: two servers = two machines with different keys (and,
   * being two origins, two IndexedDBs in the browser).
   */
  dataDir?: string;
  /** Tests may observe or replace file access */
  fs?: BridgeFileSystem;
}

/** Where `npm run web` keeps its device keys unless told otherwise. */
export function defaultWebDataDir(): string {
  return path.join(os.homedir(), '.delegatedesk-web');
}

export interface WebBridge {
  /** http://127.0.0.1:PORT/ */
  url: string;
  close(): Promise<void>;
}

/** Only loopback: the bridge reads and writes any file the user names, so it must never face a network. */
const LOOPBACK = '127.0.0.1';
const API_PREFIX = '/api/';
/** A 200 MB save (the schema's limit) as base64 JSON, plus room for the other fields */
const MAX_API_BODY_BYTES = Math.ceil((200 * 1024 * 1024) / 3) * 4 + 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The DelegateDesk API over HTTP for development and end-to-end tests: serves the renderer build
 * like Electron's app:// protocol (same resolver, same CSP) and the bridge at POST /api/<channel>,
 * answered by the same createBridgeHandlers as the Electron shell.
 */
export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const rootDir = path.resolve(options.rootDir);
  const appInfo: AppInfo = { name: APP_WINDOW_TITLE, version: readAppVersion(), platform: process.platform, shell: 'web' };
  // One key store for the server's lifetime (it caches keys and serialises their creation). No OS secret
  // store here: keys are stored unprotected and reported as protectedAtRest: false — a development tool.
  const dataDir = path.resolve(options.dataDir ?? defaultWebDataDir());
  const backups = createLocalBackupStore(path.join(dataDir, 'backups'));
  const keys = createKeyStore({
    dir: dataDir,
    log: (message, error) => console.error(`[web bridge] ${message}`, error ?? ''),
  });
  let ownHost = '';
  let ownOrigin = '';

  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('[web bridge] request failed:', error);
      if (!response.headersSent) sendText(response, 500, 'Internal Server Error');
      else response.destroy();
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = request.url ?? '';
    if (!isOwnHost(request.headers, ownHost) || !target.startsWith('/')) {
      sendText(response, 403, 'Forbidden');
      return;
    }
    const url = new URL(target, ownOrigin);
    if (url.pathname.startsWith(API_PREFIX)) {
      await handleApi(request, response, url.pathname.slice(API_PREFIX.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method Not Allowed');
      return;
    }
    // The raw request target, so the resolver sees (and refuses) dot segments the URL parser would drop
    const file = await loadAppFile(resolveAppRequest(`${ownOrigin}${target}`, rootDir), rootDir);
    if (file.status !== 200) {
      sendText(response, 404, 'Not Found');
      return;
    }
    response.writeHead(200, { ...rendererResponseHeaders(file.mimeType, { immutable: file.immutable }), 'Content-Length': file.body.byteLength });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, rawChannel: string): Promise<void> {
    if (request.method !== 'POST') {
      sendText(response, 405, 'Method Not Allowed');
      return;
    }
    if (!isSameOriginApiRequest(request.headers, ownOrigin)) {
      request.resume();
      sendEnvelope(response, 403, failureEnvelope(new BridgeError('forbiddenSender'), 'forbiddenSender'));
      return;
    }
    const channel = safeDecode(rawChannel);
    if (channel === null || !isBridgeChannel(channel)) {
      request.resume();
      sendEnvelope(response, 404, failureEnvelope(new BridgeError('invalidArguments', '未知的桥接通道。'), 'invalidArguments'));
      return;
    }
    const body = await readBody(request, MAX_API_BODY_BYTES);
    if (body === 'tooLarge') {
      sendEnvelope(response, 413, failureEnvelope(new BridgeError('invalidArguments', '请求内容过大。'), 'invalidArguments'));
      request.destroy();
      return;
    }
    let envelope: BridgeEnvelope<unknown>;
    try {
      const call = decodeBridgeRequestBody(channel, parseJson(body));
      const handlers = createBridgeHandlers({
        appInfo,
        dialogs: typedPathDialogs(call.chosenPath),
        keys,
        backups,
        log: (message) => console.warn(`[web bridge] ${message}`),
        ...(options.fs ? { fs: options.fs } : {}),
      });
      envelope = await invokeBridgeChannel(handlers, channel, call.args, (failed, error) => {
        console.error(`[web bridge] ${failed} failed unexpectedly:`, error);
      });
    } catch (error) {
      envelope = failureEnvelope(error, 'invalidArguments');
    }
    if (channel === BRIDGE_CHANNELS.syncScan && envelope.ok) {
      // Tens of megabytes of bundles: sent as bytes, not base64 in JSON (shared/scanFrame.ts)
      sendScanFrame(response, encodeScanFrame(envelope.value as SyncScanResult));
      return;
    }
    sendEnvelope(response, httpStatusOf(envelope), encodeBridgeEnvelope(channel, envelope));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  ownHost = `${LOOPBACK}:${port}`;
  ownOrigin = `http://${ownHost}`;

  return {
    url: `${ownOrigin}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The browser cannot show a native dialog: the web client prompts for a path and sends it along. */
function typedPathDialogs(chosenPath: string | null): DialogPort {
  return {
    chooseOpenPath: () => Promise.resolve(chosenPath),
    chooseSavePath: () => Promise.resolve(chosenPath),
    chooseFolder: () => Promise.resolve(chosenPath),
  };
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'tooLarge'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      total += chunk.byteLength;
      if (total > limit) {
        settled = true;
        resolve('tooLarge');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!settled) resolve(Buffer.concat(chunks));
    });
    request.on('error', (error) => {
      if (!settled) reject(error);
    });
  });
}

function parseJson(body: Buffer): unknown {
  if (body.byteLength === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    throw new BridgeError('invalidArguments', '请求内容不是有效的 JSON。', { cause: error });
  }
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function sendEnvelope(response: ServerResponse, status: number, envelope: unknown): void {
  const body = Buffer.from(JSON.stringify(envelope), 'utf8');
  response.writeHead(status, { ...rendererResponseHeaders(JSON_TYPE), 'Content-Length': body.byteLength });
  response.end(body);
}

function sendScanFrame(response: ServerResponse, frame: Uint8Array): void {
  response.writeHead(200, { ...rendererResponseHeaders(SCAN_FRAME_CONTENT_TYPE), 'Content-Length': frame.byteLength });
  response.end(frame);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text, 'utf8');
  response.writeHead(status, { ...rendererResponseHeaders('text/plain; charset=utf-8'), 'Content-Length': body.byteLength });
  response.end(body);
}

function readAppVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
