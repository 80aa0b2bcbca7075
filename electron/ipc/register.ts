import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { BRIDGE_CHANNELS } from '../../shared/bridge';
import { isTrustedSender } from '../security/senderValidation';
import type { IpcSenderFacts } from '../security/senderValidation';
import { BridgeError } from './bridgeError';
import { invokeBridgeChannel } from './dispatch';
import type { UnexpectedErrorLogger } from './dispatch';
import { failureEnvelope } from './envelope';
import type { BridgeHandlers } from './handlers';

export interface BridgeIpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  handlers: BridgeHandlers;
  /** The id of our main window's webContents, or null while there is no window */
  trustedWebContentsId(): number | null;
  logUnexpected?: UnexpectedErrorLogger;
}

export function senderFactsOf(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): IpcSenderFacts {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame.parent === null,
    webContentsId: event.sender.id,
  };
}

/**
 * Registers every bridge channel with ipcMain.handle. The sender is checked before anything else;
 * every answer is an envelope (see envelope.ts). Returns a function that unregisters the channels.
 */
export function registerBridgeIpc({ ipcMain, handlers, trustedWebContentsId, logUnexpected }: BridgeIpcOptions): () => void {
  const channels = Object.values(BRIDGE_CHANNELS);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(senderFactsOf(event), trustedWebContentsId())) {
        return failureEnvelope(new BridgeError('forbiddenSender'), 'forbiddenSender');
      }
      return invokeBridgeChannel(handlers, channel, args, logUnexpected);
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
