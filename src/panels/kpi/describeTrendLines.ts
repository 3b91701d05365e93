/**
 * Which lines the incident trend draws for one metric: this year against last for each side of
 * the border when the backend reports the metric per side, else for the border as a whole.
 * Pure, so the choice is tested as data; the chart builder only styles what it is given.
 */
import type { TrendLine } from '../../charts/buildTrendOption';
import type { KpiSeries } from '../../domain/entities/kpiSeries';

export interface BorderSide {
  series: KpiSeries;
  /** The side's name as the wall shows it (常山县, Yushan). */
  name: string;
  color: string;
}

export interface TrendLineLabels {
  thisYear: string;
  lastYear: string;
}

const periods = ['thisYear', 'lastYear'] as const;

export function describeTrendLines(
  border: KpiSeries,
  sides: readonly BorderSide[],
  labels: TrendLineLabels,
  colors: { thisYear: string; lastYear: string },
): TrendLine[] {
  // One side alone says nothing about the other: compare sides only when both report.
  if (sides.length >= 2) {
    return sides.flatMap((side) =>
      periods.map((period) => ({ name: `${side.name} ${labels[period]}`, values: side.series.months.map((m) => m[period]), color: side.color, period })),
    );
  }
  return periods.map((period) => ({ name: labels[period], values: border.months.map((m) => m[period]), color: colors[period], period }));
}

/** The per-side series of `border`'s metric, in the order the region lists its provinces. */
export function sidesOf(border: KpiSeries, all: readonly KpiSeries[], provinceOrder: readonly string[]): KpiSeries[] {
  const rank = (province: string) => {
    const index = provinceOrder.indexOf(province);
    return index === -1 ? provinceOrder.length : index;
  };
  return all
    .filter((s) => s.scope === 'side' && s.metricId === border.metricId && s.year === border.year)
    .sort((a, b) => rank(a.province) - rank(b.province) || a.province.localeCompare(b.province));
}
