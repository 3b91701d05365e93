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
  label: { position: Position3; text: string; font: string };
  openEvents: number;
}

export function gridFillFor(openEvents: number): ThemeColor {
  if (openEvents >= 6) return liveTheme.grid.most;
  if (openEvents >= 3) return liveTheme.grid.many;
  if (openEvents >= 1) return liveTheme.grid.few;
  return liveTheme.grid.none;
}

export function describeGrid(grid: Grid, context: LiveContext): GridArea {
  const height = liveTheme.heightMeters - 100;
  const openEvents = context.openEventsInGrid(grid.id);
  const name = grid.name[context.language];
  return {
    rings: grid.geometry.map((ring) => ring.map(([lon, lat]) => [lon, lat, height] as const)),
    fill: gridFillFor(openEvents),
    edge: liveTheme.grid.edge,
    openEvents,
    label: {
      position: [grid.position[0], grid.position[1], height],
      text: openEvents > 0 ? `${name}（${context.language === 'zh' ? '在办' : 'open'} ${openEvents}）` : name,
      font: fontOf(context, liveTheme.labelSizePixels - 1, 500),
    },
  };
}
