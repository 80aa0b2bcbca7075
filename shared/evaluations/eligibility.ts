// Who may vote in a round: every serving delegate, the delegates of some 活动组, or a named list.
import type { Delegate, EvaluationRound } from '../domain';

type Voters = Pick<EvaluationRound, 'voters'>;
type Candidate = Pick<Delegate, 'id' | 'activityGroupId' | 'status'> & { deletedAt?: string };

/** A serving delegate (not 终止代表资格, not removed) the round's voter rule includes. */
export function isEligibleVoter(round: Voters, delegate: Candidate): boolean {
  if (delegate.deletedAt || delegate.status === 'ended') return false;
  switch (round.voters.kind) {
    case 'all':
      return true;
    case 'groups':
      return delegate.activityGroupId !== undefined && round.voters.activityGroupIds.includes(delegate.activityGroupId);
    case 'list':
      return round.voters.delegateIds.includes(delegate.id);
  }
}

/** The ids of the delegates who may vote, in the roster's order. */
export function eligibleVoterIds(round: Voters, delegates: readonly Candidate[]): string[] {
  return delegates.filter((d) => isEligibleVoter(round, d)).map((d) => d.id);
}
