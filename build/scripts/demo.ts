// Writes a demo congress as JSON and reports what it contains.
//   npm run demo -- --size county-1y --seed 1 --out dist/demo/county-1y.json [--now 2026-11-23T08:00:00Z]
//   --size takes county-1y | county-10y | province-10y, or a custom "delegates,years,proposalsPerYear" (e.g. 60,2,80).
// The file is streamed one record per line, so the province dataset (hundreds of MB) never has to exist as one string.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ENTITY_NAMES } from '../../shared/domain';
import { DEMO_SIZES, generateDemoCongress } from '../../shared/demo';
import type { CustomDemoSize, DemoDataset, DemoSizeName } from '../../shared/demo';

function parseSize(text: string): DemoSizeName | CustomDemoSize {
  if (text in DEMO_SIZES) return text as DemoSizeName;
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length === 3 && parts.every((n) => Number.isInteger(n))) {
    const [delegates, years, proposalsPerYear] = parts as [number, number, number];
    return { delegates, years, proposalsPerYear };
  }
  throw new Error(`--size 应为 ${Object.keys(DEMO_SIZES).join(' | ')}，或“代表人数,年数,每年提案数”，收到：${text}`);
}

async function writeDataset(path: string, dataset: DemoDataset): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path, { encoding: 'utf8' });
  let bytes = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async () => {
    const chunk = pending.join('');
    pending = [];
    pendingLength = 0;
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  };
  // Records are gathered into ~1 MB chunks: one write per record would be slow, one string for all too big.
  const write = async (text: string) => {
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength > 1_000_000) await flush();
  };
  await write('{\n');
  for (const entity of ENTITY_NAMES) {
    const records = dataset[entity] ?? [];
    await write(`${JSON.stringify(entity)}: [`);
    for (let i = 0; i < records.length; i++) await write(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(records[i])}`);
    await write(records.length > 0 ? '\n],\n' : '],\n');
  }
  await write(`"officeStaff": ${JSON.stringify(dataset.officeStaff)},\n"meta": ${JSON.stringify(dataset.meta, null, 2)}\n}\n`);
  await flush();
  out.end();
  await once(out, 'finish');
  return bytes;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'county-1y' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      now: { type: 'string' },
    },
  });
  const size = parseSize(values.size);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed 应为整数，收到：${values.seed}`);
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now 不是有效时间：${values.now}`);
  const label = typeof size === 'string' ? size : `custom-${size.delegates}-${size.years}-${size.proposalsPerYear}`;
  const out = resolve(values.out ?? `dist/demo/${label}.json`);

  const started = performance.now();
  const dataset = generateDemoCongress({ seed, size, now });
  const generatedMs = performance.now() - started;
  const bytes = await writeDataset(out, dataset);
  const totalMs = performance.now() - started;

  const counts = dataset.meta.counts;
  const width = Math.max(...ENTITY_NAMES.map((e) => e.length));
  console.log(`${dataset.meta.congressName} — ${label}, seed ${seed}, now ${dataset.meta.now}`);
  for (const entity of ENTITY_NAMES) console.log(`  ${entity.padEnd(width)}  ${String(counts[entity]).padStart(8)}`);
  const total = ENTITY_NAMES.reduce((sum, e) => sum + counts[e], 0);
  console.log(`  ${'total'.padEnd(width)}  ${String(total).padStart(8)}`);
  for (const note of dataset.meta.notes) console.log(`  注：${note}`);
  console.log(`Generated in ${(generatedMs / 1000).toFixed(2)} s, written in ${((totalMs - generatedMs) / 1000).toFixed(2)} s: ${out} (${(bytes / 1e6).toFixed(1)} MB)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
