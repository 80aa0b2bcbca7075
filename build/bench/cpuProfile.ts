/**
 * Where a Chromium CPU profile (DevTools protocol `Profiler.stop`) spent its time: self time per kind of work
 * and per function. The bench page is built one file per source module (vite.bench.config.ts), so a function's
 * URL says which library or app file it belongs to.
 */
export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileShare {
  name: string;
  ms: number;
  /** Share of the profile's wall time, 0–1 */
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  categories: ProfileShare[];
  functions: ProfileShare[];
  /** The run's longest tasks and what ran in them, where asked for */
  longTasks?: TaskAttribution[];
}

/** Kinds of work, by the module a function comes from; first match wins. */
const CATEGORIES: readonly { name: string; test: (url: string, fn: string) => boolean }[] = [
  { name: 'idle: waiting for HTTP (bridge) and IndexedDB', test: (url, fn) => url === '' && fn === '(idle)' },
  { name: 'garbage collection', test: (url, fn) => url === '' && fn === '(garbage collector)' },
  { name: 'browser internals (program: IndexedDB, fetch, structured clone, JSON builtins)', test: (url, fn) => url === '' && fn === '(program)' },
  { name: 'Ed25519 / X25519 (@noble/curves)', test: (url) => url.includes('/node_modules/@noble/curves/') },
  { name: 'SHA-256 / HKDF (@noble/hashes)', test: (url) => url.includes('/node_modules/@noble/hashes/') },
  { name: 'XChaCha20-Poly1305 (@noble/ciphers)', test: (url) => url.includes('/node_modules/@noble/ciphers/') },
  { name: 'zod validation', test: (url) => url.includes('/node_modules/zod/') },
  { name: 'Dexie', test: (url) => url.includes('/node_modules/dexie/') || url.includes('/_virtual/dexie') },
  { name: 'format: base64, UTF-8, canonical JSON (shared/sync/encoding, canonical)', test: (url) => /\/shared\/sync\/(encoding|canonical)\.js/.test(url) },
  { name: 'decode / verify / open (shared/sync/bundle, sections, schemas, crypto)', test: (url) => /\/shared\/sync\/(bundle|sections|schemas|crypto)\.js/.test(url) },
  { name: 'authorise + merge (shared/sync/authorize, merge, audience)', test: (url) => /\/shared\/sync\/(authorize|merge|audience)\.js/.test(url) },
  { name: 'search index terms (shared/search)', test: (url) => url.includes('/shared/search/') || url.includes('/renderer/data/searchIndex') },
  { name: 'engine (renderer/sync)', test: (url) => url.includes('/renderer/sync/') },
  { name: 'bridge client: base64 of scanned bundles (renderer/bridge)', test: (url) => url.includes('/renderer/bridge/') },
  { name: 'repository (renderer/data)', test: (url) => url.includes('/renderer/data/') },
  { name: 'benchmark harness (renderer/bench)', test: (url) => url.includes('/renderer/bench/') },
];

function categoryOf(url: string, functionName: string): string {
  return CATEGORIES.find((c) => c.test(url, functionName))?.name ?? (url === '' ? `native ${functionName || '(anonymous)'}` : 'other JavaScript');
}

function moduleOf(url: string): string {
  const index = url.indexOf('/modules/');
  return index >= 0 ? url.slice(index + '/modules/'.length) : url;
}

function top(totals: Map<string, number>, totalMs: number, limit: number): ProfileShare[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, ms]) => ({ name, ms, share: totalMs > 0 ? ms / totalMs : 0 }));
}

export function summarizeCpuProfile(profile: CpuProfile, limit = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each sample's time is the delta to the next sample (the last one gets nothing: its length is unknown).
  for (let i = 0; i < samples.length - 1; i++) {
    const id = samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i + 1] ?? 0));
  }
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const ms = us / 1000;
    totalMs += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const category = categoryOf(url, functionName);
    categories.set(category, (categories.get(category) ?? 0) + ms);
    const name = url ? `${functionName || '(anonymous)'} ${moduleOf(url)}:${lineNumber + 1}` : functionName || '(anonymous)';
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  return { totalMs, categories: top(categories, totalMs, limit), functions: top(functions, totalMs, limit) };
}

/** The bound for a task on the window's thread (longer is a "long task" worth explaining). */
export const LONG_TASK_MS = 100;

/** A long task of the page, with what ran in it according to the CPU profile. */
export interface TaskAttribution {
  /** performance.now() time in the page */
  startMs: number;
  ms: number;
  /** Innermost app function (renderer/ or shared/) on the stack, by sampled time within the task */
  appFunctions: ProfileShare[];
  /** Kinds of work within the task, by self time */
  categories: ProfileShare[];
}

const APP_CODE = /\/(renderer|shared)\//;

/**
 * What ran during each of the page's long tasks (PerformanceObserver 'longtask' gives only when and how long).
 * `pageMsAtProfileStart` is the page's performance.now() when the profiler started: it places the tasks on the
 * profile's clock, to within the round trip that read it.
 */
export function attributeTasks(profile: CpuProfile, tasks: readonly { startMs: number; ms: number }[], pageMsAtProfileStart: number): TaskAttribution[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const appFrameOf = new Map<number, string>();
  const appFrame = (id: number): string => {
    const known = appFrameOf.get(id);
    if (known !== undefined) return known;
    let name = '(no app frame)';
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
      if (APP_CODE.test(url)) {
        name = `${functionName || '(anonymous)'} ${moduleOf(url)}:${lineNumber + 1}`;
        break;
      }
    }
    appFrameOf.set(id, name);
    return name;
  };
  const windows = tasks.map((task) => ({ task, fromUs: (task.startMs - pageMsAtProfileStart) * 1000, app: new Map<string, number>(), kinds: new Map<string, number>() }));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let atUs = 0;
  for (let i = 0; i < samples.length - 1; i++) {
    atUs += deltas[i] ?? 0;
    const node = byId.get(samples[i]!);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    const window = windows.find((w) => atUs >= w.fromUs && atUs < w.fromUs + w.task.ms * 1000);
    if (!window) continue;
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const app = appFrame(node.id);
    window.app.set(app, (window.app.get(app) ?? 0) + ms);
    const kind = categoryOf(node.callFrame.url, node.callFrame.functionName);
    window.kinds.set(kind, (window.kinds.get(kind) ?? 0) + ms);
  }
  return windows.map(({ task, app, kinds }) => ({ ...task, appFunctions: top(app, task.ms, 3), categories: top(kinds, task.ms, 3) }));
}
