import type * as EChartsModule from 'echarts';
import type { EChartsCoreOption } from 'echarts';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import type { CjkFonts } from '../documents/fonts.js';

interface ChartEngines {
  echarts: typeof EChartsModule;
  Resvg: typeof ResvgClass;
}
let engines: ChartEngines | undefined;

/**
 * Loads ECharts and resvg on first use: importing ECharts costs ~2 s of CPU, which every CLI
 * command and server start would otherwise pay. Call before drawing charts.
 */
export async function loadChartEngines(): Promise<void> {
  if (engines) return;
  const [echarts, resvg] = await Promise.all([import('echarts'), import('@resvg/resvg-js')]);
  engines = { echarts, Resvg: resvg.Resvg };
}

function chartEngines(): ChartEngines {
  if (!engines) throw new Error('loadChartEngines() must be awaited before drawing a chart');
  return engines;
}

/** A chart as a PNG, with its size in CSS pixels (the PNG itself is drawn at twice that). */
export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

const fontFamily = 'Noto Sans CJK SC';
const palette = ['#C8161D', '#2F5597', '#548235', '#BF9000', '#7030A0', '#2E75B6'];

/**
 * Renders an ECharts option on the server: SVG (ssr, no DOM), then PNG with resvg using the Noto
 * Sans CJK file only, so Chinese labels render the same on every server.
 */
export function renderChart(
  option: EChartsCoreOption,
  fonts: CjkFonts,
  size: { width: number; height: number } = { width: 640, height: 320 },
): ChartImage {
  const { echarts, Resvg } = chartEngines();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    color: palette,
    textStyle: { fontFamily },
    ...option,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const png = new Resvg(svg, {
    font: { fontFiles: [fonts.sans.path], loadSystemFonts: false, defaultFontFamily: fontFamily },
    fitTo: { mode: 'zoom', value: 2 },
  })
    .render()
    .asPng();
  return { png: Buffer.from(png), ...size };
}

/** Horizontal bars (long Chinese names read better down the side), one or two series. */
export function barChart(
  title: string,
  categories: string[],
  series: { name: string; values: number[] }[],
  fonts: CjkFonts,
  unit = '',
): ChartImage {
  const height = Math.max(220, 70 + categories.length * (series.length > 1 ? 34 : 26));
  return renderChart(
    {
      title: { text: title, left: 'center', textStyle: { fontSize: 15, fontWeight: 'bold' } },
      legend: series.length > 1 ? { bottom: 4, data: series.map((s) => s.name) } : undefined,
      grid: { left: 12, right: 48, top: 40, bottom: series.length > 1 ? 36 : 12, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: `{value}${unit}` } },
      // The first category on top, as in the table beside the chart.
      yAxis: { type: 'category', data: [...categories].reverse(), axisLabel: { fontSize: 12 } },
      series: series.map((s) => ({
        name: s.name,
        type: 'bar',
        data: [...s.values].reverse(),
        label: { show: true, position: 'right', formatter: `{c}${unit}` },
      })),
    },
    fonts,
    { width: 640, height },
  );
}

/** A ring of shares (e.g. outcome classes), labelled with count and percent. */
export function pieChart(
  title: string,
  slices: { name: string; value: number }[],
  fonts: CjkFonts,
): ChartImage {
  return renderChart(
    {
      title: { text: title, left: 'center', textStyle: { fontSize: 15, fontWeight: 'bold' } },
      series: [
        {
          type: 'pie',
          percentPrecision: 1,
          radius: ['35%', '62%'],
          center: ['50%', '55%'],
          data: slices,
          label: { formatter: '{b}\n{c} 件（{d}%）', fontSize: 12 },
        },
      ],
    },
    fonts,
    { width: 640, height: 300 },
  );
}
