import type { BrowserWindow, MessageBoxOptions } from 'electron';

// The app runs once per user (electron/main.ts takes the single-instance lock: two windows on one
// IndexedDB would fight over the local database). When someone starts it again — a second click on the
// desktop icon — the new process quits at once and this handler runs in the first one: bring its window
// back and say why no second window opened.

/** 界面文字 */
export const ALREADY_RUNNING_MESSAGE = '党代表履职工作台已在运行，已切换到已打开的窗口。';

/** The window calls the handler makes (a real BrowserWindow, or a fake in tests) */
export type InstanceWindow = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'>;

export interface SecondInstancePorts<W extends InstanceWindow> {
  /** The main window, or null while it is not created yet / after it closed */
  getWindow(): W | null;
  /** dialog.showMessageBox(window, options): modal to the main window */
  showMessageBox(window: W, options: MessageBoxOptions): Promise<unknown>;
  log?: (message: string, error?: unknown) => void;
}

/** Returns the listener for app.on('second-instance'). It never throws into Electron's event loop. */
export function createSecondInstanceHandler<W extends InstanceWindow>(ports: SecondInstancePorts<W>): () => Promise<void> {
  // One notice at a time: starting the app five times quickly must not stack five message boxes
  let noticeOpen = false;

  return async () => {
    const window = ports.getWindow();
    // Still starting up (the window appears by itself in a moment) or shutting down: nothing to switch to
    if (!window || window.isDestroyed()) {
      ports.log?.('second instance started before the main window exists; ignored');
      return;
    }
    try {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    } catch (error) {
      ports.log?.('could not bring the main window to the front', error);
      return;
    }
    ports.log?.('second instance started; switched to the open window');
    if (noticeOpen) return;
    noticeOpen = true;
    try {
      await ports.showMessageBox(window, {
        type: 'info',
        title: '党代表履职工作台',
        message: ALREADY_RUNNING_MESSAGE,
        buttons: ['确定'],
        defaultId: 0,
        noLink: true,
      });
    } catch (error) {
      ports.log?.('could not show the already-running notice', error);
    } finally {
      noticeOpen = false;
    }
  };
}
