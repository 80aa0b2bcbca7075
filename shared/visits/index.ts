export * from './attendance';
export * from './invitees';
export * from './photoSize';
export * from './validation';
