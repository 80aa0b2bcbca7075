import { describe, expect, it } from 'vitest';
import { decodeTextFile, parseCsv } from './parseCsv';
import { formatCsv } from './formatCsv';

describe('parseCsv', () => {
  it('splits plain fields and records', () => {
    expect(parseCsv('姓名,代表证号\n张三,001\n李四,002')).toEqual([
      ['姓名', '代表证号'],
      ['张三', '001'],
      ['李四', '002'],
    ]);
  });

  it('handles CRLF, lone CR and a trailing line break without an extra row', () => {
    expect(parseCsv('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    const text = '姓名,工作单位及职务\r\n"王五","县教育局局长,党组书记"\r\n"赵六","说""好的""\r\n第二行"\r\n';
    expect(parseCsv(text)).toEqual([
      ['姓名', '工作单位及职务'],
      ['王五', '县教育局局长,党组书记'],
      ['赵六', '说"好的"\r\n第二行'],
    ]);
  });

  it('keeps empty fields, including a trailing empty one and a quoted empty one', () => {
    expect(parseCsv('a,,c,\n"",x')).toEqual([['a', '', 'c', ''], ['', 'x']]);
  });

  it('keeps blank lines in the middle so row numbers match Excel', () => {
    expect(parseCsv('h\n\nx\n')).toEqual([['h'], [''], ['x']]);
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(parseCsv('\uFEFF姓名,性别\n张三,男')[0]).toEqual(['姓名', '性别']);
  });

  it('is lenient with a stray quote inside an unquoted field and an unterminated quote', () => {
    expect(parseCsv('5"3,x')).toEqual([['5"3', 'x']]);
    expect(parseCsv('a,"open\nrest')).toEqual([['a', 'open\nrest']]);
  });

  it('supports another delimiter and returns nothing for empty input', () => {
    expect(parseCsv('a;b\n1;2', ';')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('round-trips what formatCsv writes', () => {
    const rows = [['姓名', '备注'], ['张三', '含,逗号'], ['李四', '含"引号"和\n换行'], [' 前后空格 ', '']];
    const csv = formatCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual(rows);
  });
});

describe('decodeTextFile', () => {
  it('reads UTF-8, with and without BOM', () => {
    const utf8 = new TextEncoder().encode('姓名,张三');
    expect(decodeTextFile(utf8)).toBe('姓名,张三');
    expect(decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('姓名,张三');
  });

  it('falls back to GBK/GB18030 when the bytes are not UTF-8 (Excel on Chinese Windows)', () => {
    // 张三,男 in GBK: 张 D5C5, 三 C8FD, ',' 2C, 男 C4D0
    const gbk = new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0xc4, 0xd0]);
    expect(decodeTextFile(gbk)).toBe('张三,男');
    expect(parseCsv(decodeTextFile(gbk))).toEqual([['张三', '男']]);
  });

  it('reads UTF-16LE with its byte-order mark (Excel "Unicode 文本")', () => {
    // FF FE, then 张 U+5F20 and 三 U+4E09 little-endian
    expect(decodeTextFile(new Uint8Array([0xff, 0xfe, 0x20, 0x5f, 0x09, 0x4e]))).toBe('张三');
  });
});
