/**
 * The monthly trend of one KPI, this year against last, as an ECharts option. Pure: no ECharts
 * import, so it is tested as data. Labels are text (the tooltip renders as rich text, never
 * HTML); a series is twelve months by construction, so it never grows on a wall.
 */
import type { Language } from '../domain/appConfig';
import type { KpiSeries } from '../domain/entities/kpiSeries';

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

export interface TrendLabels {
  thisYear: string;
  lastYear: string;
}

export function buildTrendOption(series: KpiSeries, language: Language, labels: TrendLabels, palette: ChartPalette, fontPixels: number) {
  const unit = series.unit[language === 'en' ? 'en' : 'zh'];
  return {
    animationDuration: 600,
    textStyle: { color: palette.text, fontSize: fontPixels },
    grid: { left: fontPixels * 3, right: fontPixels, top: fontPixels * 2.4, bottom: fontPixels * 1.8 },
    legend: { top: 0, right: 0, textStyle: { color: palette.text, fontSize: fontPixels }, itemWidth: fontPixels * 1.2, itemHeight: fontPixels * 0.6 },
    tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: (value: unknown) => (typeof value === 'number' ? `${value} ${unit}` : '—') },
    xAxis: {
      type: 'category',
      data: monthLabels(language),
      axisLabel: { color: palette.muted, fontSize: fontPixels * 0.875, interval: 1 },
      axisLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: {
      type: 'value',
      name: unit,
      nameTextStyle: { color: palette.muted, fontSize: fontPixels * 0.875 },
      axisLabel: { color: palette.muted, fontSize: fontPixels * 0.875 },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series: [
      { name: labels.thisYear, type: 'line', smooth: true, symbolSize: fontPixels * 0.4, data: series.months.map((m) => m.thisYear), itemStyle: { color: palette.thisYear }, lineStyle: { width: fontPixels * 0.18 }, areaStyle: { opacity: 0.15 } },
      { name: labels.lastYear, type: 'line', smooth: true, symbolSize: fontPixels * 0.3, data: series.months.map((m) => m.lastYear), itemStyle: { color: palette.lastYear }, lineStyle: { width: fontPixels * 0.12, type: 'dashed' } },
    ],
  };
}
