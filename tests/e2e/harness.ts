import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { repoRoot, startAppServer } from './app-server';
import type { AppServer } from './app-server';
import { unexpectedDialogs, watchDialogs } from './dialogs';

export { answerNextConfirm, answerNextPrompt } from './dialogs';
export type { AppServer } from './app-server';

/**
 * E2E harness: the built renderer, served by the web bridge, in the system Chromium.
 *
 * Per test file: one server (startServer / useAppServer). Per test: launchApp() with a fresh
 * temporary browser profile. The profile is a persistent context, so IndexedDB (the app's local
 * database) survives restart() — that is how tests check that data outlives closing the app.
 */
export interface LaunchOptions {
  /** Reuse a profile (e.g. one from an earlier, closed app) instead of a fresh temporary one */
  profileDir?: string;
  /** Browser UI language and navigator.language; default zh-CN like the app's users */
  lang?: string;
  /** Page to open; default the server started by startServer() in this test file */
  url?: string;
}

export interface LaunchedApp {
  /** The app's page. Replaced by restart(): read app.page again afterwards, don't keep the old one. */
  readonly page: Page;
  readonly context: BrowserContext;
  readonly url: string;
  readonly profileDir: string;
  /** console.error messages, across restarts */
  readonly consoleErrors: readonly string[];
  /** Uncaught exceptions and unhandled rejections in the page, across restarts */
  readonly pageErrors: readonly string[];
  /** Requests to any origin other than the app's: the app is offline-first, so they are aborted and recorded */
  readonly blockedRequests: readonly string[];
  /** Everything above plus dialogs nobody answered, one line each; tests assert it is empty */
  errors(): string[];
  /** Writes tests/e2e/.artifacts/<test file>/<name>.png for humans to look at; returns the path */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
  /** Closes the browser and opens it again on the same profile and URL, like quitting and reopening the app */
  restart(): Promise<void>;
}

export const artifactsDir = path.join(repoRoot, 'tests', 'e2e', '.artifacts');

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Module state is per test file: vitest isolates each file's module graph.
let server: AppServer | undefined;
const openApps = new Set<LaunchedApp>();
const temporaryProfiles: string[] = [];

/** Starts this file's server once (later calls return the same one). */
export async function startServer(): Promise<AppServer> {
  server ??= await startAppServer();
  return server;
}

/** Closes every app, the server, and the temporary profiles of this file. */
export async function stopServer(): Promise<void> {
  await closeAllApps();
  const running = server;
  server = undefined;
  await running?.close();
  await Promise.all(temporaryProfiles.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export async function closeAllApps(): Promise<void> {
  await Promise.all([...openApps].map((app) => app.close()));
}

/** Registers the usual hooks: server before the file, close apps after each test, clean up after the file. */
export function useAppServer(): void {
  beforeAll(async () => {
    await startServer();
  });
  afterEach(closeAllApps);
  afterAll(stopServer);
}

export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const url = options.url ?? server?.url;
  if (!url) throw new Error('launchApp(): call startServer() or useAppServer() in this test file first.');
  const lang = options.lang ?? 'zh-CN';
  let profileDir = options.profileDir;
  if (!profileDir) {
    profileDir = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-e2e-profile-'));
    temporaryProfiles.push(profileDir);
  }
  const appOrigin = new URL(url).origin;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const blockedRequests: string[] = [];
  const pages: Page[] = [];
  const artifactsSubdir = testFileLabel();

  const watchPage = (page: Page): void => {
    pages.push(page);
    watchDialogs(page);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(describeConsoleMessage(message));
    });
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  };

  const open = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...chromiumArgs, `--lang=${lang}`],
      viewport: { width: 1400, height: 900 },
      locale: lang,
    });
    try {
      await context.route((requestUrl) => requestUrl.origin !== appOrigin, async (route) => {
        blockedRequests.push(route.request().url());
        await route.abort('blockedbyclient');
      });
      context.on('page', watchPage);
      const page = context.pages()[0] ?? (await context.newPage());
      if (!pages.includes(page)) watchPage(page);
      await page.goto(url);
      return { context, page };
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
  };

  let current = await open();
  let closed = false;

  const app: LaunchedApp = {
    get page() {
      return current.page;
    },
    get context() {
      return current.context;
    },
    url,
    profileDir,
    consoleErrors,
    pageErrors,
    blockedRequests,
    errors: () => [
      ...pageErrors.map((error) => `page error: ${error}`),
      ...consoleErrors.map((error) => `console.error: ${error}`),
      ...blockedRequests.map((request) => `blocked network request: ${request}`),
      ...pages.flatMap((page) => unexpectedDialogs(page).map((dialog) => `unanswered dialog: ${dialog}`)),
    ],
    async screenshot(name, screenshotOptions = {}) {
      const dir = path.join(artifactsDir, artifactsSubdir);
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${name.replace(/[^\p{L}\p{N}._-]+/gu, '-')}.png`);
      await current.page.screenshot({ path: file, fullPage: screenshotOptions.fullPage ?? false });
      return file;
    },
    async close() {
      if (closed) return;
      closed = true;
      openApps.delete(app);
      await current.context.close();
    },
    async restart() {
      if (closed) throw new Error('restart(): this app was closed; launch a new one with the same profileDir instead.');
      await current.context.close();
      current = await open();
    },
  };
  openApps.add(app);
  return app;
}

function describeConsoleMessage(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return url ? `${message.text()} (${url}:${lineNumber})` : message.text();
}

/** "smoke" for tests/e2e/smoke.e2e.test.ts, so each file's screenshots land in their own folder. */
function testFileLabel(): string {
  const testPath = expect.getState().testPath;
  return testPath ? path.basename(testPath).replace(/\.e2e\.test\.ts$/, '') : 'misc';
}
