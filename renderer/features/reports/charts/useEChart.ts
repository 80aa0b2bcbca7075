import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import { useChartEngine, type ChartInstance } from './chartEngine';

/**
 * A live chart in the returned element: mounted once, redrawn when `option` changes, resized with its box,
 * disposed when the element goes.
 */
export function useEChart(option: EChartsOption | undefined) {
  const engine = useChartEngine();
  const element = useRef<HTMLDivElement>(null);
  const instance = useRef<ChartInstance | undefined>(undefined);
  const latest = useRef(option);

  useEffect(() => {
    const host = element.current;
    if (!host) return;
    let gone = false;
    void engine.mount(host).then((chart) => {
      if (gone) {
        chart.dispose();
        return;
      }
      instance.current = chart;
      if (latest.current) chart.setOption(latest.current);
    });
    const observer = new ResizeObserver(() => instance.current?.resize());
    observer.observe(host);
    return () => {
      gone = true;
      observer.disconnect();
      instance.current?.dispose();
      instance.current = undefined;
    };
  }, [engine]);

  useEffect(() => {
    latest.current = option;
    if (option) instance.current?.setOption(option);
  }, [option]);

  return element;
}
