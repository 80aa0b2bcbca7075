// The bridge's names and codes without any library, so the sandboxed preload bundle stays a few KB.

export const BRIDGE_CHANNELS = {
  appInfo: 'app:info',
  openFile: 'file:open',
  saveFile: 'file:save',
  deviceKeys: 'device:keys',
  deviceSign: 'device:sign',
  deviceUnwrap: 'device:unwrap',
  syncChooseFolder: 'sync:chooseFolder',
  syncScan: 'sync:scan',
  syncWriteMarker: 'sync:writeMarker',
  syncWriteBundle: 'sync:writeBundle',
  syncPutBlob: 'sync:putBlob',
  syncGetBlob: 'sync:getBlob',
  printToPdf: 'file:printToPdf',
  backupWriteLocal: 'backup:writeLocal',
  backupListLocal: 'backup:listLocal',
  backupReadLocal: 'backup:readLocal',
  backupSaveAs: 'backup:saveAs',
  backupOpenFile: 'backup:openFile',
} as const;
export type BridgeChannel = (typeof BRIDGE_CHANNELS)[keyof typeof BRIDGE_CHANNELS];

/** Errors crossing the bridge carry a stable code the UI translates. */
export const bridgeErrorCodes = ['invalidArguments', 'fileTooLarge', 'fileNotFound', 'fileUnreadable', 'fileUnwritable', 'forbiddenSender', 'folderUnreachable', 'fileExists', 'keyUnavailable', 'unsupported', 'internal'] as const;
export type BridgeErrorCode = (typeof bridgeErrorCodes)[number];

/**
 * Electron's contextBridge passes only an Error's message to the page, so the preload writes the code into it
 * as "[code] message"; the renderer reads it back with this pattern.
 */
export const BRIDGE_ERROR_MESSAGE_PATTERN = /\[([A-Za-z]+)\] ([\s\S]*)$/;
