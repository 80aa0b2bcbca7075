// Deadlines the lifecycle speaks of, as calendar dates in 北京时间.
import type { CongressSettings, HandlingAssignment } from '../domain';
import { addDays, addMonths, addWorkingDays, endOfCalendarDay, toCalendarDate, weekdayCalendar, type WorkingCalendar } from './calendar';

/** 办理期限 of a new assignment: today + `settings.handlingMonths` (default 3 months), yyyy-mm-dd. */
export function handlingDeadline(now: Date, settings: Pick<CongressSettings, 'handlingMonths'>): string {
  return addMonths(toCalendarDate(now), settings.handlingMonths);
}

/** 办理期限 of a 重新办理 round after 不满意: today + `settings.rehandlingMonths` (default 1 month), yyyy-mm-dd. */
export function rehandlingDeadline(now: Date, settings: Pick<CongressSettings, 'rehandlingMonths'>): string {
  return addMonths(toCalendarDate(now), settings.rehandlingMonths);
}

/** 附议截止: the end of the day `settings.cosignDeadlineDays` calendar days from today, as an ISO instant. */
export function cosignDeadlineFrom(now: Date, settings: Pick<CongressSettings, 'cosignDeadlineDays'>): string {
  return endOfCalendarDay(addDays(toCalendarDate(now), settings.cosignDeadlineDays)).toISOString();
}

/** The deadline in force: the latest 延期 if any, else the original one. */
export function currentDeadline(assignment: Pick<HandlingAssignment, 'deadline' | 'extensions'>): string {
  return assignment.extensions.reduce((latest, e) => (e.newDeadline > latest ? e.newDeadline : latest), assignment.deadline);
}

/** The last day a unit may 退回 the assignment: `returnWindowWorkingDays` working days after the day it was assigned. */
export function returnWindowEnd(
  assignment: Pick<HandlingAssignment, 'assignedAt'>,
  settings: Pick<CongressSettings, 'returnWindowWorkingDays'>,
  calendar: WorkingCalendar = weekdayCalendar,
): string {
  return addWorkingDays(toCalendarDate(new Date(assignment.assignedAt)), settings.returnWindowWorkingDays, calendar);
}
