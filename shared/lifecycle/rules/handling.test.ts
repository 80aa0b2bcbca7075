import { describe, expect, it } from 'vitest';
import type { HandlingAssignment, Proposal, Role } from '../../domain';
import { calendarWithHolidays } from '../calendar';
import { buildAssignment, buildContext, buildProposal, buildRating, buildReply, buildSettings, cast, NOW } from '../fixtures';
import { decide } from '../machine';
import type { LifecycleContext } from '../types';

const people = cast();

function handlingContext(
  role: Role,
  actorId: string,
  status: Proposal['status'] = 'assigned',
  assignmentOverrides: Partial<HandlingAssignment> = {},
  rest: Partial<LifecycleContext> = {},
): LifecycleContext {
  const proposal = buildProposal(people, { status });
  return buildContext(role, actorId, proposal, { assignment: buildAssignment(proposal, people, assignmentOverrides), replies: [], ...rest });
}

describe('assign', () => {
  const accepted = () => buildContext('office', people.staff, buildProposal(people, { status: 'accepted' }));

  it('accepts 主办 + 协办 and 分办 with two or more units', () => {
    expect(decide({ type: 'assign', assignment: { mode: 'lead', leadUnitId: people.unitA, coUnitIds: [people.unitB] } }, accepted())).toEqual({
      ok: true,
      from: 'accepted',
      to: 'assigned',
      patch: { status: 'assigned' },
    });
    expect(decide({ type: 'assign', assignment: { mode: 'split', splitUnitIds: [people.unitA, people.unitB] } }, accepted())).toMatchObject({ ok: true });
  });

  it('refuses incomplete or contradictory unit choices', () => {
    const bad = [
      { mode: 'lead' as const },
      { mode: 'lead' as const, leadUnitId: people.unitA, coUnitIds: [people.unitA] },
      { mode: 'split' as const, splitUnitIds: [people.unitA] },
      { mode: 'split' as const, splitUnitIds: [people.unitA, people.unitA] },
    ];
    for (const assignment of bad) expect(decide({ type: 'assign', assignment }, accepted())).toMatchObject({ ok: false, code: 'invalidData' });
  });

  it('checks an explicit deadline is a real date after today (北京时间)', () => {
    const lead = { mode: 'lead' as const, leadUnitId: people.unitA };
    for (const deadline of ['2026-03-04', '2026-02-30', '2026/06/01']) {
      expect(decide({ type: 'assign', assignment: { ...lead, deadline } }, accepted())).toMatchObject({ ok: false, code: 'invalidData' });
    }
    expect(decide({ type: 'assign', assignment: { ...lead, deadline: '2026-03-05' } }, accepted())).toMatchObject({ ok: true });
  });
});

