/**
 * Cuts a corridor along a border line into consecutive areas, one per cross-province grid.
 * Each area straddles the border (so it lies on both sides) and neighbouring areas share their
 * cut edge exactly, with no gap and no overlap.
 */
import { along, bearing, buffer, destination, featureCollection, intersect, length, lineString, polygon, simplify } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LonLat, PolygonCoordinates } from '../../src/domain/geometrySchemas';

/** A short line across the border at `distanceKm`, perpendicular to the border's local direction. */
function cutAcross(line: ReturnType<typeof lineString>, distanceKm: number, totalKm: number, halfLengthKm: number) {
  const probeKm = Math.min(0.5, totalKm / 20);
  const before = along(line, Math.max(0, distanceKm - probeKm), { units: 'kilometers' });
  const after = along(line, Math.min(totalKm, distanceKm + probeKm), { units: 'kilometers' });
  const direction = bearing(before, after);
  const centre = along(line, distanceKm, { units: 'kilometers' });
  return {
    left: destination(centre, halfLengthKm, direction - 90, { units: 'kilometers' }).geometry.coordinates as LonLat,
    right: destination(centre, halfLengthKm, direction + 90, { units: 'kilometers' }).geometry.coordinates as LonLat,
  };
}

function largestPolygon(feature: Feature<Polygon | MultiPolygon>): PolygonCoordinates {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const area = (rings: number[][][]) => {
    const ring = rings[0] ?? [];
    let sum = 0;
    for (let i = 1; i < ring.length; i++) sum += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
    return Math.abs(sum);
  };
  const best = [...polygons].sort((a, b) => area(b) - area(a))[0];
  if (!best) throw new Error('a grid slice came out empty');
  return best as PolygonCoordinates;
}

/**
 * @param border the border line, from the end where the first range starts.
 * @param ranges `[from, to]` fractions of the border's length, in order.
 * @param halfWidthMeters how far each area reaches into each province.
 */
export function sliceBorderCorridor(
  border: LonLat[],
  ranges: readonly (readonly [number, number])[],
  halfWidthMeters: number,
): PolygonCoordinates[] {
  // A gently smoothed centre line keeps the corridor free of the source data's pixel staircase.
  const line = simplify(lineString(border), { tolerance: 0.002, highQuality: true });
  const totalKm = length(line, { units: 'kilometers' });
  const halfWidthKm = halfWidthMeters / 1000;
  const corridor = buffer(line, halfWidthKm, { units: 'kilometers' });
  if (!corridor) throw new Error('the border corridor could not be built');
  return ranges.map(([from, to]) => {
    const start = cutAcross(line, from * totalKm, totalKm, halfWidthKm * 3);
    const end = cutAcross(line, to * totalKm, totalKm, halfWidthKm * 3);
    const slab = polygon([[start.left, end.left, end.right, start.right, start.left]]);
    const slice = intersect(featureCollection([corridor, slab]));
    if (!slice) throw new Error(`the border corridor has nothing between ${from} and ${to}`);
    return largestPolygon(slice);
  });
}
