import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../domain/crs';
import { validateHistory } from './validateHistory';

const station = { id: 's-1', version: 1, updatedAt: '2026-11-23T10:00:00Z', province: 'zj', county: '330822', position: [118.359766, 28.830328], source: 'gis', stationKind: 'police-station', name: '球川派出所', officersOnDuty: 12 };
const at = (minute: number) => Date.parse('2026-11-23T10:00:00Z') + minute * 60_000;

describe('validateHistory', () => {
  it('passes the base and every change through the record gate, converted, each change keeping its time', () => {
    const history = validateHistory(
      {
        from: '2026-11-23T10:00:00.000Z',
        to: '2026-11-23T11:00:00.000Z',
        records: [{ kind: 'station', record: station }, { kind: 'station', record: { ...station, id: 's-2', position: [118.3, 95] } }],
        changes: [
          { at: at(5), change: { seq: 7, kind: 'station', op: 'upsert', record: { ...station, version: 2, officersOnDuty: 13 } } },
          { at: at(6), change: { seq: 8, kind: 'station', op: 'upsert', record: { ...station, id: 's-3', officersOnDuty: 'many' } } },
          { at: at(7), change: { seq: 9, kind: 'planet', op: 'delete', id: 'x', version: 1 } },
          { at: at(9), change: { seq: 10, kind: 'station', op: 'delete', id: 's-1', version: 3 } },
        ],
      },
      { source: 'amap-export', crs: 'gcj02' },
    );
    expect([history.from, history.to]).toEqual(['2026-11-23T10:00:00.000Z', '2026-11-23T11:00:00.000Z']);
    expect(history.base.map((r) => r.record.position)).toEqual([toWgs84([118.359766, 28.830328], 'gcj02')]);
    expect(history.changes.map(({ at: time, change }) => [time, change.seq, change.op])).toEqual([
      [at(5), 7, 'upsert'],
      [at(9), 10, 'delete'],
    ]);
    const upserted = history.changes[0]!.change;
    expect(upserted.op === 'upsert' && upserted.record.position).toEqual(toWgs84([118.359766, 28.830328], 'gcj02'));
    expect(history.rejected.map((r) => [r.source, r.id, r.reason])).toEqual([
      ['amap-export', 's-2', 'station: position[]: latitude must be between -90 and 90'],
      ['amap-export', 's-3', expect.stringMatching(/^station: officersOnDuty: /)],
      ['amap-export', null, 'unknown kind "planet"'],
    ]);
  });

  it('puts changes in time order, so playback never skips one a backend listed out of order', () => {
    const history = validateHistory(
      {
        from: '2026-11-23T10:00:00.000Z',
        to: '2026-11-23T11:00:00.000Z',
        records: [],
        changes: [
          { at: at(9), change: { seq: 1, kind: 'station', op: 'upsert', record: station } },
          { at: at(2), change: { seq: 2, kind: 'station', op: 'upsert', record: { ...station, id: 's-2' } } },
          { at: at(5), change: { seq: 3, kind: 'station', op: 'upsert', record: { ...station, id: 's-3' } } },
        ],
      },
      { source: 'gis', crs: 'wgs84' },
    );
    expect(history.changes.map(({ change }) => change.seq)).toEqual([2, 3, 1]);
  });
});
