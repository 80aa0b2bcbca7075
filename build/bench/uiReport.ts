import type { FrameRecording, UiLongTask } from '../../renderer/bench/uiProtocol';
import { textTable } from './searchReport';

/** bench-results.json's "ui" entry and the printed tables of `npm run bench:ui`. Times in milliseconds. */

export const UI_TARGETS = {
  /** issue 7, province-10y: a fresh browser process on a set-up profile → first screen interactive */
  coldStartMs: 1500,
  /** issue 7, province-10y: renderer JS heap after load, after a full GC */
  heapBytes: 300 * 2 ** 20,
  /** A frame longer than this is a visible stutter */
  slowFrameMs: 50,
} as const;

export interface LongTaskSummary {
  count: number;
  totalMs: number;
  maxMs: number;
}

export interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Frames longer than UI_TARGETS.slowFrameMs */
  over50: number;
  longTasks: LongTaskSummary;
}

/** One launch of a fresh browser process on the profile. Page times from navigation start. */
export interface ColdStartRun {
  /** chromium.launchPersistentContext until it answered (process start, profile open) — not in the page's clock */
  launchMs: number;
  responseEndMs?: number;
  domContentLoadedMs?: number;
  /** The screen's main content is in the DOM */
  contentMs: number;
  /** The frame after that has been produced */
  frameMs: number;
  /** A key pressed as soon as the driver saw the content: when its handler ran, and how long it waited */
  keyHandledMs?: number;
  keyDelayMs?: number;
  /** max(frame, key handled): the screen is shown and answers input */
  interactiveMs: number;
  /** Office dashboard only: its charts drawn (ECharts loads on demand) */
  chartsMs?: number;
  /**
   * Office dashboard only: the frame after its live figures replaced the ones kept from the last start (the
   * content above is whichever figures showed first: renderer/data/dashboardSnapshot.ts)
   */
  liveMs?: number;
  /** Long tasks from navigation start until interactive */
  longTasks: LongTaskSummary;
  /** The app's own startup marks (renderer/app/startupMarks.ts, `dd:` removed), ms from navigation start */
  marks?: Record<string, number>;
}

export interface ColdStartResult {
  screen: string;
  selector: string;
  /** The profile's first launch of this build (code caches cold); not in the median */
  firstLaunch: ColdStartRun;
  runs: ColdStartRun[];
  medianContentMs: number;
  medianInteractiveMs: number;
  medianLaunchMs: number;
}

export interface ScrollResult extends FrameStats {
  durationMs: number;
  rows: number;
  /** Pixels the list moved per frame on average */
  pxPerFrame: number;
  reachedBottom: boolean;
  mountedRows: number;
}

export interface UiSizeResult {
  label: string;
  counts: { delegates: number; proposals: number; ballots: number; visits: number; delegateProposals: number; records: number };
  seed: { generateMs: number; storeMs: number; totalMs: number; profileBytes?: number };
  coldStart: { baseline: ColdStartResult; office: ColdStartResult; delegate: ColdStartResult };
  list: {
    /** Dashboard → 全部提案 (hash change) until the first rows are in the DOM, in the office session */
    navigateMs: number;
    idleFrames: FrameStats;
    scroll: ScrollResult;
  };
  heap: { baselineBytes: number; dashboardBytes: number; listBytes: number };
  verdict: UiVerdict;
}

export interface UiVerdict {
  officeColdStartOk: boolean;
  delegateColdStartOk: boolean;
  heapOk: boolean;
}

export interface UiBenchResults {
  benchmark: 'ui';
  at: string;
  command: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; platform: string; node: string; browser: string; loadAverage: number[] };
  targets: typeof UI_TARGETS;
  sizes: UiSizeResult[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0–100): the smallest value with at least p % of the values at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function longTaskSummary(tasks: readonly UiLongTask[]): LongTaskSummary {
  return {
    count: tasks.length,
    totalMs: tasks.reduce((sum, t) => sum + t.duration, 0),
    maxMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
  };
}

export function frameStats(deltas: readonly number[], longTasks: readonly UiLongTask[]): FrameStats {
  return {
    frames: deltas.length,
    medianMs: median(deltas),
    p95Ms: percentile(deltas, 95),
    maxMs: deltas.reduce((max, d) => Math.max(max, d), 0),
    over50: deltas.filter((d) => d > UI_TARGETS.slowFrameMs).length,
    longTasks: longTaskSummary(longTasks),
  };
}

