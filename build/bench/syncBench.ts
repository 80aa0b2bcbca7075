/**
 * `npm run bench:sync [-- --size county|tiny|county-1y|county-10y|province-10y|<delegates,years,proposalsPerYear>]
 *                        [--runs N] [--profile first|all|none] [--keep] [--out bench-results.json] [--now ISO]
 *                        [--bundle-per day|week|month|device] [--breakdown auto|all|none]`
 *
 * The sync benchmark (issues 3 and 7), a benchmark and never a pass/fail test: writes demo sync folders, serves the
 * bench page (renderer/bench, built to dist/bench) with the web bridge whose data folder is the office machine's,
 * and in headless Chromium (real IndexedDB on disk) measures, in the same run:
 *   - the office importing the whole folder with the real engine (runSync importOnly) beside a raw Dexie bulkPut of
 *     the same resulting rows, PouchDB.replicate of the same rows as documents into a fresh PouchDB on IndexedDB,
 *     with a breakdown of where the time goes and a CPU profile of a separate run;
 *   - one device exporting a year of its changes (packOutgoingBundle + publishOutbox) beside JSON.stringify + write.
 * Prints tables and writes bench-results.json. `--size tiny` is the CI smoke check that the benchmark still runs.
 * A province decade (`--size province-10y --runs 1`) writes one bundle per device-month unless --bundle-per says
 * otherwise, and skips the breakdown and the CPU profile (each would replay or repeat the whole import).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { mergeBenchResults } from './resultsFile';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import benchViteConfig from '../../vite.bench.config';
import type { CustomDemoSize, DemoSizeName } from '../../shared/demo';
import { createKeyStore } from '../../electron/keys/keyStore';
import { BENCH_GLOBAL } from '../../renderer/bench/protocol';
import type { ExportBenchInput, ExportBenchResult, ImportBenchInput, ImportBenchResult, SeedInput } from '../../renderer/bench/protocol';
import { parseDemoSize } from '../scripts/demo-sync-folder';
import { startWebBridge } from '../web/webBridge';
import { formatResults, median, TARGETS, versusPouch } from './benchReport';
import type { BenchResults, ExportSummary, SizeResult } from './benchReport';
import { attributeTasks, LONG_TASK_MS, summarizeCpuProfile, type CpuProfile, type ProfileSummary } from './cpuProfile';
import { writeDemoSyncFolder } from './demoSyncFolder';
import type { DemoSyncFolder } from './demoSyncFolder';
import { BUNDLE_PER, defaultBundlePer, isBundlePer } from './deviceWrites';
import type { BundlePer } from './deviceWrites';
import { delegateExportSeed, exportDeviceId, officeExportSeed } from './exportScenario';
import { timeOfficeUnwrap } from './serverUnwrap';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const benchBuildDir = path.join(repoRoot, 'dist', 'bench');

/** The smallest congress the generator makes: enough to run every step, in seconds (CI smoke). */
export const TINY_SIZE: CustomDemoSize = { delegates: 12, years: 1, proposalsPerYear: 24 };
/**
 * The demo's "now" unless --now says otherwise: fixed, so every run measures the same data (the generator's
 * output depends on it), and in the past, because sync readers refuse clocks more than a day ahead of theirs.
 */
const DEFAULT_NOW = '2026-11-01T00:00:00.000Z';

interface SizePlan {
  label: string;
  size: DemoSizeName | CustomDemoSize;
  runs: number;
}

/**
 * Above this many changes in the folder, `--breakdown auto` and `--profile first` skip the breakdown and the CPU
 * profile: both replay the import (the breakdown also keeps every bundle in the page), minutes at province size.
 */
const LARGE_FOLDER_CHANGES = 100_000;

