/**
 * Year-on-year change, the figure every border KPI is reported as (边界有效警情 −50.4 %).
 * Only months present in both years count, so a year in progress is compared with the same
 * months of last year, and a month a source has not reported never reads as zero.
 */
export type KpiAggregation = 'sum' | 'mean';

export interface MonthPair {
  thisYear: number | null;
  lastYear: number | null;
}

export interface YearOnYear {
  /** This year's value over the compared months (a sum for counts, a mean for rates). */
  current: number | null;
  previous: number | null;
  /** Percent change; null when there is nothing to compare or last year's base is zero. */
  changePercent: number | null;
  /** How many months were compared. */
  months: number;
}

export function computeYearOnYear(months: readonly MonthPair[], aggregation: KpiAggregation): YearOnYear {
  const pairs = months.filter(
    (m): m is { thisYear: number; lastYear: number } => m.thisYear !== null && m.lastYear !== null && Number.isFinite(m.thisYear) && Number.isFinite(m.lastYear),
  );
  if (pairs.length === 0) return { current: null, previous: null, changePercent: null, months: 0 };
  const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
  const roll = (values: number[]) => (aggregation === 'sum' ? total(values) : total(values) / values.length);
  const current = roll(pairs.map((p) => p.thisYear));
  const previous = roll(pairs.map((p) => p.lastYear));
  let changePercent: number | null;
  if (previous === 0) changePercent = current === 0 ? 0 : null;
  else changePercent = ((current - previous) / Math.abs(previous)) * 100;
  return { current, previous, changePercent, months: pairs.length };
}

/** Whether a change is good news: fewer incidents is good, a lower resolution rate is bad. */
export function isImprovement(changePercent: number, betterWhen: 'lower' | 'higher'): boolean {
  return betterWhen === 'lower' ? changePercent < 0 : changePercent > 0;
}
