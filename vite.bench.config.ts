import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The sync benchmark page (renderer/bench), built apart from the app into dist/bench — never part of the app bundle.
// Not minified and one output file per source module, so a CPU profile names the functions and files time goes to.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer/bench', import.meta.url)),
  base: './',
  logLevel: 'warn',
  // pouchdb-browser (the sync bench's PouchDB baseline) imports Node's `events`: the bench page gets a small
  // EventEmitter instead. PouchDB is loaded by this page only, never by the app (vite.config.ts).
  resolve: {
    alias: { events: fileURLToPath(new URL('./renderer/bench/pouchEvents.ts', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/bench', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    minify: false,
    sourcemap: false,
    modulePreload: false,
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      preserveEntrySignatures: 'strict',
      // zod's sources carry comments rollup cannot place; harmless, and the app build says so already
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
      output: { preserveModules: true, entryFileNames: 'modules/[name].js' },
    },
  },
});
