/**
 * Cross-province grid events run as a closed loop (discover → analyze → command → handle →
 * feedback → closed) with realistic durations, about one an hour; one in four is handed across the
 * border at its command stage (交办: found on one side, handled by the other's grid, several a day;
 * the seeds' "270余项" counts years of it), some stall past their due time, and closed ones leave
 * after a day.
 */
import { bbox, booleanPointInPolygon, point, polygon } from '@turf/turf';
import { GRID_EVENT_CATEGORIES, subcategoryLabel } from '../domain/entities/gridEventCategories';
import { GRID_EVENT_STAGES, type GridEventStage } from '../domain/entities/gridEvent';
import type { LonLat } from '../domain/geometrySchemas';
import type { GridSeed } from './buildWorld';
import { DAY, HOUR, MINUTE, type SimulationContext } from './simulationContext';

const MEAN_GAP_MS = 60 * MINUTE;
/** Cross-province handoffs: about six a day over the ~24 events a day, enough to see on the map. */
const HANDOFF_PROBABILITY = 0.25;
const DUE_AFTER_MS = 72 * HOUR;
/** [minimum, maximum] minutes from each stage to the next. */
const STAGE_MINUTES: Record<Exclude<GridEventStage, 'discover'>, [number, number]> = {
  analyze: [10, 120],
  command: [10, 180],
  handle: [30, 720],
  feedback: [30, 360],
  closed: [10, 240],
};
const CATEGORY_WEIGHTS: [string, number][] = GRID_EVENT_CATEGORIES.map((category) => [
  category.id,
  ({ dispute: 18, 'safety-hazard': 14, ecology: 10, 'hazardous-building': 10, 'water-pollution': 8, 'public-order': 10 } as Record<string, number>)[category.id] ?? 5,
]);

function pointInGrid(context: SimulationContext, grid: GridSeed): LonLat {
  const shape = polygon(grid.geometry);
  const [west, south, east, north] = bbox(shape);
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate: LonLat = [
      Math.round(context.random.between(west, east) * 1e6) / 1e6,
      Math.round(context.random.between(south, north) * 1e6) / 1e6,
    ];
    if (booleanPointInPolygon(point(candidate), shape)) return candidate;
  }
  return grid.position;
}

function createEvent(context: SimulationContext, sequence: number): string {
  const { random, world } = context;
  const grid = random.pick(world.grids);
  const village = random.pick(grid.villages);
  const categoryId = random.weighted(CATEGORY_WEIGHTS);
  const category = GRID_EVENT_CATEGORIES.find((c) => c.id === categoryId)!;
  const subcategory = `${category.id}.${random.int(1, category.subcategories.length)}`;
  const worker = random.pick(grid.gridWorkers.filter((w) => w.side === village.side));
  const town = context.world.region.towns.find((t) => t.id === village.townId);
  const now = context.now();
  const id = `event-${String(sequence).padStart(6, '0')}`;
  context.put('gridEvent', {
    id,
    province: village.side,
    county: town?.countyId ?? grid.county,
    town: village.townId,
    position: pointInGrid(context, grid),
    title: `${village.name}${subcategoryLabel(subcategory)!.zh}`,
    category: categoryId,
    subcategory,
    gridId: grid.id,
    reporter: random.chance(0.8) ? { name: worker?.name ?? '网格员', role: 'grid-worker' } : { name: '无人机巡查', role: 'patrol' },
    stage: 'discover',
    stages: [{ stage: 'discover', at: context.iso(now), side: village.side }],
    handoffs: [],
    dueAt: context.iso(now + DUE_AFTER_MS),
  });
  return id;
}

function runLoop(context: SimulationContext, id: string): void {
  const { random } = context;
  // One event in twenty stalls at handling and runs past its due time.
  const stalls = random.chance(0.05);
  const handsOff = random.chance(HANDOFF_PROBABILITY);
  let at = context.now();
  for (const stage of GRID_EVENT_STAGES.slice(1) as Exclude<GridEventStage, 'discover'>[]) {
    const [min, max] = STAGE_MINUTES[stage];
    at += random.between(min, max) * MINUTE * (stalls && stage === 'feedback' ? 12 : 1);
    context.schedule(at, () => {
      const event = context.get('gridEvent', id);
      if (!event) return;
      const stages = event.stages as { stage: string; at: string; side: string }[];
      // A desk may have moved it on already (an instruction takes it to its command stage): a
      // stage it has reached is not run again.
      if (GRID_EVENT_STAGES.indexOf(event.stage as GridEventStage) >= GRID_EVENT_STAGES.indexOf(stage)) return;
      let side = stages[stages.length - 1]!.side;
      let handoffs = event.handoffs as { at: string; fromSide: string; toSide: string; note?: string; acceptedAt?: string }[];
      if (handsOff && stage === 'command') {
        const other = [...context.world.provinceOfCounty.values()].find((province) => province !== side) ?? side;
        // The other side's platform takes it at once: its command stage is that side's.
        handoffs = [...handoffs, { at: context.iso(), fromSide: side, toSide: other, note: '属地处置，跨省交办', acceptedAt: context.iso() }];
        side = other;
      }
      context.put('gridEvent', { ...event, stage, stages: [...stages, { stage, at: context.iso(), side }], handoffs });
    });
  }
  context.schedule(at + DAY, () => context.remove('gridEvent', id));
}

export function startGridEvents(context: SimulationContext): void {
  if (context.world.grids.length === 0) return;
  let sequence = 0;
  const next = () => {
    context.schedule(context.now() + context.random.exponential(MEAN_GAP_MS), () => {
      runLoop(context, createEvent(context, ++sequence));
      next();
    });
  };
  next();
}
