export { parseCsv, decodeTextFile } from './parseCsv';
export { formatCsv } from './formatCsv';
export { importRoster, rosterTemplateCsv, ROSTER_TEMPLATE_HEADERS } from './roster';
export type { RosterImportResult, RosterImportError, ExistingRoster, RosterImportOptions } from './roster';
export type { RosterField } from './rosterHeader';
