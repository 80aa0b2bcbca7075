// 办理情况报告: figures, wording, narrative sections, outline and charts. The Word and Excel builders are imported
// from './docx' and './xlsx' directly, so screens that only show figures do not load those libraries.
export * from './labels';
export * from './shares';
export * from './scope';
export * from './handlingReport';
export * from './wording';
export * from './narrative';
export * from './charts';
export * from './outline';
export * from './progress';
export * from './dashboard';
