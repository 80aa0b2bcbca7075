import Dexie from 'dexie';
import type { Actor, Proposal } from '../../shared/domain';
import { createRng, generateDemoCongress } from '../../shared/demo';
import { openDatabase } from '../data/db';
import type { DelegateDeskDb } from '../data/db';
import { proposalSearchCache } from '../data/proposalSearchCache';
import { Repository } from '../data/repository';
import { searchProposalIds, searchProposalIdsInDatabase, warmProposalSearch } from '../data/searchIndex';
import { queryProposals, rankBySearch } from '../data/proposalQueries';
import { findSimilarProposals } from '../data/similarProposals';
import type { LongTaskStats } from './protocol';
import { buildFlexSearch, buildLinearScan, buildMiniSearch } from './searchEngines';
import type { CorpusDocument, InMemoryEngine } from './searchEngines';
import { PHASES, TRACE_HOOK } from './searchProtocol';
import type { EngineRun, LongTaskEntry, SearchBenchInput, SearchBenchResult } from './searchProtocol';
import { pickBenchQueries } from './searchQueries';
import type { BenchQuery, QueryKind } from './searchQueries';
import { agreementWith, timingSummary } from './searchStats';

/**
 * The search benchmark's part in the bench page (npm run bench:search; driver: build/bench/searchBench.ts).
 * Generates the demo congress, stores its proposals in the app's real database (IndexedDB on disk, through the
 * repository's bulk path, as 载入演示数据 does), draws the queries, and then times, in this one run: the app's
 * search (its first query on a freshly opened database, the IndexedDB path, the in-memory copy), MiniSearch,
 * FlexSearch and a linear scan over the same proposals; the agreement of each with the linear scan; long tasks;
 * and the similar-proposal lookup of the review screen.
 */

const SEED_BATCH = 5000;
/** The list's query reads every proposal of the table before searching: a few queries show what that costs. */
const LIST_QUERIES = 10;
const BENCH_ACTOR: Actor = { kind: 'system', id: 'setup', name: '初始化' };

function progress(text: string): void {
  console.log(`[search] ${text}`);
}

/**
 * Queries every in-memory engine answers untimed before it is measured, so that each is measured with its code
 * compiled by the JIT, as after a few searches in a session (the app's cold start is measured apart).
 */
const WARM_UP_QUERIES = 20;

async function warmUp(queries: readonly BenchQuery[], search: (query: string) => unknown): Promise<void> {
  for (const q of queries) {
    await search(q.text);
    await nextTask();
  }
}

/** Runs `work` inside a Chromium trace when the driver records one (--trace), else just runs it. */
async function traced<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const hook = (window as unknown as Record<string, ((action: 'start' | 'stop', phase: string) => Promise<void>) | undefined>)[TRACE_HOOK];
  if (!hook) return work();
  await hook('start', phase);
  try {
    return await work();
  } finally {
    await hook('stop', phase);
  }
}

/** A macrotask boundary, so every query is its own task (long tasks are attributed per query, as a UI would see). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function longTaskStats(durations: readonly number[]): LongTaskStats {
  return {
    count: durations.length,
    totalMs: durations.reduce((a, b) => a + b, 0),
    maxMs: durations.reduce((a, b) => Math.max(a, b), 0),
    over100: durations.filter((d) => d > 100).length,
  };
}

/** JS heap in use (Chromium with --enable-precise-memory-info), MB; undefined elsewhere. */
function heapMB(): number | undefined {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 2 ** 20 : undefined;
}

interface NotedQuery {
  start: number;
  end: number;
  text: string;
  heapAtStartMB?: number;
  heapAtEndMB?: number;
}

/** The app's phases, whose long tasks are listed one by one (the others are only counted). */
const LISTED_PHASES: ReadonlySet<string> = new Set(Object.values(PHASES));

/** Long tasks on this thread, attributed to the benchmark's phases by start time, and to the queries they overlap. */
class PhaseLog {
  private readonly entries: { start: number; duration: number }[] = [];
  private readonly phases: { phase: string; start: number; end: number }[] = [];
  private readonly queries: NotedQuery[] = [];
  private readonly observer: PerformanceObserver | undefined;

