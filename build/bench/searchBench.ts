/**
 * `npm run bench:search [-- --size county-1y|province-10y|tiny|<delegates,years,proposalsPerYear>] [--queries 200]
 *                         [--similar 20] [--db-every N] [--flex bigram,cjk-context,cjk|none] [--out bench-results.json]
 *                         [--now ISO] [--profile <dir>] [--dump] [--trace <file>] [--rounds N]`
 *
 * The Chinese full-text search benchmark (issue 7), a benchmark and never a pass/fail test. In headless Chromium
 * (playwright-core, a persistent profile, so IndexedDB on disk as in the app) the bench page stores a demo
 * congress's proposals in the app's database and times, in the same run, the app's search (cold first query, the
 * IndexedDB path, the in-memory copy), MiniSearch, FlexSearch and a linear scan over 200 queries drawn from the
 * data, checks that the app finds every proposal the linear scan finds, records long tasks, and times the review
 * screen's similar-proposal lookup. Prints tables and writes the "search" entry of bench-results.json.
 * Default sizes: county-1y and province-10y; `--size tiny` checks in seconds that the benchmark still runs.
 *
 * For working on the search: `--profile <dir>` keeps Chromium's profile in <dir>, and with it the seeded database, which
 * the next run with the same size reuses instead of storing the proposals again (province-10y: ~10 minutes);
 * `--dump` also prints the app's slowest queries beside the peers' times for them, and every long task of the app's
 * phases with the query it overlapped or followed; `--trace <file>` records a Chromium trace of the app's in-memory
 * queries (open it in DevTools' Performance panel) and prints each long task's wall time beside its CPU time and its
 * garbage collection — on a shared machine a long task may be a wait for a core rather than work; `--rounds N` has every
 * in-memory engine answer the queries N times and keeps each query's best time, which leaves such waits out.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import benchViteConfig from '../../vite.bench.config';
import type { CustomDemoSize, DemoSizeName } from '../../shared/demo';
import { BENCH_GLOBAL } from '../../renderer/bench/protocol';
import type { FlexSearchVariant } from '../../renderer/bench/searchEngines';
import type { SearchBenchInput, SearchBenchResult } from '../../renderer/bench/searchProtocol';
import { parseDemoSize } from '../scripts/demo-sync-folder';
import { startWebBridge } from '../web/webBridge';
import { mergeBenchResults } from './resultsFile';
import { formatQueryDump, formatSearchResults, SEARCH_TARGETS, searchVerdict } from './searchReport';
import type { SearchBenchResults } from './searchReport';
import { longTasksOfTrace, TRACE_CATEGORIES, type TraceEvent } from './traceSummary';
import { TRACE_HOOK } from '../../renderer/bench/searchProtocol';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const benchBuildDir = path.join(repoRoot, 'dist', 'bench');

/** A small congress: every step runs in seconds (the smoke check that the benchmark still works). */
const TINY_SIZE: CustomDemoSize = { delegates: 12, years: 1, proposalsPerYear: 80 };
/** Fixed, so every run measures the same data (as bench:sync). */
const DEFAULT_NOW = '2026-11-01T00:00:00.000Z';
const FLEX_VARIANTS: readonly FlexSearchVariant[] = ['bigram', 'cjk-context', 'cjk'];
/** With a kept profile the page must come from the same origin every run (IndexedDB is per origin): a fixed port. */
const KEPT_PROFILE_PORT = 47318;

interface SizePlan {
  label: string;
  size: DemoSizeName | CustomDemoSize;
}

function parseSize(text: string): SizePlan {
  if (text === 'tiny') return { label: 'tiny', size: TINY_SIZE };
  const size = parseDemoSize(text);
  return typeof size === 'string' ? { label: size, size } : { label: `custom-${size.delegates}-${size.years}-${size.proposalsPerYear}`, size };
}

/** Province sizes answer only every 4th query over IndexedDB alone: a common word there reads back seconds of rows. */
function databaseQueryEvery(plan: SizePlan, asked: number | undefined): number {
  if (asked !== undefined) return asked;
  return plan.size === 'province-10y' ? 4 : 1;
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

async function searchCorpus(page: Page, input: SearchBenchInput): Promise<SearchBenchResult> {
  return page.evaluate(
    async ({ global, input }) => {
      const api = (window as unknown as Record<string, { searchCorpus?: (arg: unknown) => Promise<unknown> }>)[global];
      if (!api?.searchCorpus) throw new Error('bench page not ready');
      return api.searchCorpus(input);
    },
    { global: BENCH_GLOBAL, input: input as unknown },
  ) as Promise<SearchBenchResult>;
}

/**
 * Lets the page start and stop a Chromium trace around the phase it traces (TRACE_HOOK); each stop writes the trace
 * to `file` (numbered after the first) and prints its long tasks.
 */
async function exposeTracing(context: BrowserContext, page: Page, file: string): Promise<void> {
  let session: CDPSession | undefined;
  let traces = 0;
  await page.exposeFunction(TRACE_HOOK, async (action: 'start' | 'stop', label: string) => {
    if (action === 'start') {
      session = await context.newCDPSession(page);
      await session.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReturnAsStream' });
      return;
    }
    if (!session) return;
    const cdp = session;
    session = undefined;
    const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream!)));
    await cdp.send('Tracing.end');
    const stream = await complete;
    const chunks: string[] = [];
    for (;;) {
      const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
      chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    await cdp.detach();
    const text = chunks.join('');
    const target = traces++ === 0 ? file : file.replace(/(\.json)?$/, `-${traces}$1`);
    await writeFile(target, text);
    const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const tasks = longTasksOfTrace(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []));
    log(`   trace of ${label} written to ${target}; its long tasks (ms from the trace's start: wall / CPU / GC / script; longest events):`);
    for (const t of tasks) log(`     at ${t.atMs}: ${t.wallMs} / ${t.cpuMs ?? '?'} / ${t.gcMs} / ${t.scriptMs}; ${t.top.join(', ') || 'nothing traced'}`);
  });
}

