import { describe, expect, it } from 'vitest';
import { GeoJsonError, parseGeoJson } from './parseGeoJson';

const feature = (coordinates: unknown, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates },
});

describe('parseGeoJson', () => {
  it('reads a FeatureCollection, a single Feature, a bare feature array and a bare geometry', () => {
    const collection = { type: 'FeatureCollection', features: [feature([118.3, 28.8])] };
    expect(parseGeoJson(collection, { crs: 'wgs84' }).features).toHaveLength(1);
    expect(parseGeoJson(feature([118.3, 28.8]), { crs: 'wgs84' }).features).toHaveLength(1);
    expect(parseGeoJson([feature([118.3, 28.8]), feature([118.4, 28.9])], { crs: 'wgs84' }).features).toHaveLength(2);
    expect(parseGeoJson({ type: 'Point', coordinates: [118.3, 28.8] }, { crs: 'wgs84' }).features).toHaveLength(1);
  });

  it('skips a UTF-8 byte-order mark', () => {
    const text = `\uFEFF${JSON.stringify({ type: 'FeatureCollection', features: [feature([118.3, 28.8], { name: '球川镇' })] })}`;
    const parsed = parseGeoJson(text, { crs: 'cgcs2000' });
    expect(parsed.features[0]!.properties.name).toBe('球川镇');
  });

  it('converts GCJ-02 input to WGS84 and leaves WGS84 alone', () => {
    const gcj = parseGeoJson(feature([118.359766, 28.830328]), { crs: 'gcj02' }).features[0]!.geometry;
    const wgs = parseGeoJson(feature([118.359766, 28.830328]), { crs: 'wgs84' }).features[0]!.geometry;
    expect(wgs.coordinates).toEqual([118.359766, 28.830328]);
    const [lon, lat] = gcj.coordinates as number[];
    expect(lon).toBeLessThan(118.359766);
    expect(lat).toBeGreaterThan(28.830328);
  });

  it('rejects bad features one by one with the reason, and keeps the good ones', () => {
    const parsed = parseGeoJson(
      [
        feature([118.3, 28.8]),
        feature([118.3, 95]),
        feature(['118.3', 28.8]),
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[118, 28], [118.1, 28], [118.1, 28.1], [118, 28.2]]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: [] } },
        feature([118.4, 28.9]),
      ],
      { crs: 'wgs84' },
    );
    expect(parsed.features.map((f) => f.index)).toEqual([0, 5]);
    expect(parsed.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(parsed.rejected[0]!.reason).toMatch(/features\[1\]: geometry\.coordinates\[1\]: latitude must be between -90 and 90/);
    expect(parsed.rejected[1]!.reason).toMatch(/longitude must be a finite number/);
    expect(parsed.rejected[2]!.reason).toMatch(/ring must end where it starts/);
    expect(parsed.rejected[3]!.reason).toMatch(/geometry\.type/);
  });

  it('fails as a whole only when nothing can be read', () => {
    expect(() => parseGeoJson('{"type": "FeatureCollection", "features": [', { crs: 'wgs84', sourceName: 'towns.json' })).toThrow(
      GeoJsonError,
    );
    expect(() => parseGeoJson('{"type": "FeatureCollection", "features": [', { crs: 'wgs84', sourceName: 'towns.json' })).toThrow(
      /towns\.json is not valid JSON/,
    );
    expect(() => parseGeoJson({ type: 'Topology' }, { crs: 'wgs84' })).toThrow(/unknown type "Topology"/);
    expect(() => parseGeoJson(42, { crs: 'wgs84' })).toThrow(/not GeoJSON/);
  });
});