function parseSize(text: string, runs: number | undefined): SizePlan[] {
  if (text === 'tiny') return [{ label: 'tiny', size: TINY_SIZE, runs: runs ?? 1 }];
  // The county (251 delegate devices + office) and the 10× one: a decade of the same county, ten times the
  // records and bundles through the same devices (see docs/benchmarks.md for why not 2,510 delegates).
  if (text === 'county') return [{ label: 'county-1y', size: 'county-1y', runs: runs ?? 3 }, { label: 'county-10y', size: 'county-10y', runs: runs ?? 1 }];
  const size = parseDemoSize(text);
  if (typeof size === 'string') return [{ label: size, size, runs: runs ?? (size === 'county-1y' ? 3 : 1) }];
  return [{ label: `custom-${size.delegates}-${size.years}-${size.proposalsPerYear}`, size, runs: runs ?? 1 }];
}

async function buildBenchPage(): Promise<void> {
  await build({ ...benchViteConfig, configFile: false });
}

function log(text: string): void {
  process.stdout.write(`${text}\n`);
}

let pageInputs = 0;

/**
 * Calls the bench page's API. The input goes as a JSON file the page fetches from the web bridge (which serves
 * dist/bench), not as a page.evaluate argument: a province's office seed is ~90 MB of JSON, several times that in
 * the DevTools protocol's encoding, and a message that size closes the connection to the browser.
 */
async function callPage<I, R>(page: Page, method: 'importFolder' | 'exportDevice', input: I): Promise<R> {
  const name = `input-${process.pid}-${++pageInputs}.json`;
  const file = path.join(benchBuildDir, 'inputs', name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(input));
  try {
    return (await page.evaluate(
      async ({ global, method, url }) => {
        const api = (window as unknown as Record<string, Record<string, (arg: unknown) => Promise<unknown>>>)[global];
        if (!api) throw new Error('bench page not ready');
        const response = await fetch(url);
        if (!response.ok) throw new Error(`bench input ${url}: HTTP ${response.status}`);
        return api[method]!(await response.json());
      },
      { global: BENCH_GLOBAL, method, url: `./inputs/${name}` },
    )) as R;
  } finally {
    await rm(file, { force: true });
  }
}

/** A CPU profile of one more import, summarised, with what ran during that import's longest tasks. */
async function profileImport(context: BrowserContext, page: Page, input: ImportBenchInput): Promise<ProfileSummary> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const pageMsAtProfileStart = await page.evaluate(() => performance.now());
  let failure: unknown;
  let result: ImportBenchResult | undefined;
  try {
    result = await callPage<ImportBenchInput, ImportBenchResult>(page, 'importFolder', { ...input, label: `${input.label}-profile`, runs: 1, breakdown: false });
  } catch (error) {
    failure = error;
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  if (failure) throw failure;
  const tasks = (result?.runs[0]?.longTasks.longest ?? []).filter((task) => task.ms > LONG_TASK_MS);
  return { ...summarizeCpuProfile(profile), longTasks: attributeTasks(profile, tasks, pageMsAtProfileStart) };
}

async function emptyFolders(root: string, prefix: string, count: number): Promise<string[]> {
  const folders = Array.from({ length: count }, (_, i) => path.join(root, `${prefix}-${i}`));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  return folders;
}

async function runExport(page: Page, work: string, label: string, device: 'delegate' | 'office', seed: SeedInput, runs: number): Promise<ExportSummary> {
  const input: ExportBenchInput = {
    label: `${label}-${device}`,
    seed,
    folders: await emptyFolders(work, `export-${label}-${device}`, runs),
    baselineFolders: await emptyFolders(work, `baseline-${label}-${device}`, runs),
  };
  const detail = await callPage<ExportBenchInput, ExportBenchResult>(page, 'exportDevice', input);
  const exportMs = median(detail.runs.map((r) => r.exportMs));
  const stringifyWriteMs = median(detail.runs.map((r) => r.stringifyWriteMs));
  return { device, changes: detail.changes, exportMs, stringifyWriteMs, ratio: exportMs / stringifyWriteMs, detail };
}

interface BenchEnv {
  work: string;
  officeDataDir: string;
  now: Date;
  context: BrowserContext;
  page: Page;
  /** 'first': this is the first size and --profile first; 'all'; 'none' */
  profile: 'first' | 'all' | 'none';
  breakdown: 'auto' | 'all' | 'none';
  bundlePer: BundlePer | undefined;
}

