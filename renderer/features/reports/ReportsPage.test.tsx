import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { buildHandlingReport, formatPercent, reportCharts, type HandlingReport } from '../../../shared/reports';
import { reportDraftKey } from '../../../shared/reports/narrative';
import { BridgeCallError, setBridgeForTests } from '../../bridge/client';
import { loadReportInput } from '../../data/reportQueries';
import { ReportsPage } from './ReportsPage';
import { demoOfficeSession, recordingBridge, recordingEngine, renderWithCharts } from './reportsTesting';

const WAIT = { timeout: 15000 };

let session: Awaited<ReturnType<typeof demoOfficeSession>>;
let meetingId: string;
let report: HandlingReport;

beforeAll(async () => {
  session = await demoOfficeSession();
  meetingId = (await session.db.annualMeeting.toArray())[0]!.id;
  report = buildHandlingReport((await loadReportInput(session.db, meetingId))!);
}, 60_000);

afterEach(() => {
  setBridgeForTests(undefined);
  vi.restoreAllMocks();
});

async function openPage() {
  const engine = recordingEngine();
  renderWithCharts(<ReportsPage />, engine);
  await screen.findByTestId('report-figures', {}, WAIT);
  return engine;
}

const toast = (text: string | RegExp) => screen.findByText(text, {}, WAIT);

