export * from './types';
export { decide, availableActions } from './machine';
export { STATUS_LABELS, ACTION_LABELS, ROLE_LABELS, PROPOSAL_KIND_LABELS, ACTION_TYPES, statusLabelOf } from './labels';
export { handlingDeadline, rehandlingDeadline, cosignDeadlineFrom, currentDeadline, returnWindowEnd } from './deadlines';
export { minimumCosigners, confirmedCosignerIds, latestCosignature } from './cosigners';
export { nextProposalNumber } from './numbering';
export { currentAssignment, unitsOf, replyingUnitsOf, ratingInForce } from './rules/handling';
export {
  CHINA_UTC_OFFSET_MINUTES,
  addDays,
  addMonths,
  addWorkingDays,
  calendarWithHolidays,
  dayOfWeek,
  endOfCalendarDay,
  formatChinaDateTime,
  isCalendarDate,
  toCalendarDate,
  weekdayCalendar,
  workingDaysBetween,
  type WorkingCalendar,
} from './calendar';