  constructor() {
    try {
      this.observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) this.entries.push({ start: e.startTime, duration: e.duration });
      });
      this.observer.observe({ type: 'longtask', buffered: false });
    } catch {
      this.observer = undefined;
    }
  }

  async measure<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.phases.push({ phase, start, end: performance.now() });
      // The caller's next step starts in a task of its own: long tasks are attributed by their start, and checking a
      // phase's answers against the linear scan (Sets of 800,000 ids at province size, ~400 ms) once ran on in the
      // task that ended the phase, and was listed as the app's.
      await nextTask();
    }
  }

  noteQuery(query: NotedQuery): void {
    this.queries.push(query);
  }

  async stop(): Promise<SearchBenchResult['longTasks']> {
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const e of this.observer?.takeRecords() ?? []) this.entries.push({ start: e.startTime, duration: e.duration });
    this.observer?.disconnect();
    return this.phases.map(({ phase, start, end }) => {
      const inPhase = this.entries.filter((e) => e.start >= start && e.start < end);
      const queries = this.queries.filter((q) => q.start >= start && q.end <= end);
      // Overlapping a query for more than timer jitter (or half of a very short query): the query ran in it.
      const overlapped = (e: { start: number; duration: number }) =>
        queries.find((q) => Math.min(e.start + e.duration, q.end) - Math.max(e.start, q.start) > Math.min(1, (q.end - q.start) / 2));
      const duringQueries = inPhase.filter((e) => overlapped(e) !== undefined);
      const list = LISTED_PHASES.has(phase) ? inPhase.map((e) => this.describe(e, start, queries, overlapped(e))) : undefined;
      return { phase, stats: longTaskStats(inPhase.map((e) => e.duration)), duringQueries: longTaskStats(duringQueries.map((e) => e.duration)), ...(list ? { list } : {}) };
    });
  }

  /** A long task with the query it overlapped, or the last one before it and the heap on either side of the gap. */
  private describe(e: { start: number; duration: number }, phaseStart: number, queries: readonly NotedQuery[], during: NotedQuery | undefined): LongTaskEntry {
    const entry: LongTaskEntry = { atMs: Math.round(e.start - phaseStart), ms: Math.round(e.duration), during: during !== undefined };
    const before = during ?? queries.filter((q) => q.end <= e.start + 1).at(-1);
    const next = during ? undefined : queries.find((q) => q.start >= e.start);
    if (before) entry.query = before.text;
    const heapBefore = during ? during.heapAtStartMB : before?.heapAtEndMB;
    const heapAfter = during ? during.heapAtEndMB : next?.heapAtStartMB;
    if (heapBefore !== undefined) entry.heapBeforeMB = Math.round(heapBefore);
    if (heapAfter !== undefined) entry.heapAfterMB = Math.round(heapAfter);
    return entry;
  }
}

/**
 * JS heap in use after full garbage collections; undefined unless Chromium runs with --expose-gc and precise memory
 * info. Chromium counts typed arrays' memory in the heap but frees it a little after the collection that found it
 * garbage, hence the pauses.
 */
async function heapUsed(): Promise<number | undefined> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  if (!gc || !memory) return undefined;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return memory.usedJSHeapSize;
}

/** After measuring the heap: the collections' leftovers (freeing typed arrays' memory) run now, not in the next phase. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

interface TimedAnswers {
  perQueryMs: (number | null)[];
  answers: (string[] | undefined)[];
}

/**
 * Outside a cross-origin-isolated page Chromium's clock ticks in 0.1 ms steps, as coarse as a fast engine's whole
 * query: in-memory engines run a query again and again until this much time has passed, and report the mean.
 */
const MIN_SAMPLE_MS = 2;
const MAX_REPEATS = 50;

async function runQueries(
  queries: readonly BenchQuery[],
  search: (query: string) => string[] | Promise<string[]>,
  options: { include?: (index: number) => boolean; repeat?: boolean; log?: PhaseLog } = {},
): Promise<TimedAnswers> {
  const perQueryMs: (number | null)[] = [];
  const answers: (string[] | undefined)[] = [];
  for (const [i, q] of queries.entries()) {
    if (options.include && !options.include(i)) {
      perQueryMs.push(null);
      answers.push(undefined);
      continue;
    }
    await nextTask();
    const heapAtStartMB = options.log ? heapMB() : undefined;
    const started = performance.now();
    let runs = 0;
    let ids: string[];
    do {
      ids = await search(q.text);
      runs++;
    } while (options.repeat && performance.now() - started < MIN_SAMPLE_MS && runs < MAX_REPEATS);
    const ended = performance.now();
    const heapAtEndMB = options.log ? heapMB() : undefined;
    options.log?.noteQuery({ start: started, end: ended, text: q.text, heapAtStartMB, heapAtEndMB });
    perQueryMs.push((ended - started) / runs);
    answers.push(ids);
  }
  // End the last query's task here, before the caller's analysis of the answers (a long task of its own; see measure).
  await nextTask();
  return { perQueryMs, answers };
}

