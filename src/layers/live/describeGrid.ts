/**
 * Cross-province grids as areas spanning both sides of the border, shaded by how many events are
 * open in them: calm teal, then amber, orange and red as events pile up.
 */
import type { Grid } from '../../domain/entities/grid';
import type { ThemeColor } from '../region/regionTheme';
import type { Position3 } from './graphics';
import { type LiveContext, fontOf } from './liveContext';
import { liveTheme } from './liveTheme';

export interface GridArea {
  rings: (readonly Position3[])[];
  fill: ThemeColor;
  edge: ThemeColor;
  /** The grid's short name and open count, shown only near enough to read (`maxRangeMeters`). */
  label: { position: Position3; text: string; font: string; maxRangeMeters: number };
  openEvents: number;
}

export function gridFillFor(openEvents: number): ThemeColor {
  if (openEvents >= 6) return liveTheme.grid.most;
  if (openEvents >= 3) return liveTheme.grid.many;
  if (openEvents >= 1) return liveTheme.grid.few;
  return liveTheme.grid.none;
}

/** Grid names are read only this near: farther out the shading speaks and the names would pile up on the border. */
export const GRID_LABEL_MAX_RANGE_METERS = 40_000;

/**
 * "跨省网格03 · 球川镇—双明镇" as "网格03", "Cross-province grid 03 · Qiuchuan–Shuangming" as
 * "Grid 03": the towns are named on the map already, and every grid here is cross-province.
 */
export function shortGridName(name: string): string {
  const [head = name] = name.split(' · ');
  return head.replace(/^跨省/, '').replace(/^cross-province grid/i, 'Grid').trim();
}

export function describeGrid(grid: Grid, context: LiveContext): GridArea {
  const height = liveTheme.heightMeters - 100;
  const openEvents = context.openEventsInGrid(grid.id);
  const name = shortGridName(grid.name[context.language]);
  return {
    rings: grid.geometry.map((ring) => ring.map(([lon, lat]) => [lon, lat, height] as const)),
    fill: gridFillFor(openEvents),
    edge: liveTheme.grid.edge,
    openEvents,
    label: {
      position: [grid.position[0], grid.position[1], height],
      text: openEvents > 0 ? `${name} · ${context.language === 'zh' ? `在办${openEvents}` : `${openEvents} open`}` : name,
      font: fontOf(context, liveTheme.labelSizePixels - 1, 500),
      maxRangeMeters: GRID_LABEL_MAX_RANGE_METERS,
    },
  };
}
