/**
 * Long tasks of a Chromium trace (DevTools protocol `Tracing`, categories TRACE_CATEGORIES), for `npm run bench:search
 * -- --trace <file>`: each task of the page's main thread over LONG_TASK_MS, its wall time beside its CPU time (a task
 * whose CPU time is far below its wall time was waiting for a core, not working) and what ran in it — garbage
 * collection apart from script — so that a long task can be told from a busy machine.
 */

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'v8.compile',
  'disabled-by-default-v8.gc',
  'blink_gc',
  'cppgc',
  'toplevel',
  'IndexedDB',
  'mojom',
  '__metadata',
].join(',');

const LONG_TASK_MS = 50;

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  /** µs */
  ts: number;
  /** µs, complete events ('X') */
  dur?: number;
  /** thread time (CPU), µs */
  tdur?: number;
  pid: number;
  tid: number;
  /** thread names ('M' events); where a task was posted from ('toplevel' RunTask: src_file, src_func) */
  args?: { name?: string; src_file?: string; src_func?: string };
}

export interface TraceLongTask {
  /** ms from the first event of the trace */
  atMs: number;
  wallMs: number;
  cpuMs: number | undefined;
  /** Time inside the task by kind: garbage collection (V8 GC events, outermost only), script, other */
  gcMs: number;
  scriptMs: number;
  /** The longest events directly in the task, "name ms", longest first (what the task did, when neither GC nor script) */
  top: string[];
}

/** Garbage collection on the thread: V8's pauses and steps (names differ between Chromium versions) and Blink's. */
const isGc = (e: TraceEvent) => /^(MajorGC|MinorGC|Scavenge|Marking|Atomic|Sweeping|ObservablePause|V8\.GC|BlinkGC)/.test(e.name);
const isScript = (e: TraceEvent) => e.name === 'FunctionCall' || e.name === 'V8.Execute' || e.name === 'EvaluateScript' || e.name === 'RunMicrotasks';

const TOP_EVENTS = 3;

/** The events not nested in another of them (they are sorted by start). */
function outermost(events: readonly TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let coveredTo = -Infinity;
  for (const e of events) {
    if (e.dur === undefined || e.ts < coveredTo) continue;
    out.push(e);
    coveredTo = e.ts + e.dur;
  }
  return out;
}

/** Sum of durations of the events, counting nested ones once (they are sorted by start). */
function outerDuration(events: readonly TraceEvent[]): number {
  let total = 0;
  let coveredTo = -Infinity;
  for (const e of events) {
    const end = e.ts + (e.dur ?? 0);
    if (end <= coveredTo) continue;
    total += end - Math.max(e.ts, coveredTo);
    coveredTo = end;
  }
  return total / 1000;
}

/** The renderer main thread: the thread named CrRendererMain with the most tasks. */
function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | undefined {
  const named = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number; tasks: number } | undefined;
  for (const t of named) {
    const tasks = events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'RunTask').length;
    if (!best || tasks > best.tasks) best = { pid: t.pid, tid: t.tid, tasks };
  }
  return best;
}

export function longTasksOfTrace(events: readonly TraceEvent[]): TraceLongTask[] {
  const thread = mainThread(events);
  if (!thread) return [];
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const origin = events.reduce((min, e) => (e.ts > 0 && e.ts < min ? e.ts : min), Infinity);
  return own
    .filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= LONG_TASK_MS * 1000)
    .map((task) => {
      const end = task.ts + task.dur!;
      const inside = own.filter((e) => e !== task && e.ts >= task.ts && e.ts < end);
      return {
        atMs: Math.round((task.ts - origin) / 1000),
        wallMs: Math.round(task.dur! / 1000),
        cpuMs: task.tdur === undefined ? undefined : Math.round(task.tdur / 1000),
        gcMs: Math.round(outerDuration(inside.filter(isGc))),
        scriptMs: Math.round(outerDuration(inside.filter(isScript))),
        top: outermost(inside)
          .sort((a, b) => b.dur! - a.dur!)
          .slice(0, TOP_EVENTS)
          .map((e) => `${e.name}${e.args?.src_func ? ` (${e.args.src_file ?? ''} ${e.args.src_func})` : ''} ${Math.round(e.dur! / 1000)}`),
      };
    });
}
