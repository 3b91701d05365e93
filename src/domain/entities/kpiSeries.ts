/**
 * A KPI as the border reports it: monthly values this year and last, what the figure means and
 * where it comes from (provenance), and the year-on-year change derived from the months.
 */
import { z } from '../z';
import { entityBaseShape, idSchema, localizedTextSchema, nameSchema, textSchema } from './entityBase';
import { type YearOnYear, computeYearOnYear } from './yearOnYear';

const monthValue = z.number({ error: 'a monthly value is a finite number or null' }).nullable();

const kpiSeriesShape = z.object({
  ...entityBaseShape,
  metricId: idSchema,
  label: localizedTextSchema,
  unit: z.object({ zh: z.string().max(16), en: z.string().max(16) }),
  definition: z.object({ zh: textSchema, en: textSchema }),
  provenance: z.object({ source: nameSchema, system: nameSchema.optional() }),
  /** Fewer incidents is good (`lower`); a higher resolution rate is good (`higher`). */
  betterWhen: z.enum(['lower', 'higher']),
  /** Counts add up over months; rates average. */
  aggregation: z.enum(['sum', 'mean']),
  /**
   * `border`: both sides together, the figure the reports publish (a KPI card). `side`: one side's
   * share of the same metric, the side named by `province` (the trend compares the two).
   */
  scope: z.enum(['border', 'side']).default('border'),
  /** How many decimals the year-on-year change is published with (−50.4 %, −27.83 %). */
  changeDecimals: z.number().int().min(0).max(3).default(1),
  year: z.number().int().min(2000).max(2100),
  months: z.array(z.object({ thisYear: monthValue, lastYear: monthValue })).length(12, 'a series has 12 months'),
});

/** Adds the derived year-on-year change: clients compute it, backends need not send it. */
export function withYearOnYear<T extends z.output<typeof kpiSeriesShape>>(series: T): T & { yearOnYear: YearOnYear } {
  return { ...series, yearOnYear: computeYearOnYear(series.months, series.aggregation) };
}

export const kpiSeriesSchema = kpiSeriesShape.transform(withYearOnYear);
export type KpiSeries = z.output<typeof kpiSeriesSchema>;
export type KpiSeriesInput = z.input<typeof kpiSeriesSchema>;
