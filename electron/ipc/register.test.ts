import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../shared/bridge';
import { registerBridgeIpc, senderFactsOf } from './register';
import { stubHandlers } from './stubHandlers';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** Records ipcMain.handle registrations so a test can call the listeners as Electron would. */
function recordingIpcMain() {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        listeners.set(channel, listener);
      },
      removeHandler: (channel: string) => {
        listeners.delete(channel);
      },
    },
  };
}

interface FrameShape {
  url: string;
  parent: FrameShape | null;
}

/** The two properties of IpcMainInvokeEvent the registration reads (sender.id, senderFrame). */
function invokeEvent(webContentsId: number, frame: FrameShape | null): IpcMainInvokeEvent {
  return { sender: { id: webContentsId }, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

const mainFrame: FrameShape = { url: 'app://delegatedesk/index.html', parent: null };

function countingHandlers() {
  const { handlers, calls } = stubHandlers();
  return { handlers, calls: () => calls.length };
}

describe('registerBridgeIpc', () => {
  it('registers every contract channel and unregisters them again', () => {
    const { ipcMain, listeners } = recordingIpcMain();
    const unregister = registerBridgeIpc({ ipcMain, handlers: countingHandlers().handlers, trustedWebContentsId: () => 1 });
    expect([...listeners.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
    unregister();
    expect(listeners.size).toBe(0);
  });

  it("answers our window's main frame with the handler's envelope", async () => {
    const { ipcMain, listeners } = recordingIpcMain();
    const { handlers, calls } = countingHandlers();
    registerBridgeIpc({ ipcMain, handlers, trustedWebContentsId: () => 1 });
    const reply = await listeners.get(BRIDGE_CHANNELS.openFile)?.(invokeEvent(1, mainFrame), {});
    expect(reply).toEqual({ ok: true, value: null });
    expect(calls()).toBe(1);
  });

  it.each<[string, IpcMainInvokeEvent]>([
    ['another webContents', invokeEvent(2, mainFrame)],
    ['an iframe', invokeEvent(1, { url: 'app://delegatedesk/index.html', parent: mainFrame })],
    ['a foreign page', invokeEvent(1, { url: 'https://evil.example/', parent: null })],
    ['a destroyed frame', invokeEvent(1, null)],
  ])('refuses %s with forbiddenSender before any handler runs, on every channel', async (_label, event) => {
    const { ipcMain, listeners } = recordingIpcMain();
    const { handlers, calls } = countingHandlers();
    registerBridgeIpc({ ipcMain, handlers, trustedWebContentsId: () => 1 });
    for (const channel of Object.values(BRIDGE_CHANNELS)) {
      const reply = await listeners.get(channel)?.(event, { folder: '/tmp', deviceId: '01J9ZQ4XKXW3V5S7Y8A2B6C0DA', bytes: new Uint8Array() });
      expect(reply, channel).toMatchObject({ ok: false, code: 'forbiddenSender' });
    }
    expect(calls()).toBe(0);
  });

  it('refuses every channel while there is no window', async () => {
    const { ipcMain, listeners } = recordingIpcMain();
    const { handlers, calls } = countingHandlers();
    registerBridgeIpc({ ipcMain, handlers, trustedWebContentsId: () => null });
    expect(await listeners.get(BRIDGE_CHANNELS.deviceSign)?.(invokeEvent(1, mainFrame), {})).toMatchObject({ ok: false, code: 'forbiddenSender' });
    expect(calls()).toBe(0);
  });
});

describe('senderFactsOf', () => {
  it('reads the frame URL, main-frame-ness and webContents id from the event', () => {
    expect(senderFactsOf(invokeEvent(3, mainFrame))).toEqual({ frameUrl: 'app://delegatedesk/index.html', isMainFrame: true, webContentsId: 3 });
    expect(senderFactsOf(invokeEvent(3, null))).toEqual({ frameUrl: null, isMainFrame: false, webContentsId: 3 });
  });
});
