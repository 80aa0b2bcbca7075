import { describe, expect, it } from 'vitest';
import { formatResults, pouchVerdict, TARGETS, versusPouch } from './benchReport';
import type { BenchResults, SizeResult } from './benchReport';

describe('versusPouch', () => {
  it('says how many times faster or slower the import is than PouchDB', () => {
    expect(versusPouch(6.25)).toBe('6.3× faster');
    expect(versusPouch(1)).toBe('1.0× faster');
    expect(versusPouch(0.25)).toBe('4.0× slower');
    expect(versusPouch(NaN)).toBe('—');
    expect(versusPouch(0)).toBe('—');
  });
});

describe('pouchVerdict', () => {
  it('judges the 5× goal at province-10y only', () => {
    expect(pouchVerdict({ label: 'province-10y', import: { importVsPouch: TARGETS.importFasterThanPouch } })).toBe('met');
    expect(pouchVerdict({ label: 'province-10y', import: { importVsPouch: 4.9 } })).toBe('missed');
    expect(pouchVerdict({ label: 'county-1y', import: { importVsPouch: 10 } })).toBe('—');
  });
});

function sizeResult(label: string, importMs: number, pouchReplicateMs: number): SizeResult {
  return {
    label,
    size: label,
    folder: { devices: 3, bundles: 10, bytes: 2e6, changes: 40, delegateChanges: 30, sealedSections: 9, plainSections: 1, bundlePer: 'month', generate: { dataset: 1, encode: 2, write: 3 } },
    import: {
      runs: 1,
      importMs,
      bulkPutRowsMs: 100,
      bulkPutAllMs: 300,
      ratio: importMs / 100,
      ratioAll: importMs / 300,
      pouchReplicateMs,
      importVsPouch: pouchReplicateMs / importMs,
      bridgeCpuMs: 10,
      serverUnwrap: { calls: 1, keys: 1, ms: 1 },
      detail: {
        label,
        runs: [{ importMs, applied: 40, problems: 0, bulkPutRowsMs: 100, bulkPutAllMs: 300, pouchReplicateMs, longTasks: { count: 0, totalMs: 0, maxMs: 0, over100: 0 } }],
        bundles: 10,
        bundleBytes: 2e6,
        changes: 40,
        rows: { proposal: 20 },
        rowCount: 20,
        allRecords: 80,
        pouch: { adapter: 'idb', docs: 20, revisions: 40, batchSize: 100 },
        problemSamples: [],
      },
    },
    exports: [],
  };
}

describe('formatResults', () => {
  it('prints PouchDB beside the import, the ratio, the verdict at province-10y and how the baseline was written', () => {
    const results: BenchResults = {
      benchmark: 'sync',
      at: '2026-11-01T00:00:00.000Z',
      command: 'npm run bench:sync',
      machine: { cpus: 2, cpuModel: 'test', memoryGB: 8, platform: 'linux', node: 'v20', browser: 'HeadlessChrome/150' },
      targets: TARGETS,
      sizes: [sizeResult('county-1y', 2000, 1000), sizeResult('province-10y', 100_000, 600_000)],
    };
    const text = formatResults(results);
    const header = text.split('\n').find((line) => /^size\s+devices/.test(line))!;
    expect(header).toContain('PouchDB ms');
    expect(header).toContain('import vs PouchDB');
    const county = text.split('\n').find((line) => line.startsWith('county-1y') && line.includes('slower'))!;
    expect(county).toMatch(/1,000\s+2\.0× slower/);
    expect(county.trim().endsWith('—')).toBe(true);
    const province = text.split('\n').find((line) => line.startsWith('province-10y') && line.includes('faster'))!;
    expect(province).toMatch(/600,000\s+6\.0× faster/);
    expect(province.trim().endsWith('met')).toBe(true);
    expect(text).toContain('PouchDB baseline: 20 documents, 40 revisions, batches of 100 (idb): replicate 600,000 ms.');
    expect(text).toContain('province-10y one per device-month with changes');
  });
});
