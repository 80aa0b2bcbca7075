import { describe, expect, it } from 'vitest';
import { buildAssignment, buildProposal, buildRating, buildReply, cast } from '../lifecycle/fixtures';
import { liveAssignmentOf, ratingsOfReplies, repliesOfRound } from './rounds';

const people = cast();

describe('rounds', () => {
  const proposal = buildProposal(people, { status: 'rehandling' });
  const first = buildAssignment(proposal, people, { assignedAt: '2026-03-01T02:00:00.000Z' });
  const returned = buildAssignment(proposal, people, { assignedAt: '2026-02-20T02:00:00.000Z', returned: { unitId: people.unitA, reason: '职责不符', at: '2026-02-21T02:00:00.000Z' } });
  const second = buildAssignment(proposal, people, { round: 2, assignedAt: '2026-05-01T02:00:00.000Z' });

  it('the live assignment is the latest round that was not returned or deleted', () => {
    expect(liveAssignmentOf([second, first, returned])?.id).toBe(second.id);
    expect(liveAssignmentOf([first, { ...second, deletedAt: '2026-05-02T02:00:00.000Z' }])?.id).toBe(first.id);
    expect(liveAssignmentOf([returned])).toBeUndefined();
  });

  it('replies and ratings belong to their own round', () => {
    const old = buildReply(first, people.unitA);
    const now = buildReply(second, people.unitA);
    expect(repliesOfRound(second, [old, now]).map((r) => r.id)).toEqual([now.id]);
    const ratings = [buildRating(old, people.lead), buildRating(now, people.lead)];
    expect(ratingsOfReplies([now], ratings).map((r) => r.replyId)).toEqual([now.id]);
  });
});
