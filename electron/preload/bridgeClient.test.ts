import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../shared/bridge';
import type { BridgeChannel } from '../../shared/bridge';
import { BRIDGE_ERROR_MESSAGE_PATTERN, createBridgeClient } from './bridgeClient';
import type { BridgeCallError } from './bridgeClient';

function clientAnswering(answer: (channel: BridgeChannel, args: unknown[]) => Promise<unknown>) {
  const sent: { channel: BridgeChannel; args: unknown[] }[] = [];
  const client = createBridgeClient((channel, ...args) => {
    sent.push({ channel, args });
    return answer(channel, args);
  });
  return { client, sent };
}

async function rejectionOf(promise: Promise<unknown>): Promise<BridgeCallError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as BridgeCallError,
  );
}

describe('createBridgeClient', () => {
  it('invokes the contract channel with the request and unwraps the value', async () => {
    const { client, sent } = clientAnswering((channel) =>
      Promise.resolve(channel === BRIDGE_CHANNELS.saveFile ? { ok: true, value: { name: 'a.xlsx' } } : { ok: true, value: null }),
    );
    const bytes = new Uint8Array([1]);
    expect(await client.saveFile({ defaultName: 'a.xlsx', bytes })).toEqual({ name: 'a.xlsx' });
    expect(await client.openFile({ maxBytes: 10 })).toBeNull();
    expect(sent).toEqual([
      { channel: BRIDGE_CHANNELS.saveFile, args: [{ defaultName: 'a.xlsx', bytes }] },
      { channel: BRIDGE_CHANNELS.openFile, args: [{ maxBytes: 10 }] },
    ]);
  });

  it('passes sync and device requests with their bytes as they are, and returns bytes untouched', async () => {
    const signature = new Uint8Array(64).fill(7);
    const { client, sent } = clientAnswering((channel) => Promise.resolve({ ok: true, value: channel === BRIDGE_CHANNELS.deviceSign ? signature : null }));
    const bytes = new Uint8Array([1, 2, 3]);
    const deviceId = '01J9ZQ4XKXW3V5S7Y8A2B6C0DA';
    expect(await client.deviceSign({ deviceId, bytes })).toBe(signature);
    await client.syncWriteBundle({ folder: '/mnt/sync', deviceId, seq: 4, bytes });
    await client.syncGetBlob({ folder: '/mnt/sync', sha256: 'a'.repeat(64) });
    expect(sent).toEqual([
      { channel: BRIDGE_CHANNELS.deviceSign, args: [{ deviceId, bytes }] },
      { channel: BRIDGE_CHANNELS.syncWriteBundle, args: [{ folder: '/mnt/sync', deviceId, seq: 4, bytes }] },
      { channel: BRIDGE_CHANNELS.syncGetBlob, args: [{ folder: '/mnt/sync', sha256: 'a'.repeat(64) }] },
    ]);
    expect((sent[0]?.args[0] as { bytes: Uint8Array }).bytes).toBe(bytes);
  });

  it('exposes exactly one method per contract channel', () => {
    const { client } = clientAnswering(() => Promise.resolve({ ok: true, value: null }));
    expect(Object.keys(client).sort()).toEqual(Object.keys(BRIDGE_CHANNELS).sort());
  });

  it('carries the new error codes (fileExists, folderUnreachable, keyUnavailable, internal)', async () => {
    for (const code of ['fileExists', 'folderUnreachable', 'keyUnavailable', 'internal']) {
      const { client } = clientAnswering(() => Promise.resolve({ ok: false, code, message: '说明' }));
      const error = await rejectionOf(client.syncScan({ folder: '/x', known: {} }));
      expect(error.code).toBe(code);
      expect(BRIDGE_ERROR_MESSAGE_PATTERN.exec(error.message)?.[1]).toBe(code);
    }
  });

  it('sends appInfo without arguments', async () => {
    const { client, sent } = clientAnswering(() => Promise.resolve({ ok: true, value: { name: 'n' } }));
    await client.appInfo();
    expect(sent).toEqual([{ channel: BRIDGE_CHANNELS.appInfo, args: [] }]);
  });

  it('rejects a failure envelope with the code on the error and inside the message', async () => {
    const { client } = clientAnswering(() => Promise.resolve({ ok: false, code: 'fileTooLarge', message: '文件过大。' }));
    const error = await rejectionOf(client.openFile({}));
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('fileTooLarge');
    // What survives contextBridge is the message: the renderer recovers the code from it
    const match = BRIDGE_ERROR_MESSAGE_PATTERN.exec(error.message);
    expect(match?.[1]).toBe('fileTooLarge');
    expect(match?.[2]).toBe('文件过大。');
  });

  it('treats an IPC failure (e.g. an argument that cannot be cloned) as invalidArguments', async () => {
    const { client } = clientAnswering(() => Promise.reject(new Error('An object could not be cloned.')));
    expect((await rejectionOf(client.saveFile({ defaultName: 'a', bytes: new Uint8Array() }))).code).toBe('invalidArguments');
  });

  it.each([undefined, null, 'ok', { ok: 'yes' }, { ok: false, code: 'rm -rf', message: 'x' }, { ok: true }])(
    'refuses a malformed reply %j instead of passing it on',
    async (reply) => {
      const { client } = clientAnswering(() => Promise.resolve(reply));
      expect((await rejectionOf(client.appInfo())).code).toBe('invalidArguments');
    },
  );
});
