// Bundles the Electron main process and preload script into dist/electron (see package.json "main").
// The preload must be a single file: a sandboxed preload can require('electron') and nothing else,
// so everything it imports (the channel names in shared/bridgeChannels.ts) is inlined. Electron itself stays external.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const common = {
  absWorkingDir: repoRoot,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22', // Electron 45 ships Node 22
  external: ['electron'],
  sourcemap: true,
  logLevel: 'info',
  legalComments: 'none',
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  // Minified: the preload is parsed on every page load
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', minify: true }),
]);
