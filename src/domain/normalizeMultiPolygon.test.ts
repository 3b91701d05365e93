import { describe, expect, it } from 'vitest';
import { area, kinks, multiPolygon } from '@turf/turf';
import type { MultiPolygonCoordinates } from './geometrySchemas';
import { normalizeMultiPolygon } from './normalizeMultiPolygon';

describe('normalizeMultiPolygon', () => {
  it('removes one-vertex spikes that make a ring touch itself, keeping the area', () => {
    // A 0.1° square with a spike out and back along its top edge, as quantised data has.
    const spiky: MultiPolygonCoordinates = [[[[118, 28], [118.1, 28], [118.1, 28.1], [118.05, 28.1], [118.05, 28.15], [118.05, 28.1], [118, 28.1], [118, 28]]]];
    const clean = normalizeMultiPolygon(spiky);
    const ring = clean[0]![0]!;
    expect(ring.some(([lon, lat]) => lon === 118.05 && lat === 28.15)).toBe(false);
    expect(area(multiPolygon(clean))).toBeCloseTo(area(multiPolygon(spiky)), -2);
  });

  it('drops specks below the minimum area and keeps real parts', () => {
    const big = [[[118, 28], [118.1, 28], [118.1, 28.1], [118, 28.1], [118, 28]]];
    const speck = [[[119, 29], [119.0005, 29], [119.0005, 29.0005], [119, 29]]];
    const clean = normalizeMultiPolygon([big, speck] as MultiPolygonCoordinates);
    expect(clean).toHaveLength(1);
    expect(kinks(multiPolygon(clean)).features).toHaveLength(0);
  });
});
