import type { CallbackResponse, DisplayMediaRequestHandlerHandlerRequest, OnBeforeRequestListenerDetails, PermissionRequest, Session, WebContents, WebRequestFilter } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenSession } from './hardenSession';

type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type PermissionCheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
type DevicePermissionHandler = NonNullable<Parameters<Session['setDevicePermissionHandler']>[0]>;
type DisplayMediaRequestHandler = NonNullable<Parameters<Session['setDisplayMediaRequestHandler']>[0]>;
type BeforeRequestListener = (details: OnBeforeRequestListenerDetails, callback: (response: CallbackResponse) => void) => void;
type Permission = Parameters<PermissionRequestHandler>[1];

/**
 * Every permission Electron 45 knows. A Record over the d.ts union: when an Electron upgrade adds a permission,
 * this stops compiling until the new one is listed here and therefore tested.
 */
const EVERY_PERMISSION: Record<Permission, true> = {
  ar: true, 'automatic-fullscreen': true, 'background-fetch': true, 'background-sync': true, 'captured-surface-control': true,
  'clipboard-read': true, 'clipboard-sanitized-write': true, 'deprecated-sync-clipboard-read': true, 'display-capture': true,
  fileSystem: true, fullscreen: true, geolocation: true, 'geolocation-approximate': true, 'hand-tracking': true, hid: true,
  'idle-detection': true, keyboardLock: true, 'local-fonts': true, 'local-network': true, 'local-network-access': true,
  'loopback-network': true, media: true, mediaKeySystem: true, midi: true, midiSysex: true, nfc: true, notifications: true,
  openExternal: true, 'payment-handler': true, 'periodic-background-sync': true, 'persistent-storage': true, pointerLock: true,
  'screen-wake-lock': true, sensors: true, serial: true, 'smart-card': true, 'speaker-selection': true, 'storage-access': true,
  'system-wake-lock': true, 'top-level-storage-access': true, usb: true, vr: true, 'web-app-installation': true,
  'web-printing': true, 'window-management': true, unknown: true,
};
const PERMISSIONS = Object.keys(EVERY_PERMISSION) as Permission[];

/** A Session with only what hardenSession touches; records the handlers it installs so the test can call them. */
function fakeSession() {
  const installed: {
    permissionRequest?: PermissionRequestHandler | null;
    permissionCheck?: PermissionCheckHandler | null;
    devicePermission?: DevicePermissionHandler | null;
    displayMedia?: DisplayMediaRequestHandler | null;
    beforeRequest?: { filter: WebRequestFilter; listener: BeforeRequestListener | null };
  } = {};
  const session = {
    setPermissionRequestHandler: (handler: PermissionRequestHandler | null) => void (installed.permissionRequest = handler),
    setPermissionCheckHandler: (handler: PermissionCheckHandler | null) => void (installed.permissionCheck = handler),
    setDevicePermissionHandler: (handler: DevicePermissionHandler | null) => void (installed.devicePermission = handler),
    setDisplayMediaRequestHandler: (handler: DisplayMediaRequestHandler | null) => void (installed.displayMedia = handler),
    webRequest: {
      onBeforeRequest: (filter: WebRequestFilter, listener: BeforeRequestListener | null) => void (installed.beforeRequest = { filter, listener }),
    },
  } satisfies Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler'> & { webRequest: object };
  return { session: session as unknown as Session, installed };
}

const ourPage = { id: 1, getURL: () => 'app://delegatedesk/index.html' } as unknown as WebContents;

function hardened(options = { allowDevTools: false }) {
  const { session, installed } = fakeSession();
  hardenSession(session, options);
  return installed;
}

/** What the session's onBeforeRequest listener answers for `url`. */
function requestDecision(installed: ReturnType<typeof hardened>, url: string): CallbackResponse | undefined {
  let response: CallbackResponse | undefined;
  const details = { id: 1, url, method: 'GET', resourceType: 'script', referrer: '', timestamp: 0, uploadData: [] } as OnBeforeRequestListenerDetails;
  installed.beforeRequest?.listener?.(details, (answer) => (response = answer));
  return response;
}

const DENIED = PERMISSIONS.filter((p) => p !== 'persistent-storage');

