// Inviting delegates to a 视察: whole activity groups at once, or one by one.
import type { Delegate } from '../domain';

/** The serving delegates of the given activity groups, by 代表证号. */
export function delegatesOfGroups(delegates: readonly Delegate[], groupIds: readonly string[]): Delegate[] {
  const groups = new Set(groupIds);
  return delegates
    .filter((d) => !d.deletedAt && d.status === 'active' && d.activityGroupId !== undefined && groups.has(d.activityGroupId))
    .sort((a, b) => a.delegateNumber.localeCompare(b.delegateNumber));
}

/** `current` followed by the ids of `added` not yet in it: the order the office chose stays. */
export function addInvitees(current: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...current, ...added])];
}
