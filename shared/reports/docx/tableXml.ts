// Report tables written as WordprocessingML directly. The docx library's Table builds an object per cell, paragraph,
// run and property, which takes seconds for a 1,000-row 一览表; these tables are plain objects in the shape the
// library serialises (`{ 'w:tc': [{ _attr }, ...children] }`), handed to it as one document child.
import { FileChild, type IXmlableObject } from 'docx';
import type { ReportTable } from '../outline';
import { mapInSteps, type StepOptions } from '../progress';
import { TEXT_WIDTH } from './layout';

/** Paragraph styles the document defines for table text (see buildReportDocx). */
export interface TableTextStyles {
  header: string;
  left: string;
  center: string;
}

type Xml = IXmlableObject;
const el = (name: string, attrs?: Record<string, string | number>, children: Xml[] = []): Xml => {
  if (!attrs && children.length === 0) return { [name]: {} };
  if (children.length === 0) return { [name]: { _attr: attrs } };
  return { [name]: attrs ? [{ _attr: attrs }, ...children] : children };
};

/** Cell widths in twips, scaled from the outline's relative widths to the full text block. */
export function columnWidths(table: ReportTable, total: number = TEXT_WIDTH): number[] {
  const sum = table.columns.reduce((s, c) => s + c.width, 0);
  const widths = table.columns.map((c) => Math.floor((c.width / sum) * total));
  widths[0]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function paragraph(style: string, text: string): Xml {
  const run = text ? [el('w:r', undefined, [{ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, text] }])] : [];
  return el('w:p', undefined, [el('w:pPr', undefined, [el('w:pStyle', { 'w:val': style })]), ...run]);
}

function cell(text: string, width: number, style: string): Xml {
  return el('w:tc', undefined, [
    el('w:tcPr', undefined, [el('w:tcW', { 'w:w': width, 'w:type': 'dxa' }), el('w:vAlign', { 'w:val': 'center' })]),
    // A cell must hold at least one paragraph; a line break in the text starts another.
    ...text.split('\n').map((line) => paragraph(style, line)),
  ]);
}

/** A row never splits across pages; the header row repeats at the top of each page (w:tblHeader). */
function row(cells: readonly string[], widths: readonly number[], styles: readonly string[], header: boolean): Xml {
  const trPr = el('w:trPr', undefined, [el('w:cantSplit'), ...(header ? [el('w:tblHeader')] : [])]);
  return el('w:tr', undefined, [trPr, ...cells.map((text, i) => cell(text, widths[i]!, styles[i]!))]);
}

const border = (name: string) => el(name, { 'w:val': 'single', 'w:sz': 4, 'w:space': 0, 'w:color': '000000' });

function tableProperties(): Xml {
  return el('w:tblPr', undefined, [
    el('w:tblW', { 'w:w': TEXT_WIDTH, 'w:type': 'dxa' }),
    el('w:jc', { 'w:val': 'center' }),
    el('w:tblBorders', undefined, ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map(border)),
    el('w:tblLayout', { 'w:type': 'fixed' }),
    el('w:tblCellMar', undefined, [
      el('w:top', { 'w:w': 30, 'w:type': 'dxa' }),
      el('w:left', { 'w:w': 60, 'w:type': 'dxa' }),
      el('w:bottom', { 'w:w': 30, 'w:type': 'dxa' }),
      el('w:right', { 'w:w': 60, 'w:type': 'dxa' }),
    ]),
  ]);
}

/** A document child that writes an XML tree built beforehand. */
class PrebuiltTable extends FileChild {
  constructor(private readonly tree: Xml) {
    super('w:tbl');
  }

  override prepForXml(): Xml {
    return this.tree;
  }
}

/** The table as a document child, its rows built in steps (progress between `range.from` and `range.to`). */
export async function reportTableXml(
  table: ReportTable,
  styles: TableTextStyles,
  options: StepOptions,
  range: { from: number; to: number; stage: string },
): Promise<FileChild> {
  const widths = columnWidths(table);
  const cellStyles = table.columns.map((c) => (c.align === 'center' ? styles.center : styles.left));
  const header = row(
    table.columns.map((c) => c.title),
    widths,
    table.columns.map(() => styles.header),
    true,
  );
  const body = await mapInSteps(table.rows, (cells) => row(cells, widths, cellStyles, false), options, range);
  const grid = el('w:tblGrid', undefined, widths.map((w) => el('w:gridCol', { 'w:w': w })));
  return new PrebuiltTable(el('w:tbl', undefined, [tableProperties(), grid, header, ...body]));
}
