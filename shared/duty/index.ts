export * from './inputs';
export * from './dutyRecord';
