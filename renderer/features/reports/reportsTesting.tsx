// Helpers for the report screens' tests: the demo congress as the office, a chart engine that records what the
// screens ask it to draw, and a bridge that records saved files. Used only by *.test.tsx.
import type { ReactNode } from 'react';
import type { EChartsOption } from 'echarts';
import type { DelegateDeskBridge, PrintToPdfRequest, SaveFileRequest, SavedFile } from '../../../shared/bridge';
import { newId } from '../../../shared/domain';
import { useSession } from '../../app/session';
import { setBridgeForTests } from '../../bridge/client';
import { loadDemoCongress } from '../../data/congressSetup';
import { initI18n } from '../../i18n';
import { renderInApp } from '../../testing/session';
import { ChartEngineContext, type ChartEngine } from './charts/chartEngine';

/** A 1 × 1 PNG standing in for a drawn chart. */
export const TEST_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

/** A booted office session on a fresh database holding the demo congress (演示数据). */
export async function demoOfficeSession() {
  initI18n('zh-CN');
  useSession.setState({ phase: 'loading', profile: undefined, language: 'zh-CN' });
  await useSession.getState().boot(`reports-${newId()}`);
  const { repo } = useSession.getState();
  if (!repo) throw new Error(useSession.getState().error ?? 'boot failed');
  const loaded = await loadDemoCongress(repo);
  await useSession.getState().completeOnboarding({ role: 'office', actorId: loaded.staffId, actorName: '演示常任办', congressId: loaded.congressId });
  return { repo, db: repo.db, ...loaded };
}

export interface RecordingEngine extends ChartEngine {
  /** Options given to live charts, by the chart element's test id (latest last) */
  live: Map<string, EChartsOption[]>;
  /** Options drawn as pictures */
  pictures: EChartsOption[];
}

export function recordingEngine(): RecordingEngine {
  const live = new Map<string, EChartsOption[]>();
  const pictures: EChartsOption[] = [];
  return {
    live,
    pictures,
    async mount(element) {
      const id = element.getAttribute('data-testid') ?? '?';
      const options: EChartsOption[] = [];
      live.set(id, options);
      return { setOption: (option) => options.push(option), resize: () => {}, dispose: () => {} };
    },
    async toPng(option, size) {
      pictures.push(option);
      return { png: TEST_PNG, ...size };
    },
  };
}

export function renderWithCharts(ui: ReactNode, engine: ChartEngine) {
  return renderInApp(<ChartEngineContext.Provider value={engine}>{ui}</ChartEngineContext.Provider>);
}

/** The OS boundary: "save" answers with `answer` (a name, null = cancelled, or an error) and records the request. */
export function recordingBridge(
  answer: () => Promise<SavedFile | null> = async () => ({ name: 'saved' }),
  printAnswer: () => Promise<SavedFile | null> = async () => ({ name: 'saved.pdf' }),
) {
  const saved: SaveFileRequest[] = [];
  const printed: PrintToPdfRequest[] = [];
  const refuse = async () => {
    throw new Error('not available in this test');
  };
  const bridge: DelegateDeskBridge = {
    appInfo: async () => ({ name: 'DelegateDesk', version: 'test', platform: 'test', shell: 'web' }),
    openFile: refuse,
    saveFile: async (request) => {
      saved.push(request);
      return answer();
    },
    deviceKeys: refuse,
    deviceSign: refuse,
    deviceUnwrap: refuse,
    syncChooseFolder: refuse,
    syncScan: refuse,
    syncWriteMarker: refuse,
    syncWriteBundle: refuse,
    syncPutBlob: refuse,
    syncGetBlob: refuse,
    backupWriteLocal: refuse,
    backupListLocal: refuse,
    backupReadLocal: refuse,
    backupSaveAs: refuse,
    backupOpenFile: refuse,
    printToPdf: async (request) => {
      printed.push(request);
      return printAnswer();
    },
  };
  setBridgeForTests(bridge);
  return { saved, printed };
}
