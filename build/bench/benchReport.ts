import type { ExportBenchResult, ImportBenchResult } from '../../renderer/bench/protocol';
import { LONG_TASK_MS, type ProfileSummary } from './cpuProfile';

/** bench-results.json and the printed tables of `npm run bench:sync`. Every time is in milliseconds. */

export const TARGETS = {
  /** issue 3: the county's full sync folder imports in under a second */
  countyImportMs: 1000,
  /** issue 3: import within 1.5× of a raw Dexie bulkPut of the same resulting rows */
  importOverBulkPut: 1.5,
  /** issue 7: at province-10y the import is at least 5× faster than PouchDB replicating the same documents */
  importFasterThanPouch: 5,
} as const;

/** The size the PouchDB target is judged at */
export const POUCH_TARGET_SIZE = 'province-10y';

export interface FolderFacts {
  devices: number;
  bundles: number;
  bytes: number;
  changes: number;
  delegateChanges: number;
  sealedSections: number;
  plainSections: number;
  /** Which writes of a device share a bundle (one per day, week or month with changes, or one per device) */
  bundlePer: string;
  /** Time to generate the dataset, sign the bundles, write the files */
  generate: { dataset: number; encode: number; write: number };
}

export interface ImportSummary {
  runs: number;
  importMs: number;
  bulkPutRowsMs: number;
  bulkPutAllMs: number;
  /** import ÷ bulkPut of the rows (the issue's ratio) */
  ratio: number;
  /** import ÷ bulkPut of every record the import wrote */
  ratioAll: number;
  /** PouchDB.replicate of the same rows as documents, in-memory source → PouchDB idb (renderer/bench/pouchBench.ts) */
  pouchReplicateMs: number;
  /** PouchDB ÷ import: how many times faster the import is (below 1: slower) */
  importVsPouch: number;
  /** The web bridge's (Node, the "main process") CPU time per import run */
  bridgeCpuMs: number;
  /** The office key store unwrapping every content key alone, without HTTP (extrapolated when sampled) */
  serverUnwrap: { calls: number; keys: number; ms: number; sampled?: number };
  detail: ImportBenchResult;
  profile?: ProfileSummary;
}

export interface ExportSummary {
  device: 'delegate' | 'office';
  changes: number;
  exportMs: number;
  stringifyWriteMs: number;
  ratio: number;
  detail: ExportBenchResult;
}

export interface SizeResult {
  label: string;
  size: unknown;
  folder: FolderFacts;
  import: ImportSummary;
  exports: ExportSummary[];
}

