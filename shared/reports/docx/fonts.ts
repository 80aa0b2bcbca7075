// The fonts Chinese offices have (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体), and what Word and WPS should use on a
// machine without them: the font table names an alternative (w:altName) with the GB2312 character set and the
// PANOSE class, which is how Word picks a substitute (Windows 10+ ships 仿宋 / 楷体 rather than the _GB2312 fonts).

export interface OfficeFont {
  name: string;
  /** The substitute named in the font table */
  altName: string;
  panose: string;
  pitch: 'fixed' | 'variable';
}

export const FONTS = {
  /** 标题: 方正小标宋简体 */
  title: { name: '方正小标宋简体', altName: '宋体', panose: '02010600030101010101', pitch: 'variable' },
  /** 正文: 仿宋_GB2312 */
  body: { name: '仿宋_GB2312', altName: '仿宋', panose: '02010609060101010101', pitch: 'fixed' },
  /** 一级标题: 黑体 */
  heading1: { name: '黑体', altName: 'SimHei', panose: '02010609060101010101', pitch: 'fixed' },
  /** 二级标题: 楷体_GB2312 */
  heading2: { name: '楷体_GB2312', altName: '楷体', panose: '02010609060101010101', pitch: 'fixed' },
  /** 页码: 宋体 (4号半角宋体阿拉伯数字) */
  pageNumber: { name: '宋体', altName: 'SimSun', panose: '02010600030101010101', pitch: 'variable' },
} as const satisfies Record<string, OfficeFont>;

/** The same family for every script slot, so digits and Latin letters in a sentence match the Chinese text. */
export function runFont(font: OfficeFont): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  return { ascii: font.name, eastAsia: font.name, hAnsi: font.name, cs: font.name };
}

/** CSS font stacks for the print view: the office font first, then what Windows, macOS and Linux have. */
export const CSS_FONT_STACKS = {
  title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05", "华文中宋", "STZhongsong", "宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", serif',
  body: '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif',
  heading1: '"黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif',
  heading2: '"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "Kaiti SC", serif',
  pageNumber: '"宋体", "SimSun", "Songti SC", serif',
} as const;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** word/fontTable.xml listing the fonts with their substitutes (charset 86 = GB2312). */
export function fontTableXml(): string {
  const entries = Object.values(FONTS)
    .filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i)
    .map(
      (f) =>
        `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.altName)}"/><w:panose1 w:val="${f.panose}"/>` +
        `<w:charset w:val="86"/><w:family w:val="${f.pitch === 'fixed' ? 'modern' : 'roman'}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    entries.join('') +
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>' +
    '</w:fonts>'
  );
}
