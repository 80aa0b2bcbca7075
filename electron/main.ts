// Electron main process: wiring only. Every decision lives in a module under electron/ that is
// tested in plain Node; this file connects those modules to the real Electron objects.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { createBridgeHandlers } from './ipc/handlers';
import { registerBridgeIpc } from './ipc/register';
import { createKeyStore } from './keys/keyStore';
import { electronSecretProtection } from './keys/electronProtection';
import { createAppProtocolHandler } from './protocol/appProtocolHandler';
import { APP_SCHEME_PRIVILEGES } from './protocol/schemePrivileges';
import { APP_ENTRY_URL, APP_SCHEME, APP_WINDOW_TITLE } from './security/appOrigin';
import { createMainWindowOptions } from './security/windowOptions';
import { buildAppMenuTemplate } from './shell/appMenu';
import { createElectronDialogPort } from './shell/electronDialogs';
import { guardWebContents } from './shell/guardWebContents';
import { hardenSession } from './shell/hardenSession';

// Bundled to dist/electron/main.cjs; the renderer build sits beside it in dist/renderer.
const rendererDir = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
// `npm start` (unpackaged) keeps DevTools for developers; installed builds have none.
const allowDevTools = !app.isPackaged;

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

// One instance only: two windows on the same IndexedDB would fight over the local database.
if (app.requestSingleInstanceLock()) {
  startApp();
} else {
  app.quit();
}

function startApp(): void {
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  // A single-window app: closing the window ends it on every platform (all data is saved locally).
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, { allowDevTools });
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));

    const handlers = createBridgeHandlers({
      appInfo: { name: APP_WINDOW_TITLE, version: app.getVersion(), platform: process.platform, shell: 'electron' },
      dialogs: createElectronDialogPort({ dialog, getWindow: () => mainWindow, defaultDirectory: () => app.getPath('documents') }),
      // Device keys live in the app's own data folder (beside IndexedDB), sealed by the OS where it can
      keys: createKeyStore({
        dir: app.getPath('userData'),
        protect: electronSecretProtection(safeStorage, process.platform),
        log: (message, error) => console.error(`[keys] ${message}`, error ?? ''),
      }),
      log: (message) => console.warn(`[sync] ${message}`),
      // Prints the one app window as its print stylesheet lays it out (reports hide the shell under @media print)
      printer: {
        printToPdf: async ({ landscape }) => {
          if (!mainWindow || mainWindow.isDestroyed()) throw new Error('no window to print');
          return new Uint8Array(await mainWindow.webContents.printToPDF({ pageSize: 'A4', printBackground: true, landscape, preferCSSPageSize: true }));
        },
      },
    });
    registerBridgeIpc({
      ipcMain,
      handlers,
      trustedWebContentsId: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.id : null),
      logUnexpected: (channel, error) => console.error(`[bridge] ${channel} failed unexpectedly:`, error),
    });

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildAppMenuTemplate({
          allowDevTools,
          platform: process.platform,
          onShowAbout: () => {
            const options = { type: 'info' as const, title: '关于', message: APP_WINDOW_TITLE, detail: `版本 ${app.getVersion()}` };
            void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
          },
        }),
      ),
    );

    const window = new BrowserWindow(createMainWindowOptions({ preloadPath, allowDevTools }));
    mainWindow = window;
    window.once('ready-to-show', () => window.show());
    // Keep 党代表履职工作台 as the title whatever <title> the page sets
    window.on('page-title-updated', (event) => event.preventDefault());
    window.on('closed', () => {
      mainWindow = null;
    });
    void window.loadURL(APP_ENTRY_URL);
  });
}
