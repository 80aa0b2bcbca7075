// Exporting the handling report: charts drawn to pictures, the document built in steps (the window keeps painting
// the progress bar), then saved through the bridge's save dialog. The builders load on first use.
import type { DelegateDeskBridge, SavedFile } from '../../../shared/bridge';
import { reportCharts, type ChartImage, type ChartKey, type HandlingReport, type ProgressListener, type ReportOutline } from '../../../shared/reports';
import type { ChartEngine } from './charts/chartEngine';
import { renderChartImages } from './charts/chartImages';

export type ExportKind = 'word' | 'excel';

export interface ExportDeps {
  engine: ChartEngine;
  bridge: DelegateDeskBridge;
  onProgress: ProgressListener;
  /** Labels for the save dialog's file type */
  filterName: string;
  /** Progress lines of the steps outside the builders */
  stages: { drawing: string; saving: string };
  yieldNow?: () => Promise<void>;
}

/** A title as a file name: characters Windows forbids become "_", and it is kept short. */
export function reportFileName(title: string, extension: 'docx' | 'xlsx' | 'pdf'): string {
  const safe = Array.from(title, (ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('').trim();
  return `${safe.slice(0, 120) || '办理情况报告'}.${extension}`;
}

/** Progress of one step mapped into a slice of the whole bar. */
const slice = (listener: ProgressListener, from: number, to: number): ProgressListener => (p) => listener({ fraction: from + (to - from) * p.fraction, stage: p.stage });

export async function drawCharts(report: HandlingReport, engine: ChartEngine): Promise<Partial<Record<ChartKey, ChartImage>>> {
  return renderChartImages(engine, reportCharts(report));
}

/** The Word document, saved where the user chooses; null when they cancel the dialog. */
export async function exportWord(report: HandlingReport, outline: ReportOutline, deps: ExportDeps): Promise<SavedFile | null> {
  deps.onProgress({ fraction: 0, stage: deps.stages.drawing });
  const charts = await drawCharts(report, deps.engine);
  const { buildReportDocx } = await import('../../../shared/reports/docx');
  const bytes = await buildReportDocx(outline, { charts, onProgress: slice(deps.onProgress, 0.15, 0.95), ...(deps.yieldNow ? { yieldNow: deps.yieldNow } : {}) });
  deps.onProgress({ fraction: 0.95, stage: deps.stages.saving });
  return deps.bridge.saveFile({ defaultName: reportFileName(outline.title, 'docx'), filters: [{ name: deps.filterName, extensions: ['docx'] }], bytes });
}

export async function exportExcel(report: HandlingReport, title: string, deps: ExportDeps): Promise<SavedFile | null> {
  const { buildReportXlsx } = await import('../../../shared/reports/xlsx');
  const bytes = await buildReportXlsx(report, { title, onProgress: slice(deps.onProgress, 0, 0.95), ...(deps.yieldNow ? { yieldNow: deps.yieldNow } : {}) });
  deps.onProgress({ fraction: 0.95, stage: deps.stages.saving });
  return deps.bridge.saveFile({ defaultName: reportFileName(title, 'xlsx'), filters: [{ name: deps.filterName, extensions: ['xlsx'] }], bytes });
}
