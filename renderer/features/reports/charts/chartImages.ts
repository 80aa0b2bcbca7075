// The report's charts as PNG pictures for the Word document and the print view.
import { CHART_KEYS, chartHasData, type ChartData, type ChartImage, type ChartKey } from '../../../../shared/reports';
import type { ChartEngine } from './chartEngine';
import { chartOption } from './chartOptions';

/** Drawing size in CSS pixels: the text block's width (156 mm ≈ 590 px) and a height that suits each chart. */
export const CHART_IMAGE_SIZES: Record<ChartKey, { width: number; height: number }> = {
  byCategory: { width: 760, height: 400 },
  byClass: { width: 760, height: 380 },
  satisfaction: { width: 760, height: 340 },
  unitOnTime: { width: 760, height: 460 },
};

export async function renderChartImages(engine: ChartEngine, charts: Record<ChartKey, ChartData>): Promise<Partial<Record<ChartKey, ChartImage>>> {
  const images: Partial<Record<ChartKey, ChartImage>> = {};
  for (const key of CHART_KEYS) {
    const data = charts[key];
    if (!chartHasData(data)) continue;
    const image = await engine.toPng(chartOption(data, { forImage: true }), CHART_IMAGE_SIZES[key]);
    if (image) images[key] = image;
  }
  return images;
}

/** A picture as a data: URL for an <img> in the print view. */
export function imageDataUrl(image: ChartImage): string {
  let binary = '';
  for (let i = 0; i < image.png.length; i += 0x8000) binary += String.fromCharCode(...image.png.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(binary)}`;
}
