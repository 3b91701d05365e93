/**
 * Real boundary files as Chinese GIS teams hand them over (../shared/geodata, outside this
 * repository): DataV county outlines in GCJ-02 and a Changshan township file in WGS84/CGCS2000
 * with a byte-order mark. After conversion the two must line up; unconverted they do not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lineString, point, pointToLineDistance } from '@turf/turf';
import type { CrsId } from '../../domain/crs';
import { type ParsedGeoJson, parseGeoJson } from '../../domain/parseGeoJson';

const geodataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'geodata');
const available = existsSync(join(geodataDir, '330822_changshan.json'));
if (!available) console.warn(`real-world geodata tests skipped: ${geodataDir} is absent (it lives beside the repository, not in it)`);

const load = (file: string, crs: CrsId): ParsedGeoJson =>
  parseGeoJson(readFileSync(join(geodataDir, file), 'utf8'), { crs, sourceName: file });

/** Distances from a town's boundary vertices to the county's outer boundary, where they run together. */
function sharedStretch(county: ParsedGeoJson, towns: ParsedGeoJson, townName: string) {
  const geometry = county.features[0]!.geometry;
  if (geometry.type !== 'MultiPolygon') throw new Error('expected the county as a MultiPolygon');
  const boundary = lineString(geometry.coordinates[0]![0]!.map(([lon, lat]) => [lon, lat]));
  const town = towns.features.find((f) => f.properties.name === townName)!;
  if (town.geometry.type !== 'Polygon') throw new Error(`expected ${townName} as a Polygon`);
  const distances = town.geometry.coordinates[0]!.map(([lon, lat]) => pointToLineDistance(point([lon, lat]), boundary, { units: 'meters' }));
  // The two files are digitised independently: vertices within 300 m of the county line are the
  // stretch the town shares with it; everything farther is the town's inland boundary.
  const shared = distances.filter((d) => d < 300).sort((a, b) => a - b);
  return {
    vertices: shared.length,
    median: shared[Math.floor(shared.length / 2)] ?? Number.POSITIVE_INFINITY,
    within50: shared.filter((d) => d <= 50).length / Math.max(1, shared.length),
  };
}

describe.skipIf(!available)('real-world boundary files (../shared/geodata)', () => {
  it('reads every file with its declared CRS and rejects nothing', () => {
    const files: [string, CrsId, number][] = [
      ['330822_changshan.json', 'gcj02', 1],
      ['361123_yushan.json', 'gcj02', 1],
      ['330800_full_quzhou.json', 'gcj02', 6],
      ['361100_full_shangrao.json', 'gcj02', 12],
      ['changshan_330822_towns_CS.json', 'cgcs2000', 15],
      ['tnnevol_gmap_330822_feature_array.json', 'gcj02', 1],
      ['qznfgis_quzhou_counties_fname.json', 'cgcs2000', 6],
    ];
    for (const [file, crs, count] of files) {
      const parsed = load(file, crs);
      expect(parsed.rejected, file).toEqual([]);
      expect(parsed.features, file).toHaveLength(count);
    }
  });

  it.each(['球川镇', '白石镇'])('%s lies along Changshan’s converted boundary within 50 m where they share it', (townName) => {
    const towns = load('changshan_330822_towns_CS.json', 'cgcs2000');
    const converted = sharedStretch(load('330822_changshan.json', 'gcj02'), towns, townName);
    expect(converted.vertices).toBeGreaterThanOrEqual(20);
    expect(converted.median).toBeLessThan(50);
    expect(converted.within50).toBeGreaterThan(0.8);

    // The same check on the GCJ-02 outline taken as if it were WGS84 fails: the conversion matters.
    const unconverted = sharedStretch(load('330822_changshan.json', 'wgs84'), towns, townName);
    expect(unconverted.median).toBeGreaterThan(100);
    expect(unconverted.within50).toBeLessThan(0.3);
  });
});
