import { describe, expect, it } from 'vitest';
import { kpiSeriesFixture } from '../../domain/entities/kpiSeriesFixture';
import { describeTrendLines, sidesOf } from './describeTrendLines';

const labels = { thisYear: '2026年', lastYear: '2025年' };
const colors = { thisYear: '#2fb4ff', lastYear: '#f5d13f' };
const border = kpiSeriesFixture();
const zj = kpiSeriesFixture({ id: 'kpi-border-incidents-zj', scope: 'side', province: 'zj', months: border.months.map((m) => ({ thisYear: m.thisYear === null ? null : 30, lastYear: 70 })) });
const jx = kpiSeriesFixture({ id: 'kpi-border-incidents-jx', scope: 'side', province: 'jx', county: '361123', months: border.months.map((m) => ({ thisYear: m.thisYear === null ? null : 32, lastYear: 60 })) });
const otherMetric = kpiSeriesFixture({ id: 'kpi-dispute-incidents-jx', metricId: 'dispute-incidents', scope: 'side', province: 'jx' });

describe('describeTrendLines', () => {
  it('compares both sides of the border, each this year against last, in its province colour', () => {
    const lines = describeTrendLines(border, [
      { series: zj, name: '常山县', color: '#2fb4ff' },
      { series: jx, name: '玉山县', color: '#ffb347' },
    ], labels, colors);
    expect(lines.map((l) => [l.name, l.period, l.color])).toEqual([
      ['常山县 2026年', 'thisYear', '#2fb4ff'],
      ['常山县 2025年', 'lastYear', '#2fb4ff'],
      ['玉山县 2026年', 'thisYear', '#ffb347'],
      ['玉山县 2025年', 'lastYear', '#ffb347'],
    ]);
    expect(lines[2]!.values.slice(0, 3)).toEqual([32, 32, null]);
    expect(lines[3]!.values[11]).toBe(60);
  });

  it('falls back to the border-wide figure when the metric is not reported per side, or by one side only', () => {
    for (const sides of [[], [{ series: zj, name: '常山县', color: '#2fb4ff' }]]) {
      const lines = describeTrendLines(border, sides, labels, colors);
      expect(lines.map((l) => l.name)).toEqual(['2026年', '2025年']);
      expect(lines[0]!.values.slice(0, 3)).toEqual([62, 63, null]);
    }
  });
});

describe('sidesOf', () => {
  it('finds the metric’s per-side series, in the region’s province order, and nothing of other metrics', () => {
    expect(sidesOf(border, [otherMetric, jx, border, zj], ['zj', 'jx']).map((s) => s.id)).toEqual(['kpi-border-incidents-zj', 'kpi-border-incidents-jx']);
    expect(sidesOf(border, [otherMetric, jx, border, zj], ['jx', 'zj']).map((s) => s.id)).toEqual(['kpi-border-incidents-jx', 'kpi-border-incidents-zj']);
  });
});
