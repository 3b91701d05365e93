/**
 * The monthly trend of one KPI, this year against last (per side of the border when it is
 * reported so), as an ECharts option. Pure: no ECharts import, so it is tested as data. Labels are text (the tooltip renders as rich text, never
 * HTML); a series is twelve months by construction, so it never grows on a wall.
 */
import type { Language } from '../domain/appConfig';

export interface ChartPalette {
  text: string;
  muted: string;
  grid: string;
  thisYear: string;
  lastYear: string;
}

export const darkChartPalette: ChartPalette = { text: '#e6f2ff', muted: '#8fb1d4', grid: 'rgba(70,150,230,0.25)', thisYear: '#2fb4ff', lastYear: '#f5d13f' };
export const lightChartPalette: ChartPalette = { text: '#10243d', muted: '#4a6482', grid: 'rgba(16,36,61,0.15)', thisYear: '#0a6fc2', lastYear: '#b7791f' };

/** `1月`…`12月` or `Jan`…`Dec`. */
export function monthLabels(language: Language): string[] {
  const format = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, month) => format.format(new Date(Date.UTC(2026, month, 15))));
}

/** One line of the chart: twelve monthly values (null where not reported). */
export interface TrendLine {
  name: string;
  values: (number | null)[];
  color: string;
  period: 'thisYear' | 'lastYear';
}

export interface TrendInput {
  unit: string;
  lines: readonly TrendLine[];
}

/**
 * This year's lines solid with a light area, last year's dashed. The legend wraps onto a second
 * row when the lines are many (both sides × both years); the plot starts below it.
 */
export function buildTrendOption(input: TrendInput, language: Language, palette: ChartPalette, fontPixels: number) {
  const legendRows = input.lines.length > 2 ? 2 : 1;
  return {
    animationDuration: 600,
    textStyle: { color: palette.text, fontSize: fontPixels },
    grid: { left: fontPixels * 3, right: fontPixels, top: fontPixels * (1.4 * legendRows + 1), bottom: fontPixels * 1.8 },
    legend: {
      top: 0,
      right: 0,
      itemGap: fontPixels * 0.6,
      textStyle: { color: palette.text, fontSize: fontPixels * 0.875 },
      itemWidth: fontPixels * 1.2,
      itemHeight: fontPixels * 0.6,
    },
    tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: (value: unknown) => (typeof value === 'number' ? `${value} ${input.unit}` : '—') },
    xAxis: {
      type: 'category',
      data: monthLabels(language),
      axisLabel: { color: palette.muted, fontSize: fontPixels * 0.875, interval: 1 },
      axisLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: {
      type: 'value',
      name: input.unit,
      nameTextStyle: { color: palette.muted, fontSize: fontPixels * 0.875 },
      axisLabel: { color: palette.muted, fontSize: fontPixels * 0.875 },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series: input.lines.map((line) =>
      line.period === 'thisYear'
        ? {
            name: line.name,
            type: 'line',
            smooth: true,
            symbolSize: fontPixels * 0.4,
            data: line.values,
            itemStyle: { color: line.color },
            lineStyle: { width: fontPixels * 0.18 },
            areaStyle: { opacity: input.lines.length > 2 ? 0.08 : 0.15 },
          }
        : {
            name: line.name,
            type: 'line',
            smooth: true,
            symbolSize: fontPixels * 0.3,
            data: line.values,
            itemStyle: { color: line.color, opacity: 0.75 },
            lineStyle: { width: fontPixels * 0.12, type: 'dashed', opacity: 0.75 },
          },
    ),
  };
}
