/**
 * A valid KPI series for tests (边界有效警情, two months compared: −50.4 %), parsed through the
 * real schema so it carries the derived year-on-year change. Not imported by the app.
 */
import { type KpiSeriesInput, kpiSeriesSchema } from './kpiSeries';

export function kpiSeriesFixture(overrides: Partial<KpiSeriesInput> = {}) {
  return kpiSeriesSchema.parse({
    id: `kpi-${overrides.metricId ?? 'border-incidents'}`,
    version: 1,
    updatedAt: '2026-11-23T00:00:00Z',
    province: 'zj',
    county: '330822',
    position: [118.36, 28.83],
    source: 'test',
    metricId: 'border-incidents',
    label: { zh: '边界有效警情', en: 'Border incidents' },
    unit: { zh: '起', en: 'cases' },
    definition: { zh: '核实的有效警情数', en: 'Verified incidents' },
    provenance: { source: '常山县公安局', system: '平安边界·智慧安防' },
    betterWhen: 'lower',
    aggregation: 'sum',
    year: 2026,
    months: [
      { thisYear: 62, lastYear: 125 },
      { thisYear: 63, lastYear: 127 },
      ...Array.from({ length: 10 }, () => ({ thisYear: null, lastYear: 130 })),
    ],
    ...overrides,
  });
}
