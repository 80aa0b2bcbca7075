import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { createAppProtocolHandler } from './appProtocolHandler';

let rootDir: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  rootDir = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-handler-'));
  await writeFile(path.join(rootDir, 'index.html'), '<!doctype html><p>工作台</p>');
  await mkdir(path.join(rootDir, 'assets'));
  await writeFile(path.join(rootDir, 'assets', 'index-ACRuJclZ.js'), 'console.log(1)');
  handle = createAppProtocolHandler(rootDir);
});

afterAll(async () => {
  await rm(rootDir, { recursive: true, force: true });
});

describe('createAppProtocolHandler', () => {
  it('serves the entry page with its MIME type and the CSP header', async () => {
    const response = await handle(new Request('app://delegatedesk/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><p>工作台</p>');
  });

  it('lets Chromium keep a content-hashed script (and its compiled code), never the entry page', async () => {
    const entry = await handle(new Request('app://delegatedesk/index.html'));
    const script = await handle(new Request('app://delegatedesk/assets/index-ACRuJclZ.js'));
    expect(entry.headers.get('cache-control')).toBe('no-store');
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('max-age=31536000, immutable');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404, still with the CSP, for traversal and missing files', async () => {
    for (const url of ['app://delegatedesk/%2e%2e/%2e%2e/etc/passwd', 'app://delegatedesk/nope.js']) {
      const response = await handle(new Request(url));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('serves only the app host', async () => {
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handle(new Request('app://delegatedesk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handle(new Request('app://delegatedesk/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
