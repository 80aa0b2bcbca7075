import { importRoster, rosterTemplateCsv, type ExistingRoster, type RosterImportResult } from '../../../shared/roster-import';
import { getBridge } from '../../bridge/client';
import { readSpreadsheetRows } from '../../data/xlsx';

/** A roster file the office chose, already checked row by row. */
export interface LoadedRoster {
  fileName: string;
  result: RosterImportResult;
}

/**
 * Asks for a roster file (.xlsx / .csv) and checks it against what is stored. Null when the user cancels.
 * Throws when the file cannot be opened or read; `fileName` is set on the error when known.
 */
export async function chooseRosterFile(
  dialog: { title: string; filterName: string },
  existing: ExistingRoster,
): Promise<LoadedRoster | null> {
  const file = await getBridge().openFile({ title: dialog.title, filters: [{ name: dialog.filterName, extensions: ['xlsx', 'csv'] }] });
  if (!file) return null;
  try {
    const rows = await readSpreadsheetRows(file.bytes, file.name);
    return { fileName: file.name, result: importRoster(rows, existing) };
  } catch (error) {
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { fileName: file.name });
  }
}

/** Saves the CSV template (UTF-8 with BOM so Excel on Chinese Windows opens it correctly). Null when cancelled. */
export async function saveRosterTemplate(defaultName: string, filterName: string): Promise<string | null> {
  const bytes = new TextEncoder().encode(rosterTemplateCsv());
  const saved = await getBridge().saveFile({ defaultName, filters: [{ name: filterName, extensions: ['csv'] }], bytes });
  return saved?.name ?? null;
}

/** "第 3 行：姓名为空" → "姓名为空": the row number has its own column in the error table. */
export function reasonWithoutRow(message: string): string {
  return message.replace(/^第\s*\d+\s*行[：:]\s*/, '');
}
