import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebBridge } from '../../build/web/server';

/** The HTTP server one e2e test file drives: the built renderer plus the preload API, on 127.0.0.1. */
export interface AppServer {
  url: string;
  close(): Promise<void>;
}

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const rendererBuildDir = path.join(repoRoot, 'dist', 'renderer');

/**
 * Starts the web bridge (build/web/server.ts) on a free port, serving dist/renderer. Each server is one "machine":
 * its own origin (so its own IndexedDB) and, with `dataDir`, its own device keys.
 */
export async function startAppServer(options: { dataDir?: string } = {}): Promise<AppServer> {
  if (!existsSync(path.join(rendererBuildDir, 'index.html'))) {
    throw new Error(`No renderer build in ${rendererBuildDir}. Run "npm run build:renderer" first (npm run test:e2e does).`);
  }
  return startWebBridge({ port: 0, rootDir: rendererBuildDir, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
}
