import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, verifySignature, wrapContentKey } from '../../shared/sync/crypto';
import { fromBase64 } from '../../shared/sync/encoding';
import { decodeScanFrame, SCAN_FRAME_CONTENT_TYPE } from '../../shared/scanFrame';
import { WEB_MAX_SCAN_BYTES } from './httpMapping';
import { startWebBridge } from './webBridge';
import type { WebBridge } from './webBridge';

const DEVICE_A = '01J9ZQ4XKXW3V5S7Y8A2B6C0DA';
const DEVICE_B = '01J9ZQ4XKXW3V5S7Y8A2B6C0DB';

let workDir: string;
let folder: string;
/** Two servers with their own data folders: two machines sharing one sync folder */
let machineA: WebBridge;
let machineB: WebBridge;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-websync-'));
  const rootDir = path.join(workDir, 'renderer');
  folder = path.join(workDir, 'sync');
  await mkdir(rootDir);
  await mkdir(folder);
  await writeFile(path.join(rootDir, 'index.html'), '<!doctype html><title>t</title>');
  machineA = await startWebBridge({ port: 0, rootDir, dataDir: path.join(workDir, 'machine-a') });
  machineB = await startWebBridge({ port: 0, rootDir, dataDir: path.join(workDir, 'machine-b') });
});

afterAll(async () => {
  await machineA.close();
  await machineB.close();
  await rm(workDir, { recursive: true, force: true });
});

/** What the renderer's web client sends: a same-origin JSON POST to /api/<channel>. */
async function callApi(machine: WebBridge, channel: string, body: unknown) {
  const origin = new URL(machine.url).origin;
  const response = await fetch(`${origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify(body),
  });
  // A successful scan comes as a scan frame (bytes), everything else as a JSON envelope.
  const envelope =
    response.headers.get('content-type') === SCAN_FRAME_CONTENT_TYPE
      ? { ok: true, value: decodeScanFrame(new Uint8Array(await response.arrayBuffer())) }
      : ((await response.json()) as { ok: boolean; value?: unknown; code?: string; message?: string });
  return { status: response.status, envelope };
}

async function valueOf<T>(machine: WebBridge, channel: string, body: unknown): Promise<T> {
  const { status, envelope } = await callApi(machine, channel, body);
  expect(envelope, `${channel}: ${envelope.message ?? ''}`).toMatchObject({ ok: true });
  expect(status).toBe(200);
  return envelope.value as T;
}

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

interface PublicKeys {
  signPublicKey: string;
  boxPublicKey: string;
  protectedAtRest: boolean;
}

describe('web bridge: device channels on two machines', () => {
  it('gives each machine its own keys, stable across calls, reported as unprotected', async () => {
    const a = await valueOf<PublicKeys>(machineA, 'device:keys', { request: { deviceId: DEVICE_A } });
    const b = await valueOf<PublicKeys>(machineB, 'device:keys', { request: { deviceId: DEVICE_A } });
    expect(a.signPublicKey).not.toBe(b.signPublicKey);
    expect(a.protectedAtRest).toBe(false);
    expect(await valueOf<PublicKeys>(machineA, 'device:keys', { request: { deviceId: DEVICE_A } })).toEqual(a);
    expect(await readdir(path.join(workDir, 'machine-a', 'device-keys'))).toEqual([`${DEVICE_A}.json`]);
  });

  it('signs base64 bytes and answers the signature as base64', async () => {
    const keys = await valueOf<PublicKeys>(machineA, 'device:keys', { request: { deviceId: DEVICE_A } });
    const message = new TextEncoder().encode('bundle body');
    const signature = fromBase64(await valueOf<string>(machineA, 'device:sign', { request: { deviceId: DEVICE_A, bytesBase64: b64(message) } }));
    expect(verifySignature(signature, message, fromBase64(keys.signPublicKey))).toBe(true);
    const otherKeys = await valueOf<PublicKeys>(machineB, 'device:keys', { request: { deviceId: DEVICE_A } });
    expect(verifySignature(signature, message, fromBase64(otherKeys.signPublicKey))).toBe(false);
  });

  it('unwraps a content key only on the machine it was sealed to', async () => {
    const bKeys = await valueOf<PublicKeys>(machineB, 'device:keys', { request: { deviceId: DEVICE_B } });
    await valueOf<PublicKeys>(machineA, 'device:keys', { request: { deviceId: DEVICE_B } });
    const contentKey = randomBytes(32);
    const wrapped = wrapContentKey(contentKey, fromBase64(bKeys.boxPublicKey));
    const onB = await valueOf<(string | null)[]>(machineB, 'device:unwrap', { request: { deviceId: DEVICE_B, wrapped: [wrapped] } });
    expect([...fromBase64(onB[0] ?? '')]).toEqual([...contentKey]);
    expect(await valueOf<(string | null)[]>(machineA, 'device:unwrap', { request: { deviceId: DEVICE_B, wrapped: [wrapped] } })).toEqual([null]);
  });
});

describe('web bridge: sync channels', () => {
  it('chooses the typed folder; an empty answer is a cancel', async () => {
    expect(await valueOf(machineA, 'sync:chooseFolder', { path: folder, request: { title: '选择同步文件夹' } })).toEqual({ folder });
    expect(await valueOf(machineA, 'sync:chooseFolder', { path: '', request: {} })).toBeNull();
    const missing = await callApi(machineA, 'sync:chooseFolder', { path: path.join(workDir, 'nope'), request: {} });
    expect(missing.status).toBe(503);
    expect(missing.envelope).toMatchObject({ ok: false, code: 'folderUnreachable' });
  });

  it('carries marker, bundles and blobs from one machine to the other', async () => {
    expect(await valueOf(machineA, 'sync:writeMarker', { request: { folder, congressId: 'c-2026' } })).toMatchObject({ congressId: 'c-2026' });
    expect(await valueOf(machineB, 'sync:writeMarker', { request: { folder, congressId: 'other' } })).toMatchObject({ congressId: 'c-2026' });

    const bundle = new TextEncoder().encode('{"signed":"bundle"}');
    expect(await valueOf(machineA, 'sync:writeBundle', { request: { folder, deviceId: DEVICE_A, seq: 1, bytesBase64: b64(bundle) } })).toEqual({
      file: `devices/${DEVICE_A}/bundles/0000000001.ddb`,
    });
    const again = await callApi(machineA, 'sync:writeBundle', { request: { folder, deviceId: DEVICE_A, seq: 1, bytesBase64: b64('different') } });
    expect(again.status).toBe(409);
    expect(again.envelope).toMatchObject({ ok: false, code: 'fileExists' });

    const scan = await valueOf<{ reachable: boolean; bundles: { deviceId: string; seq: number; file: string; bytes: Uint8Array }[] }>(
      machineB,
      'sync:scan',
      { request: { folder, known: {} } },
    );
    expect(scan.reachable).toBe(true);
    expect(scan.bundles.map(({ bytes, ...b }) => ({ ...b, text: new TextDecoder().decode(bytes) }))).toEqual([
      { deviceId: DEVICE_A, seq: 1, file: `devices/${DEVICE_A}/bundles/0000000001.ddb`, text: new TextDecoder().decode(bundle) },
    ]);

    const photo = new TextEncoder().encode('JPEG…');
    const sha256 = createHash('sha256').update(photo).digest('hex');
    expect(await valueOf(machineA, 'sync:putBlob', { request: { folder, sha256, bytesBase64: b64(photo) } })).toEqual({
      file: `blobs/${sha256.slice(0, 2)}/${sha256}`,
      existed: false,
    });
    expect(await valueOf(machineB, 'sync:getBlob', { request: { folder, sha256 } })).toBe(b64(photo));
    expect(await valueOf(machineB, 'sync:getBlob', { request: { folder, sha256: 'f'.repeat(64) } })).toBeNull();
  });

  it('answers an unreachable folder as such', async () => {
    const gone = path.join(workDir, 'usb-gone');
    expect(await valueOf(machineA, 'sync:scan', { request: { folder: gone, known: {} } })).toMatchObject({ reachable: false, bundles: [] });
    const write = await callApi(machineA, 'sync:writeBundle', { request: { folder: gone, deviceId: DEVICE_A, seq: 1, bytesBase64: 'AQ==' } });
    expect(write.status).toBe(503);
    expect(write.envelope).toMatchObject({ ok: false, code: 'folderUnreachable' });
  });

  it(`caps a scan at ${WEB_MAX_SCAN_BYTES / 1024 / 1024} MB per HTTP answer`, async () => {
    // A valid request above the cap is accepted (and capped), not refused
    expect(await valueOf(machineB, 'sync:scan', { request: { folder, known: {}, maxBytes: 512 * 1024 * 1024 } })).toMatchObject({ reachable: true });
    // An invalid one is still refused by the handler
    expect((await callApi(machineB, 'sync:scan', { request: { folder, known: {}, maxBytes: -5 } })).envelope).toMatchObject({ code: 'invalidArguments' });
  });
});

describe('web bridge: other origins', () => {
  it('refuses device and sync calls from a foreign page before doing anything', async () => {
    const origin = new URL(machineA.url).origin;
    for (const [channel, request] of [
      ['device:keys', { deviceId: DEVICE_B }],
      ['sync:writeBundle', { folder, deviceId: DEVICE_B, seq: 9, bytesBase64: 'AQ==' }],
    ] as const) {
      const response = await fetch(`${origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
        body: JSON.stringify({ request }),
      });
      expect(response.status).toBe(403);
    }
    await expect(readdir(path.join(folder, 'devices', DEVICE_B))).rejects.toThrow();
  });
});