describe('returnAssignment: the window in working days', () => {
  // Assigned on Wednesday 2026-03-04 (10:00 北京时间); 7 working days → last day Friday 2026-03-13.
  const at = (iso: string) => ({ now: new Date(iso) });
  const returnBy = (rest: Partial<LifecycleContext>, assignmentOverrides: Partial<HandlingAssignment> = {}) =>
    decide({ type: 'returnAssignment', unitId: people.unitA, reason: '不属于本单位职责' }, handlingContext('unit', people.unitA, 'assigned', assignmentOverrides, rest));

  it('is open until the end of the 7th working day, across the weekend', () => {
    expect(returnBy(at('2026-03-13T15:59:00.000Z'))).toEqual({ ok: true, from: 'assigned', to: 'accepted', patch: { status: 'accepted' } });
  });

  it('is closed on the weekend after the 7th working day and later', () => {
    for (const iso of ['2026-03-13T16:00:00.000Z', '2026-03-16T02:00:00.000Z']) {
      expect(returnBy(at(iso))).toMatchObject({ ok: false, code: 'returnWindowPassed', message: expect.stringContaining('2026-03-13') });
    }
  });

  it('counts from the 北京时间 day of assignment: late Friday UTC is already Saturday in Beijing', () => {
    // 2026-03-06T17:00Z = Saturday 01:00 Beijing; 7 working days after Saturday → Tuesday 2026-03-17.
    const assignedAt = '2026-03-06T17:00:00.000Z';
    expect(returnBy(at('2026-03-17T10:00:00.000Z'), { assignedAt })).toMatchObject({ ok: true });
    expect(returnBy(at('2026-03-18T01:00:00.000Z'), { assignedAt })).toMatchObject({ ok: false, code: 'returnWindowPassed' });
  });

  it('uses a holiday calendar when one is supplied', () => {
    const calendar = calendarWithHolidays(['2026-03-09', '2026-03-10']);
    expect(returnBy({ ...at('2026-03-17T02:00:00.000Z'), calendar })).toMatchObject({ ok: true });
    expect(returnBy({ ...at('2026-03-18T02:00:00.000Z'), calendar })).toMatchObject({ ok: false, code: 'returnWindowPassed' });
  });

  it('follows settings.returnWindowWorkingDays', () => {
    const settings = buildSettings({ returnWindowWorkingDays: 2 });
    expect(returnBy({ settings, ...at('2026-03-06T02:00:00.000Z') })).toMatchObject({ ok: true });
    expect(returnBy({ settings, ...at('2026-03-09T02:00:00.000Z') })).toMatchObject({ ok: false, code: 'returnWindowPassed' });
  });

  it('a unit returns only its own assignment, in its own name', () => {
    const ctx = handlingContext('unit', people.unitC);
    expect(decide({ type: 'returnAssignment', unitId: people.unitC, reason: '职责不符' }, ctx)).toMatchObject({ ok: false, code: 'notOwner' });
    const asB = handlingContext('unit', people.unitB);
    expect(decide({ type: 'returnAssignment', unitId: people.unitA, reason: '职责不符' }, asB)).toMatchObject({ ok: false, code: 'notOwner' });
    expect(decide({ type: 'returnAssignment', unitId: people.unitB, reason: '职责不符' }, asB)).toMatchObject({ ok: true, to: 'accepted' });
  });

  it('the office records a return for a unit on the assignment', () => {
    const ctx = handlingContext('office', people.staff);
    expect(decide({ type: 'returnAssignment', unitId: people.unitB, reason: '职责不符' }, ctx)).toMatchObject({ ok: true, to: 'accepted' });
    expect(decide({ type: 'returnAssignment', unitId: people.unitC, reason: '职责不符' }, ctx)).toMatchObject({ ok: false, code: 'invalidData' });
  });

  it('needs a reason, and cannot return twice', () => {
    expect(decide({ type: 'returnAssignment', unitId: people.unitA, reason: '' }, handlingContext('unit', people.unitA))).toMatchObject({
      ok: false,
      code: 'invalidData',
    });
    const returned = { returned: { unitId: people.unitA, reason: '职责不符', at: NOW.toISOString() } };
    expect(
      decide({ type: 'returnAssignment', unitId: people.unitA, reason: '职责不符' }, handlingContext('unit', people.unitA, 'assigned', returned)),
    ).toMatchObject({ ok: false, code: 'alreadyResponded' });
  });
});

describe('extendDeadline', () => {
  const extend = (newDeadline: string, reason = '需协调省级部门', overrides: Partial<HandlingAssignment> = {}) =>
    decide({ type: 'extendDeadline', newDeadline, reason }, handlingContext('office', people.staff, 'assigned', { deadline: '2026-06-04', ...overrides }));

  it('must move the deadline later than the one in force', () => {
    expect(extend('2026-06-04')).toMatchObject({ ok: false, code: 'invalidData', message: '新的办理期限须晚于当前期限 2026-06-04' });
    expect(extend('2026-06-05')).toMatchObject({ ok: true, to: 'assigned' });
  });

  it('compares with the latest extension, not the original deadline', () => {
    const extensions = [{ newDeadline: '2026-07-31', reason: '首次延期', at: NOW.toISOString(), by: people.staff }];
    expect(extend('2026-07-01', '再次延期', { extensions })).toMatchObject({ ok: false, code: 'invalidData', message: expect.stringContaining('2026-07-31') });
    expect(extend('2026-08-31', '再次延期', { extensions })).toMatchObject({ ok: true });
  });

  it('needs a reason and a real date', () => {
    expect(extend('2026-09-01', ' ')).toMatchObject({ ok: false, code: 'invalidData', message: '请填写延期理由' });
    expect(extend('2026-09-31')).toMatchObject({ ok: false, code: 'invalidData' });
  });

  it('needs the current assignment', () => {
    const proposal = buildProposal(people, { status: 'assigned' });
    const ctx = buildContext('office', people.staff, proposal);
    expect(decide({ type: 'extendDeadline', newDeadline: '2026-09-01', reason: '延期' }, ctx)).toMatchObject({ ok: false, code: 'invalidData' });
    // An assignment of another proposal does not count either.
    const foreign = buildAssignment(buildProposal(people), people);
    expect(decide({ type: 'extendDeadline', newDeadline: '2026-09-01', reason: '延期' }, { ...ctx, assignment: foreign })).toMatchObject({
      ok: false,
      code: 'invalidData',
    });
  });
});

