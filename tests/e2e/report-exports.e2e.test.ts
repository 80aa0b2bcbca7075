import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { closeAllApps, launchApp, type LaunchedApp } from './harness';
import { startAppServer, type AppServer } from './app-server';
import { answerPathPrompt, readDocx, readPdfPages, tempFolder, waitForToast, wordText } from './fileSteps';
import { menu, shot, SLOW } from './syncSteps';

// Issue 6: the office's 办理情况报告 for one annual meeting of the demo congress, exported in all three formats from
// the real built renderer in Chromium — Word and Excel through the web bridge's save (the path answered in the
// prompt), the PDF through the print view and the browser's print — and each file read back in Node. The numbers
// the files must hold are the ones the page shows: 收到 N 件 is one row per item in the 一览表 of every format.

let server: AppServer;
let work: Awaited<ReturnType<typeof tempFolder>>;

beforeAll(async () => {
  work = await tempFolder('dd-report-e2e-');
  // Its own data folder: the app's daily snapshot must not land in the home folder.
  server = await startAppServer({ dataDir: path.join(work.dir, 'bridge-data') });
});
afterEach(closeAllApps);
afterAll(async () => {
  await server?.close();
  await work?.remove();
});

/** Twips (1/20 pt) of a length in millimetres: how Word stores page sizes and margins. */
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
/** Points of a length in millimetres: how a PDF stores its page size. */
const points = (mm: number) => (mm * 72) / 25.4;

/** What the report page shows: the figures and charts every exported format must agree with. */
interface ScreenReport {
  meetingName: string;
  title: string;
  /** 收到 N 件: every item of the meeting and its recess, one row each in the 一览表 */
  received: number;
  /** The charts drawn on the page (a chart without data shows 暂无数据 and is left out of the documents) */
  drawnCharts: string[];
  /** 案由 of the 一览表's first page on screen */
  firstTitles: string[];
}

async function statNumber(page: Page, key: string): Promise<number> {
  const value = await page.getByTestId(`report-stat-${key}`).locator('.ant-statistic-content-value').innerText();
  const parsed = Number(value.replace(/[^\d]/g, ''));
  expect(Number.isInteger(parsed), `report-stat-${key}: "${value}"`).toBe(true);
  return parsed;
}

/** 报告与导出 → pick the annual meeting in the selector (the demo congress has one, the latest) → read the page. */
async function openReportFor(page: Page): Promise<ScreenReport> {
  await menu(page, '报告与导出');
  await page.getByTestId('reports-page').first().waitFor({ timeout: SLOW });
  await page.getByTestId('report-meeting').click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await options.first().waitFor({ timeout: SLOW });
  const names = await options.allInnerTexts();
  expect(names.length, 'the demo congress has annual meetings').toBeGreaterThan(0);
  const meetingName = names[0]!;
  await options.filter({ hasText: meetingName }).first().click();
  await expect.poll(() => page.getByTestId('report-meeting').innerText()).toContain(meetingName);

  const titleInput = page.getByTestId('report-title');
  await titleInput.waitFor({ timeout: SLOW });
  // The title field is empty until someone edits it; its placeholder is the title the report uses.
  await expect.poll(async () => titleInput.getAttribute('placeholder'), { timeout: SLOW }).toContain(meetingName);
  const title = (await titleInput.getAttribute('placeholder')) ?? '';
  expect(await titleInput.inputValue()).toBe('');

  const received = await statNumber(page, 'received');
  expect(received, 'the demo meeting has items to report on').toBeGreaterThan(0);
  const chartsCard = page.locator('.ant-card', { has: page.getByTestId('chart-card-byCategory') }).first();
  const drawnCharts = (await chartsCard.locator('[data-testid^="chart-"]:not([data-testid^="chart-card-"])').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid') ?? ''))).map((id) =>
    id.replace(/^chart-/, ''),
  );
  // Every drawn chart has painted its canvas (ECharts draws into a <canvas> inside the div).
  for (const key of drawnCharts) await page.getByTestId(`chart-${key}`).locator('canvas').first().waitFor({ timeout: SLOW });
  expect(drawnCharts.length, 'the meeting has data for at least one chart').toBeGreaterThan(0);

  const detailRows = page.getByTestId('report-detail-table').locator('tbody tr.ant-table-row');
  await detailRows.first().waitFor({ timeout: SLOW });
  const firstTitles = (await detailRows.locator('td:nth-child(2)').allInnerTexts()).map((text) => text.replace(/\s*重点$/, '').trim());
  expect(firstTitles.length).toBe(Math.min(20, received));
  return { meetingName, title, received, drawnCharts, firstTitles };
}

