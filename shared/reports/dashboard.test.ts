import { describe, expect, it } from 'vitest';
import { dashboardFigures } from './dashboard';
import { reportFixture } from './reportFixtures';

const { input, categories, people } = reportFixture();

describe('dashboardFigures', () => {
  it("the meeting period's live numbers", () => {
    const f = dashboardFigures(input);
    expect({ ...f, charts: undefined, report: undefined }).toEqual({
      received: 10,
      decided: 9,
      assigned: 6,
      replied: 4,
      closed: 3,
      overdue: 1,
      dueSoon: 1,
      rated: 3,
      satisfiedRate: 100,
      onTimeRate: 60,
      charts: undefined,
      report: undefined,
    });
    expect(f.charts.byClass).toEqual({
      kind: 'pie',
      title: '答复类别',
      items: [
        { name: 'A类 已解决或采纳', value: 2 },
        { name: 'B类 正在解决或列入计划', value: 1 },
        { name: 'C类 留作参考', value: 1 },
      ],
    });
  });

  it('narrowed to a category', () => {
    const f = dashboardFigures(input, { categoryId: categories.economy.id });
    expect([f.received, f.decided, f.assigned, f.replied, f.overdue]).toEqual([5, 4, 3, 1, 1]);
    expect(f.charts.byCategory).toMatchObject({ labels: ['党的建设', '经济发展', '政法'], series: [{ values: [0, 5, 0] }, { values: [0, 3, 0] }] });
  });

  it("narrowed to a unit: what it handles (主办, 协办 or 分办), not what it sent back", () => {
    // 卫健局: 分办 of 第2号, 主办 of the converted one; it returned 第5号.
    const health = dashboardFigures(input, { unitId: people.unitC });
    expect(health.report.rows.map((r) => r.title)).toEqual(['关于加强基层党组织书记队伍建设的提案', '关于完善党代表联系群众制度的提案']);
    // 财政局: 主办 of 第3号 and 第4号 (overdue), 协办 of 第1号.
    const finance = dashboardFigures(input, { unitId: people.unitB });
    expect([finance.received, finance.assigned, finance.replied, finance.overdue]).toEqual([3, 3, 2, 1]);
  });
});
