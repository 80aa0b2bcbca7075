import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runElectronegativity } from './electronegativity';
import { EXCLUDED_CHECKS } from './suppressions';

// Loading Electronegativity and parsing takes a few seconds on a busy 2-core machine: a ceiling against hangs.
const SCAN_TIMEOUT = 60_000;

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-eng-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scan(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return runElectronegativity({ input: dir, electronVersion: '45.4.1', excludeChecks: EXCLUDED_CHECKS.map((e) => e.check) });
}

describe('runElectronegativity', () => {
  it(
    'reports an insecure window, remote content and the missing CSP, navigation limit and permission handler',
    async () => {
      const report = await scan({
        'main.ts': [
          "import { app, BrowserWindow } from 'electron';",
          'app.whenReady().then(() => {',
          '  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
          "  void win.loadURL('http://example.com/');",
          '});',
        ].join('\n'),
        'index.html': '<!doctype html><html><head></head><body><div id="root"></div></body></html>',
      });
      const checks = new Set(report.findings.map((finding) => finding.check));
      for (const expected of [
        'NODE_INTEGRATION_JS_CHECK',
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'HTTP_RESOURCES_JS_CHECK',
        'CSP_GLOBAL_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      ]) {
        expect(checks, expected).toContain(expected);
      }
      const window = report.findings.find((finding) => finding.check === 'CONTEXT_ISOLATION_JS_CHECK');
      expect(window).toMatchObject({ file: 'main.ts', line: 3, severity: 'HIGH' });
      expect(window?.sample).toContain('new BrowserWindow(');
      // TypeScript sources parse: a file that does not would be a file that escaped the scan
      expect(report.parseErrors).toEqual([]);
    },
    SCAN_TIMEOUT,
  );

  it(
    'finds nothing in a hardened app, and answers its network requests locally (offline by construction)',
    async () => {
      const report = await scan({
        'main.js': [
          "const { app, BrowserWindow, session } = require('electron');",
          'app.whenReady().then(() => {',
          '  session.defaultSession.setPermissionRequestHandler((webContents, permission, callback) => callback(false));',
          "  const win = new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' } });",
          "  win.webContents.on('will-navigate', (event) => event.preventDefault());",
          "  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));",
          '});',
        ].join('\n'),
        'index.html': `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'"></head><body></body></html>`,
      });
      expect(report.findings).toEqual([]);
      expect(report.parseErrors).toEqual([]);
      expect(report.checksRun).toBeGreaterThan(30);
      // Electronegativity asks S3 for translations on every run; the stand-in answered, nothing left the machine
      expect(report.blockedRequests.length).toBeGreaterThan(0);
      expect(report.blockedRequests.every((url) => url.startsWith('https://'))).toBe(true);
    },
    SCAN_TIMEOUT,
  );

  it(
    'reports a file it cannot parse instead of skipping it silently',
    async () => {
      const report = await scan({ 'broken.ts': 'const window = new BrowserWindow({ webPreferences: { ' });
      expect(report.parseErrors.map((error) => error.file)).toEqual(['broken.ts']);
    },
    SCAN_TIMEOUT,
  );
});
