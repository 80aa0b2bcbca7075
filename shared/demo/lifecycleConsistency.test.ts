// Every demo proposal's status must agree with its data and with the lifecycle state machine: the data that
// a state implies exists (number, merge target, assignment, reply, rating), timestamps run in order, and
// the machine allows exactly the next steps the state promises.
import { describe, expect, it } from 'vitest';
import type { Cosignature, HandlingAssignment, Proposal, Reply, ReplyRating } from '../domain';
import { confirmedCosignerIds, decide, minimumCosigners, nextProposalNumber, replyingUnitsOf } from '../lifecycle';
import type { LifecycleContext } from '../lifecycle';
import { generateDemoCongress } from './generate';
import type { DemoDataset } from './generate';

const NOW = new Date('2026-11-23T08:00:00.000Z');

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

function checkDataset(ds: DemoDataset): string[] {
  const problems: string[] = [];
  const fail = (p: Proposal, message: string) => problems.push(`${p.status} ${p.id} ${p.title}: ${message}`);
  const settings = ds.congressSettings?.[0];
  if (!settings) return ['no settings'];
  const proposals = ds.proposal ?? [];
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const meetings = new Map((ds.annualMeeting ?? []).map((m) => [m.id, m]));
  const cosignatures = groupBy<Cosignature>(ds.cosignature ?? [], (c) => c.proposalId);
  const assignments = groupBy<HandlingAssignment>(ds.handlingAssignment ?? [], (a) => a.proposalId);
  const replies = groupBy<Reply>(ds.reply ?? [], (r) => r.proposalId);
  const ratings = groupBy<ReplyRating>(ds.replyRating ?? [], (r) => r.proposalId);
  const usedNumbers = groupBy(
    proposals.filter((p) => p.number !== undefined && p.meetingId),
    (p) => p.meetingId as string,
  );
  const now = NOW.toISOString();
  const staffId = ds.officeStaff.id;

  for (const p of proposals) {
    const ctx = (overrides: Partial<LifecycleContext>): LifecycleContext => ({
      role: 'office',
      actorId: staffId,
      proposal: p,
      cosignatures: cosignatures.get(p.id) ?? [],
      settings,
      now: NOW,
      ...(p.meetingId ? { meeting: meetings.get(p.meetingId) } : {}),
      ...overrides,
    });
    const submitted = !['draft', 'collecting'].includes(p.status) && !(p.status === 'withdrawn' && !p.submittedAt);
    const decided = ['accepted', 'merged', 'rejected', 'assigned', 'replied', 'rehandling', 'closed'].includes(p.status);
    const handled = ['assigned', 'replied', 'rehandling', 'closed'].includes(p.status);

    // Drafting and co-signing
    if (p.status === 'draft' && (p.invitedCosignerIds.length > 0 || p.submittedAt)) fail(p, 'a draft has invitations or a submission');
    if (p.status === 'collecting' && (!p.cosignDeadline || p.invitedCosignerIds.length === 0 || p.submittedAt)) fail(p, 'collecting without invitations/deadline');
    if (submitted) {
      if (!p.submittedAt) fail(p, 'no submittedAt');
      // A 转为意见建议 item was a 提案 (at a meeting) or a 提议 (in the recess) when it was submitted.
      const kindAtSubmission = p.review?.decision === 'convert' ? (p.meetingId ? 'motion' : 'proposal') : p.kind;
      const confirmed = confirmedCosignerIds(p, cosignatures.get(p.id) ?? []);
      if (confirmed.length < minimumCosigners({ kind: kindAtSubmission }, settings)) fail(p, `only ${confirmed.length} confirmed co-signers`);
      for (const c of cosignatures.get(p.id) ?? []) if (p.submittedAt && c.respondedAt > p.submittedAt) fail(p, 'co-signed after submission');
      const meeting = p.meetingId ? meetings.get(p.meetingId) : undefined;
      if (kindAtSubmission === 'motion' && (!meeting || (p.submittedAt ?? '') > meeting.proposalDeadline)) fail(p, 'motion submitted after the deadline');
    }
    for (const c of cosignatures.get(p.id) ?? []) if (!p.invitedCosignerIds.includes(c.delegateId)) fail(p, 'uninvited co-signature');
    if (p.receivedAt && (!p.submittedAt || p.receivedAt < p.submittedAt)) fail(p, 'received before submitted');
    if (['received', 'inReview'].includes(p.status) || decided) {
      if (!p.receivedAt) fail(p, 'no receivedAt');
    }

    // Review
    if (decided !== (p.review !== undefined)) fail(p, 'review decision does not match status');
    if (p.review && p.receivedAt && p.review.decidedAt < p.receivedAt) fail(p, 'decided before received');
    if (p.number !== undefined && p.review?.decision !== 'accept') fail(p, 'a number without 立案');
    if (p.review?.decision === 'accept' && p.number === undefined) fail(p, '立案 without a number');
    if (p.status === 'merged') {
      const target = byId.get(p.review?.mergedIntoId ?? '');
      if (p.review?.decision !== 'merge' || !target) fail(p, 'merged without an existing target');
      else if (target.id === p.id || ['merged', 'rejected', 'withdrawn', 'draft', 'collecting'].includes(target.status)) fail(p, `merged into a ${target.status} proposal`);
      else if (target.review?.decidedAt && p.review.decidedAt < target.review.decidedAt) fail(p, 'merged into a proposal decided later');
    }
    if (p.status === 'rejected' && !settings.rejectionReasons.some((r) => r.code === p.review?.reasonCode)) fail(p, 'rejected without a configured reason');
    if (p.review?.decision === 'convert' && (p.kind !== 'suggestion' || p.number !== undefined)) fail(p, 'converted but not a numberless suggestion');

    // Handling
    const rounds = (assignments.get(p.id) ?? []).filter((a) => !a.returned).sort((a, b) => a.round - b.round || a.assignedAt.localeCompare(b.assignedAt));
    const current = rounds[rounds.length - 1];
    if (handled !== (current !== undefined)) fail(p, 'live assignment does not match status');
    if (!decided && (assignments.get(p.id) ?? []).length > 0) fail(p, 'assigned before a decision');
    for (const a of assignments.get(p.id) ?? []) {
      if (p.review && a.assignedAt < p.review.decidedAt) fail(p, 'assigned before the decision');
      if (a.returned && a.returned.at < a.assignedAt) fail(p, 'returned before assigned');
    }
    const proposalReplies = replies.get(p.id) ?? [];
    const proposalRatings = ratings.get(p.id) ?? [];
    if (current) {
      const thisRound = proposalReplies.filter((r) => r.assignmentId === current.id && r.round === current.round);
      const allAnswered = replyingUnitsOf(current).every((u) => thisRound.some((r) => r.unitId === u));
      const ratedThisRound = proposalRatings.filter((r) => thisRound.some((reply) => reply.id === r.replyId));
      if ((p.status === 'assigned' || p.status === 'rehandling') && allAnswered) fail(p, 'every unit has replied but the status is still handling');
      if (p.status === 'rehandling' && current.round < 2) fail(p, 'rehandling without a second round');
      if (p.status === 'rehandling' && !proposalRatings.some((r) => r.overall === 'unsatisfied')) fail(p, 'rehandling without an unsatisfied rating');
      if ((p.status === 'replied' || p.status === 'closed') && !allAnswered) fail(p, 'replied/closed without every reply');
      if (p.status === 'replied' && ratedThisRound.length > 0) fail(p, 'replied but already rated');
      if (p.status === 'closed' && !ratedThisRound.some((r) => r.overall !== 'unsatisfied')) fail(p, 'closed without a satisfied rating');
      for (const reply of proposalReplies) if (reply.createdAt < current.assignedAt && reply.round === current.round) fail(p, 'reply before assignment');
      for (const rating of proposalRatings) {
        const reply = proposalReplies.find((r) => r.id === rating.replyId);
        if (!reply || rating.createdAt < reply.createdAt) fail(p, 'rating before its reply');
        if (rating.delegateId !== p.leadDelegateId) fail(p, 'rated by someone other than the lead author');
      }
    }
    if (p.updatedAt > now || p.createdAt > (p.submittedAt ?? now)) fail(p, 'timestamps out of order');

    // The state machine agrees that the next step the status promises is open.
    const ask = (result: ReturnType<typeof decide>, what: string) => {
      if (!result.ok) fail(p, `${what} refused: ${result.message}`);
    };
    if (p.status === 'received' || p.status === 'inReview') {
      const used = (usedNumbers.get(p.meetingId ?? '') ?? []).map((q) => q.number as number);
      if (p.meetingId) ask(decide({ type: 'accept', number: nextProposalNumber(used) }, ctx({ usedNumbers: used })), 'accept');
    }
    if (p.status === 'accepted' && rounds.length === 0) {
      ask(decide({ type: 'assign', assignment: { mode: 'lead', leadUnitId: ds.handlingUnit?.[0]?.id } }, ctx({})), 'assign');
    }
    if ((p.status === 'assigned' || p.status === 'rehandling') && current) {
      const thisRound = proposalReplies.filter((r) => r.assignmentId === current.id && r.round === current.round);
      const unit = replyingUnitsOf(current).find((u) => !thisRound.some((r) => r.unitId === u));
      ask(decide({ type: 'recordReply', resultClass: 'A', unitId: unit }, ctx({ assignment: current, replies: thisRound })), 'recordReply');
    }
    if (p.status === 'replied') {
      ask(decide({ type: 'rate', overall: 'satisfied' }, ctx({ role: 'delegate', actorId: p.leadDelegateId })), 'rate');
    }
  }
  return problems;
}

