import { PHASES } from '../../renderer/bench/searchProtocol';
import type { EngineRun, SearchBenchResult, TimingSummary } from '../../renderer/bench/searchProtocol';

/** bench-results.json's "search" entry and the printed tables of `npm run bench:search`. Times in milliseconds. */

export const SEARCH_TARGETS = {
  /** issue 7: search over province-10y */
  medianMs: 10,
  p95Ms: 30,
  /** issue 7: the UI never blocks longer than this during search */
  longTaskMs: 100,
} as const;

/** The engine names the page reports (renderer/bench/searchBench.ts). */
export const APP_ENGINE = 'app (after)';
export const DATABASE_ENGINE = 'app, IndexedDB (before)';
export const LINEAR_ENGINE = 'linear scan';

export interface SearchVerdict {
  /** The fastest peer (MiniSearch or a FlexSearch variant) by median among those that miss no linear-scan hit */
  bestPeer?: string;
  medianOk: boolean;
  p95Ok: boolean;
  /** App median and p95 each no higher than the best peer's */
  notSlowerThanBestPeer: boolean;
  /**
   * No long task over SEARCH_TARGETS.longTaskMs overlapping one of the app's searches (in-memory copy), nor while
   * the copy was being built (in the background, while the user may be typing)
   */
  longTasksOk: boolean;
  /** Every linear-scan hit found by the app */
  recallOk: boolean;
}

export interface SearchSizeResult extends SearchBenchResult {
  verdict: SearchVerdict;
}

export interface SearchBenchResults {
  benchmark: 'search';
  at: string;
  command: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; platform: string; node: string; browser: string };
  targets: typeof SEARCH_TARGETS;
  sizes: SearchSizeResult[];
}

const isPeer = (e: EngineRun) => e.engine.startsWith('MiniSearch') || e.engine.startsWith('FlexSearch');

export function bestPeer(result: SearchBenchResult): EngineRun | undefined {
  return result.engines
    .filter((e) => isPeer(e) && e.agreement.missed === 0)
    .sort((a, b) => a.timing.medianMs - b.timing.medianMs)[0];
}

export function searchVerdict(result: SearchBenchResult): SearchVerdict {
  const app = result.engines.find((e) => e.engine === APP_ENGINE);
  const peer = bestPeer(result);
  const search = result.longTasks.find((p) => p.phase === PHASES.appSearch);
  const building = result.longTasks.find((p) => p.phase === PHASES.appBuild);
  return {
    ...(peer ? { bestPeer: peer.engine } : {}),
    medianOk: !!app && app.timing.medianMs < SEARCH_TARGETS.medianMs,
    p95Ok: !!app && app.timing.p95Ms < SEARCH_TARGETS.p95Ms,
    notSlowerThanBestPeer: !!app && (!peer || (app.timing.medianMs <= peer.timing.medianMs && app.timing.p95Ms <= peer.timing.p95Ms)),
    longTasksOk: (search?.duringQueries.maxMs ?? 0) <= SEARCH_TARGETS.longTaskMs && (building?.stats.maxMs ?? 0) <= SEARCH_TARGETS.longTaskMs,
    recallOk: !!app && app.agreement.missed === 0,
  };
}

const fixed = (value: number | undefined, digits: number) => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits));
const ms = (value: number | undefined) => fixed(value, value !== undefined && value >= 100 ? 0 : value !== undefined && value >= 10 ? 1 : 2);
const mb = (bytes: number | undefined) => (bytes === undefined ? '—' : (bytes / 2 ** 20).toFixed(1));
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const yes = (ok: boolean) => (ok ? 'met' : 'MISSED');

export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function timingCells(t: TimingSummary): string[] {
  return [ms(t.medianMs), ms(t.p95Ms), ms(t.maxMs)];
}

