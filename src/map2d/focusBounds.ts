import type { RegionPack } from '../domain/regionPack';
import { corridorBounds } from '../layers/region/corridorBounds';

/**
 * The box the flat map's home view frames, `[[west, south], [east, north]]`: the border corridor
 * (border lines, cross-province grids, border towns), where the joint policing happens. Framing the
 * whole focus counties left the corridor a narrow strip of piled icons between two empty slabs.
 */
export function focusBounds(pack: RegionPack): [[number, number], [number, number]] {
  const [west, south, east, north] = corridorBounds(pack);
  return [
    [west, south],
    [east, north],
  ];
}
