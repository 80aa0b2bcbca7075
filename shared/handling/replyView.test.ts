import { describe, expect, it } from 'vitest';
import { newId, replyRatingSchema, type Reply, type ReplyRating } from '../domain';
import { buildAssignment, buildProposal, buildReply, cast } from '../lifecycle/fixtures';
import { checkRatingTarget, currentRoundReplies, handlingRounds, handlingStage, ratedOutcome, replyToRate, roundRating } from './replyView';

const STAMP = '2026-04-10T02:00:00.000Z';

function rating(reply: Reply, delegateId: string, overrides: Partial<ReplyRating> = {}): ReplyRating {
  return replyRatingSchema.parse({
    id: newId(),
    createdAt: STAMP,
    updatedAt: STAMP,
    proposalId: reply.proposalId,
    replyId: reply.id,
    delegateId,
    overall: 'satisfied',
    ...overrides,
  });
}

/** A proposal answered once (round 1, 主办 unitA), then sent back to 重新办理 and answered again (round 2). */
function twoRounds() {
  const people = cast();
  const proposal = buildProposal(people, { status: 'replied' });
  const first = buildAssignment(proposal, people, { assignedAt: '2026-01-05T02:00:00.000Z' });
  const second = buildAssignment(proposal, people, { round: 2, assignedAt: '2026-04-20T02:00:00.000Z', deadline: '2026-05-20' });
  const firstReply = buildReply(first, people.unitA, { repliedOn: '2026-03-01' });
  const secondReply = buildReply(second, people.unitA, { repliedOn: '2026-05-10', resultClass: 'A' });
  const firstRating = rating(firstReply, people.lead, { overall: 'unsatisfied', comment: '没有落实具体措施' });
  return { people, proposal, first, second, firstReply, secondReply, firstRating };
}

