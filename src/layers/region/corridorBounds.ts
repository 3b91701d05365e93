import type { Feature } from 'geojson';
import { bbox, featureCollection, lineString, point, polygon } from '@turf/turf';
import type { RegionPack } from '../../domain/regionPack';

/** `[west, south, east, north]` in degrees. */
export type BoundsDegrees = [number, number, number, number];

/**
 * The box around the border corridor: the border lines, the cross-province grids and the border
 * towns. This is where the joint policing happens, so the home views frame it, not the two
 * counties around it (whose slabs otherwise fill the screen with empty colour).
 */
export function corridorBounds(pack: RegionPack): BoundsDegrees {
  const features: Feature[] = [
    ...pack.borderLines.map((line) => lineString(line.coordinates)),
    ...pack.crossProvinceGrids.map((grid) => polygon(grid.geometry)),
    ...pack.towns.filter((town) => town.borderTown).map((town) => point(town.position)),
  ];
  const [west, south, east, north] = bbox(featureCollection(features));
  return [west, south, east, north];
}
