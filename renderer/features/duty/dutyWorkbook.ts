import type { ProposalStatus } from '../../../shared/domain';
import type { DutyRow } from '../../data/dutyQueries';
import { cellOf, COUNT_COLUMNS, TEXT_COLUMNS, type DutyColumnKey } from './dutyColumns';

/** Everything the workbook says in words, in the user's language. */
export interface DutySheetText {
  sheetName: string;
  byStatusSheetName: string;
  /** First line: whose records, for which period */
  title: string;
  /** Second line: when it was exported */
  exportedAt: string;
  columns: Record<DutyColumnKey, string>;
  /** Column after the counts: 已终止代表资格 or empty */
  statusColumn: string;
  ended: string;
  role: string;
  ledRole: string;
  cosignedRole: string;
  statusLabels: Record<ProposalStatus, string>;
}

const STATUSES: readonly ProposalStatus[] = ['draft', 'collecting', 'submitted', 'received', 'inReview', 'accepted', 'merged', 'rejected', 'assigned', 'replied', 'rehandling', 'closed', 'withdrawn'];

/**
 * 履职档案 as an Excel workbook: one sheet with a row per delegate (in the order given, i.e. as the table is sorted)
 * and one with each delegate's led and co-signed proposals by state. Counts only; it never holds a ballot.
 */
export async function dutyWorkbookBytes(rows: readonly DutyRow[], text: DutySheetText): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded on demand: exceljs is large and only exports need it.
  const module = await import('exceljs');
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'DelegateDesk';

  const keys: DutyColumnKey[] = [...TEXT_COLUMNS, ...COUNT_COLUMNS];
  const sheet = workbook.addWorksheet(text.sheetName, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.addRow([text.title]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, keys.length + 1);
  sheet.addRow([text.exportedAt]);
  const header = sheet.addRow([...keys.map((k) => text.columns[k]), text.statusColumn]);
  header.font = { bold: true };
  for (const row of rows) sheet.addRow([...keys.map((k) => cellOf(row, k)), row.delegate.status === 'ended' ? text.ended : '']);
  keys.forEach((key, i) => {
    sheet.getColumn(i + 1).width = key === 'name' ? 10 : (TEXT_COLUMNS as readonly string[]).includes(key) ? 16 : 12;
  });

  const detail = workbook.addWorksheet(text.byStatusSheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.addRow([text.columns.number, text.columns.name, text.role, ...STATUSES.map((s) => text.statusLabels[s])]).font = { bold: true };
  for (const row of rows) {
    const { ledByStatus, cosignedByStatus } = row.counts;
    detail.addRow([row.delegate.delegateNumber, row.delegate.name, text.ledRole, ...STATUSES.map((s) => ledByStatus[s] ?? 0)]);
    detail.addRow([row.delegate.delegateNumber, row.delegate.name, text.cosignedRole, ...STATUSES.map((s) => cosignedByStatus[s] ?? 0)]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