describe('ReportsPage (办理情况报告)', { timeout: 90_000 }, () => {
  it('shows the computed figures and sentences for the latest meeting of the demo congress', async () => {
    await openPage();
    expect(screen.getByTestId('report-stat-received')).toHaveTextContent(String(report.total.total));
    expect(screen.getByTestId('report-stat-accepted')).toHaveTextContent(String(report.total.counts.accept));
    expect(screen.getByTestId('report-stat-onTimeRate')).toHaveTextContent(formatPercent(report.handling.onTimeRate));
    expect(screen.getByTestId('report-stat-overdue')).toHaveTextContent(String(report.open.overdue.length));
    expect(screen.getByTestId('report-sentences-review')).toHaveTextContent(`共收到代表提案${report.byKind.motion.total}件，经提案审查委员会审查，立案${report.byKind.motion.counts.accept}件`);
    expect(screen.getByTestId('report-period')).toHaveTextContent(/统计范围：\d{4}年\d+月\d+日 至今/);
    // The detail table pages through every received item.
    expect(screen.getByText(`共 ${report.rows.length} 件`)).toBeInTheDocument();
  });

  it('passes each chart the report’s own numbers', async () => {
    const engine = await openPage();
    const charts = reportCharts(report);
    await waitFor(() => expect(engine.live.get('chart-byCategory')?.length).toBeGreaterThan(0), WAIT);
    const byCategory = engine.live.get('chart-byCategory')!.at(-1)!;
    expect(byCategory.xAxis).toMatchObject({ data: report.categories.filter((c) => c.categoryId).map((c) => c.name) });
    expect((byCategory.series as { data: number[] }[])[0]!.data).toEqual(report.categories.filter((c) => c.categoryId).map((c) => c.received));
    await waitFor(() => expect(engine.live.get('chart-byClass')?.length).toBeGreaterThan(0), WAIT);
    const pie = (engine.live.get('chart-byClass')!.at(-1)!.series as { data: { name: string; value: number }[] }[])[0]!;
    expect(pie.data.map((d) => [d.name, d.value])).toEqual(charts.byClass.kind === 'pie' ? charts.byClass.items.map((i) => [i.name, i.value]) : []);
    await waitFor(() => expect(engine.live.get('chart-unitOnTime')?.length).toBeGreaterThan(0), WAIT);
    expect(engine.live.get('chart-unitOnTime')!.at(-1)!.yAxis).toMatchObject({ data: charts.unitOnTime.kind === 'bar' ? charts.unitOnTime.labels : [] });
    await waitFor(() => expect(engine.live.get('chart-satisfaction')?.length).toBeGreaterThan(0), WAIT);
  });

  it('keeps the staff’s edits in the local draft, across a reload, and can restore the generated text', async () => {
    await openPage();
    const closing = await screen.findByTestId('narrative-closing', {}, WAIT);
    fireEvent.change(closing, { target: { value: '下一步，对超期事项逐件督办。' } });
    fireEvent.blur(closing);
    await waitFor(async () => expect(((await session.db.meta.get(reportDraftKey(meetingId)))?.value as { texts: Record<string, string> }).texts.closing).toBe('下一步，对超期事项逐件督办。'), WAIT);
    expect(await screen.findByTestId('report-draft-saved', {}, WAIT)).toBeInTheDocument();

    // Gone and back: the edit is still there.
    cleanup();
    await openPage();
    expect(await screen.findByTestId('narrative-closing', {}, WAIT)).toHaveValue('下一步，对超期事项逐件督办。');
    fireEvent.click(screen.getByTestId('narrative-restore-closing'));
    await waitFor(() => expect((screen.getByTestId('narrative-closing') as HTMLTextAreaElement).value).toMatch(/^下一步，我们将继续加强与承办单位的沟通协调/), WAIT);
    await waitFor(async () => expect(((await session.db.meta.get(reportDraftKey(meetingId)))?.value as { texts: Record<string, string> }).texts.closing).toBeUndefined(), WAIT);
  });

  it('exports Word with the edited words, the charts and one row per item, after showing progress', async () => {
    let release: () => void = () => {};
    const dialogClosed = new Promise<void>((resolve) => (release = resolve));
    const { saved } = recordingBridge(async () => {
      await dialogClosed;
      return { name: 'saved' };
    });
    const engine = await openPage();
    const title = await screen.findByTestId('report-title', {}, WAIT);
    fireEvent.change(title, { target: { value: '关于演示年会提案办理情况的报告' } });
    fireEvent.click(screen.getByTestId('report-export-word'));
    // While the save dialog is open: the bar stands at the last step and the buttons wait.
    const progress = await screen.findByTestId('report-export-progress', {}, WAIT);
    await waitFor(() => expect(progress).toHaveTextContent('正在保存文件'), WAIT);
    expect(progress.querySelector('.ant-progress')?.getAttribute('aria-valuenow')).toBe('95');
    expect(screen.getByTestId('report-export-excel')).toBeDisabled();
    release();
    await toast('已保存：saved');
    await waitFor(() => expect(screen.queryByTestId('report-export-progress')).not.toBeInTheDocument(), WAIT);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.defaultName).toBe('关于演示年会提案办理情况的报告.docx');
    expect(saved[0]!.filters).toEqual([{ name: 'Word 文档', extensions: ['docx'] }]);
    // Every chart with data was drawn as a picture for the document.
    expect(engine.pictures.length).toBe(4);
    const zip = await JSZip.loadAsync(saved[0]!.bytes);
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toContain('关于演示年会提案办理情况的报告');
    expect(document.match(/<pic:pic[ >]/g)).toHaveLength(4);
    const detail = document.split('<w:tbl>').at(-1)!;
    expect(detail.split('<w:tr>').length - 1).toBe(report.rows.length + 1);
    // The title edit went to the draft before the export.
    expect(((await session.db.meta.get(reportDraftKey(meetingId)))?.value as { title?: string }).title).toBe('关于演示年会提案办理情况的报告');
    fireEvent.change(title, { target: { value: '' } });
  });

  it('exports Excel: the detail sheet and the breakdowns', async () => {
    const { saved } = recordingBridge();
    await openPage();
    fireEvent.click(screen.getByTestId('report-export-excel'));
    await toast('已保存：saved');
    expect(saved[0]!.defaultName).toMatch(/办理情况的报告\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(saved[0]!.bytes.slice().buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.getWorksheet('一览表')!.rowCount).toBe(report.rows.length + 1);
    expect(workbook.getWorksheet('承办单位')!.rowCount).toBe(report.units.length + 1);
  });

  it('says so in Chinese when saving is cancelled or fails, and keeps the page usable', async () => {
    let answer: () => Promise<null> = async () => null;
    recordingBridge(() => answer());
    await openPage();
    fireEvent.click(screen.getByTestId('report-export-excel'));
    await toast('已取消保存，文件没有导出。报告草稿仍保存在本机。');
    answer = async () => {
      throw new BridgeCallError('fileUnwritable', 'EACCES');
    };
    fireEvent.click(screen.getByTestId('report-export-excel'));
    await toast('导出失败：无法写入该位置。报告草稿仍保存在本机，可以重试。');
    await waitFor(() => expect(screen.getByTestId('report-export-excel')).not.toBeDisabled(), WAIT);
  });

  it('asks for a meeting when none is chosen', async () => {
    recordingBridge();
    await openPage();
    const select = screen.getByTestId('report-meeting');
    const clear = select.querySelector('.ant-select-clear');
    expect(clear).not.toBeNull();
    fireEvent.mouseDown(clear!);
    fireEvent.click(clear!);
    expect(await screen.findByTestId('report-choose-meeting', {}, WAIT)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('report-export-word'));
    await toast('请先选择年会，再导出报告。');
  });

  it('print view: the same report on A4, with its charts; PDF through the bridge, the browser print otherwise', async () => {
    const { printed } = recordingBridge();
    await openPage();
    fireEvent.click(screen.getByTestId('report-print'));
    const view = await screen.findByTestId('report-print-view', {}, WAIT);
    expect(within(view).getByText(/^关于.+办理情况的报告$/, { selector: 'h1' })).toBeInTheDocument();
    expect(within(view).getByTestId('print-table-detail').querySelectorAll('tbody tr')).toHaveLength(report.rows.length);
    expect(within(view).getByTestId('print-chart-byCategory').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    fireEvent.click(screen.getByTestId('report-pdf-button'));
    await toast('已保存：saved.pdf');
    expect(printed[0]).toMatchObject({ defaultName: expect.stringMatching(/\.pdf$/) });

    // The browser build has no PDF call: its print dialog opens instead.
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    recordingBridge(undefined, async () => {
      throw new BridgeCallError('unsupported', '这里不能直接导出 PDF');
    });
    fireEvent.click(screen.getByTestId('report-pdf-button'));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1), WAIT);
    fireEvent.click(screen.getByTestId('report-print-close'));
    await waitFor(() => expect(screen.queryByTestId('report-print-overlay')).not.toBeInTheDocument(), WAIT);
  });
});
