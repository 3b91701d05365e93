/**
 * Makes an area valid for triangulation. Boundary data quantised to a grid (echarts' 1/1024°
 * encoding, for one) is full of one-vertex spikes and rings that touch themselves; ear-cutting
 * such a ring draws long slivers across the map. A self-union (polyclip, through turf) rebuilds
 * the rings without self-contact, and the crumbs it leaves (specks and pinholes smaller than
 * `minimumAreaSquareMeters`) are dropped.
 */
import { area, featureCollection, multiPolygon, polygon, union } from '@turf/turf';
import type { MultiPolygonCoordinates, PolygonCoordinates } from './geometrySchemas';

export function normalizeMultiPolygon(coordinates: MultiPolygonCoordinates, minimumAreaSquareMeters = 50_000): MultiPolygonCoordinates {
  const shape = multiPolygon(coordinates);
  const merged = union(featureCollection([shape, shape]));
  if (!merged) return coordinates;
  const polygons = (merged.geometry.type === 'Polygon' ? [merged.geometry.coordinates] : merged.geometry.coordinates) as PolygonCoordinates[];
  const ringArea = (ring: PolygonCoordinates[number]) => area(polygon([ring]));
  const kept = polygons
    .filter((rings) => ringArea(rings[0]!) >= minimumAreaSquareMeters)
    .map(([outer, ...holes]) => [outer!, ...holes.filter((hole) => ringArea(hole) >= minimumAreaSquareMeters)]);
  return kept.length > 0 ? kept : coordinates;
}
