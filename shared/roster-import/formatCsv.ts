/**
 * Rows → CSV text that Excel on Chinese Windows opens correctly: a UTF-8 byte-order mark (without it
 * Excel assumes GBK and shows mojibake), CRLF line endings, and quotes only where a cell needs them.
 */
export function formatCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(quoteCell).join(',')).join('\r\n') + '\r\n';
  return (options.bom ?? true) ? '\uFEFF' + body : body;
}

function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
