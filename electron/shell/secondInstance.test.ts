import { describe, expect, it, vi } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import { ALREADY_RUNNING_MESSAGE, createSecondInstanceHandler, type InstanceWindow } from './secondInstance';

/** A window that records what was done to it, in order */
function fakeWindow({ minimized = false, destroyed = false } = {}) {
  const calls: string[] = [];
  const window: InstanceWindow & { calls: string[] } = {
    calls,
    isDestroyed: () => destroyed,
    isMinimized: () => minimized,
    restore: () => {
      calls.push('restore');
      minimized = false;
    },
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
  };
  return window;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('createSecondInstanceHandler', () => {
  it('restores a minimised window, shows and focuses it, then says the app was already running', async () => {
    const window = fakeWindow({ minimized: true });
    const showMessageBox = vi.fn(async (_window: typeof window, _options: MessageBoxOptions) => {
      window.calls.push('message');
      return { response: 0 };
    });

    await createSecondInstanceHandler({ getWindow: () => window, showMessageBox })();

    expect(window.calls).toEqual(['restore', 'show', 'focus', 'message']);
    expect(showMessageBox).toHaveBeenCalledTimes(1);
    const [parent, options] = showMessageBox.mock.calls[0]!;
    expect(parent).toBe(window); // modal to the main window, not floating somewhere
    expect(options.message).toBe('党代表履职工作台已在运行，已切换到已打开的窗口。');
    expect(options.message).toBe(ALREADY_RUNNING_MESSAGE);
    expect(options.type).toBe('info');
    expect(options.buttons).toEqual(['确定']);
  });

  it('does not restore a window that is not minimised', async () => {
    const window = fakeWindow();

    await createSecondInstanceHandler({ getWindow: () => window, showMessageBox: async () => ({}) })();

    expect(window.calls).toEqual(['show', 'focus']);
  });

  it('does nothing while there is no window yet, or after it was destroyed', async () => {
    const showMessageBox = vi.fn(async () => ({}));
    const destroyed = fakeWindow({ destroyed: true });

    await createSecondInstanceHandler({ getWindow: () => null, showMessageBox })();
    await createSecondInstanceHandler({ getWindow: () => destroyed, showMessageBox })();

    expect(showMessageBox).not.toHaveBeenCalled();
    expect(destroyed.calls).toEqual([]);
  });

  it('shows one notice at a time however often the app is started again', async () => {
    const window = fakeWindow();
    const firstBox = deferred();
    const showMessageBox = vi.fn(() => firstBox.promise);
    const handle = createSecondInstanceHandler({ getWindow: () => window, showMessageBox });

    const first = handle();
    await handle();
    await handle();
    expect(showMessageBox).toHaveBeenCalledTimes(1);
    // the window is still brought forward every time
    expect(window.calls.filter((call) => call === 'focus')).toHaveLength(3);

    firstBox.resolve();
    await first;
    await handle();
    expect(showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('logs instead of throwing when the message box fails', async () => {
    const window = fakeWindow();
    const failure = new Error('dialog unavailable');
    const log = vi.fn();

    await expect(
      createSecondInstanceHandler({ getWindow: () => window, showMessageBox: async () => Promise.reject(failure), log })(),
    ).resolves.toBeUndefined();

    expect(log).toHaveBeenCalledWith('could not show the already-running notice', failure);
  });

  it('logs instead of throwing when the window cannot be brought forward', async () => {
    const window = fakeWindow();
    const failure = new Error('window gone mid-call');
    window.show = () => {
      throw failure;
    };
    const showMessageBox = vi.fn(async () => ({}));
    const log = vi.fn();

    await createSecondInstanceHandler({ getWindow: () => window, showMessageBox, log })();

    expect(log).toHaveBeenCalledWith('could not bring the main window to the front', failure);
    expect(showMessageBox).not.toHaveBeenCalled();
  });
});
