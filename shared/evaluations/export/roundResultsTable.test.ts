import { describe, expect, it } from 'vitest';
import { roundResultsTable } from './roundResultsTable';
import { gradesFixture, scoreFixture } from './exportFixtures';

describe('roundResultsTable', () => {
  it('states the round, its period in 北京时间, who was evaluated, by whom, and the turnout', () => {
    const { source } = gradesFixture();
    const table = roundResultsTable(source);
    expect(table.documentTitle).toBe('2026年度县委领导班子及成员民主评议结果');
    expect(Object.fromEntries(table.facts.map((f) => [f.label, f.value]))).toEqual({
      评议名称: '2026年度县委领导班子及成员民主评议',
      评议类型: '民主评议',
      评议时间: '2026年3月2日 09:00 至 2026年3月9日 17:00（北京时间）',
      评议对象: '县委领导班子、县委书记（主持县委全面工作）',
      评议内容: '德、能、勤、绩、廉',
      评价方式: '优秀 / 称职 / 基本称职 / 不称职',
      参评范围: '指定代表5人',
    });
    expect(table.turnout).toEqual({ eligible: 5, voted: 3, share: 0.6 });
    expect(table.turnoutSentence).toBe('应参评代表5人，实际投票3人，参评率60.0%。');
    expect(table.smallGroupNote).toBeUndefined();
    expect(table.issuer).toBe('中共某某县委党代会常任制工作办公室');
    expect(table.dateLine).toBe('2026年3月10日');
  });

  it('one row per question with every option’s count and share, in the scale’s order', () => {
    const table = roundResultsTable(gradesFixture().source);
    expect(table.distributionLabels).toEqual(['优秀', '称职', '基本称职', '不称职']);
    expect(table.withCriteria).toBe(false);
    expect(table.rows.map((r) => [r.subject, r.answered, r.distribution.map((d) => d.count)])).toEqual([
      ['县委领导班子', 3, [2, 1, 0, 0]],
      ['县委书记', 3, [0, 2, 0, 1]],
    ]);
    expect(table.rows[0]!.distribution[0]!.share).toBeCloseTo(2 / 3);
  });

  it('rows per subject and criterion when criteria are rated one by one; activity groups by name', () => {
    const { round, tally } = gradesFixture({ rateCriteria: true, criteria: ['德', '能'], voters: { kind: 'groups', activityGroupIds: ['01JQ0000000000000000000001'] } });
    const table = roundResultsTable({ round, tally, groupNames: ['第一活动组'], exportedAt: round.closesAt });
    expect(table.withCriteria).toBe(true);
    expect(table.rows.map((r) => `${r.subject}·${r.criterion}`)).toEqual(['县委领导班子·德', '县委领导班子·能', '县委书记·德', '县委书记·能']);
    expect(table.facts.find((f) => f.label === '评议内容')?.value).toBe('德、能（逐项评价）');
    expect(table.facts.find((f) => f.label === '参评范围')?.value).toBe('第一活动组的代表');
  });

  it('score scales: bands as labels, mean / median / range per question', () => {
    const table = roundResultsTable(scoreFixture().source);
    expect(table.scaleKind).toBe('score');
    expect(table.distributionLabels).toEqual(['0–59分', '60–69分', '70–79分', '80–89分', '90–100分']);
    expect(table.facts.find((f) => f.label === '评价方式')?.value).toBe('评分（0–100分）');
    const row = table.rows[0]!;
    expect(row.score).toEqual({ mean: (95 + 82 + 61) / 3, median: 82, min: 61, max: 95 });
    expect(row.distribution.map((d) => d.count)).toEqual([0, 1, 0, 1, 1]);
  });

  it('warns when fewer than 3 voted', () => {
    const { round, tally } = gradesFixture();
    const table = roundResultsTable({ round, tally: { ...tally, voted: 2, smallGroup: true }, exportedAt: round.closesAt });
    expect(table.smallGroupNote).toContain('少于3人');
  });

  it('keeps nothing of a voter: a whole RoundTally (voter ids, comments) and a list of voters go in, none of it comes out', () => {
    const { source, tally, secrets } = gradesFixture();
    expect(tally.voterIds.length).toBe(3);
    expect(tally.comments.length).toBe(2);
    const text = JSON.stringify(roundResultsTable(source));
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
