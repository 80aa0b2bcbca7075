import { describe, expect, it } from 'vitest';
import { exportFileName } from './fileName';

describe('exportFileName', () => {
  it('keeps a Chinese title and adds the extension', () => {
    expect(exportFileName('2026年度民主评议结果', 'docx')).toBe('2026年度民主评议结果.docx');
  });

  it('replaces what Windows forbids, drops trailing dots, falls back when nothing is left', () => {
    expect(exportFileName('关于“A/B”:测评?', 'xlsx')).toBe('关于“A_B”_测评_.xlsx');
    expect(exportFileName('纪要. ', 'docx')).toBe('纪要.docx');
    expect(exportFileName('  ', 'docx', '视察纪要')).toBe('视察纪要.docx');
    expect(exportFileName('长'.repeat(300), 'docx')).toHaveLength(125);
  });
});
