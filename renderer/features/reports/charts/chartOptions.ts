// ECharts options for the report's charts, from the chart data in shared/reports/charts. The same option draws
// the chart on screen and the picture in the Word and print versions.
import type { EChartsOption } from 'echarts';
import { percentShares, type ChartData } from '../../../../shared/reports';

/** The office palette: the header's red first, then colours that still differ when printed in grey. */
export const CHART_COLORS = ['#b3141a', '#d4a017', '#2f6fb0', '#5b8c5a', '#8c6bb1', '#d9822b', '#4a9d9c', '#7f7f7f'];

const FONT_FAMILY = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';

export interface ChartOptionSettings {
  /** Drawn for a document: no animation, no tooltip */
  forImage?: boolean;
}

export function chartOption(data: ChartData, settings: ChartOptionSettings = {}): EChartsOption {
  const base: EChartsOption = {
    color: CHART_COLORS,
    animation: !settings.forImage,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 13 },
    ...(settings.forImage ? {} : { tooltip: { trigger: data.kind === 'pie' ? 'item' : 'axis' } }),
  };
  if (data.kind === 'pie') {
    const shares = percentShares(data.items.map((i) => i.value));
    return {
      ...base,
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '62%'],
          center: ['50%', '45%'],
          // Shares as the report prints them (largest remainder), not ECharts' own rounding.
          data: data.items.map((item, i) => ({ name: item.name, value: item.value, label: { formatter: `${item.name}\n${item.value}件（${shares[i]}%）` } })),
          label: { show: true },
        },
      ],
    };
  }
  const valueAxis = { type: 'value' as const, ...(data.unit === '%' ? { max: 100, axisLabel: { formatter: '{value}%' } } : { minInterval: 1 }) };
  const longLabels = !data.horizontal && (data.labels.length > 6 || data.labels.some((l) => l.length > 4));
  const categoryAxis = {
    type: 'category' as const,
    data: data.labels,
    axisLabel: { interval: 0, ...(longLabels ? { rotate: 30 } : {}) },
  };
  return {
    ...base,
    ...(data.series.length > 1 ? { legend: { top: 0 } } : {}),
    // Room on the right for the value printed after a horizontal bar ("100%").
    grid: { left: data.horizontal ? 110 : 40, right: data.horizontal ? 56 : 30, top: data.series.length > 1 ? 36 : 16, bottom: longLabels ? 70 : 30, containLabel: !data.horizontal },
    xAxis: data.horizontal ? valueAxis : categoryAxis,
    yAxis: data.horizontal ? { ...categoryAxis, axisLabel: { interval: 0, width: 100, overflow: 'truncate' } } : valueAxis,
    series: data.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      barMaxWidth: 36,
      ...(data.stacked ? { stack: 'total' } : {}),
      label: {
        show: true,
        position: data.stacked ? 'inside' : data.horizontal ? 'right' : 'top',
        // A sliver of a stacked bar has no room for its number; the table beside the chart gives it.
        formatter: data.stacked
          ? (p: { value: unknown }) => (Number(p.value) >= 5 ? `${String(p.value)}%` : '')
          : data.unit === '%'
            ? '{c}%'
            : '{c}',
      },
    })),
  };
}
