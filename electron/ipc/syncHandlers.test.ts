import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/bridge';
import { verifySignature } from '../../shared/sync/crypto';
import { fromBase64 } from '../../shared/sync/encoding';
import { createKeyStore } from '../keys/keyStore';
import { BridgeError } from './bridgeError';
import { createBridgeHandlers } from './handlers';
import type { DialogPort, ValidChooseFolderRequest } from './handlers';

const appInfo: AppInfo = { name: '党代表履职工作台', version: '1.2.3', platform: 'linux', shell: 'electron' };
const DEVICE = '01J9ZQ4XKXW3V5S7Y8A2B6C0DA';

let root: string;
let folder: string;
let dataDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-synchandlers-'));
  folder = path.join(root, 'sync');
  dataDir = path.join(root, 'data');
  await mkdir(folder);
  await mkdir(dataDir);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function handlersChoosing(chosenFolder: string | null = null) {
  const folderRequests: ValidChooseFolderRequest[] = [];
  const dialogs: DialogPort = {
    chooseOpenPath: () => Promise.reject(new Error('unexpected open dialog')),
    chooseSavePath: () => Promise.reject(new Error('unexpected save dialog')),
    chooseFolder: (request) => {
      folderRequests.push(request);
      return Promise.resolve(chosenFolder);
    },
  };
  const logged: string[] = [];
  const handlers = createBridgeHandlers({ appInfo, dialogs, keys: createKeyStore({ dir: dataDir }), log: (m) => logged.push(m) });
  return { handlers, folderRequests, logged };
}

async function bridgeErrorOf(promise: Promise<unknown>): Promise<BridgeError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(BridgeError);
  expect((error as BridgeError).message).toMatch(/[\u4e00-\u9fff]/);
  return error as BridgeError;
}

describe('device channels', () => {
  it('publishes keys, signs with them and unwraps nothing it cannot open', async () => {
    const { handlers } = handlersChoosing();
    const keys = await handlers.deviceKeys({ deviceId: DEVICE });
    expect(keys.protectedAtRest).toBe(false);
    const bytes = new Uint8Array([5, 4, 3]);
    const signature = await handlers.deviceSign({ deviceId: DEVICE, bytes });
    expect(Object.getPrototypeOf(signature)).toBe(Uint8Array.prototype);
    expect(verifySignature(signature, bytes, fromBase64(keys.signPublicKey))).toBe(true);
    expect(await handlers.deviceUnwrap({ deviceId: DEVICE, wrapped: [{ ephemeralPublicKey: 'AAAA', nonce: 'AAAA', wrappedKey: 'AAAA' }] })).toEqual([null]);
  });
});

describe('syncChooseFolder', () => {
  it('returns the chosen folder, or null when cancelled', async () => {
    const chosen = handlersChoosing(folder);
    expect(await chosen.handlers.syncChooseFolder({ title: '选择U盘' })).toEqual({ folder });
    expect(chosen.folderRequests).toEqual([{ title: '选择U盘' }]);
    expect(await handlersChoosing(null).handlers.syncChooseFolder({})).toBeNull();
  });

  it('refuses a folder that does not exist or is a file (a typed path in the web bridge)', async () => {
    expect((await bridgeErrorOf(handlersChoosing(path.join(root, 'nope')).handlers.syncChooseFolder({}))).code).toBe('folderUnreachable');
    await writeFile(path.join(root, 'file'), 'x');
    expect((await bridgeErrorOf(handlersChoosing(path.join(root, 'file')).handlers.syncChooseFolder({}))).code).toBe('folderUnreachable');
  });
});

