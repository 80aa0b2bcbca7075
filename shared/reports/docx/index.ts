export { buildReportDocx, type ReportDocxOptions } from './buildReportDocx';
export { FONTS, CSS_FONT_STACKS, fontTableXml, type OfficeFont } from './fonts';
export * from './layout';
