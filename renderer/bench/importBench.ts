import Dexie from 'dexie';
import type { Actor, DeviceBinding, EntityName } from '../../shared/domain';
import { ENTITY_NAMES } from '../../shared/domain';
import type { DelegateDeskBridge } from '../../shared/bridge';
import { authorizeChange } from '../../shared/sync/authorize';
import { decodeBundle, verifyBundle } from '../../shared/sync/bundle';
import type { DecodedBundle } from '../../shared/sync/bundle';
import { mergeChange } from '../../shared/sync/merge';
import { openSealedSection, recipientEntry } from '../../shared/sync/sections';
import type { StoredRowState, SyncChange } from '../../shared/sync/types';
import { openDatabase } from '../data/db';
import type { DelegateDeskDb } from '../data/db';
import { Repository } from '../data/repository';
import { runSync } from '../sync/engine';
import { toSigner } from '../sync/identity';
import { verifySignatures } from '../sync/signatures';
import type { ImportBenchInput, ImportBenchResult, ImportBreakdown, ImportRun, SeedInput, LongTaskStats } from './protocol';
import { POUCH_REPLICATION_BATCH_SIZE, replicatedDocs, revisionCounts } from './pouchDocs';
import type { ReplicatedDoc } from './pouchDocs';
import { seedDatabase } from './seedDatabase';
import type { SeededIds } from './seedDatabase';
import { timeBridge } from './timedBridge';
import type { TimedBridge } from './timedBridge';

type Row = Record<string, unknown>;
type TableRows = Map<string, Row[]>;

export function actorOf(seed: SeedInput): Actor {
  const { profile } = seed;
  return { kind: profile.role === 'office' ? 'staff' : 'delegate', id: profile.actorId, name: profile.actorName };
}

/** What the import added to each table: entity rows not seeded, and the change log, clocks, index and cursors it wrote. */
async function collectWritten(db: DelegateDeskDb, seeded: SeededIds, seededChanges: number): Promise<{ rows: TableRows; all: TableRows }> {
  const rows: TableRows = new Map();
  const newKeys = new Set<string>();
  for (const entity of ENTITY_NAMES) {
    const before = seeded[entity];
    const added = ((await db.table(entity).toArray()) as Row[]).filter((row) => !before?.has(String(row.id)));
    if (added.length === 0) continue;
    rows.set(entity, added);
    for (const row of added) newKeys.add(`${entity}/${String(row.id)}`);
  }
  const all: TableRows = new Map(rows);
  all.set('changes', (await db.changes.where('seq').above(seededChanges).toArray()) as unknown as Row[]);
  all.set('fieldClocks', (await db.fieldClocks.toArray()).filter((c) => newKeys.has(c.key)) as unknown as Row[]);
  all.set('searchIndex', (await db.searchIndex.toArray()).filter((s) => newKeys.has(`proposal/${s.proposalId}`)) as unknown as Row[]);
  all.set('syncCursors', (await db.syncCursors.toArray()) as unknown as Row[]);
  return { rows, all };
}

