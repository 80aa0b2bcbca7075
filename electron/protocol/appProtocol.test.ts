import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAppFile, resolveAppRequest } from './appProtocol';
import { mimeTypeFor } from './mimeTypes';

let workDir: string;
let rootDir: string;

beforeEach(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-protocol-'));
  rootDir = path.join(workDir, 'renderer');
  await mkdir(path.join(rootDir, 'assets'), { recursive: true });
  await writeFile(path.join(rootDir, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(path.join(rootDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(rootDir, 'assets', 'index-ACRuJclZ.js'), 'console.log(2)');
  await writeFile(path.join(rootDir, 'assets', '思源 黑体.woff2'), 'font');
  await writeFile(path.join(workDir, 'secret.txt'), 'outside the root');
});

afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('resolveAppRequest', () => {
  it('maps / and /index.html to the entry page as HTML', () => {
    for (const url of ['app://delegatedesk/', 'app://delegatedesk/index.html']) {
      expect(resolveAppRequest(url, rootDir)).toEqual({ filePath: path.join(rootDir, 'index.html'), mimeType: 'text/html; charset=utf-8' });
    }
  });

  it('maps nested assets, decoding percent-encoded names, ignoring query and hash', () => {
    expect(resolveAppRequest('app://delegatedesk/assets/index-abc.js?v=1#x', rootDir)).toEqual({
      filePath: path.join(rootDir, 'assets', 'index-abc.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('http://127.0.0.1:5178/assets/%E6%80%9D%E6%BA%90%20%E9%BB%91%E4%BD%93.woff2', rootDir)).toEqual({
      filePath: path.join(rootDir, 'assets', '思源 黑体.woff2'),
      mimeType: 'font/woff2',
    });
  });

  it.each([
    ['dot-dot segments', 'app://delegatedesk/assets/../../secret.txt'],
    ['encoded dot-dot', 'app://delegatedesk/%2e%2e/secret.txt'],
    ['mixed-case encoded dot-dot', 'app://delegatedesk/assets/%2E%2E/%2e%2E/secret.txt'],
    ['encoded slash', 'app://delegatedesk/..%2fsecret.txt'],
    ['encoded backslash', 'app://delegatedesk/..%5csecret.txt'],
    ['double-encoded dot-dot', 'app://delegatedesk/%252e%252e/secret.txt'],
    ['absolute path (empty first segment)', 'app://delegatedesk//etc/passwd'],
    ['encoded absolute path', 'app://delegatedesk/%2Fetc%2Fpasswd'],
    ['drive letter', 'app://delegatedesk/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://delegatedesk/C%3A%5CWindows%5Cwin.ini'],
    ['NUL byte', 'app://delegatedesk/index.html%00.png'],
    ['hidden file', 'app://delegatedesk/.env'],
    ['directory with trailing slash', 'app://delegatedesk/assets/'],
    ['malformed escape', 'app://delegatedesk/%E0%A4%A'],
    ['not a URL', 'no scheme at all'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppRequest(url, rootDir)).toEqual({ status: 404 });
  });

  it('keeps an already-parsed URL (dot segments removed by the parser) inside the root', () => {
    const resolution = resolveAppRequest(new URL('app://delegatedesk/assets/../../../secret.txt'), rootDir);
    expect(resolution).toEqual({ filePath: path.join(rootDir, 'secret.txt'), mimeType: 'text/plain; charset=utf-8' });
  });

  it('refuses a path that normalises to the root itself', () => {
    // "/%2e" would be the root folder; never serve a directory
    expect(resolveAppRequest('app://delegatedesk/%2e', rootDir)).toEqual({ status: 404 });
  });
});

describe('loadAppFile', () => {
  it('reads an existing file with its MIME type', async () => {
    const result = await loadAppFile(resolveAppRequest('app://delegatedesk/assets/index-abc.js', rootDir), rootDir);
    expect(result.status).toBe(200);
    if (result.status !== 200) return;
    expect(result.body.toString('utf8')).toBe('console.log(1)');
    expect(result.mimeType).toBe('text/javascript; charset=utf-8');
    expect(result.immutable).toBe(false);
  });

  it('tells a content-hashed asset, which browsers may keep, from the entry page', async () => {
    const asset = await loadAppFile(resolveAppRequest('app://delegatedesk/assets/index-ACRuJclZ.js', rootDir), rootDir);
    const entry = await loadAppFile(resolveAppRequest('app://delegatedesk/', rootDir), rootDir);
    expect(asset).toMatchObject({ status: 200, immutable: true });
    expect(entry).toMatchObject({ status: 200, immutable: false });
  });

  it('answers 404 for a missing file, a directory, and a refused resolution', async () => {
    expect(await loadAppFile(resolveAppRequest('app://delegatedesk/missing.js', rootDir), rootDir)).toEqual({ status: 404 });
    expect(await loadAppFile(resolveAppRequest('app://delegatedesk/assets', rootDir), rootDir)).toEqual({ status: 404 });
    expect(await loadAppFile({ status: 404 }, rootDir)).toEqual({ status: 404 });
  });

  it('refuses a symlink inside the root that points outside it', async () => {
    await symlink(path.join(workDir, 'secret.txt'), path.join(rootDir, 'assets', 'leak.txt'));
    expect(await loadAppFile(resolveAppRequest('app://delegatedesk/assets/leak.txt', rootDir), rootDir)).toEqual({ status: 404 });
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['a.unknown', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
  ])('%s → %s', (file, mimeType) => {
    expect(mimeTypeFor(file)).toBe(mimeType);
  });
});
