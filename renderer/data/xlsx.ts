import type { CellValue, Workbook } from 'exceljs';
import { decodeTextFile, parseCsv } from '../../shared/roster-import';

/**
 * Reads the first sheet of an Excel workbook (.xlsx) or a CSV file into rows of trimmed strings, so the roster
 * importer sees the same table whichever format the office saved. Row i of the result is row i+1 in Excel
 * (empty rows are kept as empty arrays) so error messages can name the row the office sees.
 * Throws an Error with a Chinese message when the file cannot be read.
 */
export async function readSpreadsheetRows(bytes: Uint8Array, fileName: string): Promise<string[][]> {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xls')) throw new Error('不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 .csv 后再导入');
  if (name.endsWith('.xlsx') || isZip(bytes)) return readXlsx(bytes);
  return parseCsv(decodeTextFile(bytes)).map((row) => row.map((cell) => cell.trim()));
}

/** .xlsx files are ZIP archives: they start with "PK\x03\x04". */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  // Loaded on demand: exceljs is large and only the roster import needs it.
  const module = await import('exceljs');
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  const workbook = new ExcelJS.Workbook();
  // exceljs accepts an ArrayBuffer in the browser and a Buffer in Node; a copy keeps the caller's bytes intact.
  const copy = bytes.slice().buffer;
  await workbook.xlsx.load(copy as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  return workbook;
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  let workbook: Workbook;
  try {
    workbook = await loadWorkbook(bytes);
  } catch {
    throw new Error('无法读取该 Excel 文件，文件可能已损坏或不是 .xlsx 格式');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows.push(cells);
  }
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

/** Excel stores dates as days; exceljs hands them over as UTC dates. A roster wants the calendar day. */
function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as CellValue);
  return '';
}
