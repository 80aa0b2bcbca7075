import type { BridgeHandlers } from './handlers';

type MethodName = keyof BridgeHandlers;

/**
 * For routing tests: a BridgeHandlers whose every method records its call and answers through `answer`
 * (default: resolves null). Lives beside the handlers so adding a channel breaks it at compile time.
 */
export function stubHandlers(answer: (method: MethodName, args: unknown[]) => Promise<unknown> = () => Promise.resolve(null)) {
  const calls: { method: MethodName; args: unknown[] }[] = [];
  const method =
    <Name extends MethodName>(name: Name) =>
    (...args: unknown[]) => {
      calls.push({ method: name, args });
      return answer(name, args);
    };
  const handlers = {
    appInfo: method('appInfo'),
    openFile: method('openFile'),
    saveFile: method('saveFile'),
    deviceKeys: method('deviceKeys'),
    deviceSign: method('deviceSign'),
    deviceUnwrap: method('deviceUnwrap'),
    syncChooseFolder: method('syncChooseFolder'),
    syncScan: method('syncScan'),
    syncWriteMarker: method('syncWriteMarker'),
    syncWriteBundle: method('syncWriteBundle'),
    syncPutBlob: method('syncPutBlob'),
    syncGetBlob: method('syncGetBlob'),
    printToPdf: method('printToPdf'),
    backupWriteLocal: method('backupWriteLocal'),
    backupListLocal: method('backupListLocal'),
    backupReadLocal: method('backupReadLocal'),
    backupSaveAs: method('backupSaveAs'),
    backupOpenFile: method('backupOpenFile'),
  } satisfies Record<MethodName, (...args: unknown[]) => Promise<unknown>>;
  return { handlers: handlers as unknown as BridgeHandlers, calls };
}
