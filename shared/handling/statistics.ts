// 承办单位办理情况: each unit's numbers for the 督办 board and the handling report.
import type { HandlingAssignment, Proposal, Reply, ReplyClass, ReplyRating, Satisfaction } from '../domain';
import { currentDeadline, replyingUnitsOf } from '../lifecycle';
import { byRoundThenTime, liveAssignmentOf } from './rounds';
import { groupBy, SUPERVISED_STATUSES } from './supervision';

export interface UnitStatistics {
  unitId: string;
  /** Proposals the unit must answer (主办 or 分办) */
  assigned: number;
  /** Proposals it supports as 协办 */
  coHandling: number;
  /** Proposals it has answered at least once */
  replied: number;
  /** …whose first answer came by the deadline in force for that assignment */
  repliedOnTime: number;
  /** Being handled, not yet answered this round, deadline passed */
  overdue: number;
  /** Assignments it sent back (退回) */
  returned: number;
  /** Result class of its latest answer, per proposal */
  classes: Record<ReplyClass, number>;
  /** The lead author's rating in force of a round the unit answered, latest round per proposal */
  satisfaction: Record<Satisfaction, number>;
}

function empty(unitId: string): UnitStatistics {
  return {
    unitId,
    assigned: 0,
    coHandling: 0,
    replied: 0,
    repliedOnTime: 0,
    overdue: 0,
    returned: 0,
    classes: { A: 0, B: 0, C: 0, D: 0 },
    satisfaction: { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 },
  };
}

/**
 * Per unit, counted per proposal (a proposal counts once for a unit however many rounds it took). Deleted rows,
 * and proposals that are deleted, do not count. `today` decides what is overdue. Units with nothing assigned are
 * listed too when named in `unitIds`.
 */
export function unitStatistics(input: {
  unitIds: readonly string[];
  proposals: readonly Pick<Proposal, 'id' | 'leadDelegateId' | 'status' | 'deletedAt'>[];
  assignments: readonly HandlingAssignment[];
  replies: readonly Reply[];
  ratings: readonly ReplyRating[];
  today: string;
}): UnitStatistics[] {
  const stats = new Map(input.unitIds.map((id) => [id, empty(id)]));
  const statsOf = (unitId: string) => {
    let s = stats.get(unitId);
    if (!s) stats.set(unitId, (s = empty(unitId)));
    return s;
  };
  const proposals = new Map(input.proposals.filter((p) => !p.deletedAt).map((p) => [p.id, p]));
  const assignmentsOf = groupBy(
    input.assignments.filter((a) => !a.deletedAt && proposals.has(a.proposalId)),
    (a) => a.proposalId,
  );
  const liveReplies = input.replies.filter((r) => !r.deletedAt);
  const repliesOf = groupBy(liveReplies, (r) => r.proposalId);
  const ratingsOf = groupBy(
    input.ratings.filter((r) => !r.deletedAt),
    (r) => r.proposalId,
  );

  for (const [proposalId, assignments] of assignmentsOf) {
    const proposal = proposals.get(proposalId)!;
    const sorted = [...assignments].sort(byRoundThenTime);
    const replies = repliesOf.get(proposalId) ?? [];
    const ratings = (ratingsOf.get(proposalId) ?? []).filter((r) => r.delegateId === proposal.leadDelegateId);
    const responsible = new Set<string>();
    const supporting = new Set<string>();
    for (const a of sorted) {
      if (a.returned) statsOf(a.returned.unitId).returned += 1;
      // A returned assignment was never the unit's to answer.
      if (a.returned) continue;
      for (const u of replyingUnitsOf(a)) responsible.add(u);
      for (const u of a.coUnitIds) supporting.add(u);
    }
    for (const u of supporting) if (!responsible.has(u)) statsOf(u).coHandling += 1;

    const live = liveAssignmentOf(sorted);
    for (const unitId of responsible) {
      const s = statsOf(unitId);
      s.assigned += 1;
      const own = replies.filter((r) => r.unitId === unitId).sort((a, b) => a.round - b.round || a.repliedOn.localeCompare(b.repliedOn) || a.createdAt.localeCompare(b.createdAt));
      const first = own[0];
      const latest = own.at(-1);
      if (first && latest) {
        s.replied += 1;
        const firstAssignment = sorted.find((a) => a.id === first.assignmentId);
        if (firstAssignment && first.repliedOn <= currentDeadline(firstAssignment)) s.repliedOnTime += 1;
        s.classes[latest.resultClass] += 1;
      }
      if (live && SUPERVISED_STATUSES.includes(proposal.status) && replyingUnitsOf(live).includes(unitId)) {
        const answered = replies.some((r) => r.unitId === unitId && r.assignmentId === live.id && r.round === live.round);
        if (!answered && currentDeadline(live) < input.today) s.overdue += 1;
      }
      const rating = ratingForUnit(unitId, replies, ratings);
      if (rating) s.satisfaction[rating.overall] += 1;
    }
  }
  return [...stats.values()];
}

/**
 * The lead author's rating that speaks for a unit: of the latest round in which the unit answered, the latest
 * rating of any answer of that round (under 分办 one rating answers for every unit of the round).
 */
function ratingForUnit(unitId: string, replies: readonly Reply[], leadRatings: readonly ReplyRating[]): ReplyRating | undefined {
  const roundKey = (r: Pick<Reply, 'assignmentId' | 'round'>) => `${r.assignmentId}#${r.round}`;
  const replyById = new Map(replies.map((r) => [r.id, r]));
  const unitRounds = new Map(replies.filter((r) => r.unitId === unitId).map((r) => [roundKey(r), r.round]));
  let best: { round: number; rating: ReplyRating } | undefined;
  for (const rating of leadRatings) {
    const reply = replyById.get(rating.replyId);
    if (!reply) continue;
    const round = unitRounds.get(roundKey(reply));
    if (round === undefined) continue;
    if (!best || round > best.round || (round === best.round && rating.updatedAt > best.rating.updatedAt)) best = { round, rating };
  }
  return best?.rating;
}
