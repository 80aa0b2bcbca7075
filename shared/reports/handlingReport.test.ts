import { describe, expect, it } from 'vitest';
import { buildHandlingReport, numberLabelOf } from './handlingReport';
import { reportFixture } from './reportFixtures';
import { reportScope } from './scope';

describe('reportScope', () => {
  it("covers the meeting's 提案 and the recess items received from its opening day to the next meeting's", () => {
    const { input, proposals } = reportFixture();
    const scope = reportScope(input.meeting, input.meetings, input.proposals);
    expect(scope.period).toEqual({
      meetingId: input.meeting.id,
      meetingName: '某某县第十五届党代会第一次年会',
      from: '2026-03-10',
      until: '2027-03-10',
      nextMeetingName: '某某县第十五届党代会第二次年会',
    });
    // Motions by number, unnumbered ones by arrival, then 提议, then 意见建议; drafts and withdrawn items left out.
    const { p1, p2, p3, p4, p5, p6, p7, p8, r1, r2 } = proposals;
    expect(scope.proposals.map((p) => p.id)).toEqual([p1, p2, p3, p4, p5, p6, p7, p8, r1, r2].map((p) => p.id));
    expect(scope.withdrawnAfterReceipt).toBe(1);
  });

  it('the latest meeting runs to today', () => {
    const { input, meetings } = reportFixture();
    expect(reportScope(meetings.m2, input.meetings, input.proposals).period.until).toBeUndefined();
    // The second meeting gets its own motion and the recess item received after it opened.
    expect(reportScope(meetings.m2, input.meetings, input.proposals).proposals).toHaveLength(2);
  });
});

