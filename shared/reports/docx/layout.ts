// GB/T 9704-2012《党政机关公文格式》 page layout, in the units Word stores (twips: 1/20 pt, 1/1440 inch).

export const TWIPS_PER_MM = 1440 / 25.4;
export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);

/** Font sizes by their Chinese names, in points (号 sizes). */
export const FONT_PT = {
  二号: 22,
  三号: 16,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
} as const;
/** Word stores run sizes in half-points. */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

export const PAGE = {
  /** A4 210 × 297 mm */
  width: mmToTwips(210),
  height: mmToTwips(297),
  /** 天头 37 mm */
  top: mmToTwips(37),
  /** 订口 28 mm */
  left: mmToTwips(28),
  /** The text block is 156 × 225 mm, so the right margin is 210 − 28 − 156 = 26 mm and the bottom 297 − 37 − 225 = 35 mm. */
  right: mmToTwips(26),
  bottom: mmToTwips(35),
  header: mmToTwips(15),
  /**
   * 页码 sits 7 mm below the text block: its line (4号, exact 14 pt ≈ 4.9 mm high) starts 35 − 7 = 28 mm above the
   * bottom edge, so the footer's bottom is about 23 mm from the edge.
   */
  footer: mmToTwips(23),
} as const;

/** Width of the text block in twips (156 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** Height of the text block in twips (225 mm). */
export const TEXT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/**
 * 22 lines in 225 mm: 579 twips (28.95 pt) per line — 580 would leave room for only 21. Body paragraphs use this
 * as an exact line height too, so the count holds even where the grid is not honoured (WPS, LibreOffice).
 */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);

/** Body type, 3号 = 16 pt. */
export const BODY_PT = FONT_PT.三号;

/**
 * 28 characters in 156 mm: the character grid's pitch is 156 mm / 28 ≈ 15.79 pt, slightly less than the 16 pt body
 * type. Word stores the difference to the body size in 1/4096 pt (w:charSpace), here −842: rounded down, since a
 * pitch a hair too wide leaves room for only 27 characters.
 */
export const CHAR_SPACE = Math.floor((TEXT_WIDTH / 20 / CHARS_PER_LINE - BODY_PT) * 4096);

/** Two characters of body type, the first-line indent of a paragraph (and of 一、 headings). */
export const INDENT_2_CHARS = 2 * BODY_PT * 20;