/** The IndexedDB floor: one read-write transaction of raw bulkPuts into a fresh database with the app's schema. */
async function timeBulkPut(name: string, tables: TableRows): Promise<number> {
  await Dexie.delete(name);
  const fresh = openDatabase(name);
  await fresh.open();
  const names = [...tables.keys()].filter((n) => (tables.get(n)?.length ?? 0) > 0);
  const started = performance.now();
  await fresh.transaction('rw', names.map((n) => fresh.table(n)), () => Promise.all(names.map((n) => fresh.table(n).bulkPut(tables.get(n)!))));
  const ms = performance.now() - started;
  fresh.close();
  await Dexie.delete(name);
  return ms;
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

/**
 * The pure steps of the import timed alone, on the bundles and keys the measured run saw: decoding (JSON, base64,
 * canonical form, zod), verifying (Ed25519, chain), opening sealed sections (XChaCha20-Poly1305, zod), and
 * authorising + merging every change into in-memory rows. What the import takes beyond these and the bridge calls
 * is IndexedDB and the engine's own bookkeeping.
 */
async function measureBreakdown(t: TimedBridge, seed: SeedInput): Promise<{ times: Pick<ImportBreakdown, 'decodeMs' | 'verifyMs' | 'openMs' | 'authorizeMergeMs'>; perBundle: OpenedBundle[] }> {
  const { profile } = seed;
  const decode = timed(() => t.scanned.map((b) => ({ scanned: b, decoded: decodeBundle(b.bytes, b.file) })));
  const ok = decode.value.filter((d): d is { scanned: (typeof d)['scanned']; decoded: DecodedBundle } => d.decoded.ok);

  const states = new Map<string, StoredRowState>();
  for (const change of seed.changes) {
    const key = `${change.entity}/${change.entityId}`;
    const merged = mergeChange(states.get(key) ?? { row: undefined, clocks: {} }, change);
    states.set(key, { row: merged.row, clocks: merged.clocks });
  }
  const bindingOf = (deviceId: string) => states.get(`deviceBinding/${deviceId}`)?.row as DeviceBinding | undefined;

  // As the importer does it: every signature at once through WebCrypto, then each chain in order.
  const verifyStarted = performance.now();
  const verdicts = await verifySignatures(
    ok.map(({ scanned, decoded }) => ({ signature: decoded.signature, bytes: decoded.bodyBytes, publicKey: bindingOf(scanned.deviceId)?.signPublicKey ?? decoded.body.keys.signPublicKey })),
  );
  const prev = new Map<string, string | null>();
  ok.forEach(({ scanned, decoded }, i) => {
    const binding = bindingOf(scanned.deviceId);
    verifyBundle(
      decoded,
      {
        file: scanned.file,
        deviceId: scanned.deviceId,
        seq: scanned.seq,
        prevHash: prev.get(scanned.deviceId) ?? null,
        congressId: profile.congressId,
        signPublicKey: binding?.signPublicKey ?? decoded.body.keys.signPublicKey,
      },
      () => verdicts[i]!,
    );
    prev.set(scanned.deviceId, decoded.bodyHash);
  });
  const verify = { ms: performance.now() - verifyStarted };

  const open = timed(() =>
    ok.map(({ scanned, decoded }) => {
      const changes: SyncChange[] = [];
      for (const section of decoded.body.sections) {
        if (section.audience === 'all') {
          changes.push(...section.payload.changes);
          continue;
        }
        const entry = recipientEntry(section, profile.deviceId);
        const key = entry && t.keys.get(entry.wrappedKey);
        if (!key) continue;
        const opened = openSealedSection(section, key);
        if (opened.ok) changes.push(...opened.payload.changes);
      }
      return { deviceId: scanned.deviceId, seq: scanned.seq, hash: decoded.bodyHash, changes };
    }),
  );

  const authorizeMerge = timed(() => {
    const lookups = {
      proposal: (id: string) => states.get(`proposal/${id}`)?.row,
      row: (entity: EntityName, id: string) => states.get(`${entity}/${id}`)?.row,
    };
    for (const { deviceId, changes } of open.value) {
      const binding = bindingOf(deviceId);
      if (!binding) continue;
      const signer = toSigner(binding);
      for (const change of changes) {
        const key = `${change.entity}/${change.entityId}`;
        const state = states.get(key) ?? { row: undefined, clocks: {} };
        authorizeChange(change, signer, state.row, lookups);
        const merged = mergeChange(state, change);
        if (merged.changed) states.set(key, { row: merged.row, clocks: merged.clocks });
      }
    }
  });

  return { times: { decodeMs: decode.ms, verifyMs: verify.ms, openMs: open.ms, authorizeMergeMs: authorizeMerge.ms }, perBundle: open.value };
}

interface OpenedBundle {
  deviceId: string;
  seq: number;
  hash: string;
  changes: SyncChange[];
}

/**
 * The records each bundle wrote (its changes in the log, the rows and clocks they touched — in their final state —
 * the search entries of its proposals, its cursor), bulkPut bundle by bundle, each in its own read-write
 * transaction over every table, as the engine scopes its transactions.
 */
async function timePerBundleTransactions(name: string, perBundle: readonly OpenedBundle[], written: TableRows): Promise<number> {
  const index = (table: string, key: (row: Row) => string) => new Map((written.get(table) ?? []).map((row) => [key(row), row]));
  const rows = new Map<string, Map<string, Row>>();
  for (const [table, list] of written) rows.set(table, new Map(list.map((row) => [String(row.id), row])));
  const changes = index('changes', (row) => String(row.id));
  const clocks = index('fieldClocks', (row) => String(row.key));
  const search = index('searchIndex', (row) => String(row.proposalId));
  const batches = perBundle.map((bundle) => {
    const tables: TableRows = new Map([['syncCursors', [{ deviceId: bundle.deviceId, seq: bundle.seq, hash: bundle.hash }]]]);
    const add = (table: string, row: Row | undefined) => {
      if (!row) return;
      const list = tables.get(table) ?? [];
      list.push(row);
      tables.set(table, list);
    };
    for (const change of bundle.changes) {
      add('changes', changes.get(change.id));
      add(change.entity, rows.get(change.entity)?.get(change.entityId));
      add('fieldClocks', clocks.get(`${change.entity}/${change.entityId}`));
      if (change.entity === 'proposal') add('searchIndex', search.get(change.entityId));
    }
    return tables;
  });
  await Dexie.delete(name);
  const fresh = openDatabase(name);
  await fresh.open();
  const started = performance.now();
  for (const tables of batches) {
    await fresh.transaction('rw', fresh.tables, () => Promise.all([...tables].map(([table, list]) => fresh.table(table).bulkPut(list))));
  }
  const ms = performance.now() - started;
  fresh.close();
  await Dexie.delete(name);
  return ms;
}

async function timeTableByTable(name: string, tables: TableRows): Promise<{ table: string; records: number; ms: number }[]> {
  const result: { table: string; records: number; ms: number }[] = [];
  for (const [table, rows] of tables) {
    if (rows.length === 0) continue;
    result.push({ table, records: rows.length, ms: await timeBulkPut(name, new Map([[table, rows]])) });
  }
  return result.sort((a, b) => b.ms - a.ms);
}

async function timeRoundTrip(bridge: DelegateDeskBridge): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    await bridge.appInfo();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Long tasks on this page's thread from now until stop(): how long the UI would have been blocked. */
export function watchLongTasks(): { stop(): Promise<LongTaskStats> } {
  const tasks: { startMs: number; ms: number }[] = [];
  const take = (entries: PerformanceEntryList) => {
    for (const entry of entries) tasks.push({ startMs: entry.startTime, ms: entry.duration });
  };
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ type: 'longtask', buffered: false });
  return {
    async stop() {
      // Entries are delivered asynchronously: let the last ones arrive
      await new Promise((resolve) => setTimeout(resolve, 50));
      take(observer.takeRecords());
      observer.disconnect();
      const durations = tasks.map((t) => t.ms);
      return {
        count: durations.length,
        totalMs: durations.reduce((a, b) => a + b, 0),
        maxMs: durations.reduce((a, b) => Math.max(a, b), 0),
        over100: durations.filter((d) => d > 100).length,
        longest: [...tasks].sort((a, b) => b.ms - a.ms).slice(0, 10),
      };
    },
  };
}

