/**
 * `npm run bench:ui [-- --size tiny|county-1y|province-10y|<delegates,years,proposalsPerYear>] [--runs 3]
 *                     [--scroll-ms 5000] [--batch 20000] [--out bench-results.json] [--now ISO] [--rebuild]
 *                     [--profiles DIR] [--port N] [--app-dir DIR] [--cpu-profile DIR] [--keep]`
 *
 * The UI benchmark (issue 7), a benchmark and never a pass/fail test: the real app (dist/renderer, rebuilt first
 * when older than its sources, as `npm run build:renderer` does) served by the web bridge `npm run web` uses, in
 * headless Chromium with a persistent profile whose IndexedDB already holds the demo congress. For each size:
 *
 * 1. Seeding (not measured): a seed page (renderer/bench/uiSeedPage.ts) served on the same origin writes the app's
 *    own database through the app's repository, as 载入演示数据 does, in batches; the office's device profile. The
 *    profile folder is copied and the copy set up as the sample delegate's device.
 * 2. Cold start: a fresh browser process on the profile opens the app: the office's dashboard, the delegate's
 *    proposal list, and as the baseline the first-run screen of an empty profile. A probe injected before the app's
 *    scripts (renderer/bench/uiProbe.ts) notes when the content is in the DOM, the frame after it, and when a key
 *    pressed the moment the content showed was handled. One first launch, then `--runs` measured ones (median).
 * 3. In one office session: heap on the dashboard, then 全部提案, heap there, idle frames (baseline), and the list
 *    scrolled top to bottom over `--scroll-ms` with every frame time and long task recorded.
 *
 * Prints tables and writes the "ui" entry of bench-results.json. Default sizes: county-1y and province-10y;
 * `--size tiny` (one measured run per screen unless --runs says otherwise) checks in well under a minute that the
 * benchmark still runs.
 *
 * For working on the numbers: `--profiles DIR` keeps the seeded profiles there and reuses them (province seeding
 * takes minutes; the origin's port is kept beside them), `--app-dir DIR` measures another build (e.g. an unminified
 * one, so profiles name functions), `--cpu-profile DIR` also records CPU profiles of a cold start of each role and
 * of the scroll, and prints the functions the time went to.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { build as viteBuild } from 'vite';
import type { CustomDemoSize, DemoSizeName } from '../../shared/demo';
import { UI_PROBE_CONFIG_GLOBAL, UI_PROBE_GLOBAL, UI_SEED_GLOBAL } from '../../renderer/bench/uiProtocol';
import type { FrameRecording, UiProbeConfig, UiProbeState, UiProbeTargets, UiProfileInput, UiSeedInput, UiSeedResult } from '../../renderer/bench/uiProtocol';
import { parseDemoSize } from '../scripts/demo-sync-folder';
import { startWebBridge } from '../web/webBridge';
import type { WebBridge } from '../web/webBridge';
import { summarizeCpuProfile } from './cpuProfile';
import type { CpuProfile } from './cpuProfile';
import { mergeBenchResults } from './resultsFile';
import { coldStartResult, formatUiResults, frameStats, longTaskSummary, scrollResult, UI_TARGETS, uiVerdict } from './uiReport';
import type { ColdStartResult, ColdStartRun, UiBenchResults, UiSizeResult } from './uiReport';
import { STARTUP_MARK_PREFIX } from '../../renderer/app/startupMarks';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const rendererBuildDir = path.join(repoRoot, 'dist', 'renderer');

/** A small congress: every step runs in seconds (the smoke check that the benchmark still works). */
const TINY_SIZE: CustomDemoSize = { delegates: 12, years: 1, proposalsPerYear: 80 };
/** Fixed, so every run measures the same data (as the other benches). */
const DEFAULT_NOW = '2026-11-01T00:00:00.000Z';
/** Generous: a screen that takes this long has failed, not merely missed its goal. */
/** See coldStarts. */
const FIRST_LAUNCH_TIMEOUT_MS = 40 * 60_000;
const SCREEN_TIMEOUT_MS = 180_000;

/** What the probe waits for. `content` appears only once the screen's data is shown. */
const SELECTORS = {
  onboarding: '[data-testid="onboarding-demo"]',
  dashboard: '[data-testid="dashboard-stat-received"]',
  charts: '[data-testid^="chart-"] canvas',
  /** The dashboard's figures read live, not those kept from the last start */
  dashboardLive: '[data-testid="dashboard-page"][data-figures="live"]',
  listRow: '[data-testid="proposal-row"]',
  listRows: '[data-testid="proposal-rows"]',
  listCount: '[data-testid="result-count"]',
} as const;