export interface BenchResults {
  benchmark: 'sync';
  at: string;
  command: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; platform: string; node: string; browser: string };
  targets: typeof TARGETS;
  sizes: SizeResult[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ms = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—');
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)}×` : '—');
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** "3.2× faster" or "1.5× slower": the import beside PouchDB, from PouchDB ÷ import. */
export function versusPouch(pouchOverImport: number): string {
  if (!Number.isFinite(pouchOverImport) || pouchOverImport <= 0) return '—';
  return pouchOverImport >= 1 ? `${pouchOverImport.toFixed(1)}× faster` : `${(1 / pouchOverImport).toFixed(1)}× slower`;
}

/** Issue 7's PouchDB goal, judged at province-10y only. */
export function pouchVerdict(result: Pick<SizeResult, 'label'> & { import: Pick<ImportSummary, 'importVsPouch'> }): string {
  if (result.label !== POUCH_TARGET_SIZE) return '—';
  return result.import.importVsPouch >= TARGETS.importFasterThanPouch ? 'met' : 'missed';
}

function verdict(result: SizeResult, isCounty: boolean): string {
  const ratioOk = result.import.ratio <= TARGETS.importOverBulkPut;
  const timeOk = !isCounty || result.import.importMs < TARGETS.countyImportMs;
  return ratioOk && timeOk ? 'met' : 'missed';
}

export function formatResults(results: BenchResults): string {
  const out: string[] = [];
  out.push(`Sync benchmark — ${results.machine.cpus} cores (${results.machine.cpuModel}), ${results.machine.browser}, Node ${results.machine.node}`);
  out.push('');
  out.push('Import of the whole sync folder, office view (runSync importOnly, real Chromium IndexedDB), median of runs');
  out.push(
    table(
      ['size', 'devices', 'bundles', 'MB', 'rows', 'import ms', 'bulkPut ms', 'ratio', 'bulkPut all ms', 'ratio all', 'PouchDB ms', 'import vs PouchDB', 'runs', 'target', `≥ ${TARGETS.importFasterThanPouch}× PouchDB`],
      results.sizes.map((s) => [
        s.label,
        String(s.folder.devices),
        String(s.folder.bundles),
        mb(s.folder.bytes),
        String(s.import.detail.rowCount),
        ms(s.import.importMs),
        ms(s.import.bulkPutRowsMs),
        times(s.import.ratio),
        ms(s.import.bulkPutAllMs),
        times(s.import.ratioAll),
        ms(s.import.pouchReplicateMs),
        versusPouch(s.import.importVsPouch),
        String(s.import.runs),
        verdict(s, s.label.startsWith('county-1y')),
        pouchVerdict(s),
      ]),
    ),
  );
  out.push(`Targets (issue 3): county-1y import < ${TARGETS.countyImportMs} ms; import ≤ ${TARGETS.importOverBulkPut}× raw bulkPut of the same rows.`);
  out.push(`Target (issue 7): at ${POUCH_TARGET_SIZE}, import at least ${TARGETS.importFasterThanPouch}× faster than PouchDB.`);
  out.push(
    'PouchDB: PouchDB.replicate (defaults: batch_size 100, batches_limit 10, checkpoints) of the same rows as documents ' +
      '(_id table/id, one revision per change the import logged for the row) from an in-memory source into a fresh ' +
      'PouchDB on IndexedDB (pouchdb-browser 9, idb adapter): revs_diff, bulkDocs new_edits:false, _local checkpoint per batch.',
  );
  out.push(
    `Bundles: ${[...new Set(results.sizes.map((s) => `${s.label} one per ${s.folder.bundlePer === 'device' ? 'device' : `device-${s.folder.bundlePer}`} with changes`))].join('; ')}.`,
  );
  out.push('');
  out.push('The window during the import: long tasks (≥ 50 ms) on its thread, last run (issue 7: none over 100 ms)');
  out.push(
    table(
      ['size', 'long tasks', 'total ms', 'longest ms', 'over 100 ms'],
      results.sizes.map((s) => {
        const lt = s.import.detail.runs.at(-1)?.longTasks;
        return [s.label, String(lt?.count ?? '—'), lt ? ms(lt.totalMs) : '—', lt ? ms(lt.maxMs) : '—', String(lt?.over100 ?? '—')];
      }),
    ),
  );
  out.push('');
  out.push("Export of one device's year of changes (packOutgoingBundle + publishOutbox) beside JSON.stringify + bridge write");
  out.push(
    table(
      ['size', 'device', 'changes', 'export ms', 'stringify+write ms', 'ratio', 'bundle KB', 'JSON KB', 'longest task ms', 'tasks over 100 ms'],
      results.sizes.flatMap((s) =>
        s.exports.map((e) => [
          s.label,
          e.device,
          String(e.changes),
          ms(e.exportMs),
          ms(e.stringifyWriteMs),
          times(e.ratio),
          String(Math.round(median(e.detail.runs.map((r) => r.bundleBytes)) / 1000)),
          String(Math.round(median(e.detail.runs.map((r) => r.jsonBytes)) / 1000)),
          ms(Math.max(...e.detail.runs.map((r) => r.longTasks?.maxMs ?? NaN))),
          String(Math.max(...e.detail.runs.map((r) => r.longTasks?.over100 ?? NaN))),
        ]),
      ),
    ),
  );
  for (const s of results.sizes) {
    const b = s.import.detail.breakdown;
    out.push('');
    out.push(`Where the import's time goes — ${s.label} (last run, ${ms(s.import.detail.runs.at(-1)?.importMs ?? NaN)} ms)`);
    if (b) {
      const accounted = b.scan.ms + b.unwrap.ms + b.otherBridge.ms + b.decodeMs + b.verifyMs + b.openMs + b.authorizeMergeMs;
      const rows: [string, number, string][] = [
        ['scan: bridge reads the folder, bundles cross HTTP as base64', b.scan.ms, `${b.scan.calls} call(s), ${mb(b.scan.amount)} MB`],
        [
          'unwrap: content keys opened by the main process (batched)',
          b.unwrap.ms,
          `${b.unwrap.calls} calls, ${b.unwrap.amount} keys; empty round trip ${b.roundTripMs.toFixed(1)} ms/call; key store alone ${ms(s.import.serverUnwrap.ms)} ms${s.import.serverUnwrap.sampled ? ` (from ${s.import.serverUnwrap.sampled} calls)` : ''}`,
        ],
        ['other bridge calls (marker)', b.otherBridge.ms, `${b.otherBridge.calls} call(s)`],
        ['decode: JSON, base64, canonical form, zod (timed alone)', b.decodeMs, ''],
        ['verify: Ed25519 signatures (WebCrypto, all at once) + chains (timed alone)', b.verifyMs, ''],
        ['open sealed sections: XChaCha20, zod (timed alone)', b.openMs, ''],
        ['authorise + merge in memory (timed alone)', b.authorizeMergeMs, `${s.import.detail.changes} changes`],
        [
          'rest: IndexedDB transactions + engine bookkeeping',
          (s.import.detail.runs.at(-1)?.importMs ?? 0) - accounted,
          `bulkPut of what it wrote: ${ms(s.import.bulkPutAllMs)} in 1 transaction, ${ms(b.bulkPutPerBundleMs)} in 1 per bundle`,
        ],
      ];
      out.push(table(['part', 'ms', 'note'], rows.map(([name, value, note]) => [name, ms(value), note])));
      out.push(`Web bridge (Node) CPU per import: ${ms(s.import.bridgeCpuMs)} ms.`);
      out.push('IndexedDB floor by table (each alone, one bulkPut transaction into a fresh database):');
      out.push(table(['table', 'records', 'ms'], (b.bulkPutByTable ?? []).map((t) => [t.table, String(t.records), ms(t.ms)])));
    }
    const pouch = s.import.detail.pouch;
    if (pouch) {
      out.push(
        `PouchDB baseline: ${pouch.docs.toLocaleString('en-US')} documents, ${pouch.revisions.toLocaleString('en-US')} revisions, batches of ${pouch.batchSize} (${pouch.adapter}): ` +
          `replicate ${ms(s.import.pouchReplicateMs)} ms${b?.pouchBulkDocsMs !== undefined ? `; its bulkDocs (new_edits:false) alone ${ms(b.pouchBulkDocsMs)} ms` : ''}.`,
      );
    }
    const profile = s.import.profile;
    if (profile) {
      out.push(`CPU profile of a separate import run (${ms(profile.totalMs)} ms sampled), self time:`);
      out.push(table(['kind of work', 'ms', 'share'], profile.categories.map((c) => [c.name, ms(c.ms), `${(c.share * 100).toFixed(1)}%`])));
      out.push(table(['hottest functions', 'ms', 'share'], profile.functions.slice(0, 10).map((c) => [c.name, ms(c.ms), `${(c.share * 100).toFixed(1)}%`])));
      if (profile.longTasks?.length) {
        out.push(`That run's tasks over ${LONG_TASK_MS} ms, longest first, and what ran in them (sampled):`);
        out.push(
          table(
            ['ms', 'app function on the stack', 'kind of work'],
            profile.longTasks.map((t) => [ms(t.ms), t.appFunctions.map((f) => `${f.name} ${ms(f.ms)}`).join('; '), t.categories.map((c) => `${c.name} ${ms(c.ms)}`).join('; ')]),
          ),
        );
      }
    }
  }
  return `${out.join('\n')}\n`;
}