/** The paragraphs of word/document.xml as text, in order (table cells included). */
const wordParagraphs = (xml: string) => (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map(wordText);
const wordTables = (xml: string) => xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
const wordRows = (table: string) => table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
const wordCells = (row: string) => (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cell) => wordParagraphs(cell).join('\n'));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('the handling report of the demo congress, exported three ways', () => {
  it('Word and Excel saved through the bridge, PDF through the print view, each read back', { timeout: 300_000 }, async () => {
    const app: LaunchedApp = await launchApp({ url: server.url });
    const page = app.page;
    await page.getByTestId('onboarding-demo').click();
    await page.getByTestId('demo-as-office').click({ timeout: SLOW });
    await page.getByTestId('current-user').waitFor({ timeout: SLOW });

    const screen = await openReportFor(page);
    await shot(app, 'report-page');
    await app.screenshot('report-page-full', { fullPage: true });

    // ---- Word ----------------------------------------------------------------------------------------------
    const docxFile = path.join(work.dir, '办理情况报告.docx');
    const wordQuestion = await answerPathPrompt(page, page.getByTestId('report-export-word'), docxFile);
    expect(wordQuestion).toContain('保存位置');
    expect(await waitForToast(page, /已保存/, 120_000)).toContain(path.basename(docxFile));

    const docx = await readDocx(docxFile);
    const xml = docx.documentXml;
    // GB/T 9704: A4, 37 mm top, 28 mm binding, 26 mm right, 35 mm bottom.
    expect(xml).toMatch(new RegExp(`<w:pgSz [^>]*w:w="${twips(210)}"[^>]*w:h="${twips(297)}"`));
    const margins = xml.match(/<w:pgMar [^>]*\/>/)?.[0] ?? '';
    expect(margins).toContain(`w:top="${twips(37)}"`);
    expect(margins).toContain(`w:left="${twips(28)}"`);
    expect(margins).toContain(`w:right="${twips(26)}"`);
    expect(margins).toContain(`w:bottom="${twips(35)}"`);
    expect(wordParagraphs(xml).find((text) => text.trim())).toBe(screen.title);

    // The 一览表 (the attachment): its header repeats on every page, then one row per item the page counted.
    const detail = wordTables(xml).find((table) => wordCells(wordRows(table)[0] ?? '').includes('领衔人、附议人'));
    expect(detail, 'the 一览表 table in the Word document').toBeDefined();
    const rows = wordRows(detail ?? '');
    expect(rows.filter((row) => row.includes('<w:tblHeader/>'))).toHaveLength(1);
    const wordDetailRows = rows.filter((row) => !row.includes('<w:tblHeader/>')).map(wordCells);
    expect(wordDetailRows).toHaveLength(screen.received);
    const wordTitles = wordDetailRows.map((cells) => cells[1] ?? '');
    for (const title of screen.firstTitles) expect(wordTitles).toContain(title);
    // The review table's 合计 row says the same 收到.
    const review = wordTables(xml).find((table) => wordCells(wordRows(table)[0] ?? '')[0] === '类型');
    const totalRow = wordRows(review ?? '').map(wordCells).find((cells) => cells[0] === '合计');
    expect(totalRow?.[1]).toBe(String(screen.received));

    // The charts drawn on the page are pictures in the document, PNGs in word/media.
    const pngs = docx.media.filter((name) => name.endsWith('.png'));
    expect(pngs).toHaveLength(screen.drawnCharts.length);
    expect(xml.match(/<pic:pic\b/g) ?? []).toHaveLength(screen.drawnCharts.length);
    for (const name of pngs) expect([...(await docx.part(name)).subarray(0, 8)]).toEqual(PNG_SIGNATURE);

    // ---- Excel ---------------------------------------------------------------------------------------------
    const xlsxFile = path.join(work.dir, '办理情况一览表.xlsx');
    await answerPathPrompt(page, page.getByTestId('report-export-excel'), xlsxFile);
    expect(await waitForToast(page, /已保存：.*\.xlsx/, 120_000)).toContain(path.basename(xlsxFile));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    const sheetNames = workbook.worksheets.map((sheet) => sheet.name);
    expect(sheetNames[0]).toBe('一览表');
    expect(sheetNames).toEqual(expect.arrayContaining(['审查情况', '类别', '承办单位', '答复类别', '满意度', '概况']));
    expect(workbook.title).toBe(screen.title);
    const list = workbook.getWorksheet('一览表');
    if (!list) throw new Error('no 一览表 sheet');
    const header = (list.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toEqual(expect.arrayContaining(['序号', '类型', '编号', '案由', '领衔人', '附议人', '类别', '审查结果', '承办单位', '答复日期', '办理结果', '满意度']));
    expect(list.actualRowCount - 1).toBe(screen.received);
    const column = (name: string) => header.indexOf(name) + 1;
    const numbers: unknown[] = [];
    const excelTitles: string[] = [];
    list.eachRow((row, index) => {
      if (index === 1) return;
      numbers.push(row.getCell(column('序号')).value);
      excelTitles.push(String(row.getCell(column('案由')).value));
    });
    expect(numbers).toEqual(Array.from({ length: screen.received }, (_, i) => i + 1));
    // The same items as the Word document's 一览表, in the same order.
    expect(excelTitles).toEqual(wordTitles);
    const reviewSheet = workbook.getWorksheet('审查情况');
    const excelTotal = reviewSheet?.getRows(1, reviewSheet.actualRowCount)?.find((row) => row.getCell(1).value === '合计');
    expect(excelTotal?.getCell(2).value).toBe(screen.received);

    // ---- PDF: the print view and the browser's print ---------------------------------------------------------
    await page.getByTestId('report-print').click();
    const view = page.getByTestId('report-print-view');
    await view.waitFor({ timeout: SLOW });
    expect(await view.locator('.rp-title').first().innerText()).toBe(screen.title);
    const printTotal = await page.getByTestId('print-table-review').locator('tbody tr', { hasText: '合计' }).locator('td').nth(1).innerText();
    expect(printTotal).toBe(String(screen.received));
    expect(await page.getByTestId('print-table-detail').locator('tbody tr').count()).toBe(screen.received);
    for (const key of screen.drawnCharts) {
      const image = page.getByTestId(`print-chart-${key}`);
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: SLOW }).toBe(true);
      expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    }
    expect(await view.locator('img').count()).toBe(screen.drawnCharts.length);
    await shot(app, 'print-view');

    // The web build cannot print to a file: 导出 PDF falls back to the browser's print dialog. Headless Chromium
    // would wait on that dialog, so window.print only records that the app asked for it.
    await page.evaluate(() => {
      const counted = window as unknown as { printCalls: number };
      counted.printCalls = 0;
      window.print = () => {
        counted.printCalls++;
      };
    });
    await page.getByTestId('report-pdf-button').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls), { timeout: SLOW }).toBe(1);

    // What "另存为 PDF" in that dialog produces: the page under print media, paper size from the @page rule.
    await page.emulateMedia({ media: 'print' });
    await app.screenshot('print-media');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    await writeFile(path.join(work.dir, '办理情况报告.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const pages = readPdfPages(new Uint8Array(await readFile(path.join(work.dir, '办理情况报告.pdf'))));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const pdfPage of pages) {
      const [x0 = NaN, y0 = NaN, x1 = NaN, y1 = NaN] = pdfPage.mediaBox;
      expect(x1 - x0).toBeCloseTo(points(210), 0);
      expect(y1 - y0).toBeCloseTo(points(297), 0);
    }
    // Every page carries its number (— 1 —, from the @page rules); without it, the text of the page itself.
    const bodies = pages.map((p, i) => {
      expect(p.text).toContain(`— ${i + 1} —`);
      return p.text.replace(`— ${i + 1} —`, '');
    });
    // The toolbar is not printed; the title opens the first page.
    expect(bodies[0]?.slice(0, 300)).toMatch(new RegExp(`^${escapeRegExp(screen.title)}`));
    expect(bodies.some((text) => text.includes('打印预览'))).toBe(false);
    // Each chart drawn on the page is a picture in the PDF.
    expect(pages.reduce((sum, p) => sum + p.images, 0)).toBe(screen.drawnCharts.length);
    // The attachment starts on a page of its own, after the report, and lists every item.
    const attachmentPage = bodies.findIndex((text) => text.startsWith('附件提案和意见建议办理情况一览表'));
    expect(attachmentPage).toBeGreaterThan(0);
    const attachmentText = bodies.slice(attachmentPage).join('');
    for (const title of wordTitles) expect(attachmentText).toContain(title);

    expect(app.errors()).toEqual([]);
  });
});