interface SizePlan {
  label: string;
  size: DemoSizeName | CustomDemoSize;
}

function parseSize(text: string): SizePlan {
  if (text === 'tiny') return { label: 'tiny', size: TINY_SIZE };
  const size = parseDemoSize(text);
  return typeof size === 'string' ? { label: size, size } : { label: `custom-${size.delegates}-${size.years}-${size.proposalsPerYear}`, size };
}

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} 应为正整数，收到：${text}`);
  return value;
}

function log(text: string): void {
  process.stdout.write(`${text}\n`);
}

// ------------------------------------------------------------------------------------------------------------------
// Builds

/** Newest modification time of the files under `dir` that `include` accepts. */
async function newestMtime(dir: string, include: (file: string) => boolean): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (!include(file)) continue;
    newest = Math.max(newest, (await stat(file)).mtimeMs);
  }
  return newest;
}

/**
 * dist/renderer as `npm run build:renderer` makes it, rebuilt when a source the app is built from is newer (the
 * benches and tests beside the code are not part of it). Then copied, so another build of dist/renderer during the
 * run does not change what is measured.
 */
async function appBuild(workDir: string, force: boolean): Promise<string> {
  const index = path.join(rendererBuildDir, 'index.html');
  const built = await stat(index).then((s) => s.mtimeMs, () => 0);
  const isSource = (file: string) => !file.includes(`${path.sep}bench${path.sep}`) && !/\.test\.tsx?$/.test(file) && !file.includes(`${path.sep}testing${path.sep}`);
  const sources = Math.max(
    await newestMtime(path.join(repoRoot, 'renderer'), isSource),
    await newestMtime(path.join(repoRoot, 'shared'), isSource),
    (await stat(path.join(repoRoot, 'vite.config.ts'))).mtimeMs,
    (await stat(path.join(repoRoot, 'package-lock.json'))).mtimeMs,
  );
  if (force || built < sources) {
    log(built === 0 ? 'Building the app (npm run build:renderer)…' : 'The app build is older than its sources: rebuilding (npm run build:renderer)…');
    const started = performance.now();
    await viteBuild({ configFile: path.join(repoRoot, 'vite.config.ts'), root: path.join(repoRoot, 'renderer'), logLevel: 'warn' });
    log(`   built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } else {
    log('Using dist/renderer (newer than the app sources).');
  }
  const copy = path.join(workDir, 'app');
  await cp(rendererBuildDir, copy, { recursive: true });
  return copy;
}

const ESBUILD_COMMON = { bundle: true, platform: 'browser', target: 'chrome130', logLevel: 'warning', legalComments: 'none' } as const;

/** The seed page: one esbuild bundle of renderer/bench/uiSeedPage.ts (seconds, where a vite build takes a minute). */
async function seedPageBuild(workDir: string): Promise<string> {
  const dir = path.join(workDir, 'seed-page');
  await mkdir(dir, { recursive: true });
  await esbuild({ ...ESBUILD_COMMON, entryPoints: [path.join(repoRoot, 'renderer/bench/uiSeedPage.ts')], format: 'esm', outfile: path.join(dir, 'seed.js') });
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html>\n<html lang="zh-CN"><head><meta charset="UTF-8" /><title>bench:ui seed page</title></head>\n' +
      '<body><p>Not part of the app: npm run bench:ui seeds the database here.</p><script type="module" src="./seed.js"></script></body></html>\n',
  );
  return dir;
}

async function probeScript(): Promise<string> {
  const result = await esbuild({ ...ESBUILD_COMMON, entryPoints: [path.join(repoRoot, 'renderer/bench/uiProbe.ts')], format: 'iife', write: false });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error('the probe did not build');
  return code;
}

// ------------------------------------------------------------------------------------------------------------------
// Browser

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
];