describe('handling rounds', () => {
  it('groups replies by round, oldest round first, each with its assignment', () => {
    const { first, second, firstReply, secondReply } = twoRounds();
    const rounds = handlingRounds([second, first], [secondReply, firstReply]);
    expect(rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(rounds[0]!.assignment?.id).toBe(first.id);
    expect(rounds[0]!.replies.map((r) => r.id)).toEqual([firstReply.id]);
    expect(rounds[1]!.replies.map((r) => r.id)).toEqual([secondReply.id]);
  });

  it('keeps the re-assignment after 退回 as the round’s assignment, and leaves deleted replies out', () => {
    const people = cast();
    const proposal = buildProposal(people, { status: 'assigned' });
    const returned = buildAssignment(proposal, people, { returned: { unitId: people.unitA, reason: '不属于本单位职责', at: STAMP } });
    const again = buildAssignment(proposal, people, { leadUnitId: people.unitC, assignedAt: '2026-03-10T02:00:00.000Z' });
    const deleted = buildReply(again, people.unitC, { deletedAt: STAMP });
    const rounds = handlingRounds([again, returned], [deleted]);
    expect(rounds).toHaveLength(1);
    expect(rounds[0]!.assignment?.id).toBe(again.id);
    expect(rounds[0]!.replies).toEqual([]);
  });

  it('the current round is the assignment in force; without it on this machine, the highest round of replies', () => {
    const { first, second, firstReply, secondReply } = twoRounds();
    expect(currentRoundReplies([first, second], [firstReply, secondReply]).map((r) => r.id)).toEqual([secondReply.id]);
    expect(currentRoundReplies([], [firstReply, secondReply]).map((r) => r.id)).toEqual([secondReply.id]);
    // Round 2 assigned but not answered yet: nothing to rate.
    expect(currentRoundReplies([first, second], [firstReply])).toEqual([]);
  });

  it('under 分办 the round is rated once, against its latest reply', () => {
    const people = cast();
    const proposal = buildProposal(people, { status: 'replied' });
    const split = buildAssignment(proposal, people, { mode: 'split', leadUnitId: undefined, coUnitIds: [], splitUnitIds: [people.unitA, people.unitB] });
    const a = buildReply(split, people.unitA, { repliedOn: '2026-04-01' });
    const b = buildReply(split, people.unitB, { repliedOn: '2026-04-03' });
    expect(replyToRate(currentRoundReplies([split], [b, a]))?.id).toBe(b.id);
    const given = rating(b, people.lead);
    expect(roundRating([a, b], [given], people.lead)?.id).toBe(given.id);
    const check = checkRatingTarget({ proposalId: proposal.id, reply: a, assignments: [split], replies: [a, b], ratings: [given], delegateId: people.lead });
    expect(check).toEqual({ ok: false, problem: 'alreadyRated', message: '您已对本轮答复进行过满意度测评，每轮答复只能测评一次' });
  });
});

describe('checkRatingTarget', () => {
  it('accepts the current round’s reply the lead author has not rated', () => {
    const { people, proposal, first, second, firstReply, secondReply, firstRating } = twoRounds();
    const check = checkRatingTarget({
      proposalId: proposal.id,
      reply: secondReply,
      assignments: [first, second],
      replies: [firstReply, secondReply],
      ratings: [firstRating],
      delegateId: people.lead,
    });
    expect(check).toEqual({ ok: true });
  });

  it('refuses an earlier round’s reply, naming both rounds', () => {
    const { people, proposal, first, second, firstReply, secondReply } = twoRounds();
    const check = checkRatingTarget({ proposalId: proposal.id, reply: firstReply, assignments: [first, second], replies: [firstReply, secondReply], ratings: [], delegateId: people.lead });
    expect(check).toEqual({ ok: false, problem: 'notCurrentRound', message: '这是第 1 轮的答复，只能对最新一轮（第 2 轮）的答复进行测评' });
  });

  it('refuses another proposal’s reply and a missing or deleted one', () => {
    const { people, proposal, first, firstReply } = twoRounds();
    const other = buildReply(first, people.unitA, { proposalId: newId() });
    const base = { proposalId: proposal.id, assignments: [first], replies: [firstReply], ratings: [], delegateId: people.lead };
    expect(checkRatingTarget({ ...base, reply: other })).toEqual({ ok: false, problem: 'otherProposal', message: '这份答复不属于本件提案' });
    expect(checkRatingTarget({ ...base, reply: undefined })).toEqual({ ok: false, problem: 'notFound', message: '找不到这份答复，请同步后再试' });
    expect(checkRatingTarget({ ...base, reply: { ...firstReply, deletedAt: STAMP } })).toEqual({ ok: false, problem: 'notFound', message: '找不到这份答复，请同步后再试' });
  });

  it('counts only the rating delegate’s own earlier rating', () => {
    const { people, proposal, first, firstReply } = twoRounds();
    const byStranger = rating(firstReply, people.stranger);
    const base = { proposalId: proposal.id, reply: firstReply, assignments: [first], replies: [firstReply], delegateId: people.lead };
    expect(checkRatingTarget({ ...base, ratings: [byStranger] })).toEqual({ ok: true });
    expect(checkRatingTarget({ ...base, ratings: [rating(firstReply, people.lead)] }).ok).toBe(false);
  });
});

describe('where the handling stands', () => {
  it('follows the proposal from 交办 to 办结, waiting for the office once rated', () => {
    const { people, first, second, firstReply, secondReply, firstRating } = twoRounds();
    const lead = people.lead;
    expect(handlingStage('accepted', [], [], [], lead)).toBe('notAssigned');
    expect(handlingStage('assigned', [first], [], [], lead)).toBe('handling');
    expect(handlingStage('replied', [first], [firstReply], [], lead)).toBe('awaitingRating');
    expect(handlingStage('replied', [first], [firstReply], [firstRating], lead)).toBe('ratedAwaitingOffice');
    expect(ratedOutcome([first], [firstReply], [firstRating], lead)).toBe('rehandling');
    expect(handlingStage('rehandling', [first, second], [firstReply], [firstRating], lead)).toBe('rehandling');
    // The second round's reply needs a rating of its own: the first round's does not count for it.
    expect(handlingStage('replied', [first, second], [firstReply, secondReply], [firstRating], lead)).toBe('awaitingRating');
    expect(ratedOutcome([first, second], [firstReply, secondReply], [firstRating], lead)).toBeUndefined();
    const secondRating = rating(secondReply, lead, { overall: 'basicallySatisfied' });
    expect(ratedOutcome([first, second], [firstReply, secondReply], [firstRating, secondRating], lead)).toBe('closed');
    expect(handlingStage('closed', [first, second], [firstReply, secondReply], [firstRating, secondRating], lead)).toBe('closed');
  });

  it('says when a unit returned the assignment and the office has not assigned again', () => {
    const people = cast();
    const proposal = buildProposal(people, { status: 'accepted' });
    const returned = buildAssignment(proposal, people, { returned: { unitId: people.unitA, reason: '不属于本单位职责', at: STAMP } });
    expect(handlingStage('accepted', [returned], [], [], people.lead)).toBe('returned');
  });
});
