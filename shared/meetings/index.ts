export * from './fieldErrors';
export * from './chinaTime';
export * from './numerals';
export * from './meetingRules';
export * from './agendaRules';
export * from './resolutionRules';
export * from './noticeRules';