function launch(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 768 },
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function forwardPageOutput(page: Page, prefix: string): void {
  page.on('pageerror', (error) => log(`   ${prefix} page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('[ui-seed] ')) log(`   ${text.slice('[ui-seed] '.length)}`);
    // A missing file is named by the response handler below, with its address
    else if (message.type() === 'error' && !text.startsWith('Failed to load resource')) log(`   ${prefix} console error: ${text.slice(0, 300)}`);
  });
  page.on('response', (response) => {
    // Chromium asks for /favicon.ico by itself; the app has none
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) log(`   ${prefix}: ${response.status()} for ${response.url()}`);
  });
}

type ProbeWindow = Record<string, { state: UiProbeState; watch(name: string, selector: string): void } | undefined>;

async function probeState(page: Page): Promise<UiProbeState> {
  return page.evaluate((global) => (window as unknown as ProbeWindow)[global]!.state, UI_PROBE_GLOBAL);
}

async function waitForMark(page: Page, kind: 'seenAt' | 'frameAfter', name: string, timeout = SCREEN_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction(
    ({ global, kind, name }) => (window as unknown as ProbeWindow)[global]?.state[kind][name] !== undefined,
    { global: UI_PROBE_GLOBAL, kind, name },
    { timeout, polling: 'raf' },
  );
}

/** Opens the app in a new browser process on `profileDir` with the probe watching `targets`. */
async function openApp(
  profileDir: string,
  url: string,
  probe: string,
  targets: UiProbeTargets,
  beforeNavigation?: (context: BrowserContext, page: Page) => Promise<void>,
): Promise<{ context: BrowserContext; page: Page; launchMs: number }> {
  const started = performance.now();
  const context = await launch(profileDir);
  const launchMs = performance.now() - started;
  const config: UiProbeConfig = { targets };
  await context.addInitScript({ content: `window[${JSON.stringify(UI_PROBE_CONFIG_GLOBAL)}] = ${JSON.stringify(config)};\n${probe}` });
  const page = context.pages()[0] ?? (await context.newPage());
  forwardPageOutput(page, 'app');
  await beforeNavigation?.(context, page);
  await page.goto(url, { waitUntil: 'commit' });
  return { context, page, launchMs };
}

/** One cold start: a fresh browser process, the app opened, the content seen, a key pressed at once. */
async function coldStartRun(
  profileDir: string,
  url: string,
  probe: string,
  selector: string,
  options: { withCharts: boolean; measureHeap: boolean; timeoutMs?: number },
): Promise<{ run: ColdStartRun; heapBytes?: number }> {
  const targets: UiProbeTargets = { content: selector, ...(options.withCharts ? { charts: SELECTORS.charts, live: SELECTORS.dashboardLive } : {}) };
  const { context, page, launchMs } = await openApp(profileDir, url, probe, targets);
  try {
    await waitForMark(page, 'seenAt', 'content', options.timeoutMs);
    await page.keyboard.press('Shift');
    await waitForMark(page, 'frameAfter', 'content');
    await page.waitForFunction((global) => ((window as unknown as ProbeWindow)[global]?.state.keys.length ?? 0) > 0, UI_PROBE_GLOBAL, { timeout: SCREEN_TIMEOUT_MS });
    if (options.withCharts) {
      await waitForMark(page, 'frameAfter', 'charts', 30_000).catch(() => log('   (no chart drawn within 30 s)'));
      await waitForMark(page, 'frameAfter', 'live', SCREEN_TIMEOUT_MS);
    }
    const state = await probeState(page);
    const marks = await page.evaluate((prefix) => {
      const entries = performance.getEntriesByType('mark').filter((m) => m.name.startsWith(prefix));
      return Object.fromEntries(entries.map((m) => [m.name.slice(prefix.length), m.startTime]));
    }, STARTUP_MARK_PREFIX);
    const contentMs = state.seenAt.content!;
    const frameMs = state.frameAfter.content!;
    const key = state.keys.find((k) => k.handledAt >= contentMs);
    const interactiveMs = Math.max(frameMs, key?.handledAt ?? frameMs);
    const run: ColdStartRun = {
      launchMs,
      ...(state.responseEnd !== undefined ? { responseEndMs: state.responseEnd } : {}),
      ...(state.domContentLoaded !== undefined ? { domContentLoadedMs: state.domContentLoaded } : {}),
      contentMs,
      frameMs,
      ...(key ? { keyHandledMs: key.handledAt, keyDelayMs: key.handledAt - key.timeStamp } : {}),
      interactiveMs,
      ...(state.frameAfter.charts !== undefined ? { chartsMs: state.frameAfter.charts } : {}),
      ...(state.frameAfter.live !== undefined ? { liveMs: state.frameAfter.live } : {}),
      longTasks: longTaskSummary(state.longTasks.filter((t) => t.start < interactiveMs)),
      ...(Object.keys(marks).length ? { marks } : {}),
    };
    if (!options.measureHeap) return { run };
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await waitForQuiet(cdp);
    return { run, heapBytes: await heapUsed(cdp) };
  } finally {
    await context.close();
  }
}

/** A first launch, then `runs` measured ones; the heap after the last one settled when asked. */
async function coldStarts(
  screen: string,
  profileDir: string,
  url: string,
  probe: string,
  selector: string,
  runs: number,
  options: { withCharts?: boolean; measureHeap?: boolean } = {},
): Promise<{ result: ColdStartResult; heapBytes?: number }> {
  const all: ColdStartRun[] = [];
  let heapBytes: number | undefined;
  for (let i = 0; i <= runs; i++) {
    const measured = await coldStartRun(profileDir, url, probe, selector, {
      withCharts: options.withCharts ?? false,
      measureHeap: (options.measureHeap ?? false) && i === runs,
      // The first launch on profiles kept from an older app version upgrades the database (a snapshot, then the
      // migration): minutes at province size, and not what a cold start measures.
      ...(i === 0 ? { timeoutMs: FIRST_LAUNCH_TIMEOUT_MS } : {}),
    });
    const run = measured.run;
    heapBytes = measured.heapBytes ?? heapBytes;
    all.push(run);
    log(`   ${screen}, ${i === 0 ? 'first launch' : `run ${i}`}: content ${run.contentMs.toFixed(0)} ms, interactive ${run.interactiveMs.toFixed(0)} ms` + (run.chartsMs !== undefined ? `, charts ${run.chartsMs.toFixed(0)} ms` : '') + (run.liveMs !== undefined ? `, live figures ${run.liveMs.toFixed(0)} ms` : ''));
  }
  return { result: coldStartResult(screen, selector, all), ...(heapBytes !== undefined ? { heapBytes } : {}) };
}

/**
 * Waits until the page's main thread is quiet: less than 5 % of a second spent in tasks (CDP TaskDuration), e.g.
 * after the list's in-memory search copy has been built in the background.
 */
async function waitForQuiet(cdp: CDPSession, timeoutMs = 120_000): Promise<void> {
  const taskSeconds = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  const started = performance.now();
  let before = await taskSeconds();
  while (performance.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await taskSeconds();
    if (now - before < 0.05) return;
    before = now;
  }
  log('   (the page did not become quiet; measuring anyway)');
}

/** JS heap in use after full collections. */
async function heapUsed(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize;
}

async function startProfiler(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
}

/** Stops the profiler, saves the profile (open it in DevTools' Performance panel) and prints where the time went. */
async function stopProfiler(cdp: CDPSession, file: string, title: string): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await writeFile(file, JSON.stringify(profile));
  const summary = summarizeCpuProfile(profile, 25);
  log(`   CPU profile, ${title}: ${summary.totalMs.toFixed(0)} ms sampled, saved to ${file}`);
  for (const f of summary.functions) log(`     ${f.ms.toFixed(0).padStart(6)} ms  ${(f.share * 100).toFixed(1).padStart(5)} %  ${f.name}`);
}

/** A cold start (not one of the measured runs) with the CPU profiler on from before the navigation. */
async function profiledColdStart(profileDir: string, url: string, probe: string, selector: string, file: string, title: string): Promise<void> {
  let cdp: CDPSession | undefined;
  const { context, page } = await openApp(profileDir, url, probe, { content: selector }, async (ctx, p) => {
    cdp = await ctx.newCDPSession(p);
    await startProfiler(cdp);
  });
  try {
    await waitForMark(page, 'frameAfter', 'content');
    await stopProfiler(cdp!, file, title);
  } finally {
    await context.close();
  }
}

/** The office session: dashboard heap, then 全部提案: its heap, idle frames, and the scroll. */
async function officeSession(profileDir: string, url: string, probe: string, scrollMs: number, scrollProfileFile?: string): Promise<{ heap: { dashboardBytes: number; listBytes: number }; list: UiSizeResult['list'] }> {
  const { context, page } = await openApp(profileDir, url, probe, { content: SELECTORS.dashboard, charts: SELECTORS.charts, live: SELECTORS.dashboardLive });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await waitForMark(page, 'frameAfter', 'live', SCREEN_TIMEOUT_MS);
    await waitForMark(page, 'frameAfter', 'charts', 30_000).catch(() => undefined);
    await waitForQuiet(cdp);
    const dashboardBytes = await heapUsed(cdp);
    log(`   heap on the dashboard: ${(dashboardBytes / 2 ** 20).toFixed(1)} MB`);

    const leftAt = await page.evaluate(
      ({ global, selector }) => {
        (window as unknown as ProbeWindow)[global]!.watch('list', selector);
        const at = performance.now();
        window.location.hash = '#/proposals';
        return at;
      },
      { global: UI_PROBE_GLOBAL, selector: SELECTORS.listRow },
    );
    await waitForMark(page, 'seenAt', 'list');
    const navigateMs = (await probeState(page)).seenAt.list! - leftAt;
    const countText = (await page.locator(SELECTORS.listCount).textContent()) ?? '';
    const rows = Number(countText.replace(/[^\d]/g, ''));
    await waitForQuiet(cdp);
    const listBytes = await heapUsed(cdp);
    log(`   全部提案: ${rows} rows shown ${navigateMs.toFixed(0)} ms after leaving the dashboard; heap ${(listBytes / 2 ** 20).toFixed(1)} MB`);

    const idle = await page.evaluate(
      ({ global }) => (window as unknown as Record<string, { recordIdleFrames(ms: number): Promise<FrameRecording> }>)[global]!.recordIdleFrames(1000),
      { global: UI_PROBE_GLOBAL },
    );
    if (scrollProfileFile) await startProfiler(cdp);
    const scroll = await page.evaluate(
      ({ global, list, row, ms }) =>
        (window as unknown as Record<string, { recordScroll(s: string, r: string, ms: number): Promise<FrameRecording> }>)[global]!.recordScroll(list, row, ms),
      { global: UI_PROBE_GLOBAL, list: SELECTORS.listRows, row: SELECTORS.listRow, ms: scrollMs },
    );
    if (scrollProfileFile) await stopProfiler(cdp, scrollProfileFile, 'scrolling 全部提案');
    const scrolled = scrollResult(scroll, rows);
    log(`   scroll: ${scrolled.frames} frames, median ${scrolled.medianMs.toFixed(1)} ms, p95 ${scrolled.p95Ms.toFixed(1)} ms, max ${scrolled.maxMs.toFixed(0)} ms, ${scrolled.over50} over 50 ms`);
    return {
      heap: { dashboardBytes, listBytes },
      list: { navigateMs, idleFrames: frameStats(idle.deltas, idle.longTasks), scroll: scrolled },
    };
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------------------------------------------------------
// Seeding

async function withSeedPage<T>(port: number, seedDir: string, dataDir: string, profileDir: string, work: (page: Page) => Promise<T>): Promise<T> {
  const bridge = await startWebBridge({ port, rootDir: seedDir, dataDir });
  const context = await launch(profileDir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    forwardPageOutput(page, 'seed');
    await page.goto(bridge.url);
    await page.waitForFunction((global) => global in window, UI_SEED_GLOBAL);
    return await work(page);
  } finally {
    await context.close();
    await bridge.close();
  }
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name)).catch(() => ({ size: 0 }))).size;
  }
  return total;
}

interface SeededProfiles {
  seed: UiSeedResult;
  office: string;
  delegate: string;
  browser: string;
  profileBytes: number;
}

/** Written last, so its presence means the profiles of that folder are complete (--profiles reuses them). */
const SEEDED_FILE = 'seeded.json';

async function seedProfiles(plan: SizePlan, port: number, seedDir: string, dataDir: string, sizeDir: string, input: Omit<UiSeedInput, 'size'>): Promise<SeededProfiles> {
  const office = path.join(sizeDir, 'office-profile');
  const delegate = path.join(sizeDir, 'delegate-profile');
  const marker = path.join(sizeDir, SEEDED_FILE);
  const previous = await readFile(marker, 'utf8').then((text) => JSON.parse(text) as SeededProfiles & { port: number; input: unknown }, () => undefined);
  if (previous && previous.port === port && JSON.stringify(previous.input) === JSON.stringify({ ...input, size: plan.size })) {
    log(`   reusing the profiles seeded in ${sizeDir}`);
    return previous;
  }
  await rm(sizeDir, { recursive: true, force: true });
  await mkdir(sizeDir, { recursive: true });
  log(`   seeding the office's profile (the demo congress through the repository, ${input.batch.toLocaleString('en-US')} rows a transaction)…`);
  const { seed, browser } = await withSeedPage(port, seedDir, dataDir, office, async (page) => ({
    seed: (await page.evaluate(
      ({ global, input }) => (window as unknown as Record<string, { seedCongress(i: unknown): Promise<unknown> }>)[global]!.seedCongress(input),
      { global: UI_SEED_GLOBAL, input: { ...input, size: plan.size } as unknown },
    )) as UiSeedResult,
    browser: await page.evaluate(() => navigator.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent),
  }));
  log(`   stored ${seed.records.toLocaleString('en-US')} rows in ${(seed.storeMs / 1000).toFixed(1)} s (generated in ${(seed.generateMs / 1000).toFixed(1)} s)`);
  const profileBytes = await folderBytes(office);
  await cp(office, delegate, { recursive: true });
  const profile: UiProfileInput = { role: 'delegate', actorId: seed.delegate.actorId, actorName: seed.delegate.actorName, congressId: seed.congressId };
  await withSeedPage(port, seedDir, dataDir, delegate, (page) =>
    page.evaluate(
      ({ global, profile }) => (window as unknown as Record<string, { setDeviceProfile(p: unknown): Promise<void> }>)[global]!.setDeviceProfile(profile),
      { global: UI_SEED_GLOBAL, profile: profile as unknown },
    ),
  );
  log(`   the delegate's profile: a copy, acting as ${seed.delegate.actorName} (${seed.delegateProposals} proposals in their list)`);
  const seeded: SeededProfiles = { seed, office, delegate, browser, profileBytes };
  await writeFile(marker, JSON.stringify({ ...seeded, port, input: { ...input, size: plan.size } }, null, 2));
  return seeded;
}

// ------------------------------------------------------------------------------------------------------------------

interface RunOptions {
  runs: number;
  scrollMs: number;
  seedInput: Omit<UiSeedInput, 'size'>;
  /** Also record CPU profiles (a separate office cold start, and the scroll) into this folder */
  cpuProfileDir?: string;
}

async function runSize(plan: SizePlan, profilesDir: string, port: number, builds: { app: string; seed: string; probe: string }, options: RunOptions): Promise<{ result: UiSizeResult; browser: string }> {
  const sizeDir = path.join(profilesDir, plan.label);
  const dataDir = path.join(sizeDir, 'bridge-data');
  const seedStarted = performance.now();
  const seeded = await seedProfiles(plan, port, builds.seed, dataDir, sizeDir, options.seedInput);
  const seedTotalMs = performance.now() - seedStarted;

  let bridge: WebBridge | undefined;
  try {
    bridge = await startWebBridge({ port, rootDir: builds.app, dataDir });
    const url = bridge.url;
    log(`   cold starts (${options.runs} measured runs after a first launch each)…`);
    const emptyProfile = path.join(sizeDir, 'empty-profile');
    await rm(emptyProfile, { recursive: true, force: true });
    const baseline = await coldStarts('first-run screen, empty profile (baseline)', emptyProfile, url, builds.probe, SELECTORS.onboarding, options.runs, { measureHeap: true });
    const office = await coldStarts('office → dashboard', seeded.office, url, builds.probe, SELECTORS.dashboard, options.runs, { withCharts: true });
    const delegate = await coldStarts('delegate → my proposals', seeded.delegate, url, builds.probe, SELECTORS.listRow, options.runs);
    log('   the office session: heap, 全部提案, scroll…');
    const profileFile = (name: string) => (options.cpuProfileDir ? path.join(options.cpuProfileDir, `${plan.label}-${name}.cpuprofile`) : undefined);
    const session = await officeSession(seeded.office, url, builds.probe, options.scrollMs, profileFile('list-scroll'));
    if (options.cpuProfileDir) {
      await profiledColdStart(seeded.office, url, builds.probe, SELECTORS.dashboard, profileFile('office-cold-start')!, 'office cold start');
      await profiledColdStart(seeded.delegate, url, builds.probe, SELECTORS.listRow, profileFile('delegate-cold-start')!, 'delegate cold start');
    }
    const c = seeded.seed.counts;
    const partial = {
      label: plan.label,
      counts: {
        delegates: c.delegate ?? 0,
        proposals: c.proposal ?? 0,
        ballots: c.ballot ?? 0,
        visits: c.visit ?? 0,
        delegateProposals: seeded.seed.delegateProposals,
        records: seeded.seed.records,
      },
      seed: { generateMs: seeded.seed.generateMs, storeMs: seeded.seed.storeMs, totalMs: seedTotalMs, profileBytes: seeded.profileBytes },
      coldStart: { baseline: baseline.result, office: office.result, delegate: delegate.result },
      list: session.list,
      heap: { baselineBytes: baseline.heapBytes ?? NaN, ...session.heap },
    };
    return { result: { ...partial, verdict: uiVerdict(partial) }, browser: seeded.browser };
  } finally {
    await bridge?.close().catch(() => undefined);
  }
}

export async function runUiBench(argv: readonly string[]): Promise<UiBenchResults> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      size: { type: 'string', multiple: true },
      runs: { type: 'string' },
      'scroll-ms': { type: 'string' },
      batch: { type: 'string' },
      out: { type: 'string', default: path.join(repoRoot, 'bench-results.json') },
      now: { type: 'string', default: DEFAULT_NOW },
      rebuild: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      port: { type: 'string' },
      'app-dir': { type: 'string' },
      'cpu-profile': { type: 'string' },
      profiles: { type: 'string' },
    },
  });
  const plans = (values.size ?? ['county-1y', 'province-10y']).map(parseSize);
  // tiny is the smoke check: one measured run per screen keeps it well under a minute
  const runsFor = (plan: SizePlan) => positiveInteger('runs', values.runs, plan.label === 'tiny' ? 1 : 3);
  const batch = positiveInteger('batch', values.batch, 20_000);
  if (Number.isNaN(new Date(values.now).getTime())) throw new Error(`--now 不是有效时间：${values.now}`);

  const work = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-ui-bench-'));
  try {
    const app = values['app-dir'] ? path.resolve(values['app-dir']) : await appBuild(work, values.rebuild);
    const builds = { app, seed: await seedPageBuild(work), probe: await probeScript() };
    // Seeded profiles kept for later runs (province seeding takes minutes), with the port their origin needs
    const profilesDir = values.profiles ? path.resolve(values.profiles) : work;
    await mkdir(profilesDir, { recursive: true });
    const portFile = path.join(profilesDir, 'port');
    const keptPort = values.profiles ? await readFile(portFile, 'utf8').then((text) => Number(text), () => undefined) : undefined;
    // One origin for the seed page and the app: the same 127.0.0.1 port, so the app opens the database seeded
    const port = values.port ? positiveInteger('port', values.port, 0) : (keptPort ?? (await freePort()));
    if (values.profiles) await writeFile(portFile, String(port));
    const cpuProfileDir = values['cpu-profile'] ? path.resolve(values['cpu-profile']) : undefined;
    if (cpuProfileDir) await mkdir(cpuProfileDir, { recursive: true });
    const sizes: UiSizeResult[] = [];
    let browser = 'unknown';
    for (const plan of plans) {
      log(`\n== ${plan.label}`);
      const started = performance.now();
      // Short runs for a small congress: the scroll is over a few screens only
      const scrollMs = positiveInteger('scroll-ms', values['scroll-ms'], plan.label === 'tiny' ? 1500 : 5000);
      const measured = await runSize(plan, profilesDir, port, builds, { runs: runsFor(plan), scrollMs, seedInput: { seed: 1, now: values.now, batch }, cpuProfileDir });
      sizes.push(measured.result);
      browser = measured.browser;
      log(`   done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      if (!values.keep && !values.profiles) await rm(path.join(work, plan.label), { recursive: true, force: true });
    }
    const cpus = os.cpus();
    const results: UiBenchResults = {
      benchmark: 'ui',
      at: new Date().toISOString(),
      command: `npm run bench:ui -- ${argv.join(' ')}`.trim(),
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown',
        memoryGB: Math.round(os.totalmem() / 2 ** 30),
        platform: `${os.platform()} ${os.release()}`,
        node: process.version,
        browser,
        loadAverage: os.loadavg(),
      },
      targets: UI_TARGETS,
      sizes,
    };
    log('');
    log(formatUiResults(results));
    await mergeBenchResults(values.out, 'ui', results);
    log(`\nResults written to ${values.out} ("ui")`);
    return results;
  } finally {
    if (values.keep) log(`Kept ${work} (origin port ${values.port ?? 'see above'})`);
    else await rm(work, { recursive: true, force: true });
  }
}

function isRunDirectly(): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(import.meta.url);
}

if (isRunDirectly()) {
  runUiBench(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
