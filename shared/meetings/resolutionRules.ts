// 决议 adopted by an annual meeting: a title, its text, and the day it was adopted.
import type { AnnualMeeting } from '../domain';
import { isCalendarDate } from '../lifecycle/calendar';
import { isBlank, LONG_TEXT_MAX, SHORT_TEXT_MAX, type FieldErrors } from './fieldErrors';

export interface ResolutionForm {
  title?: string;
  text?: string;
  /** yyyy-mm-dd, optional */
  adoptedOn?: string;
}

/** Title and text required; the adoption day, when given, is a real date not before the meeting opened. */
export function validateResolution(form: ResolutionForm, meeting: Pick<AnnualMeeting, 'startDate'>): FieldErrors {
  const errors: FieldErrors = {};
  if (isBlank(form.title)) errors.title = '请填写决议标题';
  else if (form.title!.trim().length > SHORT_TEXT_MAX) errors.title = `决议标题不能超过 ${SHORT_TEXT_MAX} 个字`;
  if (isBlank(form.text)) errors.text = '请填写决议全文';
  else if (form.text!.trim().length > LONG_TEXT_MAX) errors.text = `决议全文不能超过 ${LONG_TEXT_MAX} 个字`;
  if (!isBlank(form.adoptedOn)) {
    if (!isCalendarDate(form.adoptedOn!)) errors.adoptedOn = '通过日期不是有效的日期';
    else if (form.adoptedOn! < meeting.startDate) errors.adoptedOn = `通过日期不能早于年会开幕日期（${meeting.startDate}）`;
  }
  return errors;
}
