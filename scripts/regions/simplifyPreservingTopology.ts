/**
 * Simplifies neighbouring areas together, so an edge two of them share is simplified once and
 * stays shared: no slivers or gaps between counties, and a border derived from two simplified
 * counties is the whole border (simplifying each polygon on its own clipped ~1.5 km off the
 * Changshan–Yushan border's north end). topojson builds the shared arcs, Visvalingam removes
 * vertices whose triangle is smaller than `minimumAreaSquareMeters` on the sphere.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { MultiPolygonCoordinates } from '../../src/domain/geometrySchemas';

const EARTH_RADIUS_METERS = 6_371_008.8;

export function simplifyPreservingTopology<T extends { geometry: MultiPolygonCoordinates }>(areas: readonly T[], minimumAreaSquareMeters: number): T[] {
  const collection: FeatureCollection<MultiPolygon, { index: number }> = {
    type: 'FeatureCollection',
    features: areas.map((area, index) => ({ type: 'Feature', properties: { index }, geometry: { type: 'MultiPolygon', coordinates: area.geometry } })),
  };
  // topojson-server types properties as nullable, topojson-simplify wants objects: the data has them.
  const shared = presimplify(topology({ areas: collection }) as Parameters<typeof presimplify>[0], sphericalTriangleArea);
  // sphericalTriangleArea measures in steradians: divide by R² to compare with square metres.
  const simplified = simplify(shared, minimumAreaSquareMeters / EARTH_RADIUS_METERS ** 2);
  const result = feature(simplified, simplified.objects.areas!) as FeatureCollection<Polygon | MultiPolygon, { index: number }>;
  return result.features.map((simple: Feature<Polygon | MultiPolygon, { index: number }>) => ({
    ...areas[simple.properties.index]!,
    geometry: (simple.geometry.type === 'Polygon' ? [simple.geometry.coordinates] : simple.geometry.coordinates) as MultiPolygonCoordinates,
  }));
}
