// The office's 视察 plan, checked before anything is written: each problem in Chinese, keyed by the form field it
// belongs beside (the screen shows it there and keeps what was typed).
import type { Visit } from '../domain';
import { isCalendarDate } from '../lifecycle';

/** Field name → the message shown beside it. Empty: nothing to fix. */
export type FieldErrors = Record<string, string>;

export interface VisitPlanForm {
  kind?: Visit['kind'];
  topic?: string;
  sites?: string[];
  /** yyyy-mm-dd */
  startDate?: string;
  /** yyyy-mm-dd; a one-day visit ends the day it starts */
  endDate?: string;
  /** 组织活动组 */
  organisingGroupId?: string;
  invitedDelegateIds?: string[];
  agenda?: string;
}

/** The plan as it is stored: trimmed text, no blank or repeated sites, each invitee once. */
export interface NormalizedVisitPlan {
  kind: Visit['kind'];
  topic: string;
  sites: string[];
  startDate: string;
  endDate: string;
  organisingGroupId?: string;
  invitedDelegateIds: string[];
  agenda?: string;
}

const SHORT_TEXT_MAX = 200;
const LONG_TEXT_MAX = 50_000;
const blank = (text: string | undefined) => !text || text.trim().length === 0;

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

export function normalizeVisitPlan(form: VisitPlanForm): NormalizedVisitPlan {
  const agenda = form.agenda?.trim();
  return {
    kind: form.kind ?? 'inspection',
    topic: form.topic?.trim() ?? '',
    sites: [...new Set((form.sites ?? []).map((s) => s.trim()).filter(Boolean))],
    startDate: form.startDate ?? '',
    endDate: form.endDate ?? '',
    ...(form.organisingGroupId ? { organisingGroupId: form.organisingGroupId } : {}),
    invitedDelegateIds: [...new Set(form.invitedDelegateIds ?? [])],
    ...(agenda ? { agenda } : {}),
  };
}

function checkDate(errors: FieldErrors, field: string, value: string | undefined, missing: string, label: string) {
  if (blank(value)) errors[field] = missing;
  else if (!isCalendarDate(value!)) errors[field] = `${label}不是有效的日期`;
}

/**
 * 视察计划: a kind, a topic, a start and an end date (not before the start), at least one invited delegate who is
 * on the roster and serving, an existing activity group if one is named, and texts within the stored limits.
 */
export function validateVisitPlan(
  form: VisitPlanForm,
  roster: { activeDelegateIds: ReadonlySet<string>; activityGroupIds: ReadonlySet<string> },
): FieldErrors {
  const errors: FieldErrors = {};
  if (form.kind !== 'inspection' && form.kind !== 'research') errors.kind = '请选择活动类型（视察或调研）';
  if (blank(form.topic)) errors.topic = '请填写视察主题';
  else if (form.topic!.trim().length > SHORT_TEXT_MAX) errors.topic = `主题不能超过 ${SHORT_TEXT_MAX} 个字`;
  if ((form.sites ?? []).some((s) => s.trim().length > SHORT_TEXT_MAX)) errors.sites = `每个地点不能超过 ${SHORT_TEXT_MAX} 个字`;
  checkDate(errors, 'startDate', form.startDate, '请选择开始日期', '开始日期');
  checkDate(errors, 'endDate', form.endDate, '请选择结束日期', '结束日期');
  if (!errors.startDate && !errors.endDate && form.endDate! < form.startDate!) {
    errors.endDate = `结束日期不能早于开始日期（${form.startDate}）`;
  }
  if (form.organisingGroupId && !roster.activityGroupIds.has(form.organisingGroupId)) {
    errors.organisingGroupId = '所选活动组不存在，请重新选择';
  }
  const invited = form.invitedDelegateIds ?? [];
  if (invited.length === 0) errors.invitedDelegateIds = '请至少邀请一名党代表（可按活动组添加）';
  else if (invited.some((id) => !roster.activeDelegateIds.has(id))) {
    errors.invitedDelegateIds = '受邀代表中有不在名册或已终止代表资格的人员，请移除后再保存';
  }
  if ((form.agenda?.trim().length ?? 0) > LONG_TEXT_MAX) errors.agenda = '议程过长，请精简或改为附件';
  return errors;
}

/** 结束视察: the 视察报告 comes first. */
export function validateClosing(summary: string | undefined): FieldErrors {
  return blank(summary) ? { summary: '请先填写视察报告，再结束视察' } : {};
}

/** 视察照片说明 and time. */
export function validatePhotoDetails(details: { caption?: string; takenAt?: string }): FieldErrors {
  const errors: FieldErrors = {};
  if ((details.caption?.trim().length ?? 0) > SHORT_TEXT_MAX) errors.caption = `照片说明不能超过 ${SHORT_TEXT_MAX} 个字`;
  if (details.takenAt !== undefined && Number.isNaN(Date.parse(details.takenAt))) errors.takenAt = '拍摄时间无效';
  return errors;
}