describe('demo proposals agree with the lifecycle', () => {
  it.each([
    ['county-1y', { seed: 1, size: 'county-1y' as const }],
    ['county-1y, another seed', { seed: 99, size: 'county-1y' as const }],
    ['custom 4 years', { seed: 8, size: { delegates: 90, years: 4, proposalsPerYear: 150 } }],
  ])('%s', (_label, options) => {
    const ds = generateDemoCongress({ ...options, now: NOW });
    expect(checkDataset(ds).slice(0, 20)).toEqual([]);
  });

  it('shows the handling states the office needs to see: overdue, 重新办理, 退回, 延期, 分办', () => {
    const ds = generateDemoCongress({ seed: 1, size: 'county-1y', now: NOW });
    const today = NOW.toISOString().slice(0, 10);
    const live = (ds.handlingAssignment ?? []).filter((a) => !a.returned);
    const assigned = new Set((ds.proposal ?? []).filter((p) => p.status === 'assigned').map((p) => p.id));
    const overdue = live.filter((a) => assigned.has(a.proposalId) && [a.deadline, ...a.extensions.map((e) => e.newDeadline)].sort().at(-1)! < today);
    expect(overdue.length).toBeGreaterThan(0);
    expect((ds.handlingAssignment ?? []).some((a) => a.round === 2)).toBe(true);
    expect((ds.handlingAssignment ?? []).some((a) => a.returned)).toBe(true);
    expect((ds.handlingAssignment ?? []).some((a) => a.extensions.length > 0)).toBe(true);
    expect((ds.handlingAssignment ?? []).some((a) => a.mode === 'split')).toBe(true);
    const classes = (ds.reply ?? []).map((r) => r.resultClass);
    const share = (c: string) => classes.filter((x) => x === c).length / classes.length;
    expect(share('A')).toBeGreaterThan(0.4);
    expect(share('B')).toBeGreaterThan(0.25);
    expect(share('C')).toBeGreaterThan(0.05);
    const ratings = (ds.replyRating ?? []).map((r) => r.overall);
    expect(ratings.filter((r) => r === 'satisfied').length / ratings.length).toBeGreaterThan(0.6);
  });
});
