import { useTranslation } from 'react-i18next';
import type { DutyPeriod } from '../../../shared/duty';
import { toCalendarDate } from '../../../shared/lifecycle';
import { chineseNumeral } from '../../../shared/meetings';

/** 'term' or a year, as the period picker's value. */
export type PeriodKey = 'term' | `${number}`;

export const periodOf = (key: PeriodKey): DutyPeriod => (key === 'term' ? { kind: 'term' } : { kind: 'year', year: Number(key) });

/** The picker's choices: the whole term, then this year and every year with a record, latest first. */
export function usePeriodOptions(years: readonly number[] | undefined, term: number) {
  const { t } = useTranslation('duty');
  const thisYear = Number(toCalendarDate(new Date()).slice(0, 4));
  const all = [...new Set([thisYear, ...(years ?? [])])].sort((a, b) => b - a);
  const label = (key: PeriodKey) => (key === 'term' ? t('period.term', { term: chineseNumeral(term) }) : t('period.year', { year: key }));
  return { options: [{ value: 'term' as PeriodKey, label: label('term') }, ...all.map((y) => ({ value: String(y) as PeriodKey, label: label(String(y) as PeriodKey) }))], label };
}
