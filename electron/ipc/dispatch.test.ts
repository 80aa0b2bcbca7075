import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../shared/bridge';
import type { AppInfo } from '../../shared/bridge';
import { BridgeError } from './bridgeError';
import { invokeBridgeChannel, isBridgeChannel } from './dispatch';
import type { BridgeHandlers } from './handlers';

const appInfo: AppInfo = { name: '党代表履职工作台', version: '0.1.0', platform: 'win32', shell: 'electron' };

/** Handlers that record their calls and answer from a script, to test the routing alone. */
function recordingHandlers(behaviour: { openFile?: () => Promise<never> } = {}) {
  const calls: { method: string; args: unknown[] }[] = [];
  const handlers: BridgeHandlers = {
    appInfo: () => {
      calls.push({ method: 'appInfo', args: [] });
      return Promise.resolve(appInfo);
    },
    openFile: (request) => {
      calls.push({ method: 'openFile', args: [request] });
      return behaviour.openFile ? behaviour.openFile() : Promise.resolve(null);
    },
    saveFile: (request) => {
      calls.push({ method: 'saveFile', args: [request] });
      return Promise.resolve({ name: 'a.xlsx' });
    },
  };
  return { handlers, calls };
}

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

  it.each<[string, string, unknown[]]>([
    ['an unknown channel', 'fs:deleteEverything', []],
    ['a prototype key as channel', 'constructor', []],
    ['appInfo with an argument', BRIDGE_CHANNELS.appInfo, [{}]],
    ['openFile without its request', BRIDGE_CHANNELS.openFile, []],
    ['saveFile with two arguments', BRIDGE_CHANNELS.saveFile, [{}, '/etc/passwd']],
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
});

describe('isBridgeChannel', () => {
  it('knows exactly the contract channels', () => {
    for (const channel of Object.values(BRIDGE_CHANNELS)) expect(isBridgeChannel(channel)).toBe(true);
    expect(isBridgeChannel('toString')).toBe(false);
    expect(isBridgeChannel('file:delete')).toBe(false);
  });
});
