// Writes a complete demo sync folder (演示同步文件夹): the office device and one device per delegate, as the app
// would have left them after the demo congress's term, for demos, tests and benchmarks.
//   npm run demo:sync-folder -- --out <folder> --office-data-dir <folder> [--size county-1y] [--seed 1] [--now ISO]
//                               [--bundle-per day|week|month|device]
//   --size takes county-1y | county-10y | province-10y, or a custom "delegates,years,proposalsPerYear" (e.g. 60,2,80).
// The office's device keys go to <office-data-dir>/device-keys/: start the web bridge with that data folder
// (DELEGATEDESK_WEB_DATA_DIR=<office-data-dir> npm run web) and it is the office machine. Check the folder with
// npm run sync:doctor -- <folder>.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_SIZES } from '../../shared/demo';
import type { CustomDemoSize, DemoSizeName } from '../../shared/demo';
import { writeDemoSyncFolder } from '../bench/demoSyncFolder';
import { BUNDLE_PER, isBundlePer } from '../bench/deviceWrites';

const USAGE = '用法 Usage: npm run demo:sync-folder -- --out <同步文件夹> --office-data-dir <常任办机器的数据目录> [--size county-1y] [--seed 1] [--now ISO] [--bundle-per day|week|month|device]';

/** A named demo size, or a custom "delegates,years,proposalsPerYear". */
export function parseDemoSize(text: string): DemoSizeName | CustomDemoSize {
  if (text in DEMO_SIZES) return text as DemoSizeName;
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length === 3 && parts.every((n) => Number.isInteger(n))) {
    const [delegates, years, proposalsPerYear] = parts as [number, number, number];
    return { delegates, years, proposalsPerYear };
  }
  throw new Error(`--size 应为 ${Object.keys(DEMO_SIZES).join(' | ')}，或“代表人数,年数,每年提案数”，收到：${text}`);
}

export async function runDemoSyncFolder(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      out: { type: 'string' },
      'office-data-dir': { type: 'string' },
      size: { type: 'string', default: 'county-1y' },
      seed: { type: 'string', default: '1' },
      now: { type: 'string' },
      'bundle-per': { type: 'string', default: 'day' },
    },
  });
  if (!values.out || !values['office-data-dir']) {
    write(`${USAGE}\n`);
    return 2;
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed 应为整数，收到：${values.seed}`);
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime()) || now.getTime() > Date.now()) throw new Error(`--now 应为过去的时间（同步会拒绝来自未来的时钟），收到：${values.now}`);
  const bundlePer = values['bundle-per'];
  if (!isBundlePer(bundlePer)) throw new Error(`--bundle-per 应为 ${BUNDLE_PER.join('、')} 之一，收到：${bundlePer}`);

  const demo = await writeDemoSyncFolder({ size: parseDemoSize(values.size), seed, now, folder: values.out, officeDataDir: values['office-data-dir'], bundlePer });
  const { totals, timings } = demo;
  write(`${demo.dataset.meta.congressName} — ${values.size}, seed ${seed}, now ${demo.dataset.meta.now}\n`);
  write(`  同步文件夹 folder:        ${demo.folder}\n`);
  write(`  常任办数据目录 office data: ${demo.office.dataDir} (device ${demo.office.profile.deviceId}, staff ${demo.office.profile.actorName})\n`);
  write(`  设备 devices: ${totals.devices}  数据包 bundles: ${totals.bundles}  变更 changes: ${totals.changes} (delegates ${totals.delegateChanges})\n`);
  write(`  加密分节 sealed sections: ${totals.sealedSections}  公开分节 plain: ${totals.plainSections}  ${(totals.bytes / 1e6).toFixed(1)} MB\n`);
  write(`  dataset ${(timings.dataset / 1000).toFixed(1)} s, sign ${(timings.encode / 1000).toFixed(1)} s, write ${(timings.write / 1000).toFixed(1)} s\n`);
  return 0;
}

function isRunDirectly(): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(import.meta.url);
}

if (isRunDirectly()) {
  runDemoSyncFolder(process.argv.slice(2), (text) => process.stdout.write(text)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
