import { describe, expect, it } from 'vitest';
import { chinaWallClockToIso, chinaYearOf, isoToChinaWallClock } from './chinaTime';
import { chineseNumeral, suggestedMeetingName, termSessionLabel } from './numerals';

describe('北京时间 wall clock', () => {
  it('reads "yyyy-mm-dd HH:mm" as Beijing time and writes it back the same way', () => {
    expect(chinaWallClockToIso('2026-03-11 12:00')).toBe('2026-03-11T04:00:00.000Z');
    expect(chinaWallClockToIso('2026-03-11 06:30')).toBe('2026-03-10T22:30:00.000Z');
    expect(isoToChinaWallClock('2026-03-10T22:30:00.000Z')).toBe('2026-03-11 06:30');
  });

  it('refuses what is not a real date and time', () => {
    for (const text of ['2026-02-30 10:00', '2026-03-11 24:00', '2026-03-11 10:60', '2026-03-11', '明天中午', '']) {
      expect(chinaWallClockToIso(text), text).toBeUndefined();
    }
  });

  it('dates an act by its Beijing year', () => {
    expect(chinaYearOf('2026-12-31T15:59:59.000Z')).toBe(2026);
    expect(chinaYearOf('2026-12-31T16:00:00.000Z')).toBe(2027);
  });
});

describe('届次 and 会次 in Chinese', () => {
  it('writes 1–99 as Chinese numerals', () => {
    expect([1, 3, 10, 11, 15, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '三', '十', '十一', '十五', '二十', '二十一', '九十九']);
    expect(chineseNumeral(0)).toBe('0');
    expect(chineseNumeral(100)).toBe('100');
  });

  it('labels and names a meeting by term and session', () => {
    expect(termSessionLabel(15, 3)).toBe('第十五届第三次');
    expect(suggestedMeetingName(15, 3)).toBe('第十五届党代会第三次年会');
  });
});
