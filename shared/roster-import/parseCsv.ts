/**
 * RFC 4180 CSV → rows of cells. Lenient where Excel and hand-edited files differ from the RFC:
 * LF, CRLF and lone CR all end a record; a stray quote inside an unquoted field is kept as text;
 * an unterminated quoted field runs to the end of the input instead of failing the whole file.
 * A UTF-8 byte-order mark at the start is dropped. A trailing line break does not add an empty row,
 * but blank lines in the middle are kept (as `['']`) so row numbers match what Excel shows.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new Error(`invalid CSV delimiter: ${JSON.stringify(delimiter)}`);
  }
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = input.length;

  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < n) {
    const ch = input[i];
    if (ch === '"' && field === '') {
      // Quoted field: runs to the next lone quote; "" is an escaped quote.
      i++;
      let closed = false;
      while (i < n) {
        const q = input.indexOf('"', i);
        if (q < 0) {
          field += input.slice(i);
          i = n;
          break;
        }
        field += input.slice(i, q);
        if (input[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          closed = true;
          break;
        }
      }
      // Text after the closing quote and before the delimiter (`"a"b`) is kept, as Excel does.
      if (closed) {
        while (i < n && input[i] !== delimiter && input[i] !== '\n' && input[i] !== '\r') field += input[i++];
      }
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  // The last record has no line break after it, unless the input ended with one.
  const endedWithBreak = n > 0 && (input[n - 1] === '\n' || input[n - 1] === '\r') && field === '' && row.length === 0;
  if (n > 0 && !endedWithBreak) endRow();
  return rows;
}

/**
 * Bytes of a text file → string. Tries strict UTF-8 first (with or without BOM); when the bytes are not
 * valid UTF-8 they are read as GB18030, a superset of GBK, which is what Excel on Chinese Windows writes
 * for "CSV (逗号分隔)". A UTF-16 byte-order mark (Excel's "Unicode 文本") is honoured too.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
