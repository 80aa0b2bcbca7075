import { useLiveQuery } from 'dexie-react-hooks';
import type { DelegateDeskDb } from '../../data/db';

const byOrder = <T extends { sortOrder?: number; name: string }>(a: T, b: T) =>
  (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.name.localeCompare(b.name, 'zh-CN');

/** Roster lists used by proposal screens, live from the local database. */
export function useRosterOptions(db: DelegateDeskDb) {
  return useLiveQuery(async () => {
    const [categories, units, delegates, meetings, delegations, settings] = await Promise.all([
      db.category.toArray(),
      db.handlingUnit.toArray(),
      db.delegate.toArray(),
      db.annualMeeting.toArray(),
      db.delegation.toArray(),
      db.congressSettings.toArray(),
    ]);
    const live = <T extends { deletedAt?: string }>(rows: T[]) => rows.filter((r) => !r.deletedAt);
    return {
      categories: live(categories).sort(byOrder),
      units: live(units).filter((u) => u.active).sort(byOrder),
      delegates: live(delegates).sort((a, b) => a.delegateNumber.localeCompare(b.delegateNumber)),
      delegations: new Map(live(delegations).map((d) => [d.id, d.name])),
      meetings: live(meetings).sort((a, b) => b.startDate.localeCompare(a.startDate)),
      settings: settings[0],
    };
  }, [db]);
}

export type RosterOptions = NonNullable<ReturnType<typeof useRosterOptions>>;