/**
 * runQueries `rounds` times, keeping each query's best time (and the first round's answers): on a shared machine a
 * query whose task waits for a core is timed with the wait, and the best of a few rounds leaves that out — for every
 * engine alike.
 */
async function runQueryRounds(
  rounds: number,
  queries: readonly BenchQuery[],
  search: (query: string) => string[] | Promise<string[]>,
  options: { repeat?: boolean; log?: PhaseLog },
): Promise<TimedAnswers> {
  const first = await runQueries(queries, search, options);
  for (let round = 1; round < rounds; round++) {
    const again = await runQueries(queries, search, options);
    again.perQueryMs.forEach((ms, i) => {
      const best = first.perQueryMs[i];
      if (ms !== null && best !== null && best !== undefined && ms < best) first.perQueryMs[i] = ms;
    });
  }
  return first;
}

function engineRun(
  engine: Pick<InMemoryEngine, 'name' | 'tokenizer'>,
  queries: readonly BenchQuery[],
  timed: TimedAnswers,
  reference: readonly string[][],
  build?: { buildMs: number; memoryBytes?: number },
): EngineRun {
  const ran = timed.perQueryMs.map((ms, i) => ({ ms, kind: queries[i]!.kind })).filter((x): x is { ms: number; kind: QueryKind } => x.ms !== null);
  const kinds = [...new Set(ran.map((r) => r.kind))];
  return {
    engine: engine.name,
    tokenizer: engine.tokenizer,
    ...(build ? { buildMs: build.buildMs } : {}),
    ...(build?.memoryBytes !== undefined ? { memoryBytes: build.memoryBytes } : {}),
    timing: timingSummary(ran.map((r) => r.ms)),
    byKind: Object.fromEntries(kinds.map((k) => [k, timingSummary(ran.filter((r) => r.kind === k).map((r) => r.ms))])),
    perQueryMs: timed.perQueryMs.map((ms) => (ms === null ? null : Math.round(ms * 1000) / 1000)),
    hits: timed.answers.reduce((sum, a) => sum + (a?.length ?? 0), 0),
    agreement: agreementWith(reference, timed.answers, queries.map((q) => q.text)),
  };
}

/** Whether the database already holds exactly these proposals (a run's seeding kept in a reused profile). */
async function holdsProposals(name: string, proposals: readonly Proposal[]): Promise<boolean> {
  if (!(await Dexie.exists(name))) return false;
  const db = openDatabase(name);
  try {
    await db.open();
    const [count, first, last] = await Promise.all([db.proposal.count(), db.proposal.get(proposals[0]?.id ?? ''), db.proposal.get(proposals.at(-1)?.id ?? '')]);
    return count === proposals.length && first?.updatedAt === proposals[0]?.updatedAt && last?.updatedAt === proposals.at(-1)?.updatedAt;
  } finally {
    db.close();
  }
}

/** Stores the proposals through the repository, unless `reuse` and the database already holds them; true if reused. */
async function seedProposals(name: string, proposals: readonly Proposal[], reuse: boolean): Promise<boolean> {
  if (reuse && (await holdsProposals(name, proposals))) return true;
  await Dexie.delete(name);
  const db = openDatabase(name);
  await db.open();
  const repo = new Repository(db, 'bench-search-office', BENCH_ACTOR);
  for (let i = 0; i < proposals.length; i += SEED_BATCH) {
    const batch = proposals.slice(i, i + SEED_BATCH);
    await repo.write((w) => w.createMany('proposal', batch, { action: 'loadDemo', actor: BENCH_ACTOR }));
  }
  db.close();
  return false;
}