/** Progress of a long step, for the driver to print (build/bench/syncBench.ts relays `[bench]` console lines). */
function benchProgress(text: string): void {
  console.info(`[bench] ${text}`);
}

/** At most one line per interval: a province import reports every few seconds otherwise. */
function throttled(intervalMs: number, report: (text: string) => void): (text: string) => void {
  let last = 0;
  return (text) => {
    const now = performance.now();
    if (now - last < intervalMs) return;
    last = now;
    report(text);
  };
}

/**
 * Reports each folder scan; without a breakdown to replay them, also lets the scanned bundles go (a big folder would
 * otherwise stay in the page whole).
 */
function watchScans(t: TimedBridge, keep: boolean, say: (text: string) => void): { count(): number } {
  let count = 0;
  const scan = t.bridge.syncScan.bind(t.bridge);
  t.bridge = {
    ...t.bridge,
    async syncScan(request) {
      const before = { ms: t.scan.ms, bytes: t.scan.amount, bundles: t.scanned.length };
      const result = await scan(request);
      count += t.scanned.length - before.bundles;
      say(`scan ${t.scan.calls}: ${result.bundles.length} bundles, ${((t.scan.amount - before.bytes) / 1e6).toFixed(0)} MB in ${Math.round(t.scan.ms - before.ms)} ms${result.truncated ? ', more to come' : ''}`);
      if (!keep) t.scanned.length = 0;
      return result;
    },
  };
  return { count: () => count };
}

