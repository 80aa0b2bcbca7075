// Who draws the charts. The app uses ECharts (loaded on first use); component tests, which run in jsdom without a
// canvas, put a recording engine in its place and check the options the screens pass.
import { createContext, useContext } from 'react';
import type { EChartsOption } from 'echarts';
import type * as EChartsCoreModule from 'echarts/core';
import type { ChartImage } from '../../../../shared/reports';

export interface ChartInstance {
  setOption(option: EChartsOption): void;
  resize(): void;
  dispose(): void;
}

export interface ChartEngine {
  /** A live chart in `element`. */
  mount(element: HTMLElement): Promise<ChartInstance>;
  /** The option drawn offscreen as a PNG picture (for Word and print); undefined where nothing can draw. */
  toPng(option: EChartsOption, size: { width: number; height: number }): Promise<ChartImage | undefined>;
}

type EChartsCore = typeof EChartsCoreModule;
let loading: Promise<EChartsCore> | undefined;

/** ECharts with only what the report draws: bar and pie charts, on canvas. */
function loadEcharts(): Promise<EChartsCore> {
  loading ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    core.use([charts.BarChart, charts.PieChart, components.GridComponent, components.LegendComponent, components.TooltipComponent, renderers.CanvasRenderer]);
    return core;
  })();
  return loading;
}

function dataUrlBytes(url: string): Uint8Array {
  const binary = atob(url.slice(url.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Drawn at twice the size, so the picture stays sharp when Word scales it to the text width. */
const PIXEL_RATIO = 2;

export const echartsEngine: ChartEngine = {
  async mount(element) {
    const echarts = await loadEcharts();
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    return {
      setOption: (option) => chart.setOption(option, { notMerge: true }),
      resize: () => chart.resize(),
      dispose: () => chart.dispose(),
    };
  },
  async toPng(option, { width, height }) {
    const echarts = await loadEcharts();
    const host = document.createElement('div');
    host.style.cssText = `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px;`;
    document.body.appendChild(host);
    try {
      const chart = echarts.init(host, undefined, { renderer: 'canvas', width, height });
      chart.setOption({ ...option, animation: false });
      const url = chart.getDataURL({ type: 'png', pixelRatio: PIXEL_RATIO, backgroundColor: '#ffffff' });
      chart.dispose();
      return { png: dataUrlBytes(url), width, height };
    } finally {
      host.remove();
    }
  },
};

/** Draws nothing: where there is no canvas (jsdom). */
export const inertEngine: ChartEngine = {
  async mount() {
    return { setOption: () => {}, resize: () => {}, dispose: () => {} };
  },
  async toPng() {
    return undefined;
  },
};

const hasCanvas = () => typeof navigator === 'undefined' || !navigator.userAgent.includes('jsdom');

export const ChartEngineContext = createContext<ChartEngine>(hasCanvas() ? echartsEngine : inertEngine);

export function useChartEngine(): ChartEngine {
  return useContext(ChartEngineContext);
}