export async function runSearchBench(argv: readonly string[]): Promise<SearchBenchResults> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      size: { type: 'string', multiple: true },
      queries: { type: 'string' },
      similar: { type: 'string' },
      'db-every': { type: 'string' },
      flex: { type: 'string' },
      out: { type: 'string', default: path.join(repoRoot, 'bench-results.json') },
      now: { type: 'string', default: DEFAULT_NOW },
      profile: { type: 'string' },
      dump: { type: 'boolean', default: false },
      trace: { type: 'string' },
      rounds: { type: 'string' },
    },
  });
  const plans = (values.size ?? ['county-1y', 'province-10y']).map(parseSize);
  const queryCount = positiveInteger('queries', values.queries, 200);
  const similarCount = positiveInteger('similar', values.similar, 20);
  const rounds = positiveInteger('rounds', values.rounds, 1);
  const dbEvery = values['db-every'] === undefined ? undefined : positiveInteger('db-every', values['db-every'], 1);
  const flexVariants = (values.flex === 'none' ? [] : (values.flex?.split(',') ?? FLEX_VARIANTS)).map((v) => v.trim()) as FlexSearchVariant[];
  for (const v of flexVariants) if (!FLEX_VARIANTS.includes(v)) throw new Error(`--flex 应为 ${FLEX_VARIANTS.join('、')} 中的若干个，收到：${v}`);
  if (Number.isNaN(new Date(values.now).getTime())) throw new Error(`--now 不是有效时间：${values.now}`);

  log('Building the bench page (vite.bench.config.ts → dist/bench)…');
  await build({ ...benchViteConfig, configFile: false });
  const work = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-search-bench-'));
  const port = values.profile ? KEPT_PROFILE_PORT : 0;
  const bridge = await startWebBridge({ port, rootDir: benchBuildDir, dataDir: path.join(work, 'data') });
  // A persistent profile: IndexedDB on disk, as in the app. gc() and precise performance.memory for heap sizes.
  const profileDir = values.profile ? path.resolve(values.profile) : path.join(work, 'chromium-profile');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--js-flags=--expose-gc',
      '--enable-precise-memory-info',
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    if (values.trace) await exposeTracing(context, page, path.resolve(values.trace));
    page.on('pageerror', (error) => log(`   page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.text().startsWith('[search]')) log(`   ${message.text().slice('[search] '.length)}`);
    });
    await page.goto(bridge.url);
    await page.waitForFunction((global) => global in window, BENCH_GLOBAL);
    const browser = await page.evaluate(() => navigator.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
    const sizes: SearchBenchResults['sizes'] = [];
    for (const plan of plans) {
      log(`\n== ${plan.label}`);
      const started = Date.now();
      const result = await searchCorpus(page, {
        label: plan.label,
        size: plan.size,
        seed: 1,
        now: values.now,
        queryCount,
        querySeed: 7,
        similarCount,
        databaseQueryEvery: databaseQueryEvery(plan, dbEvery),
        flexVariants,
        reuseDatabase: values.profile !== undefined,
        rounds,
      });
      log(`   done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      sizes.push({ ...result, verdict: searchVerdict(result) });
    }
    const cpus = os.cpus();
    const results: SearchBenchResults = {
      benchmark: 'search',
      at: new Date().toISOString(),
      command: `npm run bench:search -- ${argv.join(' ')}`.trim(),
      machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}`, node: process.version, browser },
      targets: SEARCH_TARGETS,
      sizes,
    };
    log('');
    log(formatSearchResults(results));
    if (values.dump) for (const size of sizes) log(`\n${formatQueryDump(size)}`);
    await mergeBenchResults(values.out, 'search', results);
    log(`\nResults written to ${values.out} ("search")`);
    return results;
  } finally {
    await context.close().catch(() => undefined);
    await bridge.close().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }
}

function isRunDirectly(): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(import.meta.url);
}

if (isRunDirectly()) {
  runSearchBench(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
