// The office's handling forms, checked before anything is written: each problem in Chinese, keyed by the form
// field it belongs beside. The state machine checks the same rules again (and who may act, and when).
import type { Consultation, HandlingAssignment, ReplyClass } from '../domain';
import { isCalendarDate } from '../lifecycle';

/** Field name → the message shown beside it. Empty: nothing to fix. */
export type FieldErrors = Record<string, string>;

const SHORT_TEXT_MAX = 200;
const blank = (text: string | undefined) => !text || text.trim().length === 0;
const tooLong = (text: string | undefined) => (text?.trim().length ?? 0) > SHORT_TEXT_MAX;

function checkDate(errors: FieldErrors, field: string, value: string | undefined, missing: string, label: string) {
  if (blank(value)) errors[field] = missing;
  else if (!isCalendarDate(value!)) errors[field] = `${label}不是有效的日期`;
}

export interface AssignmentForm {
  mode: HandlingAssignment['mode'];
  leadUnitId?: string;
  coUnitIds?: string[];
  splitUnitIds?: string[];
  /** yyyy-mm-dd */
  deadline?: string;
}

/** 交办: a 主办 unit (never also 协办), or at least two 分办 units; units in use; a deadline after today. */
export function validateAssignment(form: AssignmentForm, options: { activeUnitIds: ReadonlySet<string>; today: string }): FieldErrors {
  const errors: FieldErrors = {};
  const unknown = (ids: readonly string[]) => ids.some((id) => !options.activeUnitIds.has(id));
  if (form.mode === 'lead') {
    const co = form.coUnitIds ?? [];
    if (!form.leadUnitId) errors.leadUnitId = '请选择主办单位';
    else if (unknown([form.leadUnitId])) errors.leadUnitId = '所选主办单位已停用或不存在，请重新选择';
    if (form.leadUnitId && co.includes(form.leadUnitId)) errors.coUnitIds = '主办单位不能同时是协办单位';
    else if (unknown(co)) errors.coUnitIds = '所选协办单位中有已停用或不存在的单位';
  } else {
    const split = [...new Set(form.splitUnitIds ?? [])];
    if (split.length < 2) errors.splitUnitIds = '分办至少需要 2 个承办单位；只有一个单位时请选择“主办”';
    else if (unknown(split)) errors.splitUnitIds = '所选分办单位中有已停用或不存在的单位';
  }
  checkDate(errors, 'deadline', form.deadline, '请选择办理期限', '办理期限');
  if (!errors.deadline && form.deadline! <= options.today) errors.deadline = '办理期限须晚于今天';
  return errors;
}

/** 延期: a later deadline than the one in force, and why. */
export function validateExtension(form: { newDeadline?: string; reason?: string }, deadlineInForce: string): FieldErrors {
  const errors: FieldErrors = {};
  checkDate(errors, 'newDeadline', form.newDeadline, '请选择新的办理期限', '新的办理期限');
  if (!errors.newDeadline && form.newDeadline! <= deadlineInForce) errors.newDeadline = `新的办理期限须晚于当前期限 ${deadlineInForce}`;
  if (blank(form.reason)) errors.reason = '请填写延期理由';
  return errors;
}

/** 退回: which unit on the assignment sends it back, and why. */
export function validateReturn(form: { unitId?: string; reason?: string }, unitIdsOnAssignment: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.unitId) errors.unitId = '请选择退回的单位';
  else if (!unitIdsOnAssignment.includes(form.unitId)) errors.unitId = '该单位不是本件的承办单位';
  if (blank(form.reason)) errors.reason = '请填写退回理由';
  return errors;
}

export interface ConsultationForm {
  unitId?: string;
  date?: string;
  form?: Consultation['form'];
  notes?: string;
}

/** 办前面商: the unit that met the lead author, when (not in the future) and how. */
export function validateConsultation(form: ConsultationForm, options: { unitIds: readonly string[]; today: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.unitId) errors.unitId = '请选择承办单位';
  else if (!options.unitIds.includes(form.unitId)) errors.unitId = '该单位不是本件的承办单位';
  checkDate(errors, 'date', form.date, '请选择面商日期', '面商日期');
  if (!errors.date && form.date! > options.today) errors.date = '面商日期不能晚于今天';
  if (!form.form) errors.form = '请选择面商形式';
  return errors;
}

export interface ReplyForm {
  unitId?: string;
  text?: string;
  /** 文号 */
  documentNumber?: string;
  signer?: string;
  /** yyyy-mm-dd */
  repliedOn?: string;
  resultClass?: ReplyClass;
  adoptedItems?: string[];
  plannedItems?: string[];
}

/**
 * 答复: the answering unit (分办: which one), the letter's text or its scan, the date (not in the future), and the
 * result class — D only when the congress allows it.
 */
export function validateReply(
  form: ReplyForm,
  options: { allowClassD: boolean; replyingUnitIds: readonly string[]; hasAttachment: boolean; today: string },
): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.unitId) errors.unitId = '请选择作答的承办单位';
  else if (!options.replyingUnitIds.includes(form.unitId)) errors.unitId = '该单位不是本件的答复单位';
  if (blank(form.text) && !options.hasAttachment) errors.text = '请填写答复内容，或添加答复函扫描件';
  checkDate(errors, 'repliedOn', form.repliedOn, '请选择答复日期', '答复日期');
  if (!errors.repliedOn && form.repliedOn! > options.today) errors.repliedOn = '答复日期不能晚于今天';
  if (!form.resultClass) errors.resultClass = '请选择答复类别';
  else if (form.resultClass === 'D' && !options.allowClassD) errors.resultClass = '未启用 D 类答复，请选择 A、B 或 C 类';
  if (tooLong(form.documentNumber)) errors.documentNumber = '文号不超过 200 字';
  if (tooLong(form.signer)) errors.signer = '签发人不超过 200 字';
  for (const field of ['adoptedItems', 'plannedItems'] as const) {
    if ((form[field] ?? []).some(tooLong)) errors[field] = '每一项不超过 200 字';
  }
  return errors;
}

export interface UnitForm {
  name?: string;
  contactName?: string;
  contactPhone?: string;
}

const PHONE = /^[0-9+\-\s()（）转]{5,30}$/;

/** 承办单位: a name no other unit has, and a phone number that looks like one (extensions with 转 allowed). */
export function validateUnit(form: UnitForm, otherUnitNames: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  const name = form.name?.trim() ?? '';
  if (!name) errors.name = '请填写单位名称';
  else if (tooLong(name)) errors.name = '单位名称不超过 200 字';
  else if (otherUnitNames.some((n) => n.trim() === name)) errors.name = '已有同名的承办单位';
  if (tooLong(form.contactName)) errors.contactName = '联系人不超过 200 字';
  if (!blank(form.contactPhone) && !PHONE.test(form.contactPhone!.trim())) errors.contactPhone = '联系电话格式不正确，例如 0731-12345678 或 13800000000';
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
