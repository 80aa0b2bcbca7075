import { describe, expect, it } from 'vitest';
import { coldStartResult, formatUiResults, frameStats, median, percentile, scrollResult, startupStepRows, UI_TARGETS, uiVerdict } from './uiReport';
import type { ColdStartRun, UiBenchResults, UiSizeResult } from './uiReport';

const run = (interactiveMs: number, extra: Partial<ColdStartRun> = {}): ColdStartRun => ({
  launchMs: 500,
  contentMs: interactiveMs - 50,
  frameMs: interactiveMs - 10,
  interactiveMs,
  longTasks: { count: 1, totalMs: 80, maxMs: 80 },
  ...extra,
});

describe('median and percentile', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('uses the nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 100)).toBe(20);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });
});

describe('frameStats', () => {
  it('counts frames over 50 ms and sums long tasks', () => {
    const stats = frameStats([16.7, 16.7, 50, 50.1, 120], [
      { start: 10, duration: 60 },
      { start: 200, duration: 110 },
    ]);
    expect(stats).toMatchObject({ frames: 5, medianMs: 50, maxMs: 120, over50: 2 });
    expect(stats.longTasks).toEqual({ count: 2, totalMs: 170, maxMs: 110 });
  });
});

describe('scrollResult', () => {
  it('says whether the list reached the bottom and how far a frame moved it', () => {
    const recording = { deltas: [16, 16, 16, 16], longTasks: [], durationMs: 64, scrollTop: 400, scrollMax: 400, mountedRows: 12 };
    expect(scrollResult(recording, 30)).toMatchObject({ reachedBottom: true, pxPerFrame: 100, rows: 30, mountedRows: 12 });
    expect(scrollResult({ ...recording, scrollTop: 200 }, 30).reachedBottom).toBe(false);
  });
});

describe('coldStartResult', () => {
  it('leaves the first launch out of the medians', () => {
    const result = coldStartResult('office', 'x', [run(9000), run(1200), run(1400), run(1300)]);
    expect(result.firstLaunch.interactiveMs).toBe(9000);
    expect(result.runs).toHaveLength(3);
    expect(result.medianInteractiveMs).toBe(1300);
    expect(result.medianContentMs).toBe(1250);
  });

  it('lays the startup marks out by screen, in the order they happened, medians of the measured runs', () => {
    const marks = (script: number, open: number, data?: number) => ({ script, databaseOpen: open, ...(data !== undefined ? { dashboardData: data } : {}) });
    const office = coldStartResult('office', 'x', [run(9000, { marks: marks(900, 5000, 8000) }), run(3000, { marks: marks(800, 1500, 2500) }), run(3200, { marks: marks(820, 1700, 2900) })]);
    const empty = coldStartResult('empty', 'x', [run(1000), run(1000)]);
    const delegate = coldStartResult('delegate', 'x', [run(2000), run(2000, { marks: marks(700, 1200) })]);
    expect(startupStepRows({ coldStart: { baseline: empty, office, delegate } })).toEqual({
      names: ['script', 'databaseOpen', 'dashboardData'],
      rows: [
        ['office', '810', '1600', '2700'],
        ['delegate', '700', '1200', '—'],
      ],
    });
  });

  it('needs a measured run', () => {
    expect(() => coldStartResult('office', 'x', [run(1000)])).toThrow();
  });
});

function sizeResult(officeMs: number, delegateMs: number, listBytes: number): UiSizeResult {
  const cold = (screen: string, ms: number) => coldStartResult(screen, 'x', [run(ms), run(ms), run(ms), run(ms, { chartsMs: ms + 400, liveMs: ms + 900, keyDelayMs: 3 })]);
  const frames = frameStats([16.7, 16.7, 16.8], []);
  const partial = {
    label: 'province-10y',
    counts: { delegates: 800, proposals: 29816, ballots: 180587, visits: 1986, delegateProposals: 412, records: 700000 },
    seed: { generateMs: 14000, storeMs: 300000, totalMs: 320000 },
    coldStart: { baseline: cold('first-run screen', 800), office: cold('office → dashboard', officeMs), delegate: cold('delegate → my proposals', delegateMs) },
    list: { navigateMs: 300, idleFrames: frames, scroll: scrollResult({ deltas: [16.7, 33.4, 60], longTasks: [{ start: 0, duration: 55 }], durationMs: 110, scrollTop: 10, scrollMax: 10, mountedRows: 20 }, 29816) },
    heap: { baselineBytes: 8 * 2 ** 20, dashboardBytes: 120 * 2 ** 20, listBytes },
  };
  return { ...partial, verdict: uiVerdict(partial) };
}

describe('uiVerdict', () => {
  it('holds each goal against its target', () => {
    expect(sizeResult(1400, 1499, 299 * 2 ** 20).verdict).toEqual({ officeColdStartOk: true, delegateColdStartOk: true, heapOk: true });
    expect(sizeResult(1500, 1400, UI_TARGETS.heapBytes).verdict).toEqual({ officeColdStartOk: false, delegateColdStartOk: true, heapOk: false });
  });
});

describe('formatUiResults', () => {
  it('prints the cold starts against the empty profile, the frames against the idle page, and the goals', () => {
    const results: UiBenchResults = {
      benchmark: 'ui',
      at: '2026-11-01T00:00:00.000Z',
      command: 'npm run bench:ui',
      machine: { cpus: 2, cpuModel: 'test', memoryGB: 24, platform: 'linux', node: 'v20', browser: 'HeadlessChrome/150', loadAverage: [1, 2, 3] },
      targets: UI_TARGETS,
      sizes: [sizeResult(1600, 1200, 150 * 2 ** 20)],
    };
    const text = formatUiResults(results);
    expect(text).toContain('29,816 proposals');
    expect(text).toMatch(/office → dashboard\s+500\s+—\s+1550\s+1600\s+1600 \/ 1600 \/ 1600\s+3\.0\s+80\.0\s+1600\s+2\.00×/);
    expect(text).toMatch(/scrolling the list\s+3\s+33\.4\s+60\.0\s+60\.0\s+1\s+1 \(max 55\.0\)\s+3\.59×/);
    expect(text).toMatch(/office 全部提案\s+150\.0\s+18\.75×/);
    expect(text).toContain('Office dashboard charts drawn (ECharts, loaded on demand): median 2000 ms');
    expect(text).toContain('Office dashboard live figures shown (replacing those kept from the last start): median 2500 ms');
    expect(text).toContain('office cold start < 1500 ms MISSED; delegate cold start < 1500 ms met; heap < 300.0 MB met');
  });
});
