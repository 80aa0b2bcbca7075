import { describe, expect, it } from 'vitest';
import { buildAssignment, buildProposal, buildRating, buildReply, cast } from '../lifecycle/fixtures';
import { unitStatistics } from './statistics';

const people = cast();
const today = '2026-07-01';

describe('unitStatistics', () => {
  it('counts each proposal once per unit: assigned, replied, on time, class of the latest answer, rating in force', () => {
    // Round 1 answered on time with C, rated 不满意; round 2 answered late with A, rated 满意.
    const p1 = buildProposal(people, { status: 'closed' });
    const r1 = buildAssignment(p1, people, { deadline: '2026-04-30' });
    const r2 = buildAssignment(p1, people, { round: 2, deadline: '2026-05-31', assignedAt: '2026-05-01T02:00:00.000Z' });
    const reply1 = buildReply(r1, people.unitA, { resultClass: 'C', repliedOn: '2026-04-20' });
    const reply2 = buildReply(r2, people.unitA, { resultClass: 'A', repliedOn: '2026-06-05' });
    const ratings = [
      buildRating(reply1, people.lead, { overall: 'unsatisfied', updatedAt: '2026-04-25T02:00:00.000Z' }),
      buildRating(reply2, people.lead, { overall: 'satisfied', updatedAt: '2026-06-10T02:00:00.000Z' }),
      // A co-signer's view never counts.
      buildRating(reply2, people.invitees[0], { overall: 'unsatisfied', updatedAt: '2026-06-11T02:00:00.000Z' }),
    ];
    // Late first answer, after a 延期 that made it on time.
    const p2 = buildProposal(people, { status: 'replied' });
    const a2 = buildAssignment(p2, people, { deadline: '2026-04-30', extensions: [{ newDeadline: '2026-05-31', reason: '延期', at: '2026-04-20T02:00:00.000Z', by: people.staff }] });
    const reply3 = buildReply(a2, people.unitA, { resultClass: 'B', repliedOn: '2026-05-20' });
    // Still with the unit, deadline passed.
    const p3 = buildProposal(people, { status: 'assigned' });
    const a3 = buildAssignment(p3, people, { deadline: '2026-06-15' });

    const [a, b, c] = unitStatistics({
      unitIds: [people.unitA, people.unitB, people.unitC],
      proposals: [p1, p2, p3],
      assignments: [r1, r2, a2, a3],
      replies: [reply1, reply2, reply3],
      ratings,
      today,
    });
    expect(a).toEqual({
      unitId: people.unitA,
      assigned: 3,
      coHandling: 0,
      replied: 2,
      repliedOnTime: 2,
      overdue: 1,
      returned: 0,
      classes: { A: 1, B: 1, C: 0, D: 0 },
      satisfaction: { satisfied: 1, basicallySatisfied: 0, unsatisfied: 0 },
    });
    expect(b).toMatchObject({ unitId: people.unitB, assigned: 0, coHandling: 3, replied: 0 });
    expect(c).toMatchObject({ unitId: people.unitC, assigned: 0, coHandling: 0 });
  });

  it('a late first answer is not on time; 退回 counts for the returning unit, not as an assignment', () => {
    const p = buildProposal(people, { status: 'replied' });
    const returned = buildAssignment(p, people, { leadUnitId: people.unitC, coUnitIds: [], returned: { unitId: people.unitC, reason: '职责不符', at: '2026-03-05T02:00:00.000Z' } });
    const live = buildAssignment(p, people, { assignedAt: '2026-03-10T02:00:00.000Z', deadline: '2026-06-10', coUnitIds: [] });
    const reply = buildReply(live, people.unitA, { repliedOn: '2026-06-12' });
    const stats = unitStatistics({ unitIds: [], proposals: [p], assignments: [returned, live], replies: [reply], ratings: [], today });
    expect(stats.find((s) => s.unitId === people.unitA)).toMatchObject({ assigned: 1, replied: 1, repliedOnTime: 0, overdue: 0 });
    expect(stats.find((s) => s.unitId === people.unitC)).toMatchObject({ assigned: 0, returned: 1 });
  });

  it('分办: every unit of the round shares the lead author’s rating; deleted rows do not count', () => {
    const p = buildProposal(people, { status: 'closed' });
    const a = buildAssignment(p, people, { mode: 'split', leadUnitId: undefined, coUnitIds: [], splitUnitIds: [people.unitA, people.unitB] });
    const ra = buildReply(a, people.unitA, { resultClass: 'A' });
    const rb = buildReply(a, people.unitB, { resultClass: 'B' });
    const deleted = buildReply(a, people.unitB, { resultClass: 'C', deletedAt: '2026-04-02T02:00:00.000Z' });
    const rating = buildRating(rb, people.lead, { overall: 'basicallySatisfied' });
    const stats = unitStatistics({ unitIds: [people.unitA, people.unitB], proposals: [p], assignments: [a], replies: [ra, rb, deleted], ratings: [rating], today });
    expect(stats.map((s) => [s.assigned, s.replied, s.classes, s.satisfaction.basicallySatisfied])).toEqual([
      [1, 1, { A: 1, B: 0, C: 0, D: 0 }, 1],
      [1, 1, { A: 0, B: 1, C: 0, D: 0 }, 1],
    ]);
  });
});
