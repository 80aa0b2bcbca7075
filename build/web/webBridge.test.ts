import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import { resolveWebPort } from './server';
import { startWebBridge } from './webBridge';
import type { WebBridge } from './webBridge';

let workDir: string;
let rootDir: string;
let filesDir: string;
let bridge: WebBridge;
let origin: string;

const INDEX_HTML = '<!doctype html><html><head><title>党代表履职工作台</title></head><body></body></html>';

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-web-'));
  rootDir = path.join(workDir, 'renderer');
  filesDir = path.join(workDir, 'files');
  await mkdir(path.join(rootDir, 'assets'), { recursive: true });
  await mkdir(filesDir);
  await writeFile(path.join(rootDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(rootDir, 'assets', 'index-abc.js'), 'export {};');
  await writeFile(path.join(workDir, 'secret.txt'), 'TOP SECRET');
  bridge = await startWebBridge({ port: 0, rootDir, dataDir: path.join(workDir, 'data') });
  origin = new URL(bridge.url).origin;
});

afterAll(async () => {
  await bridge.close();
  await rm(workDir, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: unlike fetch it sends the path as written (no ../ clean-up) and any Host. */
function rawRequest(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  const { port } = new URL(bridge.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: Number(port), method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** What the renderer's web client does: same-origin JSON POST to /api/<channel>. */
async function callApi(channel: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, envelope: (await response.json()) as Record<string, unknown> };
}

describe('startWebBridge: static renderer', () => {
  it('listens on loopback only and reports its URL', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves index.html at / with the CSP header', async () => {
    const response = await fetch(bridge.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it('serves scripts as JavaScript', async () => {
    const response = await fetch(`${origin}/assets/index-abc.js`);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2E%2E/%2e%2e/secret.txt', '/..%2fsecret.txt', '//etc/passwd'])(
    'refuses traversal %s',
    async (target) => {
      const response = await rawRequest({ path: target, headers: { Host: new URL(origin).host } });
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('TOP SECRET');
    },
  );

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const response = await rawRequest({ path: '/', headers: { Host: `evil.example:${new URL(origin).port}` } });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('党代表');
  });
});

describe('startWebBridge: bridge API', () => {
  it('answers app:info as the web shell', async () => {
    const { status, envelope } = await callApi('app:info', {});
    expect(status).toBe(200);
    expect(envelope).toMatchObject({ ok: true, value: { name: '党代表履职工作台', shell: 'web', platform: process.platform } });
  });

  it('opens the typed path and returns base name and base64 bytes', async () => {
    const filePath = path.join(filesDir, '代表名册.csv');
    await writeFile(filePath, '姓名,代表团\n张三,第一代表团\n');
    const { status, envelope } = await callApi('file:open', { path: filePath, request: { filters: [{ name: 'CSV', extensions: ['csv'] }] } });
    expect(status).toBe(200);
    const value = envelope.value as { name: string; bytesBase64: string };
    expect(value.name).toBe('代表名册.csv');
    expect(Buffer.from(value.bytesBase64, 'base64').toString('utf8')).toBe('姓名,代表团\n张三,第一代表团\n');
  });

  it('treats a missing or empty path as the user cancelling', async () => {
    expect((await callApi('file:open', { path: null, request: {} })).envelope).toEqual({ ok: true, value: null });
    expect((await callApi('file:open', { path: '', request: {} })).envelope).toEqual({ ok: true, value: null });
    expect((await callApi('file:save', { request: { defaultName: 'a.csv', bytesBase64: 'AQID' } })).envelope).toEqual({ ok: true, value: null });
  });

  it('refuses a too-large file with fileTooLarge', async () => {
    const filePath = path.join(filesDir, 'big.bin');
    await writeFile(filePath, Buffer.alloc(4096));
    const { status, envelope } = await callApi('file:open', { path: filePath, request: { maxBytes: 1024 } });
    expect(status).toBe(413);
    expect(envelope).toMatchObject({ ok: false, code: 'fileTooLarge' });
  });

  it('saves base64 bytes to the typed path', async () => {
    const target = path.join(filesDir, '办理情况.xlsx');
    const { status, envelope } = await callApi('file:save', {
      path: target,
      request: { defaultName: '办理情况.xlsx', bytesBase64: Buffer.from([9, 8, 7, 6]).toString('base64') },
    });
    expect(status).toBe(200);
    expect(envelope).toEqual({ ok: true, value: { name: '办理情况.xlsx' } });
    expect([...(await readFile(target))]).toEqual([9, 8, 7, 6]);
  });

  it.each<[string, string, unknown]>([
    ['a relative path', 'file:open', { path: 'files/a.csv', request: {} }],
    ['an unknown top-level key', 'file:open', { path: null, request: {}, overwrite: true }],
    ['openFile without a request', 'file:open', { path: null }],
    ['an invalid open request', 'file:open', { path: null, request: { maxBytes: 'lots' } }],
    ['bytes instead of bytesBase64', 'file:save', { path: null, request: { defaultName: 'a.csv', bytes: [1, 2] } }],
    ['bytes beside bytesBase64', 'file:save', { path: null, request: { defaultName: 'a.csv', bytesBase64: 'AQ==', bytes: {} } }],
    ['invalid base64', 'file:save', { path: null, request: { defaultName: 'a.csv', bytesBase64: '***' } }],
    ['a defaultName with folders', 'file:save', { path: '/tmp/x.csv', request: { defaultName: '../x.csv', bytesBase64: 'AQ==' } }],
    ['arguments for app:info', 'app:info', { path: '/etc/passwd' }],
    ['a JSON array body', 'app:info', []],
  ])('refuses %s as invalidArguments', async (_label, channel, body) => {
    const { status, envelope } = await callApi(channel, body);
    expect(status).toBe(400);
    expect(envelope).toMatchObject({ ok: false, code: 'invalidArguments' });
    expect(typeof envelope.message).toBe('string');
  });

  it('refuses malformed JSON and unknown channels', async () => {
    const malformed = await rawRequest({
      method: 'POST',
      path: '/api/app:info',
      headers: { Host: new URL(origin).host, Origin: origin, 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, code: 'invalidArguments' });
    const unknown = await callApi('fs:remove', {});
    expect(unknown.status).toBe(404);
    expect(unknown.envelope).toMatchObject({ ok: false, code: 'invalidArguments' });
  });

  it('refuses a foreign Origin (CSRF) without doing anything', async () => {
    const target = path.join(filesDir, 'planted.txt');
    const body = { path: target, request: { defaultName: 'planted.txt', bytesBase64: 'AQ==' } };
    const foreign = await callApi('file:save', body, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.envelope).toMatchObject({ ok: false, code: 'forbiddenSender' });
    const crossSite = await callApi('file:save', body, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.envelope).toMatchObject({ ok: false, code: 'forbiddenSender' });
    expect(await readdir(filesDir)).not.toContain('planted.txt');
  });

  it('refuses a request without Origin, or not sent as JSON', async () => {
    const host = new URL(origin).host;
    const noOrigin = await rawRequest({ method: 'POST', path: '/api/app:info', headers: { Host: host, 'Content-Type': 'application/json' }, body: '{}' });
    expect(noOrigin.status).toBe(403);
    const formPost = await rawRequest({
      method: 'POST',
      path: '/api/app:info',
      headers: { Host: host, Origin: origin, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(formPost.status).toBe(403);
  });

  it('only accepts POST on the API', async () => {
    const response = await fetch(`${origin}/api/app:info`);
    expect(response.status).toBe(405);
  });
});

describe('resolveWebPort', () => {
  it('prefers --port, then DELEGATEDESK_WEB_PORT, then 5178', () => {
    expect(resolveWebPort(['--port', '0'], { DELEGATEDESK_WEB_PORT: '9000' })).toBe(0);
    expect(resolveWebPort(['--port=6001'], {})).toBe(6001);
    expect(resolveWebPort([], { DELEGATEDESK_WEB_PORT: '9000' })).toBe(9000);
    expect(resolveWebPort([], {})).toBe(5178);
  });

  it.each([['--port', 'abc'], ['--port=-1'], ['--port=70000'], ['--port=1.5']])('rejects %j', (...argv) => {
    expect(() => resolveWebPort(argv, {})).toThrow(/端口无效/);
  });
});