async function timeSimilar(db: DelegateDeskDb, picked: readonly Proposal[]): Promise<SearchBenchResult['similar']> {
  const times: number[] = [];
  let found = 0;
  for (const p of picked) {
    await nextTask();
    const started = performance.now();
    const similar = await findSimilarProposals(db, { id: p.id, title: p.title, background: p.background, recommendations: p.recommendations });
    times.push(performance.now() - started);
    found += similar.length;
  }
  return { proposals: picked.length, firstMs: times[0] ?? NaN, warm: timingSummary(times.slice(1)), found };
}

interface Corpus {
  documents: CorpusDocument[];
  /** The proposals whose similar ones are looked up */
  similarPicks: Proposal[];
  generateMs: number;
  seedMs: number;
}

/**
 * Generates the congress and stores its proposals; keeps only what the measures need, so that the rest of the
 * dataset is garbage before any heap is measured (and the page's collections stay short).
 */
async function prepareCorpus(input: SearchBenchInput, dbName: string, log: PhaseLog): Promise<Corpus> {
  progress(`${input.label}: generating the demo congress…`);
  let started = performance.now();
  const proposals = generateDemoCongress({ seed: input.seed, now: new Date(input.now), size: input.size }).proposal ?? [];
  const generateMs = performance.now() - started;
  progress(`${input.label}: storing ${proposals.length} proposals through the repository…`);
  started = performance.now();
  const reused = await log.measure('seed (Repository.createMany)', () => seedProposals(dbName, proposals, input.reuseDatabase ?? false));
  // A reused database was stored by an earlier run: its seeding time is unknown here.
  const seedMs = reused ? NaN : performance.now() - started;
  if (reused) progress(`${input.label}: the database kept from an earlier run holds them already`);
  return {
    documents: proposals.map((p) => ({ id: p.id, title: p.title, body: `${p.background}\n${p.recommendations}` })),
    similarPicks: createRng(input.querySeed + 1).sample(proposals, input.similarCount),
    generateMs,
    seedMs,
  };
}

/**
 * Builds an in-memory engine, runs every query, and measures the heap it holds as the difference between the heap
 * with it and without it, both after full collections (a difference across the build would also count whatever the
 * previous phases left to collect).
 */
async function runInMemory(
  phase: string,
  build: () => InMemoryEngine,
  queries: { measured: readonly BenchQuery[]; warmUp: readonly BenchQuery[] },
  log: PhaseLog,
  rounds: number,
): Promise<{ engine: Pick<InMemoryEngine, 'name' | 'tokenizer'>; timed: TimedAnswers; buildMs: number; memoryBytes?: number }> {
  const holder: { engine?: InMemoryEngine } = {};
  const started = performance.now();
  holder.engine = await log.measure(`${phase}, build`, async () => build());
  const buildMs = performance.now() - started;
  const withEngine = await heapUsed();
  await settle();
  await warmUp(queries.warmUp, (q) => holder.engine!.search(q));
  const timed = await log.measure(`${phase}, queries`, () => runQueryRounds(rounds, queries.measured, (q) => holder.engine!.search(q), { repeat: true, log }));
  const { name, tokenizer } = holder.engine;
  holder.engine = undefined;
  const without = await heapUsed();
  await settle();
  return { engine: { name, tokenizer }, timed, buildMs, ...(withEngine !== undefined && without !== undefined ? { memoryBytes: withEngine - without } : {}) };
}

