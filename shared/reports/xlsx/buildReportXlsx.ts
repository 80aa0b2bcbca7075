// The handling report as an Excel workbook (.xlsx): the detail sheet and one sheet per breakdown, each with a frozen
// header row, filters and column widths that fit. exceljs is loaded on first use (it is large).
import type { Workbook, Worksheet } from 'exceljs';
import type { HandlingReport } from '../handlingReport';
import { mapInSteps, type StepOptions } from '../progress';
import { fittedWidths, reportSheets, type SheetSpec } from './reportSheets';

async function newWorkbook(): Promise<Workbook> {
  const module = await import('exceljs');
  // The browser build and Node expose the constructor differently (default export or namespace).
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  return new ExcelJS.Workbook();
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;

async function addSheet(workbook: Workbook, spec: SheetSpec, options: StepOptions, range: { from: number; to: number }): Promise<Worksheet> {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = fittedWidths(spec);
  sheet.columns = spec.columns.map((c, i) => ({
    header: c.header,
    width: widths[i],
    style: {
      ...(c.kind === 'percent' ? { numFmt: '0.0%' } : {}),
      alignment: { vertical: 'middle', wrapText: c.kind === 'longText' },
    },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  await mapInSteps(spec.rows, (row) => sheet.addRow(row), options, { ...range, stage: `正在写入“${spec.name}”` });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, spec.rows.length + 1), column: spec.columns.length } };
  return sheet;
}

export interface ReportXlsxOptions extends StepOptions {
  title?: string;
  creator?: string;
}

/** The workbook as .xlsx bytes. Yields between steps and reports progress (0–1). */
export async function buildReportXlsx(report: HandlingReport, options: ReportXlsxOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  options.onProgress?.({ fraction: 0, stage: '正在准备 Excel 工作簿' });
  const workbook = await newWorkbook();
  workbook.creator = options.creator ?? 'DelegateDesk 党代表履职工作台';
  if (options.title) workbook.title = options.title;
  const sheets = reportSheets(report);
  const totalRows = sheets.reduce((sum, s) => sum + s.rows.length + 1, 0);
  let done = 0;
  for (const spec of sheets) {
    const from = (0.8 * done) / totalRows;
    done += spec.rows.length + 1;
    await addSheet(workbook, spec, options, { from, to: (0.8 * done) / totalRows });
  }
  options.onProgress?.({ fraction: 0.8, stage: '正在打包 Excel 文件' });
  await (options.yieldNow?.() ?? Promise.resolve());
  const buffer: unknown = await workbook.xlsx.writeBuffer();
  options.onProgress?.({ fraction: 1, stage: '完成' });
  // A Node Buffer or a browser ArrayBuffer, as plain bytes on their own ArrayBuffer (what the bridge's save takes).
  return buffer instanceof Uint8Array ? new Uint8Array(buffer) : new Uint8Array(buffer as ArrayBuffer);
}
