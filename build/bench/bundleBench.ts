/**
 * npm run bench:bundle — the JavaScript the first screen ships (issue 7: under 1 MB gzip), from a fresh `vite build`.
 * Prints a table and writes the numbers under "bundle" in bench-results.json.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureFirstScreenJs } from './firstScreenJs';
import { mergeBenchResults } from './resultsFile';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const FIRST_SCREEN_TARGET_GZIP = 1024 * 1024;

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: path.join(repoRoot, 'bench-results.json') },
    'no-build': { type: 'boolean', default: false },
  },
});

if (!values['no-build']) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
const result = await measureFirstScreenJs(path.join(repoRoot, 'dist', 'renderer'));
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

console.log('\nFirst screen (loaded before anything shows):');
console.table(result.firstScreen.map((c) => ({ chunk: c.file, size: kb(c.bytes), gzip: kb(c.gzip) })));
console.log('Loaded on demand (reports, exports, charts):');
console.table(result.lazy.slice(0, 12).map((c) => ({ chunk: c.file, size: kb(c.bytes), gzip: kb(c.gzip) })));
const { firstScreenGzip, lazyGzip } = result.totals;
console.log(
  `first-screen JS: ${kb(firstScreenGzip)} gzip (target < ${kb(FIRST_SCREEN_TARGET_GZIP)}: ${firstScreenGzip < FIRST_SCREEN_TARGET_GZIP ? 'met' : 'MISSED'}); ` +
    `on demand: ${kb(lazyGzip)} gzip in ${result.lazy.length} chunks`,
);
await mergeBenchResults(values.out, 'bundle', { measuredAt: new Date().toISOString(), targetGzip: FIRST_SCREEN_TARGET_GZIP, ...result });