describe('sync channels', () => {
  it('write marker, bundle and blob, then scan and read them back', async () => {
    const { handlers } = handlersChoosing();
    expect(await handlers.syncWriteMarker({ folder, congressId: 'c-2026' })).toEqual({ format: 'delegatedesk-sync-folder', version: 1, congressId: 'c-2026' });
    expect(await handlers.syncWriteBundle({ folder, deviceId: DEVICE, seq: 1, bytes: new Uint8Array([1, 2, 3]) })).toEqual({
      file: `devices/${DEVICE}/bundles/0000000001.ddb`,
    });
    const blob = new TextEncoder().encode('附件');
    const sha256 = createHash('sha256').update(blob).digest('hex');
    expect((await handlers.syncPutBlob({ folder, sha256, bytes: blob })).existed).toBe(false);

    const scan = await handlers.syncScan({ folder, known: {} });
    expect(scan.marker?.congressId).toBe('c-2026');
    expect(scan.bundles.map((b) => [b.deviceId, b.seq, [...b.bytes]])).toEqual([[DEVICE, 1, [1, 2, 3]]]);
    expect(Object.getPrototypeOf(scan.bundles[0]?.bytes)).toBe(Uint8Array.prototype);
    expect(await handlers.syncScan({ folder, known: { [DEVICE]: 1 } })).toMatchObject({ bundles: [], truncated: false });

    expect(new TextDecoder().decode((await handlers.syncGetBlob({ folder, sha256 })) ?? new Uint8Array())).toBe('附件');
    expect((await bridgeErrorOf(handlers.syncWriteBundle({ folder, deviceId: DEVICE, seq: 1, bytes: new Uint8Array([9]) }))).code).toBe('fileExists');
  });

  it('answers an unreachable folder without creating it', async () => {
    const { handlers } = handlersChoosing();
    const gone = path.join(root, 'F-drive');
    expect((await handlers.syncScan({ folder: gone, known: {} })).reachable).toBe(false);
    expect((await bridgeErrorOf(handlers.syncWriteMarker({ folder: gone, congressId: 'c' }))).code).toBe('folderUnreachable');
    expect((await bridgeErrorOf(handlers.syncWriteBundle({ folder: gone, deviceId: DEVICE, seq: 1, bytes: new Uint8Array([1]) }))).code).toBe('folderUnreachable');
    expect((await bridgeErrorOf(handlers.syncGetBlob({ folder: gone, sha256: 'a'.repeat(64) }))).code).toBe('folderUnreachable');
    expect((await readdir(root)).sort()).toEqual(['data', 'sync']);
  });
});

