import type { Delegate } from '../domain';

/** 男/女 and the English words; anything else is a row error. */
export function parseGender(text: string): Delegate['gender'] | 'invalid' {
  const value = text.trim().toLowerCase();
  if (value === '') return undefined;
  if (value === '男' || value === 'male' || value === 'm') return 'male';
  if (value === '女' || value === 'female' || value === 'f') return 'female';
  return 'invalid';
}

export type PhoneCheck = { ok: true; phone: string | undefined } | { ok: false; message: string };

/**
 * A Chinese mobile (11 digits starting 13–19, optionally +86), a landline with area code
 * (0xx(x)-xxxxxxx(x), optional extension) or a local 7–8 digit number. Spaces and hyphens are allowed
 * as the office typed them; the value is stored trimmed.
 */
export function checkPhone(text: string): PhoneCheck {
  const phone = text.trim();
  if (phone === '') return { ok: true, phone: undefined };
  if (/^\d(\.\d+)?e\+?\d+$/i.test(phone)) {
    return { ok: false, message: `联系电话“${phone}”被 Excel 存成了科学计数法，请将该列设为文本格式后重新填写` };
  }
  const digits = phone.replace(/[\s-]/g, '');
  const mobile = /^(\+?86)?1[3-9]\d{9}$/;
  const landline = /^0\d{2,3}\d{7,8}(\d{1,5})?$/;
  const local = /^\d{7,8}$/;
  if (/^\+?\d+$/.test(digits) && (mobile.test(digits) || landline.test(digits) || local.test(digits)) && phone.length <= 20) {
    return { ok: true, phone };
  }
  return { ok: false, message: `联系电话“${phone}”格式不正确，应为 11 位手机号或带区号的固定电话` };
}
