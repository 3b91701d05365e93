/**
 * Points along one of a region's border lines (the first unless told), and points a little way
 * into each province beside them, so a screenshot can be checked where the border and the two
 * counties should appear.
 */
import { along, bearing, booleanPointInPolygon, destination, length, lineString, multiPolygon } from '@turf/turf';
import type { BorderLine, RegionPack } from '../../src/domain/regionPack';

export interface BorderSample {
  onBorder: [number, number];
  /** `sideOffsetMeters` into the county on each side, tagged with the province that owns it. */
  sides: { provinceId: string; position: [number, number] }[];
}

export function borderSamples(pack: RegionPack, spacingMeters = 500, sideOffsetMeters = 3000, border: BorderLine = pack.borderLines[0]!): BorderSample[] {
  const line = lineString(border.coordinates);
  const totalKm = length(line, { units: 'kilometers' });
  const focus = pack.counties.filter((c) => c.role === 'focus');
  const samples: BorderSample[] = [];
  for (let km = 0.25; km < totalKm - 0.25; km += spacingMeters / 1000) {
    const here = along(line, km, { units: 'kilometers' });
    const direction = bearing(along(line, Math.max(0, km - 0.5), { units: 'kilometers' }), along(line, Math.min(totalKm, km + 0.5), { units: 'kilometers' }));
    const sides = [-90, 90].flatMap((turn) => {
      const beside = destination(here, sideOffsetMeters / 1000, direction + turn, { units: 'kilometers' });
      const county = focus.find((c) => booleanPointInPolygon(beside, multiPolygon(c.geometry)));
      return county ? [{ provinceId: county.provinceId, position: beside.geometry.coordinates as [number, number] }] : [];
    });
    samples.push({ onBorder: here.geometry.coordinates as [number, number], sides });
  }
  return samples;
}
