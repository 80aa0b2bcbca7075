import { describe, expect, it } from 'vitest';
import type { BarChartData, PieChartData } from '../../../../shared/reports';
import { chartOption } from './chartOptions';

describe('chartOption', () => {
  it('a pie labels each part with its count and the report’s own (largest-remainder) share', () => {
    const data: PieChartData = { kind: 'pie', title: '答复类别', items: [{ name: 'A类', value: 1 }, { name: 'B类', value: 1 }, { name: 'C类', value: 1 }] };
    const option = chartOption(data);
    const series = (option.series as { type: string; data: { name: string; value: number; label: { formatter: string } }[] }[])[0]!;
    expect(series.type).toBe('pie');
    expect(series.data.map((d) => d.label.formatter)).toEqual(['A类\n1件（33.4%）', 'B类\n1件（33.3%）', 'C类\n1件（33.3%）']);
  });

  it('bars: one series per measure, counts on whole numbers, long labels turned', () => {
    const data: BarChartData = {
      kind: 'bar',
      title: '各类别件数',
      labels: ['党的建设', '城乡建设与生态环境'],
      series: [
        { name: '收到', values: [4, 5] },
        { name: '立案及转为意见建议', values: [3, 3] },
      ],
      unit: '件',
    };
    const option = chartOption(data);
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['党的建设', '城乡建设与生态环境'], axisLabel: { rotate: 30 } });
    expect(option.yAxis).toMatchObject({ type: 'value', minInterval: 1 });
    expect((option.series as { name: string; data: number[] }[]).map((s) => [s.name, s.data])).toEqual([
      ['收到', [4, 5]],
      ['立案及转为意见建议', [3, 3]],
    ]);
    expect(option.legend).toBeDefined();
  });

  it('rates: horizontal bars to 100%; stacked shares; pictures drawn without animation or tooltip', () => {
    const units: BarChartData = { kind: 'bar', title: '按期答复率', labels: ['县财政局', '县教育局'], series: [{ name: '按期答复率', values: [50, 100] }], unit: '%', horizontal: true };
    const option = chartOption(units, { forImage: true });
    expect(option.xAxis).toMatchObject({ type: 'value', max: 100 });
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['县财政局', '县教育局'] });
    expect(option.animation).toBe(false);
    expect(option.tooltip).toBeUndefined();
    const stacked = chartOption({ kind: 'bar', title: '满意度', labels: ['总体评价'], series: [{ name: '满意', values: [60] }, { name: '基本满意', values: [40] }], unit: '%', stacked: true });
    expect((stacked.series as { stack?: string }[]).every((s) => s.stack === 'total')).toBe(true);
  });
});
