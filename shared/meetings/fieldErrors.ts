// Form problems as the office's and delegates' forms show them: one Chinese message beside each field.

/** Field name → the message shown beside it. Empty: nothing to fix. */
export type FieldErrors = Record<string, string>;

export const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0;

export const isBlank = (text: string | undefined | null): boolean => !text || text.trim().length === 0;

/** Longest single-line text a record keeps (shared/domain shortText). */
export const SHORT_TEXT_MAX = 200;
/** Longest body text a record keeps (shared/domain longText). */
export const LONG_TEXT_MAX = 50_000;
