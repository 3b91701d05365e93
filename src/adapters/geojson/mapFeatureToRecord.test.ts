import { describe, expect, it } from 'vitest';
import type { GeojsonSourceSettings } from '../../domain/appConfig';
import { mapFeatureToRecord, readPath } from './mapFeatureToRecord';

const settings: GeojsonSourceSettings = {
  type: 'geojson',
  id: 'gis',
  url: '/x.geojson',
  kind: 'station',
  crs: 'wgs84',
  pollIntervalMs: 60_000,
  timeoutMs: 15_000,
  fields: { name: 'properties.名称', stationKind: 'properties.类型', officersOnDuty: 'properties.在岗' },
  constants: { province: 'zj', county: '330822' },
  valueMaps: { stationKind: { 派出所: 'police-station' } },
};

describe('mapFeatureToRecord', () => {
  it('maps properties by path, fills constants, translates codes and takes the point as position', () => {
    const record = mapFeatureToRecord(
      { index: 0, id: 7, properties: { 名称: '球川派出所', 类型: '派出所', 在岗: 12 }, geometry: { type: 'Point', coordinates: [118.35, 28.83] } },
      settings,
    );
    expect(record).toEqual({ source: 'gis', province: 'zj', county: '330822', id: '7', position: [118.35, 28.83], name: '球川派出所', stationKind: 'police-station', officersOnDuty: 12 });
  });

  it('uses the centre of an area as its position and keeps the polygon', () => {
    const ring = [[118, 28], [118.2, 28], [118.2, 28.2], [118, 28.2], [118, 28]] as [number, number][];
    const record = mapFeatureToRecord({ index: 0, id: 'g', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }, { ...settings, fields: {} });
    expect(record.position).toEqual([118.1, 28.1]);
    expect(record.geometry).toEqual([ring]);
  });

  it('makes a patrol track’s line its points, timed by coordinateProperties.times, and its end the position', () => {
    const times = ['2026-11-23T10:00:00Z', '2026-11-23T10:00:15Z', '2026-11-23T10:00:30Z'];
    const line = [[118.1, 28.1], [118.2, 28.15], [118.3, 28.2]] as [number, number][];
    const track = { ...settings, kind: 'patrolTrack' as const, fields: {} };
    const record = mapFeatureToRecord({ index: 0, id: 'drone-1', properties: { coordinateProperties: { times } }, geometry: { type: 'LineString', coordinates: line } }, track);
    expect(record.position).toEqual([118.3, 28.2]);
    expect(record.points).toEqual(line.map((position, i) => ({ at: times[i], position })));
    // A time short is a point without its time, for validation to name, not a line silently cut.
    const short = mapFeatureToRecord({ index: 0, id: 'drone-1', properties: { coordinateProperties: { times: times.slice(0, 2) } }, geometry: { type: 'LineString', coordinates: line } }, track);
    expect((short.points as { at: unknown }[])[2]!.at).toBeUndefined();
  });

  it('takes properties named like entity fields as they are when asked, never over the geometry or through a prototype', () => {
    const properties = JSON.parse('{"name":"球川派出所","officersOnDuty":4,"position":[0,0],"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const record = mapFeatureToRecord({ index: 0, id: 'A', properties, geometry: { type: 'Point', coordinates: [118.35, 28.83] } }, { ...settings, fields: {} }, { copyProperties: true });
    expect(record).toMatchObject({ id: 'A', name: '球川派出所', officersOnDuty: 4, position: [118.35, 28.83], province: 'zj' });
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never reads through a prototype, whatever the path says', () => {
    const hostile = JSON.parse('{"properties":{"__proto__":{"x":1},"a":{"b":2}}}') as unknown;
    expect(readPath(hostile, 'properties.a.b')).toBe(2);
    expect(readPath(hostile, 'properties.__proto__.x')).toBeUndefined();
    expect(readPath({ properties: {} }, 'properties.constructor')).toBeUndefined();
    expect(readPath({ properties: {} }, 'properties.toString')).toBeUndefined();
  });
});
