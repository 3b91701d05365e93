/**
 * Stations and grids appear once; officers on duty change at the 08:00 and 20:00 shift changes
 * (China Standard Time), and KPI series are rebuilt when a month ends.
 */
import type { SimulationContext } from './simulationContext';
import { HOUR } from './simulationContext';
import { buildKpiMonths, splitMonthsBySide } from './buildKpiSeries';
import { KPI_DEFINITIONS } from './kpiDefinitions';

const CST_OFFSET_MS = 8 * HOUR;

/** The next 08:00 or 20:00 in China Standard Time after `ms`. */
function nextShiftChange(ms: number): number {
  const local = ms + CST_OFFSET_MS;
  const dayStart = local - (local % (24 * HOUR));
  for (const hour of [8, 20, 32]) {
    const candidate = dayStart + hour * HOUR;
    if (candidate > local) return candidate - CST_OFFSET_MS;
  }
  return dayStart + 32 * HOUR - CST_OFFSET_MS;
}

export function putStationsAndGrids(context: SimulationContext): void {
  for (const station of context.world.stations) context.put('station', { ...station });
  for (const grid of context.world.grids) context.put('grid', { ...grid });
  const shift = () => {
    for (const station of context.world.stations) {
      const current = context.get('station', station.id);
      if (!current) continue;
      const base = station.officersOnDuty as number;
      context.put('station', { ...current, officersOnDuty: Math.max(1, base + context.random.int(-2, 2)) });
    }
    context.schedule(nextShiftChange(context.now()), shift);
  };
  context.schedule(nextShiftChange(context.now()), shift);
}

/** Months completed this year (China Standard Time) at `ms`: 10 in November. */
function completedMonths(ms: number): { year: number; months: number } {
  const local = new Date(ms + CST_OFFSET_MS);
  return { year: local.getUTCFullYear(), months: local.getUTCMonth() };
}

export function putKpis(context: SimulationContext): void {
  const region = context.world.region;
  const focus = region.counties.find((c) => c.role === 'focus')!;
  // The focus county across the border: the other side of the side-by-side KPIs.
  const across = region.counties.find((c) => c.role === 'focus' && c.provinceId !== focus.provinceId);
  const seatOf = (countyId: string) => region.towns.find((t) => t.countyId === countyId && !t.borderTown);
  let built = '';
  const refresh = () => {
    const { year, months } = completedMonths(context.now());
    const key = `${year}-${months}`;
    if (key !== built) {
      built = key;
      for (const definition of KPI_DEFINITIONS) {
        const series = {
          id: `kpi-${definition.metricId}`,
          scope: 'border' as const,
          province: focus.provinceId,
          county: focus.id,
          position: seatOf(focus.id)?.position ?? focus.labelPosition,
          metricId: definition.metricId,
          label: definition.label,
          unit: definition.unit,
          definition: definition.definition,
          provenance: definition.provenance,
          betterWhen: definition.betterWhen,
          aggregation: definition.aggregation,
          changeDecimals: definition.decimals,
          year,
          months: buildKpiMonths(definition, months, context.random),
        };
        context.put('kpiSeries', series);
        if (!definition.sideShare || !across) continue;
        const [mine, theirs] = splitMonthsBySide(series.months, definition.sideShare, context.random);
        for (const [county, sideMonths] of [[focus, mine], [across, theirs]] as const) {
          context.put('kpiSeries', {
            ...series,
            id: `${series.id}-${county.provinceId}`,
            scope: 'side',
            province: county.provinceId,
            county: county.id,
            position: seatOf(county.id)?.position ?? county.labelPosition,
            months: sideMonths,
          });
        }
      }
    }
    context.schedule(context.now() + 6 * HOUR, refresh);
  };
  refresh();
}
