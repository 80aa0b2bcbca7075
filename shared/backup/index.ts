export * from './format';
export * from './backupFile';
export * from './messages';
export { encodeBackupContainer, decodeBackupContainer } from './container';
export type { HeaderFields, SectionInput, DecodedContainer } from './container';
