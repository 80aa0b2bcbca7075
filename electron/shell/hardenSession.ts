import type { Session } from 'electron';
import { isAllowedRequestUrl } from '../security/navigation';

/**
 * The app needs no browser permission (camera, location, notifications, USB, …) and no network:
 * every permission request and check is refused, and any request outside app:// (plus in-page
 * data:/blob:) is cancelled before it leaves the machine.
 */
export function hardenSession(session: Session, options: { allowDevTools: boolean }): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, options) });
  });
}
