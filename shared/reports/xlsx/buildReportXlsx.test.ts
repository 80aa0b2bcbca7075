import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildHandlingReport } from '../handlingReport';
import { reportFixture } from '../reportFixtures';
import { buildReportXlsx } from './buildReportXlsx';
import { displayWidth, fittedWidths, reportSheets } from './reportSheets';

const { input } = reportFixture();
const report = buildHandlingReport(input);

async function readBack(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

describe('buildReportXlsx', () => {
  it('the detail sheet first (one row per item), then a sheet per breakdown', async () => {
    const workbook = await readBack(await buildReportXlsx(report, { yieldNow: async () => {} }));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['一览表', '审查情况', '类别', '承办单位', '答复类别', '满意度', '超期事项', '重点提案', '概况']);
    const detail = workbook.getWorksheet('一览表')!;
    expect(detail.rowCount).toBe(report.rows.length + 1);
    expect(rowValues(detail, 1)).toEqual(['序号', '类型', '编号', '案由', '领衔人', '附议人', '类别', '审查结果', '承办单位', '答复日期', '办理结果', '满意度', '办理进度', '重点提案']);
    expect(rowValues(detail, 2)).toEqual([
      1,
      '提案',
      '第1号',
      '关于加强农村饮水安全保障的提案',
      '张三',
      '李四、王五',
      '党的建设',
      '立案',
      '县教育局（主办）、县财政局（协办）',
      '2026-06-01',
      'A类',
      '满意',
      '已办结',
      '是',
    ]);
    report.rows.forEach((row, i) => expect(detail.getRow(i + 2).getCell(4).value).toBe(row.title));
  });

  it('frozen header, filter over the table, widths that fit the longest cell', async () => {
    const workbook = await readBack(await buildReportXlsx(report, { yieldNow: async () => {} }));
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
    const detail = workbook.getWorksheet('一览表')!;
    expect(detail.autoFilter).toBe(`A1:N${report.rows.length + 1}`);
    const unitColumn = detail.getColumn(9);
    const widest = Math.max(...report.rows.map((r) => displayWidth(r.unitsLabel)));
    expect(unitColumn.width).toBe(Math.min(50, widest + 2));
    // "类型" fits its longest value, 意见建议 (8 wide); "序号" (4 wide, numbers up to 10) gets the minimum, 6.
    expect(detail.getColumn(2).width).toBe(10);
    expect(detail.getColumn(1).width).toBe(6);
  });

  it('breakdowns keep numbers as numbers and shares as percent fractions', async () => {
    const workbook = await readBack(await buildReportXlsx(report, { yieldNow: async () => {} }));
    const review = workbook.getWorksheet('审查情况')!;
    expect(rowValues(review, 5)).toEqual(['合计', 10, 6, 0.6, 1, 0.1, 1, 0.1, 1, 0.1, 1, 0.1]);
    expect(review.getRow(5).getCell(4).numFmt).toBe('0.0%');
    const categories = workbook.getWorksheet('类别')!;
    expect(rowValues(categories, 4)).toEqual(['政法', 0, 0, 0, 0, 0, 0, 0, 0]);
    const units = workbook.getWorksheet('承办单位')!;
    expect(rowValues(units, 3)!.slice(0, 7)).toEqual(['县财政局', 2, 1, 1, 1, 1, 0.5]);
    const satisfaction = workbook.getWorksheet('满意度')!;
    expect(rowValues(satisfaction, 2)).toEqual(['总体评价', 2, 0.667, 1, 0.333, 0, 0, 3]);
    const overdue = workbook.getWorksheet('超期事项')!;
    expect(rowValues(overdue, 2)).toEqual(['第4号', '关于推动县域商贸物流发展的提案', '县财政局', '2026-08-01', 31]);
    expect(workbook.getWorksheet('概况')!.getRow(2).getCell(1).value).toMatch(/^某某县第十五届党代会第一次年会共收到代表提案8件/);
  });

  it('reports progress from 0 to 1, yielding between steps', async () => {
    const fractions: number[] = [];
    let yields = 0;
    await buildReportXlsx(report, {
      onProgress: (p) => fractions.push(p.fraction),
      yieldNow: async () => {
        yields++;
      },
    });
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    expect(yields).toBeGreaterThan(0);
  });
});

describe('reportSheets', () => {
  it('fits widths by display width: Chinese characters count two', () => {
    expect(displayWidth('县教育局')).toBe(8);
    expect(displayWidth('2026-06-01')).toBe(10);
    const [detail] = reportSheets(report);
    const widths = fittedWidths(detail!);
    expect(widths[9]).toBe(12); // 答复日期: "2026-06-01" + 2
  });
});