export function scrollResult(recording: FrameRecording, rows: number): ScrollResult {
  return {
    ...frameStats(recording.deltas, recording.longTasks),
    durationMs: recording.durationMs,
    rows,
    pxPerFrame: recording.deltas.length ? recording.scrollMax / recording.deltas.length : 0,
    reachedBottom: recording.scrollMax > 0 && recording.scrollMax - recording.scrollTop <= 1,
    mountedRows: recording.mountedRows,
  };
}

export function coldStartResult(screen: string, selector: string, runs: readonly ColdStartRun[]): ColdStartResult {
  const [firstLaunch, ...measured] = runs;
  if (!firstLaunch || measured.length === 0) throw new Error(`${screen}: a first launch and at least one measured run are needed`);
  return {
    screen,
    selector,
    firstLaunch,
    runs: [...measured],
    medianContentMs: median(measured.map((r) => r.contentMs)),
    medianInteractiveMs: median(measured.map((r) => r.interactiveMs)),
    medianLaunchMs: median(measured.map((r) => r.launchMs)),
  };
}

export function uiVerdict(result: Pick<UiSizeResult, 'coldStart' | 'heap'>): UiVerdict {
  return {
    officeColdStartOk: result.coldStart.office.medianInteractiveMs < UI_TARGETS.coldStartMs,
    delegateColdStartOk: result.coldStart.delegate.medianInteractiveMs < UI_TARGETS.coldStartMs,
    heapOk: Math.max(result.heap.dashboardBytes, result.heap.listBytes) < UI_TARGETS.heapBytes,
  };
}

const fixed = (value: number | undefined, digits: number) => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits));
export const ms = (value: number | undefined) => fixed(value, value !== undefined && value >= 100 ? 0 : 1);
export const mb = (bytes: number | undefined) => (bytes === undefined || !Number.isFinite(bytes) ? '—' : (bytes / 2 ** 20).toFixed(1));
export const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const count = (n: number) => n.toLocaleString('en-US');
const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** Median of the runs that have the value. */
const medianOf = (values: readonly (number | undefined)[]) => median(values.filter((v): v is number => v !== undefined && Number.isFinite(v)));

function coldStartRows(result: UiSizeResult): string[][] {
  const baseline = result.coldStart.baseline;
  return [baseline, result.coldStart.office, result.coldStart.delegate].map((c) => [
    c.screen,
    ms(c.medianLaunchMs),
    ms(medianOf(c.runs.map((r) => r.domContentLoadedMs))),
    ms(c.medianContentMs),
    ms(c.medianInteractiveMs),
    c.runs.map((r) => ms(r.interactiveMs)).join(' / '),
    ms(medianOf(c.runs.map((r) => r.keyDelayMs))),
    ms(medianOf(c.runs.map((r) => r.longTasks.maxMs))),
    ms(c.firstLaunch.interactiveMs),
    c === baseline ? '1.00×' : ratio(c.medianInteractiveMs, baseline.medianInteractiveMs),
  ]);
}

/** One row per screen with marks, one column per mark name in the order they happened (by their medians). */
export function startupStepRows(result: Pick<UiSizeResult, 'coldStart'>): { names: string[]; rows: string[][] } {
  const screens = [result.coldStart.baseline, result.coldStart.office, result.coldStart.delegate];
  const medians = screens.map((c) => {
    const names = new Set(c.runs.flatMap((r) => Object.keys(r.marks ?? {})));
    return new Map([...names].map((n) => [n, medianOf(c.runs.map((r) => r.marks?.[n]))]));
  });
  const order = new Map<string, number>();
  for (const m of medians) for (const [n, v] of m) order.set(n, Math.min(order.get(n) ?? Infinity, v));
  const names = [...order].sort((a, b) => a[1] - b[1]).map(([n]) => n);
  const rows = screens.flatMap((c, i) => (medians[i]!.size ? [[c.screen, ...names.map((n) => (medians[i]!.has(n) ? ms(medians[i]!.get(n)!) : '—'))]] : []));
  return { names, rows };
}

