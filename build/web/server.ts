/**
 * `npm run web`: serves the built renderer with the DelegateDesk bridge on http://127.0.0.1 for
 * development and tests (no Electron needed). Port: --port N, env DELEGATEDESK_WEB_PORT, or 5178.
 * Device keys: env DELEGATEDESK_WEB_DATA_DIR, or ~/.delegatedesk-web/.
 *
 * Renderer-side counterpart (the web client in renderer/bridge/client.ts; docs/bridge.md has every channel):
 *   POST /api/<channel>, Content-Type: application/json, same origin (fetch sends Origin itself)
 *   app:info   body {}                                             → value AppInfo
 *   file:open  body { path: string|null, request: OpenFileRequest } → value { name, bytesBase64 } | null
 *   file:save  body { path: string|null, request: { ...SaveFileRequest without bytes, bytesBase64 } }
 *                                                                   → value { name } | null
 *   sync:chooseFolder body { path, request }; every other channel body { request }, with `bytes` sent as
 *   `bytesBase64` and bytes in answers as base64.
 *   Every response is { ok: true, value } or { ok: false, code: BridgeErrorCode, message: 中文 }.
 *   `path` is the full path the user typed into window.prompt; null or "" = cancelled.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebBridge } from './webBridge';

export { startWebBridge } from './webBridge';
export type { WebBridge, WebBridgeOptions } from './webBridge';

export const DEFAULT_WEB_PORT = 5178;

/** --port N / --port=N, else DELEGATEDESK_WEB_PORT, else 5178. Throws on anything but 0–65535. */
export function resolveWebPort(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): number {
  const index = argv.findIndex((argument) => argument === '--port' || argument.startsWith('--port='));
  let raw: string | undefined;
  if (index >= 0) {
    const argument = argv[index] ?? '';
    raw = argument.startsWith('--port=') ? argument.slice('--port='.length) : argv[index + 1];
  } else {
    raw = env.DELEGATEDESK_WEB_PORT;
  }
  if (raw === undefined || raw === '') return DEFAULT_WEB_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`端口无效：${raw}（应为 0–65535 的整数）`);
  return port;
}

function isRunDirectly(): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(import.meta.url);
}

if (isRunDirectly()) {
  const rootDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  if (!existsSync(path.join(rootDir, 'index.html'))) {
    console.warn(`未找到渲染进程构建 ${rootDir}，请先运行 npm run build:renderer。`);
  }
  const dataDir = process.env.DELEGATEDESK_WEB_DATA_DIR;
  const bridge = await startWebBridge({ port: resolveWebPort(process.argv.slice(2), process.env), rootDir, ...(dataDir ? { dataDir } : {}) });
  console.log(`DelegateDesk web bridge: ${bridge.url}`);
  const stop = (): void => {
    void bridge.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
