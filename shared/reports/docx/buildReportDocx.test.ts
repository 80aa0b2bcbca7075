import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildHandlingReport } from '../handlingReport';
import { prefillNarratives } from '../narrative';
import { composeReport } from '../outline';
import type { ExportProgress } from '../progress';
import { reportFixture } from '../reportFixtures';
import { buildReportDocx } from './buildReportDocx';

/** A 1 × 1 PNG, standing in for a chart the renderer drew. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

const { input } = reportFixture();
const report = buildHandlingReport(input);
const TITLE = '关于某某县第十五届党代会第一次年会代表提案和闭会期间代表提议、意见建议办理情况的报告';
const outline = composeReport(report, { title: TITLE, issuer: '某某县党代会常任制工作办公室', narratives: prefillNarratives(report) });

async function unpack(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} missing from the package`);
    return file.async('string');
  };
  return { zip, text };
}

/** The runs (font, size, text) of every paragraph whose text contains `needle`. */
function runsWith(xml: string, needle: string): { font?: string; size?: string; text: string }[] {
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)]
    .map((m) => m[1]!)
    .filter((r) => r.includes(needle))
    .map((r) => ({
      font: /w:eastAsia="([^"]+)"/.exec(r)?.[1],
      size: /<w:sz w:val="(\d+)"/.exec(r)?.[1],
      text: [...r.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }));
}

describe('buildReportDocx (GB/T 9704-2012 layout)', () => {
  it('A4 with the standard margins and a 22 × 28 grid, in twips', async () => {
    const { text } = await unpack(await buildReportDocx(outline, { yieldNow: async () => {} }));
    const document = await text('word/document.xml');
    // 210 × 297 mm; top 37, left (binding) 28, right 26, bottom 35 mm → a 156 × 225 mm text block.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(document)![1]!;
    const attr = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margins)![1]);
    expect([attr('top'), attr('left'), attr('right'), attr('bottom')]).toEqual([2098, 1587, 1474, 1984]);
    expect((11906 - attr('left') - attr('right')) / (1440 / 25.4)).toBeCloseTo(156, 0);
    expect((16838 - attr('top') - attr('bottom')) / (1440 / 25.4)).toBeCloseTo(225, 0);
    const grid = /<w:docGrid ([^>]*)\/>/.exec(document)![1]!;
    expect(grid).toContain('w:type="linesAndChars"');
    const linePitch = Number(/w:linePitch="(\d+)"/.exec(grid)![1]);
    expect(Math.floor((16838 - 2098 - 1984) / linePitch)).toBe(22);
    const charPitchPt = 16 + Number(/w:charSpace="(-?\d+)"/.exec(grid)![1]) / 4096;
    expect(Math.floor((11906 - 1587 - 1474) / 20 / charPitchPt)).toBe(28);
  });

  it('title in 2号 方正小标宋简体, body in 3号 仿宋_GB2312, headings 黑体 and 楷体_GB2312', async () => {
    const { text } = await unpack(await buildReportDocx(outline, { yieldNow: async () => {} }));
    const document = await text('word/document.xml');
    expect(runsWith(document, TITLE)).toEqual([{ font: '方正小标宋简体', size: '44', text: TITLE }]);
    expect(runsWith(document, '共收到代表提案8件')[0]).toMatchObject({ font: '仿宋_GB2312', size: '32' });
    expect(runsWith(document, '一、提案和意见建议审查情况')[0]).toMatchObject({ font: '黑体', size: '32' });
    expect(runsWith(document, '（一）交办和答复情况')[0]).toMatchObject({ font: '楷体_GB2312', size: '32' });
    // Every script slot names the font, so digits in a sentence match the Chinese around them.
    const bodyFonts = /<w:rFonts ([^>]*w:eastAsia="仿宋_GB2312"[^>]*)\/>/.exec(document)![1]!;
    for (const slot of ['ascii', 'hAnsi', 'cs']) expect(bodyFonts).toContain(`w:${slot}="仿宋_GB2312"`);
    // Fallbacks for machines without the office fonts.
    const fonts = await text('word/fontTable.xml');
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>.*?<w:charset w:val="86"\/>/);
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    expect(fonts).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
  });

  it('page numbers "— 1 —" in 4号 宋体 at the outer edge: odd pages right, even pages left', async () => {
    const { zip, text } = await unpack(await buildReportDocx(outline, { yieldNow: async () => {} }));
    expect(await text('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const document = await text('word/document.xml');
    const rels = await text('word/_rels/document.xml.rels');
    const footerFile = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(document)![1]!;
      return 'word/' + new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    };
    const odd = await zip.file(footerFile('default'))!.async('string');
    const even = await zip.file(footerFile('even'))!.async('string');
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
    for (const footer of [odd, even]) {
      expect(footer).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/s);
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
  });

  it('one detail-table row per proposal, under a header row that repeats on every page', async () => {
    const { text } = await unpack(await buildReportDocx(outline, { yieldNow: async () => {} }));
    const document = await text('word/document.xml');
    const tables = document.split('<w:tbl>').slice(1);
    const detail = tables.at(-1)!;
    const rows = detail.split('<w:tr>').slice(1);
    expect(rows).toHaveLength(report.rows.length + 1);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[0]).toContain('领衔人、附议人');
    expect(rows.slice(1).every((r) => !r.includes('<w:tblHeader/>') && r.includes('<w:cantSplit/>'))).toBe(true);
    report.rows.forEach((row, i) => expect(rows[i + 1]).toContain(row.title));
    expect(rows[1]).toContain('附议：李四、王五');
    // Every table (7) repeats its header.
    expect(tables).toHaveLength(7);
    expect(tables.every((t) => t.split('<w:tr>')[1]!.includes('<w:tblHeader/>'))).toBe(true);
    // Table text takes its fonts from the document's table styles.
    const styles = await text('word/styles.xml');
    expect(styles).toMatch(/w:styleId="ReportTableTextSmall".*?w:eastAsia="仿宋_GB2312".*?<w:sz w:val="18"\/>/s);
  });

  it('embeds the charts it is given as PNG pictures, and reports progress up to done', async () => {
    const progress: ExportProgress[] = [];
    let yields = 0;
    const bytes = await buildReportDocx(outline, {
      charts: { byCategory: { png: PNG, width: 800, height: 400 }, satisfaction: { png: PNG, width: 800, height: 400 } },
      onProgress: (p) => progress.push(p),
      yieldNow: async () => {
        yields++;
      },
    });
    const { zip, text } = await unpack(bytes);
    // Two pictures; identical bytes are stored once in the package.
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toHaveLength(1);
    const document = await text('word/document.xml');
    expect(document.match(/<pic:pic[ >]/g)).toHaveLength(2);
    expect(document).toContain('图1  各类别件数');
    expect(progress[0]!.fraction).toBe(0);
    expect(progress.at(-1)!.fraction).toBe(1);
    expect(progress.every((p, i) => i === 0 || p.fraction >= progress[i - 1]!.fraction)).toBe(true);
    expect(yields).toBeGreaterThan(0);
  });
});
