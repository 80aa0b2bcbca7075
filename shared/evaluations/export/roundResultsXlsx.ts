// 评议结果 as an Excel workbook: 基本情况 (the round, turnout) and 统计结果 (one row per question, votes and shares
// as numbers so staff can sort and sum; shares are fractions shown as percent). Tallies only: see roundResultsTable.
// exceljs is loaded on first use (it is large).
import type { Workbook, Worksheet } from 'exceljs';
import { formatChinaDateTime } from '../../lifecycle';
import { roundResultsTable, type RoundResultsSource, type RoundResultsTable } from './roundResultsTable';

async function newWorkbook(): Promise<Workbook> {
  const module = await import('exceljs');
  // The browser build and Node expose the constructor differently (default export or namespace).
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  return new ExcelJS.Workbook();
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
const PERCENT = '0.0%';

type Cell = string | number | null;
interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

function styleHeader(sheet: Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}

function addFactsSheet(workbook: Workbook, table: RoundResultsTable, exportedAt: string): void {
  const sheet = workbook.addWorksheet('基本情况');
  sheet.columns = [
    { header: '项目', width: 14 },
    { header: '内容', width: 70, style: { alignment: { wrapText: true, vertical: 'middle' } } },
  ];
  styleHeader(sheet);
  for (const fact of table.facts) sheet.addRow([fact.label, fact.value]);
  sheet.addRow(['应参评人数', table.turnout.eligible]);
  sheet.addRow(['实际投票人数', table.turnout.voted]);
  sheet.addRow(['参评率', table.turnout.share]).getCell(2).numFmt = PERCENT;
  if (table.smallGroupNote) sheet.addRow(['注意', table.smallGroupNote]).getCell(2).font = { color: { argb: 'FFC00000' } };
  if (table.issuer) sheet.addRow(['出具单位', table.issuer]);
  sheet.addRow(['导出时间', `${formatChinaDateTime(exportedAt)}（北京时间）`]);
  // Numbers left-aligned like the text above them.
  sheet.getColumn(2).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
}

function resultColumns(table: RoundResultsTable): Column[] {
  const first: Column[] = [
    { header: '序号', width: 6 },
    { header: '评议对象', width: 24 },
    ...(table.withCriteria ? [{ header: '评议内容', width: 10 }] : []),
    { header: '有效票', width: 8 },
  ];
  const stats: Column[] =
    table.scaleKind === 'score'
      ? ['平均分', '中位数', '最高分', '最低分'].map((header) => ({ header, width: 9, numFmt: '0.0' }))
      : [];
  const distribution = table.distributionLabels.flatMap((label): Column[] => [
    { header: `${label}票数`, width: Math.max(8, label.length * 2 + 6) },
    { header: `${label}占比`, width: Math.max(8, label.length * 2 + 6), numFmt: PERCENT },
  ]);
  return [...first, ...stats, ...distribution];
}

function resultRows(table: RoundResultsTable): Cell[][] {
  return table.rows.map((row, i) => [
    i + 1,
    row.subject,
    ...(table.withCriteria ? [row.criterion ?? ''] : []),
    row.answered,
    ...(table.scaleKind === 'score' ? [row.score?.mean ?? null, row.score?.median ?? null, row.score?.max ?? null, row.score?.min ?? null] : []),
    ...row.distribution.flatMap((cell) => [cell.count, row.answered > 0 ? cell.share : null]),
  ]);
}

function addResultsSheet(workbook: Workbook, table: RoundResultsTable): void {
  const sheet = workbook.addWorksheet('统计结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = resultColumns(table);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: { alignment: { vertical: 'middle' }, ...(c.numFmt ? { numFmt: c.numFmt } : {}) } }));
  styleHeader(sheet);
  for (const row of resultRows(table)) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: columns.length } };
}

/** The 评议结果 workbook as .xlsx bytes. */
export async function buildRoundResultsXlsx(source: RoundResultsSource): Promise<Uint8Array<ArrayBuffer>> {
  const table = roundResultsTable(source);
  const workbook = await newWorkbook();
  workbook.creator = 'DelegateDesk 党代表履职工作台';
  workbook.title = table.documentTitle;
  addFactsSheet(workbook, table, source.exportedAt);
  addResultsSheet(workbook, table);
  const buffer: unknown = await workbook.xlsx.writeBuffer();
  // A Node Buffer or a browser ArrayBuffer, as plain bytes on their own ArrayBuffer (what the bridge's save takes).
  return buffer instanceof Uint8Array ? new Uint8Array(buffer) : new Uint8Array(buffer as ArrayBuffer);
}
