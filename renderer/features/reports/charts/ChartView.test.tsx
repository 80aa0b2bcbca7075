import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import type { EChartsOption } from 'echarts';
import type { BarChartData } from '../../../../shared/reports';
import { ChartEngineContext, type ChartEngine } from './chartEngine';
import { ChartView } from './ChartView';

function trackingEngine() {
  const events: string[] = [];
  const options: EChartsOption[] = [];
  const engine: ChartEngine = {
    async mount() {
      events.push('mount');
      return {
        setOption: (option) => {
          events.push('setOption');
          options.push(option);
        },
        resize: () => events.push('resize'),
        dispose: () => events.push('dispose'),
      };
    },
    async toPng() {
      return undefined;
    },
  };
  return { engine, events, options };
}

const bars = (values: number[]): BarChartData => ({ kind: 'bar', title: 't', labels: ['甲', '乙'], series: [{ name: '收到', values }], unit: '件' });

describe('ChartView / useEChart', () => {
  it('mounts once, redraws on new data, disposes when it goes; an empty chart is not drawn', async () => {
    const { engine, events, options } = trackingEngine();
    const view = (values: number[]) => (
      <ChartEngineContext.Provider value={engine}>
        <ChartView chartKey="byCategory" data={bars(values)} title="各类别件数" emptyText="暂无数据" />
      </ChartEngineContext.Provider>
    );
    const { rerender, unmount, getByText } = render(view([1, 2]));
    await waitFor(() => expect(options).toHaveLength(1));
    expect((options[0]!.series as { data: number[] }[])[0]!.data).toEqual([1, 2]);
    rerender(view([3, 4]));
    await waitFor(() => expect(options).toHaveLength(2));
    expect((options[1]!.series as { data: number[] }[])[0]!.data).toEqual([3, 4]);
    rerender(view([0, 0]));
    expect(getByText('暂无数据')).toBeInTheDocument();
    expect(events.filter((e) => e === 'mount')).toHaveLength(1);
    expect(events.at(-1)).toBe('dispose');
    unmount();
    expect(events.filter((e) => e === 'dispose')).toHaveLength(1);
  });
});
