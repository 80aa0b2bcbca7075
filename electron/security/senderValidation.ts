import { isAppOriginUrl } from './appOrigin';

/** What the main process knows about who sent an IPC message (from IpcMainInvokeEvent). */
export interface IpcSenderFacts {
  /** event.senderFrame?.url; null when the frame is already gone */
  frameUrl: string | null;
  /** The sending frame is its page's top frame (no parent): iframes never get the bridge */
  isMainFrame: boolean;
  /** event.sender.id */
  webContentsId: number;
}

/**
 * Only our own window's main frame, showing our own app:// page, may call the bridge. A navigation
 * to a foreign page, an injected iframe, or another webContents (e.g. DevTools) is refused before
 * any argument is looked at.
 */
export function isTrustedSender(sender: IpcSenderFacts, trustedWebContentsId: number | null): boolean {
  return (
    trustedWebContentsId !== null &&
    sender.webContentsId === trustedWebContentsId &&
    sender.isMainFrame &&
    sender.frameUrl !== null &&
    isAppOriginUrl(sender.frameUrl)
  );
}
