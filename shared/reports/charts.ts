// What the report's four charts show — the numbers and labels only. The renderer turns them into ECharts options;
// keeping the data here lets tests check what a chart will show without drawing it.
import type { HandlingReport } from './handlingReport';
import { CLASS_LABELS, SATISFACTION_LABELS, SATISFACTIONS } from './labels';

export type ChartKey = 'byCategory' | 'byClass' | 'satisfaction' | 'unitOnTime';
export const CHART_KEYS: readonly ChartKey[] = ['byCategory', 'byClass', 'satisfaction', 'unitOnTime'];

/** Bars per label, one series per measure. */
export interface BarChartData {
  kind: 'bar';
  title: string;
  labels: string[];
  series: { name: string; values: number[] }[];
  /** '件' counts or '%' rates (0–100) */
  unit: '件' | '%';
  /** Horizontal bars (long labels such as unit names) */
  horizontal?: boolean;
  /** Series stacked to 100% */
  stacked?: boolean;
}

export interface PieChartData {
  kind: 'pie';
  title: string;
  items: { name: string; value: number }[];
}

export type ChartData = BarChartData | PieChartData;

/** A chart drawn by the renderer, as PNG bytes with its size in pixels (for the aspect ratio). */
export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** At most this many units on the on-time chart (the busiest); the table lists them all. */
export const MAX_UNITS_CHARTED = 15;

export function reportCharts(report: HandlingReport): Record<ChartKey, ChartData> {
  const categories = report.categories.filter((c) => c.categoryId !== undefined || c.received > 0);
  const classes = report.handling.classes;
  const unitsCharted = report.units
    .filter((u) => u.onTimeRate !== undefined)
    .slice(0, MAX_UNITS_CHARTED)
    .sort((a, b) => (a.onTimeRate ?? 0) - (b.onTimeRate ?? 0) || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  const s = report.satisfaction;
  return {
    byCategory: {
      kind: 'bar',
      title: '各类别件数',
      labels: categories.map((c) => c.name),
      series: [
        { name: '收到', values: categories.map((c) => c.received) },
        { name: '立案及转为意见建议', values: categories.map((c) => c.accepted + c.converted) },
      ],
      unit: '件',
    },
    byClass: {
      kind: 'pie',
      title: '答复类别',
      items: (Object.keys(classes.counts) as (keyof typeof classes.counts)[]).map((c) => ({ name: `${c}类 ${CLASS_LABELS[c]}`, value: classes.counts[c] })),
    },
    satisfaction: {
      kind: 'bar',
      title: '满意度测评',
      labels: ['总体评价', '办理工作', '办理结果'],
      series: SATISFACTIONS.map((k) => ({ name: SATISFACTION_LABELS[k], values: [s.overall.shares[k], s.work.shares[k], s.result.shares[k]] })),
      unit: '%',
      stacked: true,
    },
    unitOnTime: {
      kind: 'bar',
      title: '承办单位按期答复率',
      labels: unitsCharted.map((u) => u.unitName),
      series: [{ name: '按期答复率', values: unitsCharted.map((u) => u.onTimeRate ?? 0) }],
      unit: '%',
      horizontal: true,
    },
  };
}

/** A chart with nothing to show is left out of documents rather than drawn empty. */
export function chartHasData(chart: ChartData): boolean {
  return chart.kind === 'pie' ? chart.items.some((i) => i.value > 0) : chart.series.some((s) => s.values.some((v) => v > 0));
}