async function benchSize(plan: SizePlan, env: BenchEnv): Promise<SizeResult> {
  const { work, page } = env;
  const bundlePer = env.bundlePer ?? defaultBundlePer(plan.size);
  log(`\n== ${plan.label}: writing the demo sync folder (one bundle per ${bundlePer === 'device' ? 'device' : `device-${bundlePer}`} with changes)…`);
  const demo: DemoSyncFolder = await writeDemoSyncFolder({
    size: plan.size,
    seed: 1,
    now: env.now,
    folder: path.join(work, `folder-${plan.label}`),
    officeDataDir: env.officeDataDir,
    bundlePer,
  });
  const t = demo.timings;
  log(`   ${demo.totals.devices} devices, ${demo.totals.bundles} bundles, ${(demo.totals.bytes / 1e6).toFixed(1)} MB, ${demo.totals.changes} changes ` +
    `(dataset ${(t.dataset / 1000).toFixed(1)} s, sign ${(t.encode / 1000).toFixed(1)} s, write ${(t.write / 1000).toFixed(1)} s)`);

  const seed: SeedInput = { profile: demo.office.profile, changes: demo.officeChanges, exportedCount: demo.officeChanges.length };
  const large = demo.totals.changes > LARGE_FOLDER_CHANGES;
  const breakdown = env.breakdown === 'all' || (env.breakdown === 'auto' && !large);
  const profiled = env.profile === 'all' || (env.profile === 'first' && !large);
  if (large && (!breakdown || !profiled)) {
    log(`   over ${LARGE_FOLDER_CHANGES.toLocaleString('en-US')} changes: no ${[!breakdown && 'breakdown (--breakdown all)', !profiled && 'CPU profile (--profile all)'].filter(Boolean).join(' and no ')}`);
  }
  const input: ImportBenchInput = { label: plan.label, folder: demo.folder, seed, runs: plan.runs, breakdown, pouch: true, progress: true };
  log(`   importing (${plan.runs} run${plan.runs > 1 ? 's' : ''})…`);
  const cpuBefore = process.cpuUsage();
  const detail = await callPage<ImportBenchInput, ImportBenchResult>(page, 'importFolder', input);
  const cpu = process.cpuUsage(cpuBefore);
  if (detail.problemSamples.length) log(`   problems: ${detail.problemSamples.join(' | ')}`);
  const serverUnwrap = await timeOfficeUnwrap(demo);

  let profile;
  if (profiled) {
    log('   profiling a separate import run…');
    profile = await profileImport(env.context, page, input);
  }

  log('   exporting…');
  const exportRuns = Math.max(plan.runs, 1);
  const exports: ExportSummary[] = [];
  const laptopId = exportDeviceId();
  const laptopKeys = await createKeyStore({ dir: env.officeDataDir }).publicKeys(laptopId);
  exports.push(await runExport(page, work, plan.label, 'delegate', delegateExportSeed(demo, demo.dataset.meta.sampleDelegateId, { deviceId: laptopId, ...laptopKeys }), exportRuns));
  exports.push(await runExport(page, work, plan.label, 'office', officeExportSeed(demo), exportRuns));

  const importMs = median(detail.runs.map((r) => r.importMs));
  const bulkPutRowsMs = median(detail.runs.map((r) => r.bulkPutRowsMs));
  const bulkPutAllMs = median(detail.runs.map((r) => r.bulkPutAllMs));
  const pouchReplicateMs = median(detail.runs.map((r) => r.pouchReplicateMs ?? NaN));
  const result: SizeResult = {
    label: plan.label,
    size: plan.size,
    folder: { ...demo.totals, bundlePer, generate: demo.timings },
    import: {
      runs: detail.runs.length,
      importMs,
      bulkPutRowsMs,
      bulkPutAllMs,
      ratio: importMs / bulkPutRowsMs,
      ratioAll: importMs / bulkPutAllMs,
      pouchReplicateMs,
      importVsPouch: pouchReplicateMs / importMs,
      bridgeCpuMs: (cpu.user + cpu.system) / 1000 / detail.runs.length,
      serverUnwrap,
      detail,
      ...(profile ? { profile } : {}),
    },
    exports,
  };
  log(`   import ${Math.round(importMs)} ms, bulkPut ${Math.round(bulkPutRowsMs)} ms (${result.import.ratio.toFixed(1)}×), PouchDB ${Math.round(pouchReplicateMs)} ms (${versusPouch(result.import.importVsPouch)})`);
  return result;
}

