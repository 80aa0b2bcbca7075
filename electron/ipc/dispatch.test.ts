import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../shared/bridge';
import type { AppInfo, BridgeChannel } from '../../shared/bridge';
import { BridgeError } from './bridgeError';
import { invokeBridgeChannel, isBridgeChannel } from './dispatch';
import { stubHandlers } from './stubHandlers';

const appInfo: AppInfo = { name: '党代表履职工作台', version: '0.1.0', platform: 'win32', shell: 'electron' };

/** Handlers that record their calls and answer from a script, to test the routing alone. */
function recordingHandlers(behaviour: { openFile?: () => Promise<never> } = {}) {
  return stubHandlers((method) => {
    if (method === 'appInfo') return Promise.resolve(appInfo);
    if (method === 'openFile' && behaviour.openFile) return behaviour.openFile();
    if (method === 'saveFile') return Promise.resolve({ name: 'a.xlsx' });
    return Promise.resolve(null);
  });
}

/** Each channel and the handler method it must reach. */
const CHANNEL_METHODS: [BridgeChannel, string][] = Object.entries(BRIDGE_CHANNELS).map(([method, channel]) => [channel, method]);

describe('invokeBridgeChannel', () => {
  it('routes each channel to its handler and wraps the value', async () => {
    const { handlers, calls } = recordingHandlers();
    expect(await invokeBridgeChannel(handlers, BRIDGE_CHANNELS.appInfo, [])).toEqual({ ok: true, value: appInfo });
    expect(await invokeBridgeChannel(handlers, BRIDGE_CHANNELS.openFile, [{}])).toEqual({ ok: true, value: null });
    expect(await invokeBridgeChannel(handlers, BRIDGE_CHANNELS.saveFile, [{ x: 1 }])).toEqual({ ok: true, value: { name: 'a.xlsx' } });
    expect(calls).toEqual([
      { method: 'appInfo', args: [] },
      { method: 'openFile', args: [{}] },
      { method: 'saveFile', args: [{ x: 1 }] },
    ]);
  });

  it.each(CHANNEL_METHODS.filter(([channel]) => channel !== BRIDGE_CHANNELS.appInfo))('routes %s to %s with its one request', async (channel, method) => {
    const { handlers, calls } = stubHandlers();
    const request = { probe: channel };
    expect(await invokeBridgeChannel(handlers, channel, [request])).toEqual({ ok: true, value: null });
    expect(calls).toEqual([{ method, args: [request] }]);
  });

  it.each<[string, string, unknown[]]>([
    ['an unknown channel', 'fs:deleteEverything', []],
    ['a prototype key as channel', 'constructor', []],
    ['appInfo with an argument', BRIDGE_CHANNELS.appInfo, [{}]],
    ['openFile without its request', BRIDGE_CHANNELS.openFile, []],
    ['saveFile with two arguments', BRIDGE_CHANNELS.saveFile, [{}, '/etc/passwd']],
    ['deviceSign without its request', BRIDGE_CHANNELS.deviceSign, []],
    ['syncWriteBundle with two arguments', BRIDGE_CHANNELS.syncWriteBundle, [{}, { overwrite: true }]],
    ['syncScan with two arguments', BRIDGE_CHANNELS.syncScan, [{}, {}]],
  ])('refuses %s without calling any handler', async (_label, channel, args) => {
    const { handlers, calls } = recordingHandlers();
    const envelope = await invokeBridgeChannel(handlers, channel, args);
    expect(envelope).toMatchObject({ ok: false, code: 'invalidArguments' });
    expect(calls).toEqual([]);
  });

  it('passes a BridgeError through with its code and message', async () => {
    const { handlers } = recordingHandlers({ openFile: () => Promise.reject(new BridgeError('fileTooLarge', '文件过大（60.0 MB）。')) });
    expect(await invokeBridgeChannel(handlers, BRIDGE_CHANNELS.openFile, [{}])).toEqual({
      ok: false,
      code: 'fileTooLarge',
      message: '文件过大（60.0 MB）。',
    });
  });

  it('turns an unexpected error into the channel fallback code, logs it, and leaks no details', async () => {
    const logged: { channel: string; error: unknown }[] = [];
    const surprise = new Error('EIO: /home/secret/path exploded');
    const { handlers } = recordingHandlers({ openFile: () => Promise.reject(surprise) });
    const envelope = await invokeBridgeChannel(handlers, BRIDGE_CHANNELS.openFile, [{}], (channel, error) => logged.push({ channel, error }));
    expect(envelope).toEqual({ ok: false, code: 'fileUnreadable', message: '无法读取该文件。' });
    expect(logged).toEqual([{ channel: BRIDGE_CHANNELS.openFile, error: surprise }]);
  });

  it('reports an unexpected failure of a sync or device channel as internal', async () => {
    const { handlers } = stubHandlers(() => Promise.reject(new TypeError('boom at /home/secret')));
    for (const channel of [BRIDGE_CHANNELS.syncScan, BRIDGE_CHANNELS.deviceSign]) {
      expect(await invokeBridgeChannel(handlers, channel, [{}])).toEqual({ ok: false, code: 'internal', message: '发生内部错误，操作未完成。' });
    }
  });
});

describe('isBridgeChannel', () => {
  it('knows exactly the contract channels', () => {
    for (const channel of Object.values(BRIDGE_CHANNELS)) expect(isBridgeChannel(channel)).toBe(true);
    expect(isBridgeChannel('toString')).toBe(false);
    expect(isBridgeChannel('file:delete')).toBe(false);
  });
});
