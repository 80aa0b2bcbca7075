import { UI_PROBE_CONFIG_GLOBAL, UI_PROBE_GLOBAL } from './uiProtocol';
import type { FrameRecording, UiLongTask, UiProbeConfig, UiProbeState } from './uiProtocol';

/**
 * Injected by `npm run bench:ui` into the real app before any of its scripts run (bundled by esbuild into one
 * script, Playwright's addInitScript). It only watches: when each target element first appears (a mutation
 * observer, so right after React's commit), when the next frame after that has been produced, when keys reach the
 * page, and long tasks. For the list it also drives the scroll and records frame times. The app is not changed.
 */

export interface UiProbeApi {
  state: UiProbeState;
  /** Starts watching for another target (e.g. the list after navigating from the dashboard) */
  watch(name: string, selector: string): void;
  /** rAF deltas for `durationMs` with nothing else going on: the frame rate this browser gives an idle page */
  recordIdleFrames(durationMs: number): Promise<FrameRecording>;
  /** Scrolls `selector` from top to bottom over `durationMs`, one step per frame, recording frame times */
  recordScroll(selector: string, rowSelector: string, durationMs: number): Promise<FrameRecording>;
}

const state: UiProbeState = { seenAt: {}, frameAfter: {}, keys: [], longTasks: [] };
const pending = new Map<string, string>();

function afterNextFrame(done: (at: number) => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
}

function check(): void {
  for (const [name, selector] of pending) {
    if (!document.querySelector(selector)) continue;
    state.seenAt[name] = performance.now();
    pending.delete(name);
    afterNextFrame((at) => {
      state.frameAfter[name] = at;
    });
  }
}

const observer = new MutationObserver(check);

function watch(name: string, selector: string): void {
  pending.set(name, selector);
  check();
}

try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // no long task API: the list stays empty
}

window.addEventListener('keydown', (e) => state.keys.push({ key: e.key, timeStamp: e.timeStamp, handledAt: performance.now() }), true);
observer.observe(document, { childList: true, subtree: true, attributes: false });
document.addEventListener('DOMContentLoaded', () => {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  state.responseEnd = nav?.responseEnd;
  state.domContentLoaded = performance.now();
});

function tasksBetween(start: number, end: number): UiLongTask[] {
  return state.longTasks.filter((t) => t.start + t.duration > start && t.start < end);
}

/** One callback per frame until `step` returns false; the deltas between frames. */
function frames(durationMs: number, step: (progress: number) => void): Promise<{ deltas: number[]; start: number; end: number }> {
  return new Promise((resolve) => {
    const deltas: number[] = [];
    let first: number | undefined;
    let last: number | undefined;
    const tick = (now: number) => {
      if (last !== undefined) deltas.push(now - last);
      first ??= now;
      last = now;
      const progress = Math.min(1, (now - first) / durationMs);
      step(progress);
      if (progress < 1) requestAnimationFrame(tick);
      // One more frame, so the last scroll step's rendering is in the recording
      else requestAnimationFrame((end) => resolve({ deltas: [...deltas, end - now], start: first!, end }));
    };
    requestAnimationFrame(tick);
  });
}

/** Long task entries arrive a little after the task: wait for them before reading. */
const settleEntries = () => new Promise((resolve) => setTimeout(resolve, 100));

const api: UiProbeApi = {
  state,
  watch,
  async recordIdleFrames(durationMs) {
    const run = await frames(durationMs, () => undefined);
    await settleEntries();
    return { deltas: run.deltas, longTasks: tasksBetween(run.start, run.end), durationMs: run.end - run.start, scrollTop: 0, scrollMax: 0, mountedRows: 0 };
  },
  async recordScroll(selector, rowSelector, durationMs) {
    const element = document.querySelector(selector);
    if (!element) throw new Error(`no element ${selector}`);
    element.scrollTop = 0;
    const run = await frames(durationMs, (progress) => {
      element.scrollTop = Math.round(progress * (element.scrollHeight - element.clientHeight));
    });
    await settleEntries();
    return {
      deltas: run.deltas,
      longTasks: tasksBetween(run.start, run.end),
      durationMs: run.end - run.start,
      scrollTop: element.scrollTop,
      scrollMax: element.scrollHeight - element.clientHeight,
      mountedRows: element.querySelectorAll(rowSelector).length,
    };
  },
};

const globals = window as unknown as Record<string, unknown>;
globals[UI_PROBE_GLOBAL] = api;
const config = globals[UI_PROBE_CONFIG_GLOBAL] as UiProbeConfig | undefined;
for (const [name, selector] of Object.entries(config?.targets ?? {})) watch(name, selector);
