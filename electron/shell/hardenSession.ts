import type { Session } from 'electron';
import { isAppOriginUrl } from '../security/appOrigin';
import { isAllowedRequestUrl } from '../security/navigation';

/**
 * The one permission the app asks for: persistent storage, so Chromium never evicts the local database (the only
 * copy of unsynced drafts) under disk pressure — granted to the app's own top-level page only.
 */
export function isGrantedPermission(permission: string, details: { requestingUrl?: string; isMainFrame?: boolean }): boolean {
  return permission === 'persistent-storage' && details.isMainFrame === true && details.requestingUrl !== undefined && isAppOriginUrl(details.requestingUrl);
}

/**
 * The app needs no other browser permission (camera, location, notifications, USB, …) and no network:
 * every other permission request and check is refused, and any request outside app:// (plus in-page
 * data:/blob:) is cancelled before it leaves the machine.
 */
export function hardenSession(session: Session, options: { allowDevTools: boolean }): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => callback(isGrantedPermission(permission, details)));
  session.setPermissionCheckHandler((_webContents, permission, _origin, details) => isGrantedPermission(permission, details));
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, options) });
  });
}
