import { describe, expect, it } from 'vitest';
import { buildAssignment, buildProposal, buildReply, buildSettings, cast } from '../lifecycle/fixtures';
import { countByStatus, daysLeft, deadlineStatus, filterSupervision, supervisionItems } from './supervision';

const people = cast();

describe('deadlineStatus: 按期 / 15天内到期 / 已超期', () => {
  it('counts calendar days, across month ends and leap days', () => {
    expect(daysLeft('2026-03-04', '2026-03-04')).toBe(0);
    expect(daysLeft('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysLeft('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysLeft('2026-03-05', '2026-03-04')).toBe(-1);
  });

  it('is yellow from 15 days before the deadline through the deadline day, red the day after', () => {
    const deadline = '2026-06-30';
    expect(deadlineStatus(deadline, '2026-06-14', 15)).toBe('onTime');
    expect(deadlineStatus(deadline, '2026-06-15', 15)).toBe('dueSoon');
    expect(deadlineStatus(deadline, '2026-06-30', 15)).toBe('dueSoon');
    expect(deadlineStatus(deadline, '2026-07-01', 15)).toBe('overdue');
  });

  it('follows the nearDeadlineDays setting', () => {
    expect(deadlineStatus('2026-06-30', '2026-06-20', 5)).toBe('onTime');
    expect(deadlineStatus('2026-06-30', '2026-06-25', 5)).toBe('dueSoon');
  });

  it('refuses what is not a date rather than guessing a colour', () => {
    expect(() => daysLeft('2026-06-31', '2026-07-01')).toThrow();
  });
});

describe('supervisionItems', () => {
  const settings = buildSettings({ nearDeadlineDays: 15 });
  const today = '2026-06-20';

  function handled(title: string, deadline: string, extra: Parameters<typeof buildProposal>[1] = {}) {
    const proposal = buildProposal(people, { status: 'assigned', title, ...extra });
    return { proposal, assignment: buildAssignment(proposal, people, { deadline }) };
  }

  it('lists what is with the units, coloured by the deadline in force, most urgent first', () => {
    const late = handled('逾期件', '2026-06-10');
    const soon = handled('临期件', '2026-06-30');
    const fine = handled('按期件', '2026-09-30');
    const extended = handled('延期件', '2026-06-01');
    extended.assignment.extensions.push({ newDeadline: '2026-08-31', reason: '需跨年度预算', at: '2026-05-20T02:00:00.000Z', by: people.staff });
    const done = handled('已答复件', '2026-06-10', { status: 'replied' });
    const all = [late, soon, fine, extended, done];
    const items = supervisionItems({ proposals: all.map((x) => x.proposal), assignments: all.map((x) => x.assignment), replies: [], today, settings });
    expect(items.map((i) => [i.proposal.title, i.status, i.daysLeft])).toEqual([
      ['逾期件', 'overdue', -10],
      ['临期件', 'dueSoon', 10],
      ['延期件', 'onTime', 72],
      ['按期件', 'onTime', 102],
    ]);
    expect(countByStatus(items)).toEqual({ onTime: 2, dueSoon: 1, overdue: 1 });
  });

  it('uses the live round: a returned assignment and an earlier round do not count', () => {
    const { proposal, assignment: first } = handled('重新办理件', '2026-05-01', { status: 'rehandling' });
    const second = buildAssignment(proposal, people, { round: 2, deadline: '2026-07-20', assignedAt: '2026-06-01T02:00:00.000Z' });
    const returned = buildAssignment(proposal, people, { round: 2, deadline: '2026-06-01', assignedAt: '2026-06-02T02:00:00.000Z', returned: { unitId: people.unitA, reason: '职责不符', at: '2026-06-03T02:00:00.000Z' } });
    const [item] = supervisionItems({ proposals: [proposal], assignments: [first, returned, second], replies: [], today, settings });
    expect(item).toMatchObject({ deadline: '2026-07-20', status: 'onTime', assignment: { id: second.id } });
  });

  it('names the units still to answer this round (分办)', () => {
    const proposal = buildProposal(people, { status: 'assigned' });
    const assignment = buildAssignment(proposal, people, { mode: 'split', leadUnitId: undefined, coUnitIds: [], splitUnitIds: [people.unitA, people.unitB] });
    // unitB answered an earlier, returned assignment only: that does not count for this one.
    const earlier = buildAssignment(proposal, people, { mode: 'split', leadUnitId: undefined, coUnitIds: [], splitUnitIds: [people.unitB, people.unitC] });
    const replies = [buildReply(assignment, people.unitA), buildReply(earlier, people.unitB)];
    const [item] = supervisionItems({ proposals: [proposal], assignments: [assignment], replies, today, settings });
    expect(item?.awaitingUnitIds).toEqual([people.unitB]);
    expect(item?.unitIds).toEqual([people.unitA, people.unitB]);
  });

  it('filters by unit (主办, 协办 or 分办), category, flags and colour', () => {
    const categoryId = 'C'.repeat(26);
    const a = handled('甲', '2026-06-10', { isKey: true, categoryId });
    const b = handled('乙', '2026-09-30', { isSupervised: true });
    b.assignment.leadUnitId = people.unitC;
    b.assignment.coUnitIds = [];
    const items = supervisionItems({ proposals: [a.proposal, b.proposal], assignments: [a.assignment, b.assignment], replies: [], today, settings });
    const titles = (filter: Parameters<typeof filterSupervision>[1]) => filterSupervision(items, filter).map((i) => i.proposal.title);
    expect(titles({})).toEqual(['甲', '乙']);
    expect(titles({ unitId: people.unitB })).toEqual(['甲']);
    expect(titles({ unitId: people.unitC })).toEqual(['乙']);
    expect(titles({ categoryId })).toEqual(['甲']);
    expect(titles({ keyOnly: true })).toEqual(['甲']);
    expect(titles({ supervisedOnly: true })).toEqual(['乙']);
    expect(titles({ status: 'overdue' })).toEqual(['甲']);
    expect(titles({ status: 'dueSoon' })).toEqual([]);
  });
});
