import { describe, expect, it } from 'vitest';
import { attributeTasks, summarizeCpuProfile } from './cpuProfile';
import type { CpuProfile } from './cpuProfile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

describe('summarizeCpuProfile', () => {
  it('adds up self time by kind of work and by function, from the sample deltas', () => {
    const base = 'http://127.0.0.1:1/modules';
    const profile: CpuProfile = {
      startTime: 0,
      endTime: 10_000,
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 3, 4] },
        { id: 2, callFrame: frame('(idle)') },
        { id: 3, callFrame: frame('verify', `${base}/node_modules/@noble/curves/abstract/edwards.js`, 9) },
        { id: 4, callFrame: frame('applyBundle', `${base}/renderer/sync/importer.js`, 99) },
      ],
      // A sample lasts until the next one: 3 → 4000 µs, 2 → 1000 µs, 3 → 2000 µs, 4 → 3000 µs, the last unknown.
      samples: [3, 2, 3, 4, 2],
      timeDeltas: [0, 4000, 1000, 2000, 3000],
    };
    const summary = summarizeCpuProfile(profile);
    expect(summary.totalMs).toBe(10);
    expect(summary.categories.map((c) => [c.name, c.ms])).toEqual([
      ['Ed25519 / X25519 (@noble/curves)', 6],
      ['engine (renderer/sync)', 3],
      ['idle: waiting for HTTP (bridge) and IndexedDB', 1],
    ]);
    expect(summary.functions[0]).toEqual({ name: 'verify node_modules/@noble/curves/abstract/edwards.js:10', ms: 6, share: 0.6 });
  });

  it('is empty for a profile without samples', () => {
    expect(summarizeCpuProfile({ startTime: 0, endTime: 0, nodes: [] })).toEqual({ totalMs: 0, categories: [], functions: [] });
  });
});

describe('attributeTasks', () => {
  const base = 'http://127.0.0.1:1/modules';
  // root → applyBatch (app) → put (native); root → decodeBundle (app) → fromBase64 (app); root → (idle)
  const profile: CpuProfile = {
    startTime: 0,
    endTime: 400_000,
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 3, 5] },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('applyBatch', `${base}/renderer/sync/importApply.js`, 139), children: [4] },
      { id: 4, callFrame: frame('put') },
      { id: 5, callFrame: frame('decodeBundle', `${base}/shared/sync/bundle.js`, 9), children: [6] },
      { id: 6, callFrame: frame('fromBase64', `${base}/shared/sync/encoding.js`, 33) },
    ],
    // From the profile's start: put 0–100 ms, applyBatch 100–150, idle 150–160, fromBase64 160–200,
    // decodeBundle 200–220, idle 220–225, put 225–255
    samples: [4, 3, 2, 6, 5, 2, 4, 2],
    timeDeltas: [0, 100_000, 50_000, 10_000, 40_000, 20_000, 5_000, 30_000],
  };

  it('says which app function and which kind of work ran during each long task', () => {
    // The profiler started when the page's clock read 1,000 ms
    const [first, second] = attributeTasks(
      profile,
      [
        { startMs: 1000, ms: 150 },
        { startMs: 1160, ms: 60 },
      ],
      1000,
    );
    expect(first!.appFunctions.map((f) => [f.name, f.ms])).toEqual([['applyBatch renderer/sync/importApply.js:140', 150]]);
    expect(first!.categories.map((c) => [c.name, c.ms])).toEqual([
      ['native put', 100],
      ['engine (renderer/sync)', 50],
    ]);
    expect(second).toMatchObject({ startMs: 1160, ms: 60 });
    expect(second!.appFunctions.map((f) => [f.name, f.ms])).toEqual([
      ['fromBase64 shared/sync/encoding.js:34', 40],
      ['decodeBundle shared/sync/bundle.js:10', 20],
    ]);
  });

  it('counts only the samples inside a task', () => {
    const [task] = attributeTasks(profile, [{ startMs: 1100, ms: 30 }], 1000);
    expect(task!.appFunctions.map((f) => [f.name, f.ms])).toEqual([['applyBatch renderer/sync/importApply.js:140', 50]]);
    expect(attributeTasks(profile, [{ startMs: 5000, ms: 100 }], 1000)[0]!.appFunctions).toEqual([]);
  });
});
