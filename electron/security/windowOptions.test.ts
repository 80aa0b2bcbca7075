import { describe, expect, it } from 'vitest';
import { createMainWindowOptions, createWebPreferences } from './windowOptions';

describe('createWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node, webviews or spellcheck downloads', () => {
    const preferences = createWebPreferences({ preloadPath: '/app/dist/electron/preload.cjs', allowDevTools: false });
    expect(preferences).toMatchObject({
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
      devTools: false,
    });
  });

  it('allows DevTools only when asked (development)', () => {
    expect(createWebPreferences({ preloadPath: 'p', allowDevTools: true }).devTools).toBe(true);
  });
});

describe('createMainWindowOptions', () => {
  it('titles the window in Chinese, hides it until ready, and uses the hardened preferences', () => {
    const options = createMainWindowOptions({ preloadPath: '/x/preload.cjs', allowDevTools: false });
    expect(options.title).toBe('党代表履职工作台');
    expect(options.show).toBe(false);
    expect(options.webPreferences).toEqual(createWebPreferences({ preloadPath: '/x/preload.cjs', allowDevTools: false }));
  });
});
