import { BRIDGE_CHANNELS } from '../../shared/bridgeChannels';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWebBridge } from '../../build/web/webBridge';
import type { WebBridge } from '../../build/web/webBridge';
import type { DelegateDeskBridge } from '../../shared/bridge';
import { verifySignature } from '../../shared/sync/crypto';
import { fromBase64 } from '../../shared/sync/encoding';
import { createNodeBridge } from '../../tests/support/nodeBridge';
import type { NodeBridge } from '../../tests/support/nodeBridge';
import { BridgeCallError, createWebBridge, withBridgeErrorCodes } from './client';

const DEVICE = '01J9ZQ4XKXW3V5S7Y8A2B6C0DA';
const realFetch = globalThis.fetch;

let workDir: string;
let folder: string;
const servers: WebBridge[] = [];
const machines: NodeBridge[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-client-'));
  folder = path.join(workDir, 'sync');
  await mkdir(folder);
  await mkdir(path.join(workDir, 'renderer'));
  await writeFile(path.join(workDir, 'renderer', 'index.html'), '<!doctype html>');
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await Promise.all(machines.splice(0).map((machine) => machine.dispose()));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** A web bridge "machine" and the renderer's web client for it (fetch adds Origin as a browser page would). */
async function webMachine(name: string, prompt: (kind: string) => string | null = () => folder): Promise<DelegateDeskBridge> {
  const server = await startWebBridge({ port: 0, rootDir: path.join(workDir, 'renderer'), dataDir: path.join(workDir, name) });
  servers.push(server);
  const origin = new URL(server.url).origin;
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const target = new URL(url);
    const own = servers.find((s) => new URL(s.url).origin === target.origin);
    return realFetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), Origin: own ? target.origin : origin } });
  });
  return createWebBridge(server.url, (kind) => Promise.resolve(prompt(kind)));
}

function nodeMachine(): DelegateDeskBridge {
  const machine = createNodeBridge({ syncFolder: folder });
  machines.push(machine);
  return machine.bridge;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(BridgeCallError);
  return (error as BridgeCallError).code;
}

describe.each<[string, () => Promise<DelegateDeskBridge>]>([
  ['web client ↔ web bridge', () => webMachine(`web-${Math.random()}`)],
  ['node test bridge (IPC path)', () => Promise.resolve(nodeMachine())],
])('%s: the sync and device methods', (_label, makeBridge) => {
  it('publishes keys, signs, and unwraps with plain Uint8Arrays', async () => {
    const bridge = await makeBridge();
    const keys = await bridge.deviceKeys({ deviceId: DEVICE });
    // Built with this realm's Uint8Array (jsdom's TextEncoder output is not `instanceof Uint8Array` here)
    const bytes = Uint8Array.from([0xe7, 0xad, 0xbe, 0xe5, 0x90, 0x8d]);
    const signature = await bridge.deviceSign({ deviceId: DEVICE, bytes });
    expect(signature).toBeInstanceOf(Uint8Array);
    expect(verifySignature(signature, bytes, fromBase64(keys.signPublicKey))).toBe(true);
    expect(await bridge.deviceUnwrap({ deviceId: DEVICE, wrapped: [{ ephemeralPublicKey: 'AAAA', nonce: 'AAAA', wrappedKey: 'AAAA' }] })).toEqual([null]);
  });

  it('chooses the folder, writes and scans bundles, stores and reads blobs', async () => {
    const bridge = await makeBridge();
    const chosen = await bridge.syncChooseFolder({ title: '选择同步文件夹' });
    expect(chosen).toEqual({ folder });
    const target = path.join(folder, `run-${Math.random().toString(36).slice(2)}`);
    await mkdir(target);

    expect((await bridge.syncWriteMarker({ folder: target, congressId: 'c-1' })).congressId).toBe('c-1');
    const bundle = new Uint8Array([123, 34, 97, 34, 125]);
    await bridge.syncWriteBundle({ folder: target, deviceId: DEVICE, seq: 1, bytes: bundle });
    const scan = await bridge.syncScan({ folder: target, known: {} });
    expect(scan.bundles).toHaveLength(1);
    expect(scan.bundles[0]?.bytes).toBeInstanceOf(Uint8Array);
    expect([...(scan.bundles[0]?.bytes ?? [])]).toEqual([...bundle]);

    const photo = new TextEncoder().encode('photo bytes');
    const sha256 = createHash('sha256').update(photo).digest('hex');
    expect((await bridge.syncPutBlob({ folder: target, sha256, bytes: photo })).existed).toBe(false);
    expect([...((await bridge.syncGetBlob({ folder: target, sha256 })) ?? [])]).toEqual([...photo]);
    expect(await bridge.syncGetBlob({ folder: target, sha256: '0'.repeat(64) })).toBeNull();

    // Errors arrive as BridgeCallError with their code
    expect(await codeOf(bridge.syncWriteBundle({ folder: target, deviceId: DEVICE, seq: 1, bytes: new Uint8Array([1]) }))).toBe('fileExists');
    expect(await codeOf(bridge.syncWriteMarker({ folder: path.join(workDir, 'gone'), congressId: 'c' }))).toBe('folderUnreachable');
    expect(await codeOf(bridge.syncWriteBundle({ folder: target, deviceId: 'not-a-device', seq: 1, bytes: new Uint8Array([1]) }))).toBe('invalidArguments');
  });
});

describe('createWebBridge', () => {
  it('asks for a folder path with the folder prompt, and treats an empty answer as cancel', async () => {
    const asked: string[] = [];
    const bridge = await webMachine('web-prompt', (kind) => {
      asked.push(kind);
      return null;
    });
    expect(await bridge.syncChooseFolder({})).toBeNull();
    expect(asked).toEqual(['folder']);
  });
});

describe('withBridgeErrorCodes', () => {
  it('turns "[code] 说明" rejections of every method into BridgeCallError', async () => {
    const failing = new Proxy({} as DelegateDeskBridge, {
      get: () => () => Promise.reject(new Error("Error invoking remote method 'sync:scan': [folderUnreachable] 同步文件夹当前无法访问。")),
    });
    const wrapped = withBridgeErrorCodes(failing);
    for (const method of Object.keys(wrapped) as (keyof DelegateDeskBridge)[]) {
      const error: unknown = await (wrapped[method] as (request: unknown) => Promise<unknown>)({}).catch((e: unknown) => e);
      expect(error, method).toBeInstanceOf(BridgeCallError);
      expect((error as BridgeCallError).code).toBe('folderUnreachable');
      expect((error as BridgeCallError).message).toBe('同步文件夹当前无法访问。');
    }
    // Every channel of the bridge is wrapped: a method added to the contract but not here would pass through raw
    expect(Object.keys(wrapped).sort()).toEqual(Object.keys(BRIDGE_CHANNELS).sort());
  });
});
