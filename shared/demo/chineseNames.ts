// Plausible Chinese personal names for demo rosters: surnames weighted roughly by their frequency in
// China (王 李 张 刘 陈 lead), given names of one or two characters drawn from pools typical for men and
// for women of the generations that sit in a congress.
import type { Rng } from './rng';

const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 70], ['张', 66], ['刘', 53], ['陈', 46], ['杨', 33], ['黄', 25], ['赵', 21], ['吴', 20], ['周', 20],
  ['徐', 15], ['孙', 14], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 11], ['何', 11], ['高', 10], ['林', 10], ['罗', 10],
  ['郑', 9], ['梁', 9], ['谢', 8], ['宋', 7], ['唐', 7], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 6],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['袁', 5], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2],
  ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2], ['万', 2],
  ['钱', 2], ['严', 1], ['覃', 1], ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1], ['向', 1], ['汤', 1], ['欧阳', 0.4],
];

const MALE_CHARS = [
  '伟', '刚', '勇', '毅', '俊', '峰', '强', '军', '平', '东', '文', '辉', '力', '明', '永', '健', '志', '兴', '良', '海',
  '山', '波', '宁', '福', '生', '龙', '国', '胜', '学', '祥', '才', '发', '新', '利', '清', '飞', '彬', '富', '顺', '杰',
  '涛', '昌', '成', '康', '星', '光', '天', '达', '安', '中', '茂', '进', '林', '有', '坚', '和', '博', '诚', '先', '振',
  '思', '群', '承', '乐', '绍', '功', '松', '厚', '庆', '磊', '民', '友', '河', '哲', '江', '超', '浩', '亮', '政', '宏',
  '鸣', '斌', '栋', '维', '启', '克', '翔', '旭', '鹏', '泽', '晨', '建', '家', '树', '德', '泰', '盛', '雄', '钧', '华',
];

const FEMALE_CHARS = [
  '秀', '娟', '英', '华', '慧', '巧', '美', '娜', '静', '淑', '惠', '珠', '翠', '雅', '芝', '玉', '萍', '红', '玲', '芬',
  '芳', '燕', '彩', '春', '菊', '兰', '凤', '洁', '梅', '琳', '素', '云', '莲', '雪', '荣', '爱', '霞', '香', '月', '媛',
  '艳', '瑞', '佳', '嘉', '琼', '勤', '珍', '莉', '桂', '晶', '妍', '秋', '珊', '青', '倩', '婷', '婉', '颖', '露', '瑶',
  '怡', '丹', '蓉', '君', '琴', '蕊', '薇', '岚', '敏', '悦', '冰', '晓', '欣', '宁', '丽', '平', '利', '凌', '文',
];

export type Gender = 'male' | 'female';

export function personName(rng: Rng, gender: Gender): string {
  const surname = rng.weighted(SURNAMES);
  const pool = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  // Two-character given names are the norm; single-character ones are common in older generations.
  const given = rng.chance(0.3) ? rng.pick(pool) : pickTwoDistinct(rng, pool);
  return surname + given;
}

/** Names for a whole roster without repeats, which would confuse anyone reading the demo. */
export function uniquePersonNames(rng: Rng, genders: readonly Gender[]): string[] {
  const seen = new Set<string>();
  return genders.map((gender) => {
    for (let attempt = 0; ; attempt++) {
      const name = personName(rng, gender);
      if (!seen.has(name) || attempt > 50) {
        seen.add(name);
        return name;
      }
    }
  });
}

function pickTwoDistinct(rng: Rng, pool: readonly string[]): string {
  const first = rng.pick(pool);
  let second = rng.pick(pool);
  while (second === first) second = rng.pick(pool);
  return first + second;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 15 → 十五, 21 → 二十一, 100 → 一百, 105 → 一百零五 (for 届次, 第N次, 第N活动组). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new Error(`chineseNumber: out of range: ${n}`);
  if (n < 10) return DIGITS[n] as string;
  if (n < 20) return '十' + (n % 10 === 0 ? '' : DIGITS[n % 10]);
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 === 0 ? '' : DIGITS[n % 10]);
  const rest = n % 100;
  const hundreds = DIGITS[Math.floor(n / 100)] + '百';
  if (rest === 0) return hundreds;
  if (rest < 10) return hundreds + '零' + DIGITS[rest];
  // 110 → 一百一十, not 一百十
  return hundreds + (rest < 20 ? '一' + chineseNumber(rest) : chineseNumber(rest));
}