describe('buildHandlingReport: every figure of the known dataset', () => {
  const { input, categories, people } = reportFixture();
  const report = buildHandlingReport(input);

  it('review outcome by kind, recess and total, with shares of what was received', () => {
    expect(report.byKind.motion).toEqual({
      total: 8,
      counts: { accept: 5, merge: 1, convert: 1, reject: 1, pending: 0 },
      shares: { accept: 62.5, merge: 12.5, convert: 12.5, reject: 12.5, pending: 0 },
    });
    expect(report.byKind.proposal).toMatchObject({ total: 1, counts: { accept: 1 }, shares: { accept: 100 } });
    expect(report.byKind.suggestion).toMatchObject({ total: 1, counts: { pending: 1 }, shares: { pending: 100 } });
    expect(report.recess).toMatchObject({ total: 2, counts: { accept: 1, pending: 1 }, shares: { accept: 50, pending: 50 } });
    expect(report.total).toEqual({
      total: 10,
      counts: { accept: 6, merge: 1, convert: 1, reject: 1, pending: 1 },
      shares: { accept: 60, merge: 10, convert: 10, reject: 10, pending: 10 },
    });
    expect(report.withdrawnAfterReceipt).toBe(1);
  });

  it('categories in the office order, the empty one kept, 未分类 added for an item without one', () => {
    expect(report.categories.map((c) => [c.name, c.received, c.share, c.accepted, c.converted, c.replied])).toEqual([
      ['党的建设', 4, 40, 3, 1, 3],
      ['经济发展', 5, 50, 3, 0, 1],
      ['政法', 0, 0, 0, 0, 0],
      ['未分类', 1, 10, 0, 0, 0],
    ]);
    expect(report.categories[0]).toMatchObject({ categoryId: categories.party.id, classes: { A: 1, B: 1, C: 1, D: 0 } });
    expect(report.categories[3]!.categoryId).toBeUndefined();
  });

  it('handling: assigned, units, classes (split: the least favourable), on time, re-handled, returned, extended', () => {
    expect(report.handling).toEqual({
      handled: 7,
      assigned: 6,
      awaitingAssignment: 1,
      unitsInvolved: 3,
      leadUnitsInvolved: 3,
      replied: 4,
      classes: { total: 4, counts: { A: 2, B: 1, C: 1 }, shares: { A: 50, B: 25, C: 25 } },
      due: 5,
      onTime: 3,
      onTimeRate: 60,
      rehandled: 1,
      rehandledClosed: 1,
      closed: 3,
      returned: 1,
      extended: 1,
    });
    expect(report.allowClassD).toBe(false);
  });

  it('satisfaction of the latest rated round, overall and for work and result (separate ratings where given)', () => {
    expect(report.satisfaction).toEqual({
      rated: 3,
      overall: { total: 3, counts: { satisfied: 2, basicallySatisfied: 1, unsatisfied: 0 }, shares: { satisfied: 66.7, basicallySatisfied: 33.3, unsatisfied: 0 } },
      work: { total: 3, counts: { satisfied: 2, basicallySatisfied: 1, unsatisfied: 0 }, shares: { satisfied: 66.7, basicallySatisfied: 33.3, unsatisfied: 0 } },
      result: { total: 3, counts: { satisfied: 1, basicallySatisfied: 2, unsatisfied: 0 }, shares: { satisfied: 33.3, basicallySatisfied: 66.7, unsatisfied: 0 } },
      satisfiedRate: 100,
    });
  });

  it('still open, due soon and overdue', () => {
    expect(report.open).toEqual({
      total: 4,
      awaitingAssignment: 1,
      handling: 2,
      awaitingRating: 1,
      rehandling: 0,
      dueSoon: 1,
      overdue: [{ proposalId: report.rows[3]!.proposalId, numberLabel: '第4号', title: report.rows[3]!.title, unitNames: ['县财政局'], deadline: '2026-08-01', daysOverdue: 31 }],
    });
  });

  it('重点提案 and 重点督办', () => {
    expect(report.keyItems.map((r) => r.numberLabel)).toEqual(['第1号', '第4号']);
    expect(report.supervisedCount).toBe(1);
  });

  it("each unit's numbers, busiest first", () => {
    expect(report.units.map((u) => [u.unitName, u.assigned, u.coHandling, u.replied, u.repliedOnTime, u.overdue, u.returned, u.onTimeRate, u.satisfiedRate])).toEqual([
      ['县教育局', 3, 0, 2, 2, 0, 0, 100, 100],
      ['县财政局', 2, 1, 1, 1, 1, 0, 50, 100],
      ['县卫生健康局', 2, 0, 2, 1, 0, 1, 50, 100],
    ]);
    expect(report.units[0]).toMatchObject({ unitId: people.unitA, classes: { A: 1, B: 1, C: 0 }, satisfaction: { satisfied: 1, basicallySatisfied: 1 } });
  });

  it('one detail row per received item with names, decision, units, reply date, class and rating', () => {
    expect(report.rows).toHaveLength(10);
    const [r1, r2, r3, , r5, r6, r7, r8, r9, r10] = report.rows;
    expect(r1).toMatchObject({
      filedKind: 'motion',
      numberLabel: '第1号',
      leadName: '张三',
      cosignerNames: ['李四', '王五'],
      categoryName: '党的建设',
      decision: 'accept',
      decisionLabel: '立案',
      unitsLabel: '县教育局（主办）、县财政局（协办）',
      unitNames: ['县教育局', '县财政局'],
      repliedOn: '2026-06-01',
      resultClass: 'A',
      satisfaction: 'satisfied',
      progress: 'closed',
      isKey: true,
    });
    expect(r2).toMatchObject({ unitsLabel: '县教育局（分办）、县卫生健康局（分办）', repliedOn: '2026-06-12', resultClass: 'C', satisfaction: 'basicallySatisfied' });
    expect(r3).toMatchObject({ resultClass: 'A', satisfaction: 'satisfied', rehandled: true, repliedOn: '2026-07-05' });
    expect(r5).toMatchObject({ unitsLabel: '县教育局（主办）', progress: 'handling' });
    expect(r5!.resultClass).toBeUndefined();
    expect(r6).toMatchObject({ filedKind: 'motion', numberLabel: '—', decisionLabel: '转为意见建议', progress: 'awaitingRating', resultClass: 'B' });
    expect(r6!.satisfaction).toBeUndefined();
    expect(r7).toMatchObject({ decision: 'merge', decisionLabel: '并案（并入第1号）', progress: 'notHandled', unitsLabel: '' });
    expect(r8).toMatchObject({ decision: 'reject', decisionLabel: '不予立案（涉及个人私事）', categoryName: '未分类' });
    expect(r9).toMatchObject({ filedKind: 'proposal', numberLabel: '2026年第1号', progress: 'awaitingAssignment' });
    expect(r10).toMatchObject({ filedKind: 'suggestion', decision: 'pending', decisionLabel: '审查中' });
  });

  it('with nothing received, every share is zero and nothing divides by zero', () => {
    const empty = buildHandlingReport({ ...input, proposals: [], assignments: [], replies: [], ratings: [] });
    expect(empty.total.total).toBe(0);
    expect(Object.values(empty.total.shares)).toEqual([0, 0, 0, 0, 0]);
    expect(empty.categories.map((c) => c.share)).toEqual([0, 0, 0]);
    expect(empty.handling.onTimeRate).toBeUndefined();
    expect(empty.satisfaction.satisfiedRate).toBeUndefined();
    expect(empty.rows).toEqual([]);
  });

  it('shows D only where the congress allows it or a reply used it', () => {
    const withD = buildHandlingReport({ ...input, settings: { ...input.settings, allowClassD: true } });
    expect(withD.handling.classes.counts).toEqual({ A: 2, B: 1, C: 1, D: 0 });
    expect(withD.allowClassD).toBe(true);
  });
});

describe('numberLabelOf', () => {
  it('motions per meeting, recess items per year of their 立案, none without a number', () => {
    expect(numberLabelOf({ number: 12, meetingId: 'm' })).toBe('第12号');
    expect(numberLabelOf({ number: 3, review: { decision: 'accept', decidedBy: 'x', decidedAt: '2026-12-31T17:00:00.000Z' } })).toBe('2027年第3号');
    expect(numberLabelOf({})).toBe('—');
  });
});
