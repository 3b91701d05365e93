import { describe, expect, it } from 'vitest';
import { kpiSeriesFixture } from '../domain/entities/kpiSeriesFixture';
import { describeTrendLines } from '../panels/kpi/describeTrendLines';
import { type TrendLine, buildTrendOption, darkChartPalette, monthLabels } from './buildTrendOption';

const series = kpiSeriesFixture({
  definition: { zh: '口径', en: 'definition' },
  months: Array.from({ length: 12 }, (_, i) => ({ thisYear: i < 10 ? 60 + i : null, lastYear: 120 + i })),
});
const lines = (names: { thisYear: string; lastYear: string }) => describeTrendLines(series, [], names, darkChartPalette);

describe('buildTrendOption', () => {
  const option = buildTrendOption({ unit: '起', lines: lines({ thisYear: '2026年', lastYear: '2025年' }) }, 'zh-CN', darkChartPalette, 16);

  it('draws this year against last, month by month, with months not yet reported left as gaps', () => {
    expect(option.series.map((s) => s.name)).toEqual(['2026年', '2025年']);
    expect(option.series[0]!.data).toHaveLength(12);
    expect(option.series[0]!.data.slice(9)).toEqual([69, null, null]);
    expect(option.series[1]!.data[11]).toBe(131);
    expect(option.xAxis.data).toEqual(monthLabels('zh-CN'));
    expect(option.yAxis.name).toBe('起');
  });

  it('keeps tooltips as text, never HTML built from data', () => {
    expect(option.tooltip.renderMode).toBe('richText');
    expect(option.tooltip.valueFormatter(62)).toBe('62 起');
    expect(option.tooltip.valueFormatter(null)).toBe('—');
  });

  it('scales its text with the HUD so a 4K wall is as legible as a 1080p one', () => {
    const big = buildTrendOption({ unit: 'cases', lines: lines({ thisYear: '2026', lastYear: '2025' }) }, 'en', darkChartPalette, 32);
    expect(big.textStyle.fontSize).toBe(32);
    expect(big.xAxis.axisLabel.fontSize).toBe(28);
    expect(big.yAxis.name).toBe('cases');
  });
});

describe('buildTrendOption with both sides of the border', () => {
  const side = (name: string, color: string, period: TrendLine['period']): TrendLine => ({ name, color, period, values: Array<number>(12).fill(1) });
  const option = buildTrendOption(
    { unit: '起', lines: [side('常山县 2026年', '#2fb4ff', 'thisYear'), side('常山县 2025年', '#2fb4ff', 'lastYear'), side('玉山县 2026年', '#ffb347', 'thisYear'), side('玉山县 2025年', '#ffb347', 'lastYear')] },
    'zh-CN',
    darkChartPalette,
    16,
  );

  it('draws this year solid and last year dashed, each side in its own colour', () => {
    expect(option.series.map((s) => [s.name, s.itemStyle.color, s.lineStyle.type ?? 'solid'])).toEqual([
      ['常山县 2026年', '#2fb4ff', 'solid'],
      ['常山县 2025年', '#2fb4ff', 'dashed'],
      ['玉山县 2026年', '#ffb347', 'solid'],
      ['玉山县 2025年', '#ffb347', 'dashed'],
    ]);
  });

  it('leaves room for a legend of two rows above the plot', () => {
    const single = buildTrendOption({ unit: '起', lines: lines({ thisYear: '2026年', lastYear: '2025年' }) }, 'zh-CN', darkChartPalette, 16);
    expect(option.grid.top).toBeGreaterThan(single.grid.top + 16);
  });
});

describe('monthLabels', () => {
  it('names the months in the chosen language', () => {
    expect(monthLabels('zh-CN')[0]).toBe('1月');
    expect(monthLabels('en')[11]).toBe('Dec');
  });
});