describe('hardenSession: permissions', () => {
  it('grants persistent storage to our own top-level page only, so the database is never evicted', () => {
    const installed = hardened();
    const ask = (details: Partial<PermissionRequest>) => {
      const answers: boolean[] = [];
      installed.permissionRequest?.(ourPage, 'persistent-storage', (granted) => answers.push(granted), details as PermissionRequest);
      return answers;
    };
    expect(ask({ requestingUrl: 'app://delegatedesk/index.html', isMainFrame: true })).toEqual([true]);
    expect(ask({ requestingUrl: 'app://delegatedesk/index.html', isMainFrame: false })).toEqual([false]);
    expect(ask({ requestingUrl: 'app://delegatedesk@evil.example/', isMainFrame: true })).toEqual([false]);
    expect(ask({ requestingUrl: 'https://evil.example/', isMainFrame: true })).toEqual([false]);
    expect(installed.permissionCheck?.(ourPage, 'persistent-storage', 'app://delegatedesk', { isMainFrame: true, requestingUrl: 'app://delegatedesk/index.html' })).toBe(true);
    expect(installed.permissionCheck?.(null, 'persistent-storage', 'https://evil.example', { isMainFrame: true, requestingUrl: 'https://evil.example/' })).toBe(false);
  });

  it.each(DENIED)('denies a request for %s, even from our own page', (permission) => {
    const installed = hardened();
    const answers: boolean[] = [];
    installed.permissionRequest?.(ourPage, permission, (granted) => answers.push(granted), { requestingUrl: 'app://delegatedesk/index.html', isMainFrame: true } as PermissionRequest);
    expect(answers).toEqual([false]);
  });

  it.each(DENIED)('answers a check for %s with false', (permission) => {
    const installed = hardened();
    expect(installed.permissionCheck?.(ourPage, permission, 'app://delegatedesk', { isMainFrame: true, requestingUrl: 'app://delegatedesk/index.html' })).toBe(false);
    expect(installed.permissionCheck?.(null, permission, 'https://evil.example', { isMainFrame: false })).toBe(false);
  });

  it('refuses every USB, serial and HID device', () => {
    const installed = hardened();
    for (const deviceType of ['hid', 'serial', 'usb'] as const) {
      expect(installed.devicePermission?.({ deviceType, origin: 'app://delegatedesk', device: {} } as Parameters<DevicePermissionHandler>[0])).toBe(false);
    }
  });

  it('refuses screen capture: the callback gets no stream', () => {
    const installed = hardened();
    const answers: unknown[] = [];
    installed.displayMedia?.({ frame: null, videoRequested: true, audioRequested: true, userGesture: true } as unknown as DisplayMediaRequestHandlerHandlerRequest, (streams) => answers.push(streams));
    expect(answers).toEqual([null]);
  });

  it('installs real handlers, not null (null would restore Electron\'s allow-everything default)', () => {
    const installed = hardened();
    expect(typeof installed.permissionRequest).toBe('function');
    expect(typeof installed.permissionCheck).toBe('function');
    expect(typeof installed.devicePermission).toBe('function');
    expect(typeof installed.displayMedia).toBe('function');
  });
});

describe('hardenSession: network requests', () => {
  it('watches every URL of every resource type, with no exclusions', () => {
    const { filter, listener } = hardened().beforeRequest ?? {};
    expect(filter).toEqual({ urls: ['<all_urls>'] });
    expect(typeof listener).toBe('function');
  });

  it.each(['app://delegatedesk/index.html', 'app://delegatedesk/assets/index-abc.js', 'data:image/png;base64,AAAA', 'blob:app://delegatedesk/0b7c'])(
    'lets %s through',
    (url) => {
      expect(requestDecision(hardened(), url)).toEqual({ cancel: false });
    },
  );

  it.each([
    'https://cdn.example.com/lib.js',
    'http://127.0.0.1:5178/api/app:info',
    'ws://127.0.0.1:9229/',
    'wss://example.com/',
    'file:///etc/passwd',
    'file:///C:/Windows/win.ini',
    'ftp://example.com/',
    'app://evil/index.html',
    'app://delegatedesk@evil/index.html',
    'devtools://devtools/bundled/devtools_app.html',
    'chrome://settings',
  ])('cancels %s before it leaves the machine', (url) => {
    const answer = requestDecision(hardened(), url);
    expect(answer).toEqual({ cancel: true });
    expect(answer?.redirectURL).toBeUndefined();
  });

  it('lets DevTools load its own UI only in development builds', () => {
    const url = 'devtools://devtools/bundled/devtools_app.html';
    expect(requestDecision(hardened({ allowDevTools: true }), url)).toEqual({ cancel: false });
    expect(requestDecision(hardened({ allowDevTools: true }), 'https://example.com/')).toEqual({ cancel: true });
  });
});