describe('malformed arguments are refused as invalidArguments, touching nothing', () => {
  const bytes = new Uint8Array([1]);
  const sha = 'ab'.repeat(32);
  const wrapped = { ephemeralPublicKey: 'AAAA', nonce: 'AAAA', wrappedKey: 'AAAA' };
  const sync = () => folder;

  it.each<[string, string, (() => unknown) | unknown]>([
    ['deviceKeys', 'nothing', undefined],
    ['deviceKeys', 'null', null],
    ['deviceKeys', 'no deviceId', {}],
    ['deviceKeys', 'a lower-case device id', { deviceId: DEVICE.toLowerCase() }],
    ['deviceKeys', 'a device id that is a path', { deviceId: '../../../../etc/passwd' }],
    ['deviceKeys', 'a device id with I/L/O/U', { deviceId: '01J9ZQ4XKXW3V5S7Y8A2B6C0IL' }],
    ['deviceKeys', 'an extra key', { deviceId: DEVICE, secret: true }],
    ['deviceSign', 'no bytes', { deviceId: DEVICE }],
    ['deviceSign', 'bytes as an array', { deviceId: DEVICE, bytes: [1, 2] }],
    ['deviceSign', 'bytes as base64', { deviceId: DEVICE, bytes: 'AQ==' }],
    ['deviceSign', 'bytes as a DataView', { deviceId: DEVICE, bytes: new DataView(new ArrayBuffer(2)) }],
    ['deviceUnwrap', 'wrapped not an array', { deviceId: DEVICE, wrapped: 'x' }],
    ['deviceUnwrap', 'a wrapped key missing fields', { deviceId: DEVICE, wrapped: [{ ephemeralPublicKey: 'AAAA' }] }],
    ['deviceUnwrap', 'a wrapped key with an extra field', { deviceId: DEVICE, wrapped: [{ ...wrapped, secretKey: 'x' }] }],
    ['deviceUnwrap', 'an over-long wrapped key', { deviceId: DEVICE, wrapped: [{ ...wrapped, wrappedKey: 'A'.repeat(201) }] }],
    ['syncChooseFolder', 'nothing', undefined],
    ['syncChooseFolder', 'a title of the wrong type', { title: 5 }],
    ['syncChooseFolder', 'a folder chosen by the page', { folder: '/etc' }],
    ['syncScan', 'no known', () => ({ folder: sync() })],
    ['syncScan', 'an empty folder', { folder: '', known: {} }],
    ['syncScan', 'a NUL in the folder', { folder: '/tmp/a\0b', known: {} }],
    ['syncScan', 'a known key that is a path', () => ({ folder: sync(), known: { '../x': 1 } })],
    ['syncScan', 'a negative known seq', () => ({ folder: sync(), known: { [DEVICE]: -1 } })],
    ['syncScan', 'a fractional known seq', () => ({ folder: sync(), known: { [DEVICE]: 1.5 } })],
    ['syncScan', 'maxBytes 0', () => ({ folder: sync(), known: {}, maxBytes: 0 })],
    ['syncScan', 'maxBytes above 512 MB', () => ({ folder: sync(), known: {}, maxBytes: 513 * 1024 * 1024 })],
    ['syncScan', 'an extra key', () => ({ folder: sync(), known: {}, deleteAfter: true })],
    ['syncWriteMarker', 'no congressId', () => ({ folder: sync() })],
    ['syncWriteMarker', 'an empty congressId', () => ({ folder: sync(), congressId: '' })],
    ['syncWriteMarker', 'an over-long congressId', () => ({ folder: sync(), congressId: 'c'.repeat(101) })],
    ['syncWriteMarker', 'an extra key', () => ({ folder: sync(), congressId: 'c', overwrite: true })],
    ['syncWriteBundle', 'seq 0', () => ({ folder: sync(), deviceId: DEVICE, seq: 0, bytes })],
    ['syncWriteBundle', 'a fractional seq', () => ({ folder: sync(), deviceId: DEVICE, seq: 1.5, bytes })],
    ['syncWriteBundle', 'seq as a string', () => ({ folder: sync(), deviceId: DEVICE, seq: '1', bytes })],
    ['syncWriteBundle', 'seq past 10 digits', () => ({ folder: sync(), deviceId: DEVICE, seq: 10_000_000_000, bytes })],
    ['syncWriteBundle', 'a device id that is a path', () => ({ folder: sync(), deviceId: '..', seq: 1, bytes })],
    ['syncWriteBundle', 'bytes as an array', () => ({ folder: sync(), deviceId: DEVICE, seq: 1, bytes: [1] })],
    ['syncWriteBundle', 'an overwrite flag', () => ({ folder: sync(), deviceId: DEVICE, seq: 1, bytes, overwrite: true })],
    ['syncPutBlob', 'an upper-case hash', () => ({ folder: sync(), sha256: sha.toUpperCase(), bytes })],
    ['syncPutBlob', 'a short hash', () => ({ folder: sync(), sha256: 'abc', bytes })],
    ['syncPutBlob', 'a hash that is a path', () => ({ folder: sync(), sha256: `../../${sha.slice(6)}`, bytes })],
    ['syncPutBlob', 'bytes as a string', () => ({ folder: sync(), sha256: sha, bytes: 'x' })],
    ['syncGetBlob', 'no hash', () => ({ folder: sync() })],
    ['syncGetBlob', 'a hash with a slash', () => ({ folder: sync(), sha256: `${sha.slice(0, 63)}/` })],
    ['syncGetBlob', 'a file name instead of a hash', () => ({ folder: sync(), sha256: 'delegatedesk-sync.json' })],
  ])('%s: %s', async (method, _label, request) => {
    const { handlers, folderRequests } = handlersChoosing(folder);
    const argument = typeof request === 'function' ? (request as () => unknown)() : request;
    const call = (handlers as unknown as Record<string, (request: unknown) => Promise<unknown>>)[method];
    expect(call).toBeTypeOf('function');
    expect((await bridgeErrorOf(call!(argument))).code).toBe('invalidArguments');
    expect(folderRequests).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
    expect(await readdir(dataDir)).toEqual([]);
  });
});