export async function runSearchBench(input: SearchBenchInput): Promise<SearchBenchResult> {
  const log = new PhaseLog();
  const rounds = input.rounds ?? 1;
  const dbName = `bench-search-${input.label}`;
  const { documents, similarPicks, generateMs, seedMs } = await prepareCorpus(input, dbName, log);
  const corpusChars = documents.reduce((sum, d) => sum + d.title.length + d.body.length, 0);
  const queries = pickBenchQueries(documents, { seed: input.querySeed, count: input.queryCount });
  const warmUpQueries = pickBenchQueries(documents, { seed: input.querySeed + 2, count: WARM_UP_QUERIES });
  const sets = { measured: queries, warmUp: warmUpQueries };
  const engines: EngineRun[] = [];

  progress(`${input.label}: linear scan over ${queries.length} queries…`);
  const linear = await runInMemory('linear scan', () => buildLinearScan(documents), sets, log, rounds);
  const reference = linear.timed.answers.map((a) => a ?? []);
  engines.push(engineRun(linear.engine, queries, linear.timed, reference, linear));

  const db = openDatabase(dbName);
  await db.open();
  progress(`${input.label}: the app's search over IndexedDB (${input.databaseQueryEvery === 1 ? 'every query' : `every ${input.databaseQueryEvery}th query`}; the first is the cold one)…`);
  const databaseTimed = await log.measure(PHASES.appDatabase, () =>
    runQueries(queries, (q) => searchProposalIdsInDatabase(db, q), { include: (i) => i % input.databaseQueryEvery === 0, log }),
  );
  const coldFirstQuery = { query: queries[0]?.text ?? '', ms: databaseTimed.perQueryMs[0] ?? NaN, hits: databaseTimed.answers[0]?.length ?? 0 };
  const databaseEngine = { name: 'app, IndexedDB (before)', tokenizer: 'searchIndex table: bigrams + lone final characters; candidates read back and checked' };
  engines.push(engineRun(databaseEngine, queries, databaseTimed, reference));

  progress(`${input.label}: building the app's in-memory copy, then all queries…`);
  const heapBefore = await heapUsed();
  const buildStarted = performance.now();
  await traced(PHASES.appBuild, () => log.measure(PHASES.appBuild, () => warmProposalSearch(db)));
  const appBuild = { buildMs: performance.now() - buildStarted, heapAfter: await heapUsed() };
  await settle();
  await warmUp(warmUpQueries, (q) => searchProposalIds(db, q));
  const appTimed = await traced(PHASES.appSearch, () =>
    log.measure(PHASES.appSearch, () => runQueryRounds(rounds, queries, (q) => searchProposalIds(db, q), { repeat: true, log })),
  );
  const appEngine = { name: 'app (after)', tokenizer: 'in-memory copy: every Han character + bigram, occurrence codes; same answers as IndexedDB' };
  const appMemory = heapBefore !== undefined && appBuild.heapAfter !== undefined ? { memoryBytes: appBuild.heapAfter - heapBefore } : {};
  engines.push(engineRun(appEngine, queries, appTimed, reference, { buildMs: appBuild.buildMs, ...appMemory }));
  const { documents: cachedDocuments, terms, postings, approximateBytes } = proposalSearchCache(db).stats();

  // What the 全部提案 list does: reads its rows when its filters or the data change, then ranks them per search.
  progress(`${input.label}: the proposal list: its rows (office scope), then ${LIST_QUERIES} searches over them…`);
  const listReadStart = performance.now();
  const listRows = await log.measure('proposal list (reading its rows)', () => queryProposals(db, { scope: 'all' }));
  const listReadMs = performance.now() - listReadStart;
  const listTimed = await log.measure('proposal list (ranking its rows)', () =>
    runQueries(queries.slice(0, LIST_QUERIES), async (q) => (await rankBySearch(db, listRows, q)).map((p) => p.id), { log }),
  );

  const peers: { phase: string; build: () => InMemoryEngine }[] = [
    { phase: 'MiniSearch', build: () => buildMiniSearch(documents) },
    ...input.flexVariants.map((variant) => ({ phase: `FlexSearch (${variant})`, build: () => buildFlexSearch(documents, variant) })),
  ];
  for (const peer of peers) {
    progress(`${input.label}: ${peer.phase}: building, then all queries…`);
    const run = await runInMemory(peer.phase, peer.build, sets, log, rounds);
    engines.push(engineRun(run.engine, queries, run.timed, reference, run));
  }

  progress(`${input.label}: similar proposals for ${input.similarCount} proposals…`);
  const similar = await log.measure('similar proposals', () => timeSimilar(db, similarPicks));
  db.close();
  if (!input.reuseDatabase) await Dexie.delete(dbName);

  return {
    label: input.label,
    proposals: documents.length,
    corpusChars,
    generateMs,
    seedMs,
    queries: queries.map((q, i) => ({ text: q.text, kind: q.kind, linearHits: reference[i]!.length })),
    rounds,
    coldFirstQuery,
    engines,
    similar,
    longTasks: await log.stop(),
    memoryMeasured: (await heapUsed()) !== undefined,
    appCache: { documents: cachedDocuments, terms, postings, approximateBytes },
    listQuery: timingSummary(listTimed.perQueryMs.filter((ms): ms is number => ms !== null)),
    listRead: { rows: listRows.length, ms: listReadMs },
  };
}