/** The entity rows as replicated PouchDB documents, each with one revision per change the import logged for it. */
function pouchDocsOf(written: { rows: TableRows; all: TableRows }): ReplicatedDoc[] {
  return replicatedDocs(written.rows, revisionCounts((written.all.get('changes') ?? []) as unknown as { entity: string; entityId: string }[]));
}

type ImportCounts = Pick<ImportBenchResult, 'bundles' | 'bundleBytes' | 'changes' | 'rows' | 'rowCount' | 'allRecords' | 'pouch'>;

interface MeasuredImport {
  run: Omit<ImportRun, 'pouchReplicateMs'>;
  problems: string[];
  timed: TimedBridge;
  /** What the import wrote, kept only for the breakdown */
  written?: { rows: TableRows; all: TableRows };
  /** The rows as PouchDB documents, for the PouchDB baseline (none without it) */
  docs: ReplicatedDoc[];
  counts: ImportCounts;
}

/** One measured import into a fresh, seeded database, then the raw bulkPut baselines of what it wrote. */
async function measureImport(input: ImportBenchInput, run: number, makeBridge: () => DelegateDeskBridge): Promise<MeasuredImport> {
  const { seed } = input;
  const name = `bench-import-${input.label}-${run}`;
  await Dexie.delete(name);
  const db = openDatabase(name);
  const say = input.progress ? benchProgress : () => undefined;
  let stepStarted = performance.now();
  const seeded = await seedDatabase(db, seed);
  say(`run ${run + 1}: seeded the office's ${seed.changes.length} changes in ${Math.round(performance.now() - stepStarted)} ms; importing`);
  const t = timeBridge(makeBridge());
  const scans = watchScans(t, input.breakdown, say);
  const progress = throttled(30_000, say);
  const repo = new Repository(db, seed.profile.deviceId, actorOf(seed));
  const watch = watchLongTasks();
  const started = performance.now();
  const onProgress = (done: number, total: number) => progress(`applied ${done} of ${total} bundles, ${Math.round((performance.now() - started) / 1000)} s`);
  const result = await runSync({ repo, db, bridge: t.bridge, profile: seed.profile, folder: input.folder, onProgress }, 'importOnly');
  const importMs = performance.now() - started;
  const longTasks = await watch.stop();
  say(`imported ${result.applied} bundles in ${Math.round(importMs)} ms (${result.problems.length} problems); reading what it wrote`);
  const written = await collectWritten(db, seeded, seed.changes.length);
  db.close();
  await Dexie.delete(name);
  stepStarted = performance.now();
  const bulkPutRowsMs = await timeBulkPut(`bench-floor-rows-${input.label}`, written.rows);
  const bulkPutAllMs = await timeBulkPut(`bench-floor-all-${input.label}`, written.all);
  say(`bulkPut baselines ${Math.round(bulkPutRowsMs)} + ${Math.round(bulkPutAllMs)} ms (${Math.round((performance.now() - stepStarted) / 1000)} s with fresh databases)`);
  const docs = input.pouch ? pouchDocsOf(written) : [];
  const rows = Object.fromEntries([...written.rows].map(([table, list]) => [table, list.length]));
  return {
    run: { importMs, applied: result.applied, problems: result.problems.length, bulkPutRowsMs, bulkPutAllMs, longTasks },
    problems: result.problems.slice(0, 5).map((p) => `${p.code} ${p.file}: ${p.detail}`),
    timed: t,
    // Without a breakdown nothing needs what was written any more: a province's records are let go before PouchDB runs.
    ...(input.breakdown ? { written } : {}),
    docs,
    counts: {
      bundles: scans.count(),
      bundleBytes: t.scan.amount,
      changes: written.all.get('changes')?.length ?? 0,
      rows,
      rowCount: Object.values(rows).reduce((sum, n) => sum + n, 0),
      allRecords: [...written.all.values()].reduce((sum, list) => sum + list.length, 0),
      ...(input.pouch ? { pouch: { adapter: 'idb' as const, docs: docs.length, revisions: docs.reduce((sum, d) => sum + d._revisions.ids.length, 0), batchSize: POUCH_REPLICATION_BATCH_SIZE } } : {}),
    },
  };
}