describe('web bridge: malformed sync requests are invalidArguments', () => {
  it.each<[string, string, unknown]>([
    ['bytes instead of bytesBase64', 'device:sign', { request: { deviceId: DEVICE_A, bytes: [1, 2] } }],
    ['bytes beside bytesBase64', 'sync:writeBundle', { request: { folder: '/tmp', deviceId: DEVICE_A, seq: 1, bytesBase64: 'AQ==', bytes: {} } }],
    ['invalid base64', 'sync:putBlob', { request: { folder: '/tmp', sha256: 'a'.repeat(64), bytesBase64: '***' } }],
    ['no request', 'device:keys', {}],
    ['an unknown top-level key', 'sync:scan', { request: { folder: '/tmp', known: {} }, path: '/etc' }],
    ['a path for a channel without a prompt', 'sync:getBlob', { path: '/etc/passwd', request: { folder: '/tmp', sha256: 'a'.repeat(64) } }],
    ['a relative typed folder', 'sync:chooseFolder', { path: 'sync', request: {} }],
    ['an invalid device id', 'device:keys', { request: { deviceId: '../../x' } }],
    ['an invalid seq', 'sync:writeBundle', { request: { folder: '/tmp', deviceId: DEVICE_A, seq: 0, bytesBase64: 'AQ==' } }],
    ['bytes that do not hash to the name', 'sync:putBlob', { request: { folder: '/tmp', sha256: 'a'.repeat(64), bytesBase64: 'AQ==' } }],
  ])('%s (%s)', async (_label, channel, body) => {
    const { status, envelope } = await callApi(machineA, channel, body);
    expect(status).toBe(400);
    expect(envelope).toMatchObject({ ok: false, code: 'invalidArguments' });
  });
});
