import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_WINDOW_TITLE } from './appOrigin';

/**
 * The renderer's sandbox. Each flag is the secure value stated explicitly, so an Electron default
 * changing under us cannot loosen it:
 * - contextIsolation + sandbox: the page cannot reach the preload's world or Node;
 * - nodeIntegration off (also in workers and subframes): no require() in the page;
 * - webSecurity on: same-origin policy applies; webviewTag off: no embedded foreign pages;
 * - spellcheck off: Chromium's spellchecker would download dictionaries from Google.
 */
export function createWebPreferences(options: { preloadPath: string; allowDevTools: boolean }): WebPreferences {
  return {
    preload: options.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    devTools: options.allowDevTools,
  };
}

export function createMainWindowOptions(options: { preloadPath: string; allowDevTools: boolean }): BrowserWindowConstructorOptions {
  return {
    title: APP_WINDOW_TITLE,
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    // Shown on 'ready-to-show', so users never see a blank white frame
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: createWebPreferences(options),
  };
}