export function formatSearchSize(result: SearchSizeResult): string {
  const out: string[] = [];
  const app = result.engines.find((e) => e.engine === APP_ENGINE);
  out.push(
    `${result.label}: ${result.proposals.toLocaleString('en-US')} proposals, ${(result.corpusChars / 1e6).toFixed(1)} M characters; ` +
      `generated in ${(result.generateMs / 1000).toFixed(1)} s, ${stored(result.seedMs)}; ${result.queries.length} queries` +
      ((result.rounds ?? 1) > 1 ? `, each in-memory engine's time per query its best of ${result.rounds} rounds` : ''),
  );
  out.push(
    textTable(
      ['engine', 'build s', 'heap MB', 'queries', 'median ms', 'p95 ms', 'max ms', 'median vs app', 'p95 vs app', 'missed', 'extra'],
      result.engines.map((e) => [
        e.engine,
        e.buildMs === undefined ? '—' : (e.buildMs / 1000).toFixed(2),
        mb(e.memoryBytes),
        String(e.timing.count),
        ...timingCells(e.timing),
        app ? ratio(e.timing.medianMs, app.timing.medianMs) : '—',
        app ? ratio(e.timing.p95Ms, app.timing.p95Ms) : '—',
        String(e.agreement.missed),
        String(e.agreement.extra),
      ]),
    ),
  );
  const kinds = [...new Set(result.queries.map((q) => q.kind))];
  out.push('');
  out.push('Median ms by kind of query (queries of the kind; mean hits of the linear scan)');
  out.push(
    textTable(
      ['engine', ...kinds.map((k) => `${k} (${result.queries.filter((q) => q.kind === k).length}; ${Math.round(meanHits(result, k))})`)],
      result.engines.map((e) => [e.engine, ...kinds.map((k) => ms(e.byKind[k]?.medianMs))]),
    ),
  );
  out.push('');
  out.push(`Cold first query (freshly opened database, IndexedDB path): "${result.coldFirstQuery.query}" ${ms(result.coldFirstQuery.ms)} ms, ${result.coldFirstQuery.hits} hits`);
  out.push(
    `App's in-memory copy: ${result.appCache.documents.toLocaleString('en-US')} documents, ${result.appCache.terms.toLocaleString('en-US')} terms, ` +
      `${result.appCache.postings.toLocaleString('en-US')} postings, ${mb(result.appCache.approximateBytes)} MB counted by the index`,
  );
  out.push(
    `The 全部提案 list: its ${result.listRead.rows.toLocaleString('en-US')} rows read once in ${ms(result.listRead.ms)} ms (when a filter or the data changes); ` +
      `then per search typed (ranking those rows), ${result.listQuery.count} queries: median ${ms(result.listQuery.medianMs)}, max ${ms(result.listQuery.maxMs)} ms`,
  );
  out.push(
    `Similar proposals (review screen), ${result.similar.proposals} proposals: first ${ms(result.similar.firstMs)} ms, then median ${ms(result.similar.warm.medianMs)}, ` +
      `p95 ${ms(result.similar.warm.p95Ms)}, max ${ms(result.similar.warm.maxMs)} ms; ${result.similar.found} found`,
  );
  out.push('');
  out.push('Long tasks (≥ 50 ms) on the page thread, by phase; "during queries": those overlapping a query');
  out.push(
    textTable(
      ['phase', 'count', 'max ms', 'total ms', 'over 100 ms', 'during queries', 'max ms during queries'],
      result.longTasks.map((p) => [
        p.phase,
        String(p.stats.count),
        ms(p.stats.maxMs),
        ms(p.stats.totalMs),
        String(p.stats.over100),
        String(p.duringQueries.count),
        ms(p.duringQueries.maxMs),
      ]),
    ),
  );
  const v = result.verdict;
  const peer = result.engines.find((e) => e.engine === v.bestPeer);
  out.push('');
  out.push(
    `Goals (issue 7, for province-10y): median < ${SEARCH_TARGETS.medianMs} ms ${yes(v.medianOk)}; p95 < ${SEARCH_TARGETS.p95Ms} ms ${yes(v.p95Ok)}; ` +
      `no slower than the best peer${peer ? ` (${peer.engine}: median ${ms(peer.timing.medianMs)}, p95 ${ms(peer.timing.p95Ms)})` : ''} ${yes(v.notSlowerThanBestPeer)}; ` +
      `no long task over ${SEARCH_TARGETS.longTaskMs} ms during the app's searches or while its copy was built ${yes(v.longTasksOk)}; every linear-scan hit found ${yes(v.recallOk)}`,
  );
  for (const e of result.engines) if (e.agreement.samples.length) out.push(`  ${e.engine} disagrees with the linear scan, e.g. ${e.agreement.samples.slice(0, 3).join(' | ')}`);
  return out.join('\n');
}

/** A database kept from an earlier run (--profile) was not stored in this one: no seeding time (null in the JSON). */
function stored(seedMs: number | null): string {
  return seedMs === null || !Number.isFinite(seedMs) ? 'stored by an earlier run (kept profile)' : `stored through the repository in ${(seedMs / 1000).toFixed(1)} s`;
}

/** How many of the app's slowest queries `--dump` lists. */
export const DUMPED_QUERIES = 15;

/**
 * `--dump`: the app's slowest queries, each beside every engine's time for it, then each long task of the app's
 * phases with the query it overlapped or followed — what makes the p95, and what blocked the window.
 */
export function formatQueryDump(result: SearchBenchResult, count = DUMPED_QUERIES): string {
  const app = result.engines.find((e) => e.engine === APP_ENGINE);
  if (!app) return `${result.label}: no app run`;
  const others = result.engines.filter((e) => e !== app && e.engine !== LINEAR_ENGINE);
  const slowest = app.perQueryMs
    .map((ms, i) => ({ ms, i }))
    .filter((x): x is { ms: number; i: number } => x.ms !== null)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);
  const out = [`${result.label}: the app's ${slowest.length} slowest queries (ms)`];
  out.push(
    textTable(
      ['query', 'kind', 'hits', 'app', ...others.map((e) => e.engine)],
      slowest.map(({ ms: appMs, i }) => {
        const q = result.queries[i]!;
        return [q.text, q.kind, String(q.linearHits), ms(appMs), ...others.map((e) => ms(e.perQueryMs[i] ?? undefined))];
      }),
    ),
  );
  for (const phase of result.longTasks) {
    if (!phase.list?.length) continue;
    out.push('');
    out.push(`Long tasks, ${phase.phase} (at: ms from the phase's start; heap MB before → after)`);
    out.push(
      textTable(
        ['at', 'ms', 'query', 'heap'],
        phase.list.map((t) => [
          String(t.atMs),
          String(t.ms),
          t.query === undefined ? '—' : `${t.during ? 'during' : 'after'} "${t.query}"`,
          t.heapBeforeMB === undefined || t.heapAfterMB === undefined ? '—' : `${t.heapBeforeMB} → ${t.heapAfterMB}`,
        ]),
      ),
    );
  }
  return out.join('\n');
}

function meanHits(result: SearchBenchResult, kind: string): number {
  const of = result.queries.filter((q) => q.kind === kind);
  return of.length ? of.reduce((sum, q) => sum + q.linearHits, 0) / of.length : NaN;
}

export function formatSearchResults(results: SearchBenchResults): string {
  const head = `Search benchmark — ${results.machine.cpus} cores (${results.machine.cpuModel}), ${results.machine.browser}, Node ${results.machine.node}`;
  return [head, ...results.sizes.map((s) => `\n${formatSearchSize(s)}`)].join('\n');
}
