// 督办: how much time an item has left, in the three colours the office chases by.
import type { CongressSettings, HandlingAssignment, Proposal, ProposalStatus, Reply } from '../domain';
import { currentDeadline, isCalendarDate, replyingUnitsOf, unitsOf } from '../lifecycle';
import { liveAssignmentOf, repliesOfRound } from './rounds';

/**
 * 按期 (green): more than `nearDeadlineDays` calendar days left; 15天内到期 (yellow): due within them, the deadline
 * day itself included; 已超期 (red): the deadline has passed.
 */
export type DeadlineStatus = 'onTime' | 'dueSoon' | 'overdue';

export const DEADLINE_STATUSES: readonly DeadlineStatus[] = ['onTime', 'dueSoon', 'overdue'];

/** Calendar days from `today` to `deadline` (both yyyy-mm-dd): 0 on the day itself, negative once passed. */
export function daysLeft(today: string, deadline: string): number {
  if (!isCalendarDate(today) || !isCalendarDate(deadline)) throw new Error(`Not calendar dates: ${today}, ${deadline}`);
  // Both are UTC midnights, so the difference is a whole number of days.
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function deadlineStatus(deadline: string, today: string, nearDeadlineDays: number): DeadlineStatus {
  const left = daysLeft(today, deadline);
  if (left < 0) return 'overdue';
  return left <= nearDeadlineDays ? 'dueSoon' : 'onTime';
}

/** Statuses on the 督办 board: with the units, being handled or re-handled. */
export const SUPERVISED_STATUSES: readonly ProposalStatus[] = ['assigned', 'rehandling'];

export interface SupervisionItem {
  proposal: Proposal;
  assignment: HandlingAssignment;
  /** 办理期限 in force (the latest 延期) */
  deadline: string;
  daysLeft: number;
  status: DeadlineStatus;
  /** Every unit on the assignment (主办, 协办, 分办) */
  unitIds: string[];
  /** The units that must still reply in this round */
  awaitingUnitIds: string[];
}

/**
 * Everything with the units now, most urgent first (overdue longest first, then fewest days left). Proposals
 * without a live assignment (data not synced yet) are left out rather than guessed.
 */
export function supervisionItems(input: {
  proposals: readonly Proposal[];
  assignments: readonly HandlingAssignment[];
  replies: readonly Reply[];
  today: string;
  settings: Pick<CongressSettings, 'nearDeadlineDays'>;
}): SupervisionItem[] {
  const assignmentsOf = groupBy(input.assignments, (a) => a.proposalId);
  const repliesOf = groupBy(input.replies, (r) => r.proposalId);
  const items: SupervisionItem[] = [];
  for (const proposal of input.proposals) {
    if (proposal.deletedAt || !SUPERVISED_STATUSES.includes(proposal.status)) continue;
    const assignment = liveAssignmentOf(assignmentsOf.get(proposal.id) ?? []);
    if (!assignment) continue;
    const deadline = currentDeadline(assignment);
    const answered = new Set(repliesOfRound(assignment, repliesOf.get(proposal.id) ?? []).map((r) => r.unitId));
    items.push({
      proposal,
      assignment,
      deadline,
      daysLeft: daysLeft(input.today, deadline),
      status: deadlineStatus(deadline, input.today, input.settings.nearDeadlineDays),
      unitIds: unitsOf(assignment),
      awaitingUnitIds: replyingUnitsOf(assignment).filter((u) => !answered.has(u)),
    });
  }
  return items.sort((a, b) => a.daysLeft - b.daysLeft || (a.proposal.number ?? Infinity) - (b.proposal.number ?? Infinity));
}

export interface SupervisionFilter {
  unitId?: string;
  categoryId?: string;
  /** 重点提案 only */
  keyOnly?: boolean;
  /** 重点督办 only */
  supervisedOnly?: boolean;
  status?: DeadlineStatus;
}

export function filterSupervision(items: readonly SupervisionItem[], filter: SupervisionFilter): SupervisionItem[] {
  return items.filter(
    (i) =>
      (!filter.unitId || i.unitIds.includes(filter.unitId)) &&
      (!filter.categoryId || i.proposal.categoryId === filter.categoryId) &&
      (!filter.keyOnly || i.proposal.isKey) &&
      (!filter.supervisedOnly || i.proposal.isSupervised) &&
      (!filter.status || i.status === filter.status),
  );
}

export function countByStatus(items: readonly SupervisionItem[]): Record<DeadlineStatus, number> {
  const counts: Record<DeadlineStatus, number> = { onTime: 0, dueSoon: 0, overdue: 0 };
  for (const i of items) counts[i.status] += 1;
  return counts;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
