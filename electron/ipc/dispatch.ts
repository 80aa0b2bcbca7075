import { BRIDGE_CHANNELS } from '../../shared/bridge';
import type { BridgeChannel, BridgeErrorCode } from '../../shared/bridge';
import { BridgeError } from './bridgeError';
import { failureEnvelope, successEnvelope } from './envelope';
import type { BridgeEnvelope } from './envelope';
import type { BridgeHandlers } from './handlers';

interface ChannelRoute {
  /** How many arguments the renderer must send (extra arguments are refused, not ignored) */
  arity: 0 | 1;
  /** Code for an unexpected failure (not a BridgeError) on this channel */
  fallbackCode: BridgeErrorCode;
  call(handlers: BridgeHandlers, args: readonly unknown[]): Promise<unknown>;
}

const ROUTES: Readonly<Record<BridgeChannel, ChannelRoute>> = {
  [BRIDGE_CHANNELS.appInfo]: { arity: 0, fallbackCode: 'fileUnreadable', call: (handlers) => handlers.appInfo() },
  [BRIDGE_CHANNELS.openFile]: { arity: 1, fallbackCode: 'fileUnreadable', call: (handlers, args) => handlers.openFile(args[0]) },
  [BRIDGE_CHANNELS.saveFile]: { arity: 1, fallbackCode: 'fileUnwritable', call: (handlers, args) => handlers.saveFile(args[0]) },
  [BRIDGE_CHANNELS.deviceKeys]: { arity: 1, fallbackCode: 'internal', call: (handlers, args) => handlers.deviceKeys(args[0]) },
  [BRIDGE_CHANNELS.deviceSign]: { arity: 1, fallbackCode: 'internal', call: (handlers, args) => handlers.deviceSign(args[0]) },
  [BRIDGE_CHANNELS.deviceUnwrap]: { arity: 1, fallbackCode: 'internal', call: (handlers, args) => handlers.deviceUnwrap(args[0]) },
  [BRIDGE_CHANNELS.syncChooseFolder]: { arity: 1, fallbackCode: 'internal', call: (handlers, args) => handlers.syncChooseFolder(args[0]) },
  [BRIDGE_CHANNELS.syncScan]: { arity: 1, fallbackCode: 'internal', call: (handlers, args) => handlers.syncScan(args[0]) },
  [BRIDGE_CHANNELS.syncWriteMarker]: { arity: 1, fallbackCode: 'internal', call: (handlers, args) => handlers.syncWriteMarker(args[0]) },
  [BRIDGE_CHANNELS.syncWriteBundle]: { arity: 1, fallbackCode: 'internal', call: (handlers, args) => handlers.syncWriteBundle(args[0]) },
  [BRIDGE_CHANNELS.syncPutBlob]: { arity: 1, fallbackCode: 'internal', call: (handlers, args) => handlers.syncPutBlob(args[0]) },
  [BRIDGE_CHANNELS.syncGetBlob]: { arity: 1, fallbackCode: 'internal', call: (handlers, args) => handlers.syncGetBlob(args[0]) },
  [BRIDGE_CHANNELS.printToPdf]: { arity: 1, fallbackCode: 'fileUnwritable', call: (handlers, args) => handlers.printToPdf(args[0]) },
  [BRIDGE_CHANNELS.backupWriteLocal]: { arity: 1, fallbackCode: 'fileUnwritable', call: (handlers, args) => handlers.backupWriteLocal(args[0]) },
  [BRIDGE_CHANNELS.backupListLocal]: { arity: 1, fallbackCode: 'fileUnreadable', call: (handlers, args) => handlers.backupListLocal(args[0]) },
  [BRIDGE_CHANNELS.backupReadLocal]: { arity: 1, fallbackCode: 'fileUnreadable', call: (handlers, args) => handlers.backupReadLocal(args[0]) },
  [BRIDGE_CHANNELS.backupSaveAs]: { arity: 1, fallbackCode: 'fileUnwritable', call: (handlers, args) => handlers.backupSaveAs(args[0]) },
  [BRIDGE_CHANNELS.backupOpenFile]: { arity: 1, fallbackCode: 'fileUnreadable', call: (handlers, args) => handlers.backupOpenFile(args[0]) },
};

export function isBridgeChannel(channel: string): channel is BridgeChannel {
  return Object.hasOwn(ROUTES, channel);
}

export type UnexpectedErrorLogger = (channel: string, error: unknown) => void;

/**
 * Runs one bridge call and always resolves to an envelope, never rejects: shared by the IPC
 * registration and the web bridge so both transports answer identically.
 */
export async function invokeBridgeChannel(
  handlers: BridgeHandlers,
  channel: string,
  args: readonly unknown[],
  logUnexpected: UnexpectedErrorLogger = () => undefined,
): Promise<BridgeEnvelope<unknown>> {
  if (!isBridgeChannel(channel)) return failureEnvelope(new BridgeError('invalidArguments', '未知的桥接通道。'), 'invalidArguments');
  const route = ROUTES[channel];
  if (args.length !== route.arity) return failureEnvelope(new BridgeError('invalidArguments'), 'invalidArguments');
  try {
    return successEnvelope(await route.call(handlers, args));
  } catch (error) {
    if (!(error instanceof BridgeError)) logUnexpected(channel, error);
    return failureEnvelope(error, route.fallbackCode);
  }
}
