import type { LonLat } from '../../domain/geometrySchemas';
import type { Position3 } from './graphics';

/**
 * An arc between two places, lifted in the middle (higher the farther apart they are), so a
 * request across the border reads as a flow from one station to the other. Straight interpolation
 * in degrees is exact enough over the tens of kilometres of a border region.
 */
export function arcPositions(from: LonLat, to: LonLat, baseHeightMeters: number, segments = 32): Position3[] {
  const metersPerDegreeLat = 111_320;
  const metersPerDegreeLon = metersPerDegreeLat * Math.cos((((from[1] + to[1]) / 2) * Math.PI) / 180);
  const distance = Math.hypot((to[0] - from[0]) * metersPerDegreeLon, (to[1] - from[1]) * metersPerDegreeLat);
  const peak = Math.min(15_000, Math.max(1_500, distance * 0.3));
  return Array.from({ length: segments + 1 }, (_, i) => {
    const t = i / segments;
    return [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t, baseHeightMeters + peak * 4 * t * (1 - t)] as const;
  });
}
