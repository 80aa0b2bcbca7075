import { describe, expect, it } from 'vitest';
import { createMainWindowOptions, createWebPreferences } from './windowOptions';

/**
 * windowOptions.test.ts checks the secure values are there; this checks nothing else is. Every webPreferences key
 * and every window option is on an allowlist with its exact value, so a later change that adds a loosening
 * option (experimentalFeatures, enableBlinkFeatures, additionalArguments, a second preload, webviewTag: true, …)
 * fails here and has to be reviewed, instead of riding along unnoticed.
 */
const EXPECTED_WEB_PREFERENCES = {
  preload: '/app/dist/electron/preload.cjs',
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  // Dropping a file onto the window must not navigate to file://
  navigateOnDragDrop: false,
  devTools: false,
};

describe('the main window carries only reviewed options', () => {
  it('webPreferences are exactly the hardened set, in installed builds', () => {
    expect(createWebPreferences({ preloadPath: '/app/dist/electron/preload.cjs', allowDevTools: false })).toStrictEqual(EXPECTED_WEB_PREFERENCES);
  });

  it('development builds differ only in having DevTools', () => {
    expect(createWebPreferences({ preloadPath: '/app/dist/electron/preload.cjs', allowDevTools: true })).toStrictEqual({ ...EXPECTED_WEB_PREFERENCES, devTools: true });
  });

  it('the window options hold nothing but size, title, colour, visibility and those webPreferences', () => {
    const options = createMainWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', allowDevTools: false });
    const { webPreferences, ...windowOnly } = options;
    expect(Object.keys(windowOnly).sort()).toEqual(['backgroundColor', 'height', 'minHeight', 'minWidth', 'show', 'title', 'width']);
    expect(webPreferences).toStrictEqual(EXPECTED_WEB_PREFERENCES);
  });
});
