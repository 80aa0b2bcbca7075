// The pieces of a short Word document laid out as a Chinese official document (GB/T 9704-2012), for the exports
// that are not the handling report: 评议结果 and 视察纪要. Page, grid and fonts come from the handling report's
// layout.ts / fonts.ts, so every document the office exports looks the same. Tables here are the docx library's own
// (a few dozen rows at most); the report's prebuilt-XML tables exist for its 1,000-row 一览表.
// Generic on purpose: its natural home is shared/reports/docx/, beside layout.ts.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IParagraphStyleOptions,
  type ISpacingProperties,
} from 'docx';
import { FONTS, fontTableXml, runFont, type OfficeFont } from '../docx/fonts';
import { tableStyle } from '../docx/tableStyle';
import { BODY_PT, CHAR_SPACE, FONT_PT, halfPoints, INDENT_2_CHARS, LINE_PITCH, PAGE, TEXT_WIDTH } from '../docx/layout';

export const bodyLine: ISpacingProperties = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** Pictures: single spacing (an exact height would cut a picture to one line). */
export const singleLine: ISpacingProperties = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
/** Table text: an exact height of 1.3 × the type size, off the 28.95 pt body grid. */

/** Width of the text block in pixels at 96 dpi, the unit the docx library sizes pictures in (156 mm ≈ 590 px). */
export const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);

export function textRun(text: string, font: OfficeFont = FONTS.body, pt: number = BODY_PT): TextRun {
  return new TextRun({ text, font: runFont(font), size: halfPoints(pt) });
}

/** 标题: 2号 方正小标宋简体, centred, one empty line below. */
export function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [textRun(text, FONTS.title, FONT_PT.二号)],
    alignment: AlignmentType.CENTER,
    spacing: { ...bodyLine, after: LINE_PITCH },
    outlineLevel: 0,
    keepNext: true,
  });
}

/** 一级标题 "一、…" in 黑体, 二级标题 "（一）…" in 楷体_GB2312; indented two characters like the body. */
export function headingParagraph(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    children: [textRun(text, level === 1 ? FONTS.heading1 : FONTS.heading2)],
    alignment: AlignmentType.BOTH,
    spacing: bodyLine,
    indent: { firstLine: INDENT_2_CHARS, firstLineChars: 200 },
    outlineLevel: level,
    keepNext: true,
  });
}

/** 正文: 3号 仿宋_GB2312, justified, first line indented two characters. */
export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [textRun(text)],
    alignment: AlignmentType.BOTH,
    spacing: bodyLine,
    indent: { firstLine: INDENT_2_CHARS, firstLineChars: 200 },
  });
}

/** Text the user wrote (several lines): one body paragraph per non-empty line. */
export function bodyParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map(bodyParagraph);
}

/** A line under a table or picture: 4号 仿宋, centred (图注) or left (表注). */
export function smallParagraph(text: string, align: 'center' | 'left' = 'left'): Paragraph {
  return new Paragraph({
    children: [textRun(text, FONTS.body, FONT_PT.四号)],
    alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { line: Math.round(FONT_PT.四号 * 1.5 * 20), lineRule: LineRuleType.EXACT, before: 60, after: 0 },
  });
}

/** 落款 and 成文日期: right-aligned, 右空四字, two lines below the text. */
export function signatureParagraphs(lines: readonly string[]): Paragraph[] {
  return lines.map(
    (line, i) =>
      new Paragraph({
        children: [textRun(line)],
        alignment: AlignmentType.RIGHT,
        indent: { right: INDENT_2_CHARS * 2 },
        spacing: { ...bodyLine, before: i === 0 ? LINE_PITCH * 2 : 0 },
      }),
  );
}

const TABLE_STYLE_IDS = { header: 'OfficialTableHeader', left: 'OfficialTableText', center: 'OfficialTableTextCentered' } as const;


/** 表格: 五号, header in 黑体, text in 仿宋 (as in the handling report). */
const TABLE_STYLES: IParagraphStyleOptions[] = [
  tableStyle(TABLE_STYLE_IDS.header, '表头', FONTS.heading1, FONT_PT.五号, true),
  tableStyle(TABLE_STYLE_IDS.left, '表格', FONTS.body, FONT_PT.五号, false),
  tableStyle(TABLE_STYLE_IDS.center, '表格居中', FONTS.body, FONT_PT.五号, true),
];

export interface OfficialTableColumn {
  title: string;
  /** Relative width */
  width: number;
  align?: 'left' | 'center';
}

export interface OfficialTable {
  columns: readonly OfficialTableColumn[];
  rows: readonly (readonly string[])[];
}

/** Column widths in twips: the relative widths scaled to the whole text block. */
export function tableColumnWidths(columns: readonly OfficialTableColumn[], total: number = TEXT_WIDTH): number[] {
  const sum = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.floor((c.width / sum) * total));
  widths[0]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function tableCell(text: string, width: number, style: string): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    // A cell needs a paragraph; a line break in the text starts another.
    children: text.split('\n').map((line) => new Paragraph({ style, children: line ? [new TextRun(line)] : [] })),
  });
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** A full-width table with thin borders; its header row repeats on each page and no row splits across pages. */
export function officialTable(table: OfficialTable): Table {
  const widths = tableColumnWidths(table.columns);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) => tableCell(c.title, widths[i]!, TABLE_STYLE_IDS.header)),
  });
  const body = table.rows.map(
    (cells) =>
      new TableRow({
        cantSplit: true,
        children: table.columns.map((c, i) => tableCell(cells[i] ?? '', widths[i]!, c.align === 'center' ? TABLE_STYLE_IDS.center : TABLE_STYLE_IDS.left)),
      }),
  );
  return new Table({
    rows: [header, ...body],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
  });
}

/** "— 1 —" in 4号 宋体, one character in from the outer edge (odd pages right, even pages left). */
function pageNumberFooter(side: 'right' | 'left'): Footer {
  const oneChar = halfPoints(FONT_PT.四号) * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        spacing: { line: halfPoints(FONT_PT.四号) * 10, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: runFont(FONTS.pageNumber), size: halfPoints(FONT_PT.四号) })],
      }),
    ],
  });
}

export interface OfficialDocumentOptions {
  title: string;
  children: readonly (Paragraph | Table | FileChild)[];
  creator?: string;
}

/** The document as .docx bytes on their own ArrayBuffer (what the bridge's save call takes). */
export async function packOfficialDocument(options: OfficialDocumentOptions): Promise<Uint8Array<ArrayBuffer>> {
  const document = new Document({
    title: options.title,
    creator: options.creator ?? 'DelegateDesk 党代表履职工作台',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: runFont(FONTS.body), size: halfPoints(BODY_PT) }, paragraph: { spacing: bodyLine } } },
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
        children: [...options.children],
      },
    ],
  });
  const bytes = await Packer.pack(document, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return new Uint8Array(bytes);
}
