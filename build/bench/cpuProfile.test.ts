import { describe, expect, it } from 'vitest';
import { summarizeCpuProfile } from './cpuProfile';
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
