export { buildReportXlsx, type ReportXlsxOptions } from './buildReportXlsx';
export { reportSheets, fittedWidths, displayWidth, type SheetSpec, type SheetColumn, type CellValue } from './reportSheets';
