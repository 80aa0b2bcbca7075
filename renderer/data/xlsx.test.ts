import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readSpreadsheetRows } from './xlsx';

async function workbookBytes(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readSpreadsheetRows', () => {
  it('reads the first worksheet of an .xlsx: text, rich text, numbers, dates, formulas, empty rows', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('名册');
      sheet.addRow(['姓名', '性别', '代表证号', '出生日期', '工作单位及职务']);
      sheet.addRow(['  张三 ', '男', 1, new Date(Date.UTC(1975, 4, 9)), { richText: [{ text: '城关镇' }, { text: '党委书记', font: { bold: true } }] }]);
      sheet.addRow([]);
      sheet.addRow(['李晓梅', '女', { formula: '"0"&"02"', result: '002' }, null, { text: '县一中', hyperlink: 'https://example.invalid' }]);
      workbook.addWorksheet('其他').addRow(['不应读取']);
    });

    const rows = await readSpreadsheetRows(bytes, '名册.xlsx');
    expect(rows).toEqual([
      ['姓名', '性别', '代表证号', '出生日期', '工作单位及职务'],
      ['张三', '男', '1', '1975-05-09', '城关镇党委书记'],
      [],
      ['李晓梅', '女', '002', '', '县一中'],
    ]);
  });

  it('recognises an .xlsx by its content when the name has another extension', async () => {
    const bytes = await workbookBytes((workbook) => workbook.addWorksheet('Sheet1').addRow(['姓名', '代表证号']));
    expect(await readSpreadsheetRows(bytes, 'roster.dat')).toEqual([['姓名', '代表证号']]);
  });

  it('reads a CSV in UTF-8 with BOM and in GBK', async () => {
    const utf8 = new TextEncoder().encode('\uFEFF姓名,代表证号\r\n 王五 ,003\r\n');
    expect(await readSpreadsheetRows(utf8, 'roster.csv')).toEqual([['姓名', '代表证号'], ['王五', '003']]);
    // "姓名,号" in GBK
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xba, 0xc5]);
    expect(await readSpreadsheetRows(gbk, 'roster.csv')).toEqual([['姓名', '号']]);
  });

  it('refuses a damaged .xlsx and an old .xls with Chinese messages', async () => {
    await expect(readSpreadsheetRows(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'bad.xlsx')).rejects.toThrow(/无法读取该 Excel 文件/);
    await expect(readSpreadsheetRows(new Uint8Array([0xd0, 0xcf]), 'old.xls')).rejects.toThrow(/另存为/);
  });
});