function frameRow(name: string, f: FrameStats, baseline: FrameStats): string[] {
  return [name, count(f.frames), ms(f.medianMs), ms(f.p95Ms), ms(f.maxMs), String(f.over50), `${f.longTasks.count} (max ${ms(f.longTasks.maxMs)})`, ratio(f.p95Ms, baseline.medianMs)];
}

export function formatUiSize(result: UiSizeResult): string {
  const out: string[] = [];
  const c = result.counts;
  out.push(
    `${result.label}: ${count(c.delegates)} delegates, ${count(c.proposals)} proposals, ${count(c.ballots)} ballots, ${count(c.visits)} visits ` +
      `(${count(c.records)} rows; the sample delegate's list: ${count(c.delegateProposals)}); generated in ${(result.seed.generateMs / 1000).toFixed(1)} s, ` +
      `stored through the repository in ${(result.seed.storeMs / 1000).toFixed(1)} s` +
      (result.seed.profileBytes !== undefined ? `; profile on disk ${mb(result.seed.profileBytes)} MB` : ''),
  );
  out.push('');
  out.push('Cold start: a fresh browser process on the profile → first screen (median of the measured runs; page times from navigation start)');
  out.push(
    textTable(
      ['screen', 'launch', 'DOM ready', 'content', 'interactive', 'runs', 'key delay', 'longest task', 'first launch', 'vs empty'],
      coldStartRows(result),
    ),
  );
  const charts = medianOf(result.coldStart.office.runs.map((r) => r.chartsMs));
  if (Number.isFinite(charts)) out.push(`Office dashboard charts drawn (ECharts, loaded on demand): median ${ms(charts)} ms`);
  const live = medianOf(result.coldStart.office.runs.map((r) => r.liveMs));
  if (Number.isFinite(live)) out.push(`Office dashboard live figures shown (replacing those kept from the last start): median ${ms(live)} ms`);
  const steps = startupStepRows(result);
  if (steps.rows.length) {
    out.push('Where a cold start goes: the app\'s startup marks (median ms from navigation start)');
    out.push(textTable(['screen', ...steps.names], steps.rows));
  }
  out.push('');
  const s = result.list.scroll;
  out.push(
    `全部提案 (office): ${count(s.rows)} rows, shown ${ms(result.list.navigateMs)} ms after leaving the dashboard; scrolled top to bottom in ` +
      `${(s.durationMs / 1000).toFixed(1)} s (${count(Math.round(s.pxPerFrame))} px a frame, ${s.reachedBottom ? 'reached the bottom' : 'DID NOT reach the bottom'}, ${s.mountedRows} rows mounted)`,
  );
  out.push(
    textTable(
      ['frames', 'count', 'median ms', 'p95 ms', 'max ms', `> ${UI_TARGETS.slowFrameMs} ms`, 'long tasks', 'p95 vs idle frame'],
      [frameRow('idle page (baseline)', result.list.idleFrames, result.list.idleFrames), frameRow('scrolling the list', s, result.list.idleFrames)],
    ),
  );
  out.push('');
  const h = result.heap;
  out.push('JS heap after a full GC (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage)');
  out.push(
    textTable(
      ['screen', 'MB', 'vs empty'],
      [
        ['first-run screen, empty profile (baseline)', mb(h.baselineBytes), '1.00×'],
        ['office dashboard', mb(h.dashboardBytes), ratio(h.dashboardBytes, h.baselineBytes)],
        ['office 全部提案', mb(h.listBytes), ratio(h.listBytes, h.baselineBytes)],
      ],
    ),
  );
  const v = result.verdict;
  out.push('');
  out.push(
    `Goals (issue 7, for province-10y): office cold start < ${UI_TARGETS.coldStartMs} ms ${met(v.officeColdStartOk)}; ` +
      `delegate cold start < ${UI_TARGETS.coldStartMs} ms ${met(v.delegateColdStartOk)}; heap < ${mb(UI_TARGETS.heapBytes)} MB ${met(v.heapOk)}`,
  );
  return out.join('\n');
}

export function formatUiResults(results: UiBenchResults): string {
  const m = results.machine;
  const head = `UI benchmark — ${m.cpus} cores (${m.cpuModel}), ${m.browser}, Node ${m.node}, load average ${m.loadAverage.map((l) => l.toFixed(1)).join(' ')}`;
  return [head, ...results.sizes.map((s) => `\n${formatUiSize(s)}`)].join('\n');
}
