import { bbox, featureCollection, multiPolygon } from '@turf/turf';
import type { RegionPack } from '../domain/regionPack';

/**
 * The box around a region's focus counties, `[[west, south], [east, north]]`: what the flat map's
 * home view frames. The pack's own bounds take in every context county around them, which leaves
 * the two counties the dashboard is about small in the middle of the screen.
 */
export function focusBounds(pack: RegionPack): [[number, number], [number, number]] {
  const focus = pack.counties.filter((county) => county.role === 'focus');
  const [west, south, east, north] = bbox(featureCollection((focus.length > 0 ? focus : pack.counties).map((county) => multiPolygon(county.geometry))));
  return [
    [west, south],
    [east, north],
  ];
}
