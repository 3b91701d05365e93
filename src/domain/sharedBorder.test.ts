import { describe, expect, it } from 'vitest';
import type { MultiPolygonCoordinates } from './geometrySchemas';
import { deriveSharedBorder } from './sharedBorder';

// Two 0.1° squares side by side, sharing the meridian 118.3 between latitudes 28.8 and 28.9.
const west: MultiPolygonCoordinates = [[[[118.2, 28.8], [118.3, 28.8], [118.3, 28.85], [118.3, 28.9], [118.2, 28.9], [118.2, 28.8]]]];
const east: MultiPolygonCoordinates = [[[[118.3, 28.8], [118.4, 28.8], [118.4, 28.9], [118.3, 28.9], [118.3, 28.85], [118.3, 28.8]]]];

describe('deriveSharedBorder', () => {
  it('finds the edge two areas share, with its length', () => {
    const border = deriveSharedBorder(west, east);
    const lons = border.coordinates.map(([lon]) => lon);
    const lats = border.coordinates.map(([, lat]) => lat).sort((a, b) => a - b);
    expect(new Set(lons)).toEqual(new Set([118.3]));
    expect(lats[0]).toBe(28.8);
    expect(lats[lats.length - 1]).toBe(28.9);
    expect(border.lengthMeters).toBeGreaterThan(11_000);
    expect(border.lengthMeters).toBeLessThan(11_200);
  });

  it('stitches a shared run that wraps past a ring’s first vertex', () => {
    // Same west square, but its ring starts in the middle of the shared edge.
    const rotated: MultiPolygonCoordinates = [[[[118.3, 28.85], [118.3, 28.9], [118.2, 28.9], [118.2, 28.8], [118.3, 28.8], [118.3, 28.85]]]];
    const border = deriveSharedBorder(rotated, east);
    expect(border.lengthMeters).toBeGreaterThan(11_000);
  });

  it('says so when the areas do not touch', () => {
    const far: MultiPolygonCoordinates = [[[[119, 29], [119.1, 29], [119.1, 29.1], [119, 29]]]];
    expect(() => deriveSharedBorder(west, far)).toThrow(/share no border/);
  });
});
