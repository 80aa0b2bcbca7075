// The handling report as a Word document laid out per GB/T 9704-2012: A4, 37 mm top and 28 mm binding margins,
// a 156 × 225 mm text block of 22 lines × 28 characters, 方正小标宋简体 2号 title, 仿宋_GB2312 3号 body, 黑体 / 楷体
// headings, "— 1 —" page numbers at the outer edge (odd pages right, even pages left), tables whose header row
// repeats on every page, charts as PNG pictures. Pure: bytes out, no Node or DOM APIs (the docx library zips in JS).
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type FileChild,
  type IParagraphStyleOptions,
  type ISpacingProperties,
} from 'docx';
import type { ChartImage, ChartKey } from '../charts';
import type { ReportBlock, ReportOutline, ReportTable } from '../outline';
import type { StepOptions } from '../progress';
import { FONTS, fontTableXml, runFont, type OfficeFont } from './fonts';
import { reportTableXml } from './tableXml';
import { BODY_PT, CHAR_SPACE, FONT_PT, halfPoints, INDENT_2_CHARS, LINE_PITCH, PAGE, TEXT_WIDTH } from './layout';
import { tableLine, tableStyle } from './tableStyle';

export interface ReportDocxOptions extends StepOptions {
  charts?: Partial<Record<ChartKey, ChartImage>>;
  /** Document properties */
  creator?: string;
}

const bodyLine: ISpacingProperties = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** Pictures: single spacing (an exact height would cut a picture to one line); Word rounds it up to whole grid lines. */
const singleLine: ISpacingProperties = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
/** Table text: an exact height of 1.3 × the type size, which also keeps it off the 28.95 pt body grid. */

const run = (text: string, font: OfficeFont, pt: number, extra: { bold?: boolean } = {}) =>
  new TextRun({ text, font: runFont(font), size: halfPoints(pt), ...extra });

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, FONTS.body, BODY_PT)],
    alignment: AlignmentType.BOTH,
    spacing: bodyLine,
    indent: { firstLine: INDENT_2_CHARS, firstLineChars: 200 },
  });
}

function headingParagraph(text: string, font: OfficeFont, outlineLevel: number): Paragraph {
  return new Paragraph({
    children: [run(text, font, BODY_PT)],
    alignment: AlignmentType.BOTH,
    spacing: bodyLine,
    indent: { firstLine: INDENT_2_CHARS, firstLineChars: 200 },
    outlineLevel,
    keepNext: true,
  });
}

function titleParagraph(text: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    children: [run(text, FONTS.title, FONT_PT.二号)],
    alignment: AlignmentType.CENTER,
    // 标题 is followed by one empty line.
    spacing: { ...bodyLine, after: LINE_PITCH },
    outlineLevel: 0,
    keepNext: true,
    pageBreakBefore,
  });
}

const TABLE_STYLE_IDS = {
  header: 'ReportTableHeader',
  left: 'ReportTableText',
  center: 'ReportTableTextCentered',
  compactHeader: 'ReportTableHeaderSmall',
  compactLeft: 'ReportTableTextSmall',
  compactCenter: 'ReportTableTextSmallCentered',
} as const;


/** 表格: 五号 (the wide detail table 小五), header in 黑体, text in 仿宋. */
const TABLE_STYLES: IParagraphStyleOptions[] = [
  tableStyle(TABLE_STYLE_IDS.header, '报告表头', FONTS.heading1, FONT_PT.五号, true),
  tableStyle(TABLE_STYLE_IDS.left, '报告表格', FONTS.body, FONT_PT.五号, false),
  tableStyle(TABLE_STYLE_IDS.center, '报告表格居中', FONTS.body, FONT_PT.五号, true),
  tableStyle(TABLE_STYLE_IDS.compactHeader, '一览表表头', FONTS.heading1, FONT_PT.小五, true),
  tableStyle(TABLE_STYLE_IDS.compactLeft, '一览表', FONTS.body, FONT_PT.小五, false),
  tableStyle(TABLE_STYLE_IDS.compactCenter, '一览表居中', FONTS.body, FONT_PT.小五, true),
];

async function tableOf(table: ReportTable, options: StepOptions, range: { from: number; to: number }): Promise<FileChild> {
  const ids = TABLE_STYLE_IDS;
  const styles = table.compact
    ? { header: ids.compactHeader, left: ids.compactLeft, center: ids.compactCenter }
    : { header: ids.header, left: ids.left, center: ids.center };
  return reportTableXml(table, styles, options, { ...range, stage: '正在生成一览表' });
}

/** Shown width of a chart: the text block's width less a margin, in pixels at 96 dpi (how docx sizes pictures). */
const CHART_WIDTH_PX = Math.round(((TEXT_WIDTH / 1440) * 96) * 0.95);

