export * from './rounds';
export * from './supervision';
export * from './statistics';
export * from './validation';
