// The duty table's columns, shared by the screen (sortable) and the Excel export (same order, same sort).
import type { DutyCounts } from '../../../shared/duty';
import type { DutyRow } from '../../data/dutyQueries';

export type DutyColumnKey = 'number' | 'name' | 'delegation' | 'group' | 'led' | 'ledAccepted' | 'cosigned' | 'visits' | 'ballots' | 'noticesRead' | 'noticesAnswered';

const COUNT_OF: Record<Extract<DutyColumnKey, 'led' | 'ledAccepted' | 'cosigned' | 'visits' | 'ballots' | 'noticesRead' | 'noticesAnswered'>, keyof DutyCounts> = {
  led: 'led',
  ledAccepted: 'ledAccepted',
  cosigned: 'cosigned',
  visits: 'visitsAttended',
  ballots: 'ballotsCast',
  noticesRead: 'noticesRead',
  noticesAnswered: 'noticesAnswered',
};

export const COUNT_COLUMNS = Object.keys(COUNT_OF) as (keyof typeof COUNT_OF)[];
export const TEXT_COLUMNS = ['number', 'name', 'delegation', 'group'] as const;

/** A row's value in a column: text for who, a number for each count. */
export function cellOf(row: DutyRow, key: DutyColumnKey): string | number {
  switch (key) {
    case 'number':
      return row.delegate.delegateNumber;
    case 'name':
      return row.delegate.name;
    case 'delegation':
      return row.delegationName ?? '';
    case 'group':
      return row.activityGroupName ?? '';
    default:
      return row.counts[COUNT_OF[key]] as number;
  }
}

/** Ascending comparison for a column: numbers by value, 代表证号 numerically, names by 拼音 order. */
export function compareBy(key: DutyColumnKey): (a: DutyRow, b: DutyRow) => number {
  return (a, b) => {
    const x = cellOf(a, key);
    const y = cellOf(b, key);
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x).localeCompare(String(y), 'zh-CN', { numeric: true });
  };
}

export interface DutySort {
  key: DutyColumnKey;
  order: 'ascend' | 'descend';
}

/** The rows in the order the table shows them (ties keep 代表证号 order). */
export function sortRows(rows: readonly DutyRow[], sort: DutySort | undefined): DutyRow[] {
  if (!sort) return [...rows];
  const compare = compareBy(sort.key);
  const byNumber = compareBy('number');
  return [...rows].sort((a, b) => (sort.order === 'ascend' ? compare(a, b) : compare(b, a)) || byNumber(a, b));
}
