// 办理情况 as the proposal page shows it: handling rounds with their replies, whether the round's 满意度测评 is still
// due, and where the handling stands. Pure: the renderer loads the rows, these functions read them.
//
// One rating per round of replies, by the lead author: under 主办 the round has one reply; under 分办 one rating
// answers for all the units' replies of the round (it is stored against the round's latest reply), as the office
// applies it (shared/lifecycle rule `applyRating`, ratingInForce). A 重新办理 round's reply is rated again. The lead
// author's machine writes only the rating; the office applies the outcome (办结, or 重新办理 after 不满意).
import type { HandlingAssignment, ProposalStatus, Reply, ReplyRating } from '../domain';
import { byRoundThenTime, liveAssignmentOf } from './rounds';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One round of handling: the 交办 of that round (the one in force if it was re-assigned after 退回) and its replies. */
export interface HandlingRound {
  round: number;
  assignment?: HandlingAssignment;
  /** Oldest first */
  replies: Reply[];
}

/** Live replies, in the order they were given. */
function liveReplies(replies: readonly Reply[]): Reply[] {
  return replies.filter((r) => !r.deletedAt).sort((a, b) => byText(a.repliedOn, b.repliedOn) || byText(a.createdAt, b.createdAt));
}

/** Rounds oldest first, each with its assignment and replies. */
export function handlingRounds(assignments: readonly HandlingAssignment[], replies: readonly Reply[]): HandlingRound[] {
  const rounds = new Map<number, HandlingRound>();
  const roundOf = (n: number): HandlingRound => {
    const entry = rounds.get(n) ?? { round: n, replies: [] };
    rounds.set(n, entry);
    return entry;
  };
  // Oldest first, so a round ends up with its latest assignment — the one not returned, when there is one.
  const live = assignments.filter((a) => !a.deletedAt).sort(byRoundThenTime);
  for (const a of live) {
    const entry = roundOf(a.round);
    if (!entry.assignment || !a.returned || entry.assignment.returned) entry.assignment = a;
  }
  for (const r of liveReplies(replies)) roundOf(r.round).replies.push(r);
  return [...rounds.values()].sort((a, b) => a.round - b.round);
}

/**
 * The replies the lead author rates now: those of the assignment in force, in its round. Without the assignment on
 * this machine (not synced yet) the replies of the highest round stand in for it.
 */
export function currentRoundReplies(assignments: readonly HandlingAssignment[], replies: readonly Reply[]): Reply[] {
  const live = liveReplies(replies);
  const assignment = liveAssignmentOf(assignments);
  if (assignment) return live.filter((r) => r.assignmentId === assignment.id && r.round === assignment.round);
  const round = Math.max(0, ...live.map((r) => r.round));
  return live.filter((r) => r.round === round);
}

/** The lead author's rating of a set of replies (one round's): their latest live rating of any of them. */
export function roundRating(roundReplies: readonly Pick<Reply, 'id'>[], ratings: readonly ReplyRating[], leadDelegateId: string): ReplyRating | undefined {
  const ids = new Set(roundReplies.map((r) => r.id));
  return ratings
    .filter((r) => !r.deletedAt && r.delegateId === leadDelegateId && ids.has(r.replyId))
    .sort((a, b) => byText(a.updatedAt, b.updatedAt))
    .at(-1);
}

/** The reply a round's rating is stored against: the round's latest (under 分办, the one that completed it). */
export function replyToRate(roundReplies: readonly Reply[]): Reply | undefined {
  return liveReplies(roundReplies).at(-1);
}

/** Why a reply cannot be rated: gone (or not synced), another proposal's, an earlier round's, or already rated. */
export type RatingTargetProblem = 'notFound' | 'otherProposal' | 'notCurrentRound' | 'alreadyRated';

export type RatingTargetCheck = { ok: true } | { ok: false; problem: RatingTargetProblem; message: string };

/**
 * May `delegateId` rate `reply` of proposal `proposalId` now? (Whether they may rate at all — lead author,
 * 已答复 — is the state machine's `rate` rule.) The reply must be this proposal's, of the current round, and that
 * round not rated by them yet.
 */
export function checkRatingTarget(args: {
  proposalId: string;
  reply: Reply | undefined;
  assignments: readonly HandlingAssignment[];
  replies: readonly Reply[];
  ratings: readonly ReplyRating[];
  delegateId: string;
}): RatingTargetCheck {
  const { proposalId, reply, delegateId } = args;
  if (!reply || reply.deletedAt) return { ok: false, problem: 'notFound', message: '找不到这份答复，请同步后再试' };
  if (reply.proposalId !== proposalId) return { ok: false, problem: 'otherProposal', message: '这份答复不属于本件提案' };
  const current = currentRoundReplies(args.assignments, args.replies);
  if (!current.some((r) => r.id === reply.id)) {
    const round = current[0]?.round;
    return {
      ok: false,
      problem: 'notCurrentRound',
      message: round ? `这是第 ${reply.round} 轮的答复，只能对最新一轮（第 ${round} 轮）的答复进行测评` : '这份答复不是本件当前办理轮次的答复，不能测评',
    };
  }
  if (roundRating(current, args.ratings, delegateId)) return { ok: false, problem: 'alreadyRated', message: '您已对本轮答复进行过满意度测评，每轮答复只能测评一次' };
  return { ok: true };
}

/**
 * What the lead author's rating of the current round leads to, once given: 重新办理 after 不满意, else 办结.
 * Undefined while the round is not rated. The office applies it.
 */
export function ratedOutcome(
  assignments: readonly HandlingAssignment[],
  replies: readonly Reply[],
  ratings: readonly ReplyRating[],
  leadDelegateId: string,
): 'closed' | 'rehandling' | undefined {
  const rating = roundRating(currentRoundReplies(assignments, replies), ratings, leadDelegateId);
  if (!rating) return undefined;
  return rating.overall === 'unsatisfied' ? 'rehandling' : 'closed';
}

/**
 * Where the handling stands, for the banner of the 办理情况 section:
 *  - notAssigned: not 交办 yet; returned: a unit sent it back (退回), waiting for the office to assign again
 *  - handling / rehandling: units at work (first round / after 不满意)
 *  - awaitingRating: 已答复, the lead author still has to rate the round
 *  - ratedAwaitingOffice: 已测评, waiting for the office to close it or send it back
 *  - closed: 办结
 */
export type HandlingStage = 'notAssigned' | 'returned' | 'handling' | 'rehandling' | 'awaitingRating' | 'ratedAwaitingOffice' | 'closed';

export function handlingStage(
  status: ProposalStatus,
  assignments: readonly HandlingAssignment[],
  replies: readonly Reply[],
  ratings: readonly ReplyRating[],
  leadDelegateId: string,
): HandlingStage {
  switch (status) {
    case 'closed':
      return 'closed';
    case 'rehandling':
      return 'rehandling';
    case 'assigned':
      return 'handling';
    case 'replied':
      return ratedOutcome(assignments, replies, ratings, leadDelegateId) ? 'ratedAwaitingOffice' : 'awaitingRating';
    default: {
      const latest = assignments.filter((a) => !a.deletedAt).sort(byRoundThenTime).at(-1);
      return latest?.returned ? 'returned' : 'notAssigned';
    }
  }
}
