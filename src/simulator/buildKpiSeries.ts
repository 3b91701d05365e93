/**
 * Monthly KPI series whose year-on-year change over the completed months equals the published
 * figure to the published precision. The month in progress and later months are left empty
 * (null), so a partial month is never compared with a whole one.
 */
import type { KpiSeriesInput } from '../domain/entities/kpiSeries';
import type { KpiDefinition } from './kpiDefinitions';
import type { SeededRandom } from './seededRandom';

/** Splits `total` into whole numbers proportional to `weights` (largest remainder), summing exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index]! += 1;
    left -= 1;
  }
  return floors;
}

/** The smallest total ≥ `minimum` whose change to a whole-number total rounds to `percent` exactly. */
export function baseForExactChange(percent: number, decimals: number, minimum: number): { last: number; current: number } {
  const ratio = 1 + percent / 100;
  const tolerance = 0.5 * 10 ** -decimals;
  for (let last = Math.max(1, Math.round(minimum)); last < minimum * 100; last++) {
    const current = Math.round(last * ratio);
    // Well inside the rounding band, so the published figure survives any display rounding.
    if (Math.abs(((current - last) / last) * 100 - percent) < tolerance / 2) return { last, current };
  }
  throw new Error(`no whole-number totals give ${percent}%`);
}

/** Monthly means with a little noise whose average is exactly `mean` (one decimal each). */
function monthlyMeans(mean: number, months: number, random: SeededRandom, spread: number, ceiling = Number.POSITIVE_INFINITY): number[] {
  if (months === 0) return [];
  const values = Array.from({ length: months }, () => Math.min(ceiling, Math.round((mean + random.between(-spread, spread)) * 10) / 10));
  const correction = Math.round((mean * months - values.reduce((a, b) => a + b, 0)) * 10) / 10;
  values[months - 1] = Math.round((values[months - 1]! + correction) * 10) / 10;
  return values;
}

export function buildKpiMonths(definition: KpiDefinition, completedMonths: number, random: SeededRandom): KpiSeriesInput['months'] {
  let thisYear: number[];
  let lastYear: number[];
  if (definition.aggregation === 'sum') {
    const weights = definition.seasonality.slice(0, completedMonths);
    const totals = completedMonths > 0 ? baseForExactChange(definition.targetChangePercent, definition.decimals, definition.base * (completedMonths / 12)) : { last: 0, current: 0 };
    lastYear = apportion(totals.last, weights);
    thisYear = apportion(totals.current, weights);
  } else {
    const thisMean = definition.thisYearMean ?? definition.base;
    thisYear = monthlyMeans(thisMean, completedMonths, random, thisMean >= 100 ? 0 : thisMean * 0.08, 100);
    lastYear = monthlyMeans(definition.base, completedMonths, random, definition.base * 0.03, 100);
  }
  // Last year is complete: the months still ahead this year show last year's figures for comparison.
  const lastYearRest = definition.aggregation === 'sum'
    ? apportion(Math.round((definition.base / Math.max(1, completedMonths || 12)) * (12 - completedMonths)), definition.seasonality.slice(completedMonths))
    : monthlyMeans(definition.base, 12 - completedMonths, random, definition.base * 0.03, 100);
  return Array.from({ length: 12 }, (_, month) => ({
    thisYear: month < completedMonths ? thisYear[month]! : null,
    lastYear: month < completedMonths ? lastYear[month]! : (lastYearRest[month - completedMonths] ?? null),
  }));
}

/**
 * One side's share of a border-wide count, month by month; the other side's months are the rest,
 * so the two sides always add up to the published figure. Each month's share wavers a little.
 */
export function splitMonthsBySide(
  months: KpiSeriesInput['months'],
  share: { lastYear: number; thisYear: number },
  random: SeededRandom,
): [KpiSeriesInput['months'], KpiSeriesInput['months']] {
  const part = (value: number | null, base: number): [number | null, number | null] => {
    if (value === null) return [null, null];
    const wavering = Math.min(0.95, Math.max(0.05, base + random.between(-0.04, 0.04)));
    const [mine, theirs] = apportion(value, [wavering, 1 - wavering]);
    return [mine!, theirs!];
  };
  const mine: KpiSeriesInput['months'] = [];
  const theirs: KpiSeriesInput['months'] = [];
  for (const month of months) {
    const [thisMine, thisTheirs] = part(month.thisYear, share.thisYear);
    const [lastMine, lastTheirs] = part(month.lastYear, share.lastYear);
    mine.push({ thisYear: thisMine, lastYear: lastMine });
    theirs.push({ thisYear: thisTheirs, lastYear: lastTheirs });
  }
  return [mine, theirs];
}
