import type { DeviceProfile } from '../../shared/domain';
import type { SyncChange } from '../../shared/sync/types';
import type { SearchBenchInput, SearchBenchResult } from './searchProtocol';

/**
 * What the sync benchmark's driver (build/bench/syncBench.ts, Node) and its page (this folder, in Chromium) send
 * each other through page.evaluate. Plain JSON only. Every time is in milliseconds.
 */

/** A machine's database before the measured step: its profile and its change log, oldest first. */
export interface SeedInput {
  profile: DeviceProfile;
  /** Rows, field clocks and the change log are merged from these, as the machine's own writes and what it received */
  changes: SyncChange[];
  /** The first `exportedCount` changes count as already packed into bundles (the rest waits for export) */
  exportedCount: number;
}

export interface ImportBenchInput {
  label: string;
  /** Absolute path of the sync folder, as the web bridge (this machine's main process) sees it */
  folder: string;
  /** The office machine before it syncs */
  seed: SeedInput;
  runs: number;
  /**
   * Also time decode / verify / open / authorise+merge alone on the same bundles, the IndexedDB floor per bundle and
   * per table, and PouchDB's bulkDocs alone (after the measured runs). Without it the page keeps no bundles.
   */
  breakdown: boolean;
  /** Also replicate the resulting rows into a fresh PouchDB (the bench page does; Node tests have no browser for PouchDB) */
  pouch?: boolean;
  /** Say how far a long import has got on the console (`[bench] …` lines the driver prints) */
  progress?: boolean;
}

export interface ImportRun {
  /** runSync(ctx, 'importOnly') from start to finish: scan, unwrap, decode, verify, authorise, merge, IndexedDB */
  importMs: number;
  applied: number;
  problems: number;
  /** Raw Dexie bulkPut of the entity rows the import produced, into a fresh database with the app's schema */
  bulkPutRowsMs: number;
  /** The same with everything the import wrote: rows, change log, field clocks, search index, cursors */
  bulkPutAllMs: number;
  /**
   * PouchDB.replicate of the same entity rows, as documents with their revisions (one per change that touched the
   * row), from an in-memory source into a fresh PouchDB on IndexedDB (idb adapter): the target side of a replication
   */
  pouchReplicateMs?: number;
  /** Tasks of 50 ms or more on the page's thread during the import (PerformanceObserver 'longtask') */
  longTasks: LongTaskStats;
}

export interface LongTaskStats {
  count: number;
  totalMs: number;
  maxMs: number;
  /** Tasks over 100 ms: the limit for a blocked UI */
  over100: number;
  /** The longest tasks, longest first: start (performance.now() time) and duration, to find in a CPU profile */
  longest?: { startMs: number; ms: number }[];
}

export interface BridgeCallStats {
  calls: number;
  ms: number;
  /** bytes of bundles (scan) or number of keys (unwrap) */
  amount: number;
}

/** Parts of the import timed alone on the same bundles, in this page: CPU only, no I/O. */
export interface ImportBreakdown {
  scan: BridgeCallStats;
  unwrap: BridgeCallStats;
  otherBridge: BridgeCallStats;
  decodeMs: number;
  verifyMs: number;
  openMs: number;
  authorizeMergeMs: number;
  /** One bridge call that does nothing (app:info): the HTTP round trip every unwrap pays, median of 50 */
  roundTripMs: number;
  /**
   * The IndexedDB floor of the engine's design: the same records bulkPut in one read-write transaction per
   * bundle over every table (as the engine scopes it), instead of one transaction for all
   */
  bulkPutPerBundleMs: number;
  /** Each table's records alone, bulkPut in one transaction into a fresh database: where the floor's time goes */
  bulkPutByTable: { table: string; records: number; ms: number }[];
  /** PouchDB's writes alone: bulkDocs(batch, { new_edits: false }) per replication batch, no revs_diff or checkpoints */
  pouchBulkDocsMs?: number;
}

/** What the PouchDB baseline wrote (renderer/bench/pouchDocs.ts) */
export interface PouchFacts {
  adapter: 'idb';
  /** Documents: one per entity row, `_id` = table/id */
  docs: number;
  /** Revisions across all documents (each document's `_revisions`) */
  revisions: number;
  /** The replicator's batch_size (PouchDB's default) */
  batchSize: number;
}

export interface ImportBenchResult {
  label: string;
  runs: ImportRun[];
  bundles: number;
  bundleBytes: number;
  changes: number;
  /** Entity rows the import produced, per table */
  rows: Record<string, number>;
  rowCount: number;
  /** Records of every table the import wrote (rows, change log, field clocks, search index, cursors) */
  allRecords: number;
  breakdown?: ImportBreakdown;
  pouch?: PouchFacts;
  /** The first few problems, if any (a healthy demo folder has none) */
  problemSamples: string[];
}

export interface ExportBenchInput {
  label: string;
  /** The device before it syncs: its history, the last part not exported yet */
  seed: SeedInput;
  /** One empty folder per run (a bundle seq is written once per folder) */
  folders: string[];
  /** One empty folder per run for the JSON.stringify + write baseline */
  baselineFolders: string[];
}

export interface ExportRun {
  /** packOutgoingBundle + publishOutbox */
  exportMs: number;
  bundleBytes: number;
  /** JSON.stringify of the same change records + the bridge's atomic bundle write of the text */
  stringifyWriteMs: number;
  stringifyMs: number;
  jsonBytes: number;
  /** Tasks of 50 ms or more on the page's thread during the export */
  longTasks: LongTaskStats;
}

export interface ExportBenchResult {
  label: string;
  deviceId: string;
  changes: number;
  runs: ExportRun[];
}

/** What main.ts puts on window for the driver. */
export interface SyncBenchApi {
  importFolder(input: ImportBenchInput): Promise<ImportBenchResult>;
  exportDevice(input: ExportBenchInput): Promise<ExportBenchResult>;
  /** npm run bench:search (build/bench/searchBench.ts), types in searchProtocol.ts */
  searchCorpus(input: SearchBenchInput): Promise<SearchBenchResult>;
}

export const BENCH_GLOBAL = 'delegateDeskSyncBench';
