import { describe, expect, it } from 'vitest';
import { PHASES } from '../../renderer/bench/searchProtocol';
import type { EngineRun, SearchBenchResult, TimingSummary } from '../../renderer/bench/searchProtocol';
import { APP_ENGINE, bestPeer, formatQueryDump, formatSearchSize, searchVerdict } from './searchReport';

const timing = (medianMs: number, p95Ms: number): TimingSummary => ({ count: 200, medianMs, p95Ms, maxMs: p95Ms * 2, meanMs: medianMs });
const engine = (name: string, medianMs: number, p95Ms: number, missed = 0): EngineRun => ({
  engine: name,
  tokenizer: 'test',
  timing: timing(medianMs, p95Ms),
  byKind: { '2-char': timing(medianMs, p95Ms) },
  perQueryMs: [medianMs],
  hits: 10,
  agreement: { queries: 200, missed, queriesWithMisses: missed ? 1 : 0, extra: 0, queriesWithExtras: 0, samples: missed ? ['饮水: missed 1, extra 0 (of 3)'] : [] },
});
const longTasks = (maxMs: number) => ({ count: maxMs ? 1 : 0, totalMs: maxMs, maxMs, over100: maxMs > 100 ? 1 : 0 });
const result = (engines: EngineRun[], appLongTaskMs = 40): SearchBenchResult => ({
  label: 'province-10y',
  proposals: 29816,
  corpusChars: 5.5e6,
  generateMs: 5000,
  seedMs: 60000,
  queries: [{ text: '饮水', kind: '2-char', linearHits: 3 }],
  coldFirstQuery: { query: '饮水', ms: 300, hits: 3 },
  engines,
  similar: { proposals: 20, firstMs: 500, warm: timing(50, 80), found: 60 },
  longTasks: [
    { phase: PHASES.appSearch, stats: { count: 2, totalMs: 900, maxMs: 800, over100: 1 }, duringQueries: longTasks(appLongTaskMs) },
    { phase: PHASES.appBuild, stats: longTasks(60), duringQueries: longTasks(0) },
    { phase: 'MiniSearch, build', stats: longTasks(9000), duringQueries: longTasks(0) },
  ],
  memoryMeasured: true,
  appCache: { documents: 29816, terms: 9000, postings: 7e6, approximateBytes: 5e7 },
  listQuery: timing(900, 1200),
  listRead: { rows: 29816, ms: 1100 },
});

describe('searchVerdict', () => {
  it('compares the app with the fastest peer that misses nothing', () => {
    const r = result([engine(APP_ENGINE, 2, 12), engine('FlexSearch (cjk-context)', 0.5, 3, 40), engine('FlexSearch (bigram)', 2.5, 12), engine('MiniSearch', 9, 40)]);
    expect(bestPeer(r)?.engine).toBe('FlexSearch (bigram)');
    expect(searchVerdict(r)).toEqual({ bestPeer: 'FlexSearch (bigram)', medianOk: true, p95Ok: true, notSlowerThanBestPeer: true, longTasksOk: true, recallOk: true });
  });

  it('misses a goal when the app is slower than that peer at median or p95, blocks too long, or misses hits', () => {
    const slower = searchVerdict(result([engine(APP_ENGINE, 2, 13), engine('FlexSearch (bigram)', 2.5, 12)]));
    expect(slower.notSlowerThanBestPeer).toBe(false);
    const blocked = searchVerdict(result([engine(APP_ENGINE, 11, 31, 2)], 150));
    expect(blocked).toMatchObject({ medianOk: false, p95Ok: false, longTasksOk: false, recallOk: false, notSlowerThanBestPeer: true });
    expect(blocked.bestPeer).toBeUndefined();
  });
});

describe('formatSearchSize', () => {
  it('prints a row per engine with ratios to the app, and the goals', () => {
    const r = result([engine(APP_ENGINE, 2, 12), engine('FlexSearch (bigram)', 4, 6)]);
    const text = formatSearchSize({ ...r, verdict: searchVerdict(r) });
    expect(text).toMatch(/FlexSearch \(bigram\)\s.*\s2\.00×\s+0\.50×/);
    expect(text).toContain('no slower than the best peer (FlexSearch (bigram): median 4.00, p95 6.00) MISSED');
    expect(text).toContain('median < 10 ms met');
    // The 800 ms task between queries (a collection of the page's heap) is listed, but not held against the search.
    expect(text).toMatch(/app, in-memory copy\s+2\s+800/);
    expect(text).toContain('while its copy was built met');
    expect(text).toContain('The 全部提案 list: its 29,816 rows read once in 1100 ms (when a filter or the data changes); then per search typed (ranking those rows), ');
  });
});

describe('formatQueryDump', () => {
  it('lists the app’s slowest queries beside the peers’ times, and the app phases’ long tasks', () => {
    const app = { ...engine(APP_ENGINE, 1, 5), perQueryMs: [0.5, 7, null] };
    const flex = { ...engine('FlexSearch (bigram)', 1, 5), perQueryMs: [0.2, 3, 1] };
    const r = result([app, flex]);
    r.queries = [
      { text: '饮水', kind: '2-char', linearHits: 3 },
      { text: '群众的', kind: '3-char', linearHits: 9799 },
      { text: '水', kind: '1-char', linearHits: 20 },
    ];
    r.longTasks[0] = { ...r.longTasks[0]!, list: [{ atMs: 1200, ms: 528, query: '群众的', during: false, heapBeforeMB: 900, heapAfterMB: 400 }] };
    const lines = formatQueryDump(r, 2).split('\n');
    expect(lines[0]).toBe('province-10y: the app’s 2 slowest queries (ms)'.replace('’', "'"));
    expect(lines[3]).toMatch(/^群众的\s+3-char\s+9799\s+7\.00\s+3\.00$/);
    expect(lines[4]).toMatch(/^饮水\s+2-char\s+3\s+0\.50\s+0\.20$/);
    expect(lines.some((l) => /^1200\s+528\s+after "群众的"\s+900 → 400$/.test(l))).toBe(true);
  });
});
