// Chinese numerals for 届次 and 会次 (第十五届第三次): 1–99 is all a congress ever needs.
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 10 → 十, 15 → 十五, 20 → 二十, 99 → 九十九; numbers outside 1–99 stay Arabic. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]!}十${ones === 0 ? '' : DIGITS[ones]!}`;
}

/** 第十五届第三次 — a meeting's place in the term, as documents and tables name it. */
export function termSessionLabel(term: number, session: number): string {
  return `第${chineseNumeral(term)}届第${chineseNumeral(session)}次`;
}

/** The name the form suggests: 第十五届党代会第三次年会 (the office may write its own). */
export function suggestedMeetingName(term: number, session: number): string {
  return `第${chineseNumeral(term)}届党代会第${chineseNumeral(session)}次年会`;
}
