import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AppInfo, BridgeChannel, DelegateDeskBridge } from '../../shared/bridge';
import { invokeBridgeChannel } from '../../electron/ipc/dispatch';
import { createBridgeHandlers } from '../../electron/ipc/handlers';
import type { DialogPort } from '../../electron/ipc/handlers';
import { createLocalBackupStore } from '../../electron/backups/localBackups';
import { createKeyStore } from '../../electron/keys/keyStore';
import { createBridgeClient } from '../../electron/preload/bridgeClient';
import { withBridgeErrorCodes } from '../../renderer/bridge/client';

/**
 * The real bridge for component tests, without Electron: the same handlers, dispatcher, preload client and
 * renderer error wrapper as the app, over real folders on this machine. Calls cross a structured clone both
 * ways, like IPC, so a test sees exactly what the renderer would (plain Uint8Arrays, coded BridgeCallErrors).
 *
 * - keys: a fresh temporary data folder per bridge (or `dataDir`), so two bridges are two machines;
 * - the sync folder: whatever the test names (`syncFolder`, or queued folder answers);
 * - dialogs: answered from queues; an empty open/save queue means the user cancelled.
 */
export interface NodeBridgeOptions {
  /** What the folder dialog answers when no answer is queued (null = cancel) */
  syncFolder?: string | null;
  /** The machine's data folder (device keys); default a new temporary folder, removed by dispose() */
  dataDir?: string;
  appInfo?: Partial<AppInfo>;
}

export interface NodeBridge {
  bridge: DelegateDeskBridge;
  /** Where this machine's device keys live */
  dataDir: string;
  /** Queue the path the next open / save / folder dialog returns; null = the user cancels */
  answerOpen(filePath: string | null): void;
  answerSave(filePath: string | null): void;
  answerFolder(folder: string | null): void;
  /** Removes the temporary data folder (if this bridge made it) */
  dispose(): Promise<void>;
}

const temporaryDirs = new Set<string>();
let cleanupRegistered = false;

export function createNodeBridge(options: NodeBridgeOptions = {}): NodeBridge {
  const ownsDataDir = options.dataDir === undefined;
  // Only a name: the key store creates the folder on first use, so a test that never syncs writes nothing
  const dataDir = options.dataDir ?? path.join(os.tmpdir(), `delegatedesk-test-machine-${randomBytes(6).toString('hex')}`);
  if (ownsDataDir) rememberForCleanup(dataDir);

  const answers = { open: [] as (string | null)[], save: [] as (string | null)[], folder: [] as (string | null)[] };
  const dialogs: DialogPort = {
    chooseOpenPath: () => Promise.resolve(answers.open.length > 0 ? (answers.open.shift() ?? null) : null),
    chooseSavePath: () => Promise.resolve(answers.save.length > 0 ? (answers.save.shift() ?? null) : null),
    chooseFolder: () => Promise.resolve(answers.folder.length > 0 ? (answers.folder.shift() ?? null) : (options.syncFolder ?? null)),
  };
  const handlers = createBridgeHandlers({
    appInfo: { name: '党代表履职工作台', version: 'test', platform: process.platform, shell: 'electron', ...options.appInfo },
    dialogs,
    keys: createKeyStore({ dir: dataDir }),
    backups: createLocalBackupStore(path.join(dataDir, 'backups')),
  });

  // What ipcRenderer.invoke + ipcMain.handle do: clone the arguments in, the envelope out
  const invoke = async (channel: BridgeChannel, ...args: unknown[]): Promise<unknown> => {
    const envelope = await invokeBridgeChannel(handlers, channel, cloneLikeIpc(args), (failed, error) => console.error(`[test bridge] ${failed}`, error));
    return cloneLikeIpc(envelope);
  };

  return {
    bridge: withBridgeErrorCodes(createBridgeClient(invoke)),
    dataDir,
    answerOpen: (filePath) => answers.open.push(filePath),
    answerSave: (filePath) => answers.save.push(filePath),
    answerFolder: (folder) => answers.folder.push(folder),
    async dispose() {
      if (!ownsDataDir) return;
      temporaryDirs.delete(dataDir);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A structured clone (so uncloneable arguments fail as they would over IPC) whose Uint8Arrays belong to this
 * environment's realm, as IPC's do on the receiving side. Under vitest's jsdom environment the global Uint8Array
 * is jsdom's, while TextEncoder, Buffer and structuredClone make Node's: without this, `instanceof Uint8Array`
 * (the bridge schemas' check) would refuse bytes the real app accepts.
 */
export function cloneLikeIpc<T>(value: T): T {
  return toThisRealm(structuredClone(value)) as T;
}

function toThisRealm(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]') {
    const view = value as Uint8Array;
    return value instanceof Uint8Array ? view : Uint8Array.from(view);
  }
  if (Array.isArray(value)) return value.map(toThisRealm);
  if (typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Object]') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toThisRealm(inner)]));
  }
  return value;
}

/** Temporary data folders a test forgot to dispose are removed when the test process ends. */
function rememberForCleanup(dir: string): void {
  temporaryDirs.add(dir);
  if (cleanupRegistered) return;
  cleanupRegistered = true;
  process.once('exit', () => {
    for (const leftover of temporaryDirs) rmSync(leftover, { recursive: true, force: true });
  });
}
