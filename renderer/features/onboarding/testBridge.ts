import type { DelegateDeskBridge, OpenedFile, PrintToPdfRequest, SaveFileRequest } from '../../../shared/bridge';
import { newId } from '../../../shared/domain';
import { createNodeBridge } from '../../../tests/support/nodeBridge';
import type { NodeBridgeOptions } from '../../../tests/support/nodeBridge';
import { setBridgeForTests } from '../../bridge/client';
import { useSession } from '../../app/session';
import { initI18n } from '../../i18n';

/**
 * A stand-in for the OS boundary in component tests: "open" hands out the queued files in order (null = the
 * user cancelled), "save" records what would have been written. Device keys and the sync folder are real:
 * those calls go to the Node-backed test bridge (tests/support/nodeBridge.ts) over a temporary data folder
 * and the sync folder the test names.
 */
export function installMemoryBridge(filesToOpen: (OpenedFile | null)[] = [], options: NodeBridgeOptions = {}) {
  const saved: SaveFileRequest[] = [];
  const printed: PrintToPdfRequest[] = [];
  const machine = createNodeBridge(options);
  const real = machine.bridge;
  const bridge: DelegateDeskBridge = {
    appInfo: async () => ({ name: 'DelegateDesk', version: 'test', platform: 'test', shell: 'web' }),
    openFile: async () => filesToOpen.shift() ?? null,
    saveFile: async (request) => {
      saved.push(request);
      return { name: request.defaultName };
    },
    deviceKeys: (request) => real.deviceKeys(request),
    deviceSign: (request) => real.deviceSign(request),
    deviceUnwrap: (request) => real.deviceUnwrap(request),
    syncChooseFolder: (request) => real.syncChooseFolder(request),
    syncScan: (request) => real.syncScan(request),
    syncWriteMarker: (request) => real.syncWriteMarker(request),
    syncWriteBundle: (request) => real.syncWriteBundle(request),
    syncPutBlob: (request) => real.syncPutBlob(request),
    syncGetBlob: (request) => real.syncGetBlob(request),
    backupWriteLocal: (request) => real.backupWriteLocal(request),
    backupListLocal: (request) => real.backupListLocal(request),
    backupReadLocal: (request) => real.backupReadLocal(request),
    backupSaveAs: (request) => real.backupSaveAs(request),
    backupOpenFile: (request) => real.backupOpenFile(request),
    printToPdf: async (request) => {
      printed.push(request);
      return { name: request.defaultName };
    },
  };
  setBridgeForTests(bridge);
  return { saved, printed, queue: (file: OpenedFile | null) => filesToOpen.push(file), machine };
}

export function textFile(name: string, text: string): OpenedFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

/** A booted session on a fresh, empty database: the app is at first start. */
export async function firstStartSession() {
  initI18n('zh-CN');
  useSession.setState({ phase: 'loading', profile: undefined, language: 'zh-CN' });
  await useSession.getState().boot(`t-${newId()}`);
  const { repo, phase } = useSession.getState();
  if (!repo || phase !== 'onboarding') throw new Error(useSession.getState().error ?? `unexpected phase ${phase}`);
  return repo;
}
