// What a duty record (履职档案) is derived from. Each input is narrowed to the fields the counting needs, so the
// counting code cannot read more than it should — above all not a ballot's answers.
import type { Ballot, Cosignature, EvaluationRound, Notice, NoticeReceipt, Proposal, Visit, VisitParticipation } from '../domain';

/**
 * That a delegate voted in a round, and nothing of how: the only trace of a ballot the duty record keeps.
 * Built by `ballotCastOf`, never from the answers or the comment.
 */
export interface BallotCast {
  roundId: string;
  voterId: string;
  submittedAt?: string;
  deletedAt?: string;
}

/**
 * The one place a ballot enters the duty code: it copies the round, the voter and when it was submitted (a saved,
 * unsubmitted ballot is not a vote), and reads nothing else — not `answers`, not `comment`.
 */
export function ballotCastOf(ballot: Pick<Ballot, 'roundId' | 'voterId' | 'submittedAt' | 'deletedAt'>): BallotCast {
  return {
    roundId: ballot.roundId,
    voterId: ballot.voterId,
    ...(ballot.submittedAt ? { submittedAt: ballot.submittedAt } : {}),
    ...(ballot.deletedAt ? { deletedAt: ballot.deletedAt } : {}),
  };
}

export interface DutyInputs {
  proposals: readonly Pick<Proposal, 'id' | 'leadDelegateId' | 'invitedCosignerIds' | 'status' | 'submittedAt' | 'createdAt' | 'deletedAt'>[];
  cosignatures: readonly Pick<Cosignature, 'proposalId' | 'delegateId' | 'status' | 'respondedAt' | 'updatedAt' | 'deletedAt'>[];
  visits: readonly Pick<Visit, 'id' | 'startDate' | 'deletedAt'>[];
  participations: readonly Pick<VisitParticipation, 'visitId' | 'delegateId' | 'checkedInAt' | 'updatedAt' | 'deletedAt'>[];
  rounds: readonly Pick<EvaluationRound, 'id' | 'opensAt' | 'closesAt' | 'status' | 'deletedAt'>[];
  ballots: readonly BallotCast[];
  notices: readonly Pick<Notice, 'id' | 'deletedAt'>[];
  receipts: readonly Pick<NoticeReceipt, 'noticeId' | 'delegateId' | 'readAt' | 'reply' | 'repliedAt' | 'updatedAt' | 'deletedAt'>[];
}
