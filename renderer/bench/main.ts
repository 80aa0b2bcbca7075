import { createWebBridge } from '../bridge/client';
import { runExportBench } from './exportBench';
import { runImportBench } from './importBench';
import { BENCH_GLOBAL } from './protocol';
import { runSearchBench } from './searchBench';
import type { SyncBenchApi } from './protocol';

/**
 * The sync benchmark page (npm run bench:sync), served by the web bridge from dist/bench: the app's own engine,
 * database and bridge client in real Chromium, driven by build/bench/syncBench.ts through page.evaluate.
 * No dialogs are ever needed, so the path prompt always cancels.
 */
const makeBridge = () => createWebBridge(new URL('./', window.location.href).toString(), async () => null);

const api: SyncBenchApi = {
  importFolder: (input) => runImportBench(input, makeBridge),
  exportDevice: (input) => runExportBench(input, makeBridge),
  searchCorpus: (input) => runSearchBench(input),
};
(window as unknown as Record<string, SyncBenchApi>)[BENCH_GLOBAL] = api;

const status = document.getElementById('status');
if (status) status.textContent = 'ready';
