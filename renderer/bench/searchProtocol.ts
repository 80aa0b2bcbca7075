import type { CustomDemoSize, DemoSizeName } from '../../shared/demo';
import type { LongTaskStats } from './protocol';
import type { FlexSearchVariant } from './searchEngines';
import type { QueryKind } from './searchQueries';

/**
 * What the search benchmark's driver (build/bench/searchBench.ts) and its part in the bench page
 * (renderer/bench/searchBench.ts) send each other. Plain JSON; every time in milliseconds.
 */

/** Phases of the benchmark whose long tasks the goal is about. */
export const PHASES = {
  appDatabase: 'app, IndexedDB path',
  appBuild: 'app, building the in-memory copy',
  appSearch: 'app, in-memory copy',
} as const;

/**
 * The driver's function the page calls, when the driver exposes it (--trace), to trace one phase:
 * `window[TRACE_HOOK]('start' | 'stop', phase)`.
 */
export const TRACE_HOOK = '__searchBenchTrace';

export interface SearchBenchInput {
  label: string;
  size: DemoSizeName | CustomDemoSize;
  /** The demo generator's seed and fixed "now" (ISO) */
  seed: number;
  now: string;
  /** Queries drawn from the corpus (200) and the seed that draws them */
  queryCount: number;
  querySeed: number;
  /** Proposals whose similar proposals are looked up, as the review screen does (20) */
  similarCount: number;
  /**
   * The app's search over IndexedDB alone (the code before the in-memory copy) answers every n-th query only:
   * at province size a common word reads tens of thousands of proposals back, seconds per query
   */
  databaseQueryEvery: number;
  flexVariants: FlexSearchVariant[];
  /**
   * Keep the seeded database when it already holds this congress's proposals (a profile kept between runs, see the
   * driver's --profile): province-10y takes ~10 minutes to store
   */
  reuseDatabase?: boolean;
  /**
   * Each in-memory engine (the app's copy, the peers, the linear scan) answers the queries this many times and keeps
   * each query's best time (default 1): on a shared machine, leaves out the waits for a core
   */
  rounds?: number;
}

/** One long task of an app phase, for finding what blocked: when, how long, and the query it overlapped or followed. */
export interface LongTaskEntry {
  /** From the start of the phase */
  atMs: number;
  ms: number;
  /** The query it overlapped ("during"), else the last query before it ("after"); none before the first */
  query?: string;
  during: boolean;
  /** JS heap in use just before the task and just after it (the query's own measure), when Chromium reports it */
  heapBeforeMB?: number;
  heapAfterMB?: number;
}

export interface TimingSummary {
  count: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  meanMs: number;
}

/** How one engine's answers compare with the linear scan (the proposals that contain every query word). */
export interface Agreement {
  queries: number;
  /** Linear-scan hits the engine did not return (the recall check, here over every query, 1-character ones too) */
  missed: number;
  queriesWithMisses: number;
  /** Ids returned that the linear scan did not (not containing every word as written) */
  extra: number;
  queriesWithExtras: number;
  /** A few queries with misses or extras: "query: missed m, extra e" */
  samples: string[];
}

export interface EngineRun {
  engine: string;
  tokenizer: string;
  /** Building the index; for the app, its in-memory copy read from IndexedDB */
  buildMs?: number;
  /**
   * JS heap the built index holds, bytes (Chromium counts typed arrays in it): for the peers, the heap with the
   * engine minus the heap once it is dropped; for the app, the heap after building its copy minus before
   */
  memoryBytes?: number;
  timing: TimingSummary;
  byKind: Partial<Record<QueryKind, TimingSummary>>;
  /** Per query, in the order of SearchBenchResult.queries; null where the engine did not run it */
  perQueryMs: (number | null)[];
  /** Ids returned, summed over the queries */
  hits: number;
  agreement: Agreement;
}

export interface SearchBenchResult {
  label: string;
  proposals: number;
  /** Characters of 案由 + body over every proposal */
  corpusChars: number;
  generateMs: number;
  /** Repository.createMany of every proposal (rows, change log, field clocks, search index); NaN when reused */
  seedMs: number;
  queries: { text: string; kind: QueryKind; linearHits: number }[];
  /** SearchBenchInput.rounds: each in-memory engine's time per query is its best of this many */
  rounds?: number;
  /** The app's first query on a freshly opened database (what a search right after start-up costs) */
  coldFirstQuery: { query: string; ms: number; hits: number };
  engines: EngineRun[];
  /** findSimilarProposals for stored proposals, as the review screen's 相似提案 panel calls it */
  similar: { proposals: number; firstMs: number; warm: TimingSummary; found: number };
  /**
   * Long tasks (≥ 50 ms) on the page's thread per phase of the benchmark: all of them, and those overlapping a
   * query (the others are the page's own garbage collections between queries, or other phases' leftovers)
   */
  longTasks: { phase: string; stats: LongTaskStats; duringQueries: LongTaskStats; list?: LongTaskEntry[] }[];
  /** Whether heap sizes could be measured (Chromium's precise performance.memory and gc()) */
  memoryMeasured: boolean;
  /** The app's in-memory copy: its size, and its memory as counted by the index itself (MemoryIndexStats) */
  appCache: { documents: number; terms: number; postings: number; approximateBytes: number };
  /**
   * The 全部提案 list's search for the first few queries: rankBySearch over its rows, read once before (listRead).
   * What the list awaits per search typed.
   */
  listQuery: TimingSummary;
  /** The list's rows read once, as when its filters or the data change: queryProposals({ scope: 'all' }) */
  listRead: { rows: number; ms: number };
}
