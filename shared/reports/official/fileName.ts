// The name offered in the save dialog for an exported document: its title, made safe for every file system the
// office uses (Windows forbids \ / : * ? " < > | and control characters), kept short.

/** "2026年度民主评议结果.docx"; `fallback` when the title leaves nothing. */
export function exportFileName(title: string, extension: 'docx' | 'xlsx', fallback = '导出文件'): string {
  const safe = Array.from(title, (ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .trim()
    // Windows drops trailing dots and spaces, which would leave "名称." as "名称".
    .replace(/[. ]+$/, '');
  return `${safe.slice(0, 120) || fallback}.${extension}`;
}