describe('recordReply', () => {
  it('class D only when settings.allowClassD', () => {
    const reply = { type: 'recordReply' as const, resultClass: 'D' as const };
    expect(decide(reply, handlingContext('office', people.staff))).toMatchObject({ ok: false, code: 'invalidData' });
    const allowing = handlingContext('office', people.staff, 'assigned', {}, { settings: buildSettings({ allowClassD: true }) });
    expect(decide(reply, allowing)).toMatchObject({ ok: true, to: 'replied' });
  });

  it('主办: the lead unit answers for all; a 协办 unit or an outsider cannot', () => {
    expect(decide({ type: 'recordReply', resultClass: 'A' }, handlingContext('unit', people.unitA))).toMatchObject({ ok: true, to: 'replied' });
    expect(decide({ type: 'recordReply', resultClass: 'A' }, handlingContext('unit', people.unitB))).toMatchObject({ ok: false, code: 'notOwner' });
    expect(decide({ type: 'recordReply', resultClass: 'A' }, handlingContext('unit', people.unitC))).toMatchObject({ ok: false, code: 'notOwner' });
    expect(decide({ type: 'recordReply', resultClass: 'A', unitId: people.unitB }, handlingContext('office', people.staff))).toMatchObject({
      ok: false,
      code: 'invalidData',
    });
  });

  it('a unit replies only in its own name', () => {
    const result = decide({ type: 'recordReply', resultClass: 'A', unitId: people.unitC }, handlingContext('unit', people.unitA));
    expect(result).toMatchObject({ ok: false, code: 'notOwner' });
  });

  describe('分办: replied once every unit has answered', () => {
    const split = { mode: 'split' as const, leadUnitId: undefined, coUnitIds: [], splitUnitIds: [people.unitA, people.unitB] };

    it('the first answer keeps the proposal in handling, the last moves it to 已答复', () => {
      const ctx = handlingContext('office', people.staff, 'assigned', split);
      expect(decide({ type: 'recordReply', resultClass: 'B', unitId: people.unitA }, ctx)).toMatchObject({ ok: true, to: 'assigned' });
      const afterA = { ...ctx, replies: [buildReply(ctx.assignment!, people.unitA)] };
      expect(decide({ type: 'recordReply', resultClass: 'B', unitId: people.unitB }, afterA)).toMatchObject({ ok: true, to: 'replied' });
      expect(decide({ type: 'recordReply', resultClass: 'B', unitId: people.unitA }, afterA)).toMatchObject({ ok: false, code: 'alreadyResponded' });
    });

    it('the office must say which unit answered', () => {
      const ctx = handlingContext('office', people.staff, 'assigned', split);
      expect(decide({ type: 'recordReply', resultClass: 'B' }, ctx)).toMatchObject({ ok: false, code: 'invalidData', message: '请选择作答的分办单位' });
    });

    it('a unit that already answered this round is told so before filling the form', () => {
      const ctx = handlingContext('unit', people.unitA, 'assigned', split);
      const answered = { ...ctx, replies: [buildReply(ctx.assignment!, people.unitA)] };
      expect(decide({ type: 'recordReply', resultClass: 'A' }, answered)).toMatchObject({ ok: false, code: 'alreadyResponded' });
    });

    it('answers from an earlier round do not count in 重新办理', () => {
      const ctx = handlingContext('office', people.staff, 'rehandling', { ...split, round: 2 });
      const earlier = [buildReply(ctx.assignment!, people.unitA, { round: 1 })];
      const result = decide({ type: 'recordReply', resultClass: 'A', unitId: people.unitB }, { ...ctx, replies: earlier });
      expect(result).toMatchObject({ ok: true, to: 'rehandling' });
    });
  });
});

describe('recordConsultation', () => {
  it('a unit on the assignment may record it, another unit may not', () => {
    expect(decide({ type: 'recordConsultation' }, handlingContext('unit', people.unitB))).toMatchObject({ ok: true, to: 'assigned' });
    expect(decide({ type: 'recordConsultation' }, handlingContext('unit', people.unitC))).toMatchObject({ ok: false, code: 'notOwner' });
  });
});

describe('rate', () => {
  const replied = (actor: string) => buildContext('delegate', actor, buildProposal(people, { status: 'replied' }));

  it('满意 and 基本满意 close the proposal; 不满意 sends it to 重新办理', () => {
    expect(decide({ type: 'rate', overall: 'satisfied' }, replied(people.lead))).toMatchObject({ ok: true, to: 'closed' });
    expect(decide({ type: 'rate', overall: 'basicallySatisfied' }, replied(people.lead))).toMatchObject({ ok: true, to: 'closed' });
    expect(decide({ type: 'rate', overall: 'unsatisfied' }, replied(people.lead))).toEqual({
      ok: true,
      from: 'replied',
      to: 'rehandling',
      patch: { status: 'rehandling' },
    });
  });

  it('only the lead author rates', () => {
    expect(decide({ type: 'rate', overall: 'satisfied' }, replied(people.invitees[0]))).toMatchObject({
      ok: false,
      code: 'notOwner',
      message: '只有领衔人可以满意度测评',
    });
  });
});