export async function runSyncBench(argv: readonly string[]): Promise<BenchResults> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      size: { type: 'string', multiple: true },
      runs: { type: 'string' },
      profile: { type: 'string', default: 'first' },
      keep: { type: 'boolean', default: false },
      out: { type: 'string', default: path.join(repoRoot, 'bench-results.json') },
      now: { type: 'string', default: DEFAULT_NOW },
      'bundle-per': { type: 'string' },
      breakdown: { type: 'string', default: 'auto' },
    },
  });
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) throw new Error(`--runs 应为正整数，收到：${values.runs}`);
  const plans = (values.size ?? ['county']).flatMap((s) => parseSize(s, runs));
  const now = new Date(values.now);
  if (Number.isNaN(now.getTime()) || now.getTime() > Date.now()) throw new Error(`--now 应为过去的时间（同步会拒绝来自未来的时钟），收到：${values.now}`);
  const profileOption = values.profile;
  if (profileOption !== 'first' && profileOption !== 'all' && profileOption !== 'none') throw new Error(`--profile 应为 first、all 或 none，收到：${profileOption}`);
  const breakdown = values.breakdown;
  if (breakdown !== 'auto' && breakdown !== 'all' && breakdown !== 'none') throw new Error(`--breakdown 应为 auto、all 或 none，收到：${breakdown}`);
  const bundlePer = values['bundle-per'];
  if (bundlePer !== undefined && !isBundlePer(bundlePer)) throw new Error(`--bundle-per 应为 ${BUNDLE_PER.join('、')} 之一，收到：${bundlePer}`);

  log('Building the bench page (vite.bench.config.ts → dist/bench)…');
  await buildBenchPage();
  const work = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-bench-'));
  const officeDataDir = path.join(work, 'office-machine');
  const bridge = await startWebBridge({ port: 0, rootDir: benchBuildDir, dataDir: officeDataDir });
  const profileDir = path.join(work, 'chromium-profile');
  // A persistent profile: IndexedDB on disk, as in the app (an incognito context keeps it in memory).
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => log(`   page error: ${error.message}`));
    page.on('crash', () => log(`   the bench page crashed (${new Date().toISOString()}): renderer out of memory?`));
    page.on('console', (message) => {
      if (message.text().startsWith('[bench] ')) log(`   ${new Date().toISOString().slice(11, 19)} ${message.text().slice(8)}`);
    });
    await page.goto(bridge.url);
    await page.waitForFunction((global) => global in window, BENCH_GLOBAL);
    const browser = await page.evaluate(() => navigator.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
    const sizes: SizeResult[] = [];
    for (const [i, plan] of plans.entries()) {
      const profile = profileOption === 'all' ? 'all' : profileOption === 'first' && i === 0 ? 'first' : 'none';
      sizes.push(await benchSize(plan, { work, officeDataDir, now, context, page, profile, breakdown, bundlePer }));
    }
    const cpus = os.cpus();
    const results: BenchResults = {
      benchmark: 'sync',
      at: new Date().toISOString(),
      command: `npm run bench:sync -- ${argv.join(' ')}`.trim(),
      machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}`, node: process.version, browser },
      targets: TARGETS,
      sizes,
    };
    log('');
    log(formatResults(results));
    await mergeBenchResults(values.out, 'sync', results);
    log(`Results written to ${values.out}`);
    return results;
  } finally {
    await context.close().catch(() => undefined);
    await bridge.close().catch(() => undefined);
    if (values.keep) log(`Kept the folders and the office machine's data in ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

function isRunDirectly(): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(import.meta.url);
}

if (isRunDirectly()) {
  runSyncBench(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
