// 年会 form: checked before anything is written, each problem in Chinese beside its field.
import type { AnnualMeeting } from '../domain';
import { endOfCalendarDay, formatChinaDateTime, isCalendarDate } from '../lifecycle/calendar';
import { isBlank, SHORT_TEXT_MAX, type FieldErrors } from './fieldErrors';

export interface MeetingForm {
  /** 第N次会议 within the term */
  session?: number | null;
  name?: string;
  /** yyyy-mm-dd */
  startDate?: string;
  endDate?: string;
  /** 提案截止时间, ISO instant */
  proposalDeadline?: string;
}

/** The sessions numbers the schema accepts (shared/domain/meeting.ts). */
export const MAX_SESSION = 20;

/**
 * 会次 an integer 1–20 not used by another meeting of the congress; a name; real dates with the closing day not
 * before the opening day; a 提案截止时间 no later than the end of the closing day (motions are filed for the
 * meeting, so the deadline cannot fall after it).
 */
export function validateMeeting(form: MeetingForm, others: readonly Pick<AnnualMeeting, 'session' | 'name'>[]): FieldErrors {
  const errors: FieldErrors = {};
  const session = form.session;
  if (session === undefined || session === null || Number.isNaN(session)) errors.session = '请填写会次（第几次会议）';
  else if (!Number.isInteger(session) || session < 1 || session > MAX_SESSION) errors.session = `会次须为 1–${MAX_SESSION} 之间的整数`;
  else {
    const taken = others.find((m) => m.session === session);
    if (taken) errors.session = `第 ${session} 次会议已存在（${taken.name}）`;
  }

  if (isBlank(form.name)) errors.name = '请填写年会名称';
  else if (form.name!.trim().length > SHORT_TEXT_MAX) errors.name = `年会名称不能超过 ${SHORT_TEXT_MAX} 个字`;

  if (isBlank(form.startDate)) errors.startDate = '请选择开幕日期';
  else if (!isCalendarDate(form.startDate!)) errors.startDate = '开幕日期不是有效的日期';
  if (isBlank(form.endDate)) errors.endDate = '请选择闭幕日期';
  else if (!isCalendarDate(form.endDate!)) errors.endDate = '闭幕日期不是有效的日期';
  else if (!errors.startDate && form.endDate! < form.startDate!) errors.endDate = '闭幕日期不能早于开幕日期';

  if (isBlank(form.proposalDeadline) || Number.isNaN(Date.parse(form.proposalDeadline!))) errors.proposalDeadline = '请选择提案截止时间';
  else if (!errors.endDate && Date.parse(form.proposalDeadline!) > endOfCalendarDay(form.endDate!).getTime()) {
    errors.proposalDeadline = `提案截止时间不能晚于闭幕日（${form.endDate}）`;
  }
  return errors;
}

export type ProposalWindow =
  /** Motions may still be filed for the meeting */
  | { state: 'open'; deadline: string; msLeft: number }
  /** Less than `soonMs` left (default 2 days): the notice turns from info to warning */
  | { state: 'closingSoon'; deadline: string; msLeft: number }
  /** 提案截止时间 has passed: a new item is a recess 提议 or 意见建议 */
  | { state: 'passed'; deadline: string };

const TWO_DAYS_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * Where a meeting stands with motions at `now`. The state machine refuses a 提案 after the deadline
 * (shared/lifecycle motionDeadline: strictly later than the deadline); this says the same ahead of time.
 */
export function proposalWindow(meeting: Pick<AnnualMeeting, 'proposalDeadline'>, now: Date, soonMs: number = TWO_DAYS_MS): ProposalWindow {
  const deadline = meeting.proposalDeadline;
  const msLeft = Date.parse(deadline) - now.getTime();
  if (msLeft < 0) return { state: 'passed', deadline };
  return msLeft <= soonMs ? { state: 'closingSoon', deadline, msLeft } : { state: 'open', deadline, msLeft };
}

/** "2026-03-11 12:00" for messages and tables. */
export const formatDeadline = (iso: string): string => formatChinaDateTime(iso);