describe('applyRating: the office applies the lead author’s rating', () => {
  function repliedRound(round = 1, split = false) {
    const proposal = buildProposal(people, { status: 'replied' });
    const assignment = buildAssignment(proposal, people, {
      round,
      ...(split ? { mode: 'split' as const, leadUnitId: undefined, coUnitIds: [], splitUnitIds: [people.unitA, people.unitB] } : {}),
    });
    const replies = split ? [buildReply(assignment, people.unitA), buildReply(assignment, people.unitB)] : [buildReply(assignment, people.unitA)];
    return { proposal, assignment, replies };
  }
  const office = (round: ReturnType<typeof repliedRound>, ratings: LifecycleContext['ratings']) =>
    buildContext('office', people.staff, round.proposal, { assignment: round.assignment, replies: round.replies, ratings });

  it('满意 and 基本满意 close the proposal; 不满意 sends it to 重新办理', () => {
    const round = repliedRound();
    for (const [overall, to] of [['satisfied', 'closed'], ['basicallySatisfied', 'closed'], ['unsatisfied', 'rehandling']] as const) {
      const rating = buildRating(round.replies[0]!, people.lead, { overall });
      expect(decide({ type: 'applyRating', ratingId: rating.id }, office(round, [rating]))).toEqual({ ok: true, from: 'replied', to, patch: { status: to } });
    }
  });

  it('is unavailable, with the reason, until the lead author has rated this round', () => {
    const round = repliedRound(2);
    const earlierRound = buildRating(buildReply({ ...round.assignment, round: 1 }, people.unitA, { round: 1 }), people.lead, { overall: 'unsatisfied' });
    const byCosigner = buildRating(round.replies[0]!, people.invitees[0]);
    for (const ratings of [[], [earlierRound], [byCosigner]]) {
      expect(decide({ type: 'applyRating', ratingId: ratings[0]?.id ?? 'none' }, office(round, ratings))).toMatchObject({
        ok: false,
        code: 'invalidData',
        message: '领衔人尚未对本轮答复作出满意度测评',
      });
    }
  });

  it('takes the lead author’s latest rating and refuses any other', () => {
    const round = repliedRound();
    const first = buildRating(round.replies[0]!, people.lead, { overall: 'unsatisfied', updatedAt: '2026-03-04T02:00:00.000Z' });
    const changedMind = buildRating(round.replies[0]!, people.lead, { overall: 'satisfied', updatedAt: '2026-03-05T02:00:00.000Z' });
    const byCosigner = buildRating(round.replies[0]!, people.invitees[0], { overall: 'unsatisfied' });
    const ctx = office(round, [first, changedMind, byCosigner]);
    expect(decide({ type: 'applyRating', ratingId: changedMind.id }, ctx)).toMatchObject({ ok: true, to: 'closed' });
    expect(decide({ type: 'applyRating', ratingId: first.id }, ctx)).toMatchObject({ ok: false, code: 'invalidData', message: expect.stringContaining('最新测评') });
    expect(decide({ type: 'applyRating', ratingId: byCosigner.id }, ctx)).toMatchObject({ ok: false, code: 'invalidData', message: expect.stringContaining('领衔人') });
  });

  it('分办: a rating of any of the round’s replies answers for the proposal', () => {
    const round = repliedRound(1, true);
    const rating = buildRating(round.replies[1]!, people.lead, { overall: 'unsatisfied' });
    expect(decide({ type: 'applyRating', ratingId: rating.id }, office(round, [rating]))).toMatchObject({ ok: true, to: 'rehandling' });
  });

  it('only the office applies a rating: the delegate’s machine writes the rating row alone', () => {
    const round = repliedRound();
    const rating = buildRating(round.replies[0]!, people.lead);
    const ctx = { ...office(round, [rating]), role: 'delegate' as const, actorId: people.lead };
    expect(decide({ type: 'applyRating', ratingId: rating.id }, ctx)).toMatchObject({ ok: false, code: 'wrongRole' });
  });
});

describe('setFlags', () => {
  const office = () => buildContext('office', people.staff, buildProposal(people, { status: 'assigned', isKey: false, isSupervised: false }));

  it('changes only the flags given', () => {
    expect(decide({ type: 'setFlags', isSupervised: true }, office())).toEqual({
      ok: true,
      from: 'assigned',
      to: 'assigned',
      patch: { status: 'assigned', isSupervised: true },
    });
  });

  it('needs at least one flag', () => {
    expect(decide({ type: 'setFlags' }, office())).toMatchObject({ ok: false, code: 'invalidData' });
  });
});
