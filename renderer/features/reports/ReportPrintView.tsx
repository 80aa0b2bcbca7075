// The report laid out for A4 paper, block by block as in the Word document: the browser's print (and Electron's
// printToPDF) turn it into the PDF. Page margins and "— 1 —" page numbers come from the @page rules.
import type { CSSProperties } from 'react';
import type { ChartKey, ReportBlock, ReportOutline, ReportTable } from '../../../shared/reports';
import { CSS_FONT_STACKS } from '../../../shared/reports/docx/fonts';

export interface ReportPrintViewProps {
  outline: ReportOutline;
  /** data: URLs of the charts drawn as pictures; a chart without one is left out */
  chartUrls: Partial<Record<ChartKey, string>>;
}

/** GB/T 9704: A4, 37 mm top, 28 mm binding (left), 26 mm right, 35 mm bottom; page numbers 4号 at the outer edge. */
export const PRINT_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font-family: ${CSS_FONT_STACKS.pageNumber}; font-size: 14pt; margin-right: 14pt; vertical-align: top; padding-top: 7mm; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font-family: ${CSS_FONT_STACKS.pageNumber}; font-size: 14pt; margin-left: 14pt; vertical-align: top; padding-top: 7mm; } }
.report-print { font-family: ${CSS_FONT_STACKS.body}; font-size: 16pt; line-height: 28.95pt; color: #000; background: #fff; }
.report-print .rp-page { width: 156mm; margin: 0 auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-sizing: content-box; }
.report-print p { margin: 0; text-indent: 2em; text-align: justify; }
.report-print .rp-title, .report-print .rp-attachment-title { font-family: ${CSS_FONT_STACKS.title}; font-size: 22pt; line-height: 28.95pt; text-align: center; text-indent: 0; margin: 0 0 28.95pt; font-weight: normal; }
.report-print .rp-salutation { text-indent: 0; }
.report-print h2.rp-h1 { font-family: ${CSS_FONT_STACKS.heading1}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; line-height: 28.95pt; break-after: avoid; }
.report-print h3.rp-h2 { font-family: ${CSS_FONT_STACKS.heading2}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; line-height: 28.95pt; break-after: avoid; }
.report-print .rp-caption { font-family: ${CSS_FONT_STACKS.heading1}; font-size: 14pt; text-align: center; text-indent: 0; break-after: avoid; }
.report-print .rp-attachment-label { font-family: ${CSS_FONT_STACKS.heading1}; text-indent: 0; break-before: page; }
.report-print .rp-signature { text-align: right; text-indent: 0; padding-right: 4em; }
.report-print .rp-signature.first { margin-top: 57.9pt; }
.report-print table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 10.5pt; line-height: 1.3; margin-bottom: 14pt; }
.report-print table.compact { font-size: 9pt; }
.report-print th, .report-print td { border: 0.5pt solid #000; padding: 1.5pt 3pt; vertical-align: middle; word-break: break-all; }
.report-print th { font-family: ${CSS_FONT_STACKS.heading1}; font-weight: normal; }
.report-print thead { display: table-header-group; }
.report-print tr { break-inside: avoid; }
.report-print td.center, .report-print th { text-align: center; }
.report-print .rp-chart { text-align: center; text-indent: 0; break-inside: avoid; margin-top: 6pt; }
.report-print .rp-chart img { width: 95%; }
@media print {
  body > *:not(.report-print-root) { display: none !important; }
  .report-print-root { position: static !important; overflow: visible !important; background: #fff !important; }
  .report-print-root .report-print-toolbar { display: none !important; }
  .report-print .rp-page { width: auto; padding: 0; margin: 0; box-shadow: none; }
}
`;

function PrintTable({ table }: { table: ReportTable }) {
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  return (
    <table className={table.compact ? 'compact' : undefined} data-testid={`print-table-${table.id}`}>
      <colgroup>
        {table.columns.map((c) => (
          <col key={c.title} style={{ width: `${(100 * c.width) / total}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.title}>{c.title}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j} className={table.columns[j]?.align === 'center' ? 'center' : undefined}>
                {cell.split('\n').map((line, k) => (
                  <div key={k}>{line}</div>
                ))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Block({ block, chartUrls, firstSignature }: { block: ReportBlock; chartUrls: ReportPrintViewProps['chartUrls']; firstSignature: boolean }) {
  switch (block.type) {
    case 'title':
      return <h1 className="rp-title">{block.text}</h1>;
    case 'salutation':
      return <p className="rp-salutation">{block.text}</p>;
    case 'heading1':
      return <h2 className="rp-h1">{block.text}</h2>;
    case 'heading2':
      return <h3 className="rp-h2">{block.text}</h3>;
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'caption':
      return <p className="rp-caption">{block.text}</p>;
    case 'table':
      return <PrintTable table={block.table} />;
    case 'chart': {
      const url = chartUrls[block.chart];
      if (!url) return null;
      return (
        <figure className="rp-chart" style={{ margin: 0 } as CSSProperties}>
          <img src={url} alt={block.caption} data-testid={`print-chart-${block.chart}`} />
          <figcaption className="rp-caption">{block.caption}</figcaption>
        </figure>
      );
    }
    case 'signature':
      return (
        <>
          {block.lines.map((line, i) => (
            <p key={i} className={`rp-signature${i === 0 && firstSignature ? ' first' : ''}`}>
              {line}
            </p>
          ))}
        </>
      );
    case 'pageBreak':
      return null;
    case 'attachmentLabel':
      return <p className="rp-attachment-label">{block.text}</p>;
    case 'attachmentTitle':
      return <h1 className="rp-attachment-title">{block.text}</h1>;
  }
}

/** The whole report for printing; the same blocks as the Word document, in the same order. */
export function ReportPrintView({ outline, chartUrls }: ReportPrintViewProps) {
  return (
    <div className="report-print" data-testid="report-print-view">
      <div className="rp-page">
        {outline.blocks.map((block, i) => (
          <Block key={i} block={block} chartUrls={chartUrls} firstSignature />
        ))}
      </div>
    </div>
  );
}
