// 交办轮次: which assignment is live, and which replies and ratings belong to its current round.
import type { HandlingAssignment, Reply, ReplyRating } from '../domain';

/** Oldest first: by round, then by when it was assigned (a re-assignment after 退回 keeps round 1). */
export function byRoundThenTime(a: HandlingAssignment, b: HandlingAssignment): number {
  return a.round - b.round || a.assignedAt.localeCompare(b.assignedAt) || a.id.localeCompare(b.id);
}

/**
 * The assignment in force: the latest live one that was not returned (退回). Undefined before 交办, and after a
 * 退回 until the office assigns again.
 */
export function liveAssignmentOf(assignments: readonly HandlingAssignment[]): HandlingAssignment | undefined {
  return assignments.filter((a) => !a.deletedAt && !a.returned).sort(byRoundThenTime).at(-1);
}

/** The live replies given under `assignment` in its own round. */
export function repliesOfRound(assignment: HandlingAssignment, replies: readonly Reply[]): Reply[] {
  return replies.filter((r) => !r.deletedAt && r.assignmentId === assignment.id && r.round === assignment.round);
}

/** The live ratings of the given replies (anyone's: the lifecycle picks the lead author's). */
export function ratingsOfReplies(replies: readonly Reply[], ratings: readonly ReplyRating[]): ReplyRating[] {
  const ids = new Set(replies.map((r) => r.id));
  return ratings.filter((r) => !r.deletedAt && ids.has(r.replyId));
}