/**
 * The office imports the whole sync folder (office view) into a fresh, seeded database with the real engine and
 * bridge, `runs` times; after each run the same resulting rows are bulkPut into another fresh database and
 * replicated into a fresh PouchDB.
 */
export async function runImportBench(input: ImportBenchInput, makeBridge: () => DelegateDeskBridge): Promise<ImportBenchResult> {
  const runs: ImportRun[] = [];
  // Loaded only when asked for: PouchDB needs a browser's global scope.
  const pouch = input.pouch ? await import('./pouchBench') : undefined;
  let last: Omit<MeasuredImport, 'docs'> | undefined;
  const problemSamples: string[] = [];
  for (let run = 0; run < input.runs; run++) {
    const { docs, ...measured } = await measureImport(input, run, makeBridge);
    if (run === 0) problemSamples.push(...measured.problems);
    if (pouch && input.progress) benchProgress(`PouchDB: replicating ${docs.length} documents`);
    const replicated = pouch && (await pouch.timePouchReplicate(`bench-pouch-${input.label}`, docs));
    if (replicated && input.progress) benchProgress(`PouchDB: replicated in ${Math.round(replicated.ms)} ms`);
    runs.push({ ...measured.run, ...(replicated ? { pouchReplicateMs: replicated.ms } : {}) });
    last = measured;
  }
  if (!last) throw new Error('runs must be at least 1');
  let breakdown: ImportBreakdown | undefined;
  if (input.breakdown && last.written) {
    const { times, perBundle } = await measureBreakdown(last.timed, input.seed);
    breakdown = {
      scan: last.timed.scan,
      unwrap: last.timed.unwrap,
      otherBridge: last.timed.other,
      ...times,
      roundTripMs: await timeRoundTrip(makeBridge()),
      bulkPutPerBundleMs: await timePerBundleTransactions(`bench-floor-bundles-${input.label}`, perBundle, last.written.all),
      bulkPutByTable: await timeTableByTable(`bench-floor-table-${input.label}`, last.written.all),
      ...(pouch ? { pouchBulkDocsMs: (await pouch.timePouchBulkDocs(`bench-pouch-bulk-${input.label}`, pouchDocsOf(last.written))).ms } : {}),
    };
  }
  return { label: input.label, runs, ...last.counts, ...(breakdown ? { breakdown } : {}), problemSamples };
}
