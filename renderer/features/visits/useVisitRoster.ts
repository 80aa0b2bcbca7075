import { useLiveQuery } from 'dexie-react-hooks';
import type { ActivityGroup, Delegate } from '../../../shared/domain';
import type { DelegateDeskDb } from '../../data/db';

export interface VisitRoster {
  /** Every delegate (ended and removed too: old records still name them), by 代表证号 */
  delegates: Delegate[];
  byId: Map<string, Delegate>;
  groups: ActivityGroup[];
  groupName: (id: string | undefined) => string | undefined;
  /** "张建国（001 · 第一活动组）" */
  label: (id: string) => string;
}

/** The roster the visit screens name people and groups from, live from the local database. */
export function useVisitRoster(db: DelegateDeskDb): VisitRoster | undefined {
  return useLiveQuery(async () => {
    const [delegates, groups] = await Promise.all([db.delegate.toArray(), db.activityGroup.toArray()]);
    const sortedGroups = groups.filter((g) => !g.deletedAt).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    const groupNames = new Map(groups.map((g) => [g.id, g.name]));
    const sorted = [...delegates].sort((a, b) => a.delegateNumber.localeCompare(b.delegateNumber));
    const byId = new Map(sorted.map((d) => [d.id, d]));
    const groupName = (id: string | undefined) => (id ? groupNames.get(id) : undefined);
    return {
      delegates: sorted,
      byId,
      groups: sortedGroups,
      groupName,
      label: (id: string) => {
        const d = byId.get(id);
        if (!d) return id;
        const group = groupName(d.activityGroupId);
        return `${d.name}（${d.delegateNumber}${group ? ` · ${group}` : ''}）`;
      },
    };
  }, [db]);
}