function chartParagraphs(image: ChartImage, caption: string): Paragraph[] {
  const height = Math.round((CHART_WIDTH_PX * image.height) / image.width);
  return [
    new Paragraph({
      children: [new ImageRun({ type: 'png', data: image.png, transformation: { width: CHART_WIDTH_PX, height }, altText: { name: caption, description: caption, title: caption } })],
      alignment: AlignmentType.CENTER,
      spacing: { ...singleLine, before: 120 },
      keepNext: true,
    }),
    new Paragraph({ children: [run(caption, FONTS.body, FONT_PT.四号)], alignment: AlignmentType.CENTER, spacing: bodyLine }),
  ];
}

/** "— 1 —" in 4号 宋体, one character in from the outer edge. */
function pageNumberFooter(side: 'right' | 'left'): Footer {
  const oneChar = halfPoints(FONT_PT.四号) * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        spacing: { line: halfPoints(FONT_PT.四号) * 10, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: runFont(FONTS.pageNumber), size: halfPoints(FONT_PT.四号) }),
        ],
      }),
    ],
  });
}

type Child = Paragraph | FileChild;

/** The detail table is nearly all of the work; the rest is a handful of paragraphs. */
const DETAIL_SHARE = { from: 0.05, to: 0.75 } as const;

async function childrenOf(outline: ReportOutline, options: ReportDocxOptions): Promise<Child[]> {
  const children: Child[] = [];
  let breakBefore = false;
  for (const block of outline.blocks as readonly ReportBlock[]) {
    switch (block.type) {
      case 'title':
        children.push(titleParagraph(block.text));
        break;
      case 'salutation':
        children.push(new Paragraph({ children: [run(block.text, FONTS.body, BODY_PT)], spacing: bodyLine }));
        break;
      case 'heading1':
        children.push(headingParagraph(block.text, FONTS.heading1, 1));
        break;
      case 'heading2':
        children.push(headingParagraph(block.text, FONTS.heading2, 2));
        break;
      case 'paragraph':
        children.push(bodyParagraph(block.text));
        break;
      case 'caption':
        children.push(new Paragraph({ children: [run(block.text, FONTS.heading1, FONT_PT.四号)], alignment: AlignmentType.CENTER, spacing: bodyLine, keepNext: true }));
        break;
      case 'table': {
        const range = block.table.id === 'detail' ? DETAIL_SHARE : { from: 0.05, to: 0.05 };
        children.push(await tableOf(block.table, options, range));
        // A table followed straight by text reads better with a line between.
        children.push(new Paragraph({ children: [], spacing: tableLine(FONT_PT.五号) }));
        break;
      }
      case 'chart': {
        const image = options.charts?.[block.chart];
        if (image) children.push(...chartParagraphs(image, block.caption));
        break;
      }
      case 'signature':
        block.lines.forEach((line, i) =>
          children.push(
            new Paragraph({
              children: [run(line, FONTS.body, BODY_PT)],
              alignment: AlignmentType.RIGHT,
              // 成文日期 右空四字; the issuer above it, two lines below the text.
              indent: { right: INDENT_2_CHARS * 2 },
              spacing: { ...bodyLine, before: i === 0 ? LINE_PITCH * 2 : 0 },
            }),
          ),
        );
        break;
      case 'pageBreak':
        breakBefore = true;
        break;
      case 'attachmentLabel':
        children.push(new Paragraph({ children: [run(block.text, FONTS.heading1, BODY_PT)], spacing: bodyLine, pageBreakBefore: breakBefore, keepNext: true }));
        breakBefore = false;
        break;
      case 'attachmentTitle':
        children.push(titleParagraph(block.text, breakBefore));
        breakBefore = false;
        break;
    }
  }
  return children;
}

/** The report as .docx bytes. Yields between steps and reports progress (0–1) as it goes. */
export async function buildReportDocx(outline: ReportOutline, options: ReportDocxOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  options.onProgress?.({ fraction: 0, stage: '正在排版' });
  const children = await childrenOf(outline, options);
  options.onProgress?.({ fraction: DETAIL_SHARE.to, stage: '正在打包 Word 文件' });
  await (options.yieldNow?.() ?? Promise.resolve());
  const document = new Document({
    title: outline.title,
    creator: options.creator ?? 'DelegateDesk 党代表履职工作台',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: runFont(FONTS.body), size: halfPoints(BODY_PT) },
          paragraph: { spacing: bodyLine },
        },
      },
      paragraphStyles: TABLE_STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.footer, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });
  const bytes = await Packer.pack(document, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  options.onProgress?.({ fraction: 1, stage: '完成' });
  // A copy on its own ArrayBuffer, as the bridge's save call takes it.
  return new Uint8Array(bytes);
}
