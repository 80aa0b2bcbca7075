import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildRoundResultsXlsx } from './roundResultsXlsx';
import { gradesFixture, scoreFixture } from './exportFixtures';

async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

describe('buildRoundResultsXlsx', () => {
  it('基本情况: the round’s facts and the turnout as numbers', async () => {
    const workbook = await readBack(await buildRoundResultsXlsx(gradesFixture().source));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['基本情况', '统计结果']);
    const facts = workbook.getWorksheet('基本情况')!;
    const byLabel = new Map<string, ExcelJS.Cell>();
    facts.eachRow((row) => byLabel.set(String(row.getCell(1).value), row.getCell(2)));
    expect(byLabel.get('评议名称')?.value).toBe('2026年度县委领导班子及成员民主评议');
    expect(byLabel.get('参评范围')?.value).toBe('指定代表5人');
    expect(byLabel.get('应参评人数')?.value).toBe(5);
    expect(byLabel.get('实际投票人数')?.value).toBe(3);
    expect(byLabel.get('参评率')?.value).toBeCloseTo(0.6);
    expect(byLabel.get('参评率')?.numFmt).toBe('0.0%');
    expect(byLabel.get('导出时间')?.value).toBe('2026-03-10 10:00（北京时间）');
  });

  it('统计结果: a row per question, votes and shares per option as numbers', async () => {
    const workbook = await readBack(await buildRoundResultsXlsx(gradesFixture().source));
    const sheet = workbook.getWorksheet('统计结果')!;
    expect(rowValues(sheet, 1)).toEqual(['序号', '评议对象', '有效票', '优秀票数', '优秀占比', '称职票数', '称职占比', '基本称职票数', '基本称职占比', '不称职票数', '不称职占比']);
    expect(sheet.rowCount).toBe(3);
    const first = rowValues(sheet, 2);
    expect(first.slice(0, 4)).toEqual([1, '县委领导班子', 3, 2]);
    expect(first[4]).toBeCloseTo(2 / 3);
    expect(sheet.getRow(2).getCell(5).numFmt).toBe('0.0%');
    expect(rowValues(sheet, 3).filter((_, i) => i === 1 || (i >= 3 && i % 2 === 1))).toEqual(['县委书记', 0, 2, 0, 1]);
  });

  it('score scales: the statistics, then votes and shares per band', async () => {
    const workbook = await readBack(await buildRoundResultsXlsx(scoreFixture().source));
    const sheet = workbook.getWorksheet('统计结果')!;
    expect(rowValues(sheet, 1).slice(0, 9)).toEqual(['序号', '评议对象', '有效票', '平均分', '中位数', '最高分', '最低分', '0–59分票数', '0–59分占比']);
    const row = rowValues(sheet, 2);
    expect(row[3]).toBeCloseTo((95 + 82 + 61) / 3);
    expect(row.slice(4, 7)).toEqual([82, 95, 61]);
    expect(row.filter((_, i) => i >= 7 && i % 2 === 1)).toEqual([0, 1, 0, 1, 1]);
  });

  it('never holds a voter’s id or name or a comment, in any cell', async () => {
    const { source, secrets } = gradesFixture();
    const workbook = await readBack(await buildRoundResultsXlsx(source));
    const cells: string[] = [];
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain('县委书记');
    const text = cells.join('\n');
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
