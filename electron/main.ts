// Electron main process: wiring only. Every decision lives in a module under electron/ that is
// tested in plain Node; this file connects those modules to the real Electron objects.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { createBridgeHandlers } from './ipc/handlers';
import { registerBridgeIpc } from './ipc/register';
import { createLocalBackupStore } from './backups/localBackups';
import { createKeyStore } from './keys/keyStore';
import { logProcessErrors, uncaughtErrorNotice } from './logging/processErrors';
import { createRotatingLog, type LogLevel } from './logging/rotatingLog';
import { electronSecretProtection } from './keys/electronProtection';
import { createAppProtocolHandler } from './protocol/appProtocolHandler';
import { APP_SCHEME_PRIVILEGES } from './protocol/schemePrivileges';
import { APP_ENTRY_URL, APP_SCHEME, APP_WINDOW_TITLE } from './security/appOrigin';
import { createMainWindowOptions } from './security/windowOptions';
import { buildAppMenuTemplate } from './shell/appMenu';
import { createElectronDialogPort } from './shell/electronDialogs';
import { guardWebContents } from './shell/guardWebContents';
import { hardenSession } from './shell/hardenSession';
import { createSecondInstanceHandler } from './shell/secondInstance';

// Bundled to dist/electron/main.cjs; the renderer build sits beside it in dist/renderer.
const rendererDir = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
// `npm start` (unpackaged) keeps DevTools for developers; installed builds have none.
const allowDevTools = !app.isPackaged;

// The data folder (数据文件夹: IndexedDB, device keys, logs) is named deliberately rather than left to
// Electron's default (package.json productName): %APPDATA%\DelegateDesk, ~/.config/DelegateDesk,
// ~/Library/Application Support/DelegateDesk. It must never follow the Chinese product name or a
// rename, or an update would open an empty database. Set first: the single-instance lock lives in it.
// An explicit --user-data-dir (testers running two "machines" side by side for sync) still wins.
if (!app.commandLine.hasSwitch('user-data-dir')) {
  app.setPath('userData', path.join(app.getPath('appData'), 'DelegateDesk'));
}

// <userData>/logs/delegatedesk.log, rotated at 1 MB, 5 files kept; echoed to the console under `npm start`
const appLog = createRotatingLog({
  dir: path.join(app.getPath('userData'), 'logs'),
  ...(allowDevTools ? { echo: echoToConsole } : {}),
  onWriteFailure: (error) => console.error('[log] cannot write the log file:', error),
});
const mainLog = appLog.scope('main');
logProcessErrors({
  process,
  log: appLog.scope('process'),
  onFirstUncaughtException: () => {
    const notice = uncaughtErrorNotice(appLog.filePath);
    dialog.showErrorBox(notice.title, notice.content);
  },
});

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

// One instance only: two windows on the same IndexedDB would fight over the local database.
if (app.requestSingleInstanceLock()) {
  startApp();
} else {
  mainLog.info('already running: the first instance brings its window forward; this one quits');
  app.quit();
}

function echoToConsole(level: LogLevel, line: string): void {
  const text = line.trimEnd();
  if (level === 'error') console.error(text);
  else if (level === 'warn') console.warn(text);
  else console.log(text);
}

function startApp(): void {
  let mainWindow: BrowserWindow | null = null;
  mainLog.info(
    `start: version ${app.getVersion()}, ${process.platform} ${process.arch}, Electron ${process.versions.electron}, ${app.isPackaged ? 'installed' : 'development'}`,
  );

  app.on(
    'second-instance',
    createSecondInstanceHandler({
      getWindow: () => mainWindow,
      showMessageBox: (window, options) => dialog.showMessageBox(window, options),
      log: (message, error) => (error === undefined ? mainLog.info(message) : mainLog.warn(message, error)),
    }),
  );
  app.on('render-process-gone', (_event, _contents, details) =>
    mainLog.error(`renderer process gone: ${details.reason} (exit code ${details.exitCode})`),
  );
  app.on('child-process-gone', (_event, details) =>
    mainLog.warn(`${details.type} process gone: ${details.reason} (exit code ${details.exitCode})`),
  );
  app.on('will-quit', () => mainLog.info('quit'));
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
        log: (message, error) => appLog.scope('keys').error(message, error),
      }),
      // Automatic snapshots (daily, before a schema upgrade, before a restore) beside the database
      backups: createLocalBackupStore(path.join(app.getPath('userData'), 'backups')),
      log: (message) => appLog.scope('sync').warn(message),
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
      logUnexpected: (channel, error) => appLog.scope('bridge').error(`${channel} failed unexpectedly`, error),
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
