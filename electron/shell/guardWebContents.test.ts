import type { HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../security/appOrigin';
import { guardWebContents } from './guardWebContents';

/** The navigation events whose listeners the guard must install; a missing one is a way out of app://. */
const NAVIGATION_EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const;
type NavigationEvent = (typeof NAVIGATION_EVENTS)[number];

interface PreventableEvent {
  url: string;
  isMainFrame: boolean;
  isSameDocument: boolean;
  frame: null;
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** A WebContents with nothing but the two methods the guard calls; keeps the listeners so the test can fire events. */
function guardedContents() {
  const listeners = new Map<string, ((event: PreventableEvent, ...rest: unknown[]) => void)[]>();
  let openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  const contents = {
    on(event: string, listener: (event: PreventableEvent, ...rest: unknown[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse) {
      openHandler = handler;
    },
  } satisfies Pick<Record<keyof WebContents, unknown>, 'on' | 'setWindowOpenHandler'>;
  guardWebContents(contents as unknown as WebContents);

  return {
    listeners,
    /** Fires `name` as Electron would; true when a listener called preventDefault(). */
    fire(name: string, url: string, isMainFrame = true): boolean {
      const event: PreventableEvent = {
        url,
        isMainFrame,
        isSameDocument: false,
        frame: null,
        defaultPrevented: false,
        preventDefault() {
          this.defaultPrevented = true;
        },
      };
      for (const listener of listeners.get(name) ?? []) listener(event, url, false, isMainFrame, 1, 1);
      return event.defaultPrevented;
    },
    openWindow(details: Partial<HandlerDetails>): WindowOpenHandlerResponse | undefined {
      return openHandler?.({ url: APP_ENTRY_URL, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'no-referrer' }, ...details } as HandlerDetails);
    },
  };
}

const OUR_PAGES = [APP_ENTRY_URL, 'app://delegatedesk/', 'app://delegatedesk/index.html#/proposals/01J9ZQ4XKXW3V5S7Y8A2B6C0DA'];

const FOREIGN_PAGES = [
  'https://example.com/',
  'http://127.0.0.1:5178/',
  'file:///etc/passwd',
  'file:///C:/Users/delegate/Documents/report.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://delegatedesk/0b7c',
  'about:blank',
  'chrome://gpu',
  'devtools://devtools/bundled/devtools_app.html',
  'app://other/index.html',
  'app://delegatedesk.evil.com/',
  'app://delegatedesk@evil/index.html',
  'app://user:pass@delegatedesk/index.html',
  'app://delegatedesk:8080/index.html',
  'not a url',
];

describe('guardWebContents: navigation', () => {
  it('listens to every navigation event and to <webview> attachment', () => {
    const { listeners } = guardedContents();
    for (const name of [...NAVIGATION_EVENTS, 'will-attach-webview']) expect(listeners.get(name)?.length, name).toBeGreaterThan(0);
  });

  describe.each<NavigationEvent>(NAVIGATION_EVENTS)('%s', (name) => {
    it.each(OUR_PAGES)('lets our own page %s load', (url) => {
      expect(guardedContents().fire(name, url)).toBe(false);
    });

    it.each(FOREIGN_PAGES)('prevents %s', (url) => {
      expect(guardedContents().fire(name, url)).toBe(true);
    });
  });

  it('prevents a foreign page in an iframe as well as in the main frame', () => {
    expect(guardedContents().fire('will-frame-navigate', 'https://example.com/', false)).toBe(true);
  });

  it('prevents every <webview>, whatever it would show', () => {
    expect(guardedContents().fire('will-attach-webview', APP_ENTRY_URL)).toBe(true);
    expect(guardedContents().fire('will-attach-webview', 'https://example.com/')).toBe(true);
  });
});

describe('guardWebContents: new windows', () => {
  const dispositions: HandlerDetails['disposition'][] = ['default', 'foreground-tab', 'background-tab', 'new-window', 'other'];

  it.each(dispositions)('denies a %s window (window.open, target=_blank, middle-click), to our page or any other', (disposition) => {
    const guarded = guardedContents();
    for (const url of [...OUR_PAGES, ...FOREIGN_PAGES]) {
      expect(guarded.openWindow({ url, disposition }), url).toEqual({ action: 'deny' });
    }
  });

  it('denies a window asked for with features and a frame name', () => {
    expect(guardedContents().openWindow({ url: 'https://example.com/', features: 'nodeIntegration=yes,width=100', frameName: 'x' })).toEqual({ action: 'deny' });
  });
});
