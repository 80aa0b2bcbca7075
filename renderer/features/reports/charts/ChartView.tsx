import { useMemo } from 'react';
import { Card, Empty } from 'antd';
import { chartHasData, type ChartData, type ChartKey } from '../../../../shared/reports';
import { chartOption } from './chartOptions';
import { useEChart } from './useEChart';

interface ChartViewProps {
  chartKey: ChartKey;
  data: ChartData;
  title: string;
  emptyText: string;
  height?: number;
}

/** One of the report's charts in a card; an empty chart says so instead of drawing blank axes. */
export function ChartView({ chartKey, data, title, emptyText, height = 300 }: ChartViewProps) {
  const hasData = chartHasData(data);
  const option = useMemo(() => (hasData ? chartOption(data) : undefined), [data, hasData]);
  return (
    <Card size="small" title={title} data-testid={`chart-card-${chartKey}`}>
      {hasData ? <ChartCanvas option={option} height={height} chartKey={chartKey} /> : <Empty description={emptyText} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </Card>
  );
}

function ChartCanvas({ option, height, chartKey }: { option: ReturnType<typeof chartOption> | undefined; height: number; chartKey: ChartKey }) {
  const ref = useEChart(option);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={`chart-${chartKey}`} />;
}
