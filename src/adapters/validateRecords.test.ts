import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../domain/crs';
import { MAX_REASON_LENGTH, boundedReason, validateChanges, validateRecord, validateRecords } from './validateRecords';

const station = { id: 's-1', version: 1, updatedAt: '2026-11-23T10:00:00Z', province: 'zj', county: '330822', position: [118.359766, 28.830328], source: 'gis', stationKind: 'police-station', name: '球川派出所', officersOnDuty: 12 };
const gcj = { source: 'amap-export', crs: 'gcj02' as const };
const wgs = { source: 'backend', crs: 'wgs84' as const };

describe('validateRecord', () => {
  it('converts a valid record from the declared CRS to WGS84', () => {
    const result = validateRecord('station', station, gcj);
    expect(result.ok && result.value.record.position).toEqual(toWgs84([118.359766, 28.830328], 'gcj02'));
    const untouched = validateRecord('station', station, wgs);
    expect(untouched.ok && untouched.value.record.position).toEqual([118.359766, 28.830328]);
  });

  it('converts every coordinate of a grid polygon and of a patrol track', () => {
    const ring = [[118.3, 28.8], [118.4, 28.8], [118.4, 28.9], [118.3, 28.8]];
    const grid = { ...station, name: { zh: '网格', en: 'Grid' }, geometry: [ring], villages: [{ name: '草坪村', townId: 'baishi', side: 'zj' }], gridWorkers: [] };
    const result = validateRecord('grid', grid, gcj);
    if (!result.ok) throw new Error(result.rejection.reason);
    expect((result.value.record as { geometry: number[][][] }).geometry[0]![1]).toEqual(toWgs84([118.4, 28.8], 'gcj02'));
    const track = { ...station, patrolKind: 'drone', name: '无人机', unitStationId: 's', active: true, points: [{ at: '2026-11-23T10:00:00Z', position: [118.3, 28.8] }] };
    const converted = validateRecord('patrolTrack', track, gcj);
    if (!converted.ok) throw new Error(converted.rejection.reason);
    expect((converted.value.record as { points: { position: number[] }[] }).points[0]!.position).toEqual(toWgs84([118.3, 28.8], 'gcj02'));
  });

  it('names the kind, the field and what is wrong, with array positions folded so reasons stay countable', () => {
    const result = validateRecord('gridEvent', { ...station, stages: [{}, { stage: 'x' }] }, wgs);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection).toMatchObject({ source: 'backend', kind: 'gridEvent', id: 's-1' });
    expect(result.rejection.reason).toMatch(/^gridEvent: /);
    expect(validateRecord('ufo', {}, wgs)).toMatchObject({ ok: false, rejection: { kind: null, reason: 'unknown kind "ufo"' } });
    const bad = validateRecord('station', { ...station, position: [118.3, 95] }, wgs);
    expect(!bad.ok && bad.rejection.reason).toBe('station: position[]: latitude must be between -90 and 90');
  });
});

describe('validateRecords and validateChanges', () => {
  it('keeps the valid records of a batch and rejects the bad ones one by one', () => {
    const { records, rejected } = validateRecords(
      [{ kind: 'station', record: station }, { kind: 'station', record: { ...station, id: 's-2', officersOnDuty: -1 } }, null, 'text', { kind: 'station', record: { ...station, id: 's-3' } }],
      wgs,
    );
    expect(records.map((r) => r.record.id)).toEqual(['s-1', 's-3']);
    expect(rejected).toHaveLength(3);
  });

  it('checks each change envelope: sequence, operation, kind, id and version', () => {
    const { changes, rejected } = validateChanges(
      [
        { seq: 1, kind: 'station', op: 'upsert', record: station },
        { seq: 2, kind: 'station', op: 'delete', id: 's-1', version: 2 },
        { seq: -1, kind: 'station', op: 'delete', id: 's-1', version: 2 },
        { seq: 3, kind: 'station', op: 'replace', record: station },
        { seq: 4, kind: 'station', op: 'delete', id: '', version: 2 },
        { seq: 5, kind: 'station', op: 'delete', id: 's-1', version: 1.5 },
        { seq: 6, kind: 'planet', op: 'delete', id: 'x', version: 1 },
      ],
      wgs,
    );
    expect(changes.map((c) => c.seq)).toEqual([1, 2]);
    expect(rejected.map((r) => r.reason)).toEqual([
      'change: seq must be a whole number ≥ 0',
      'change: op must be "upsert" or "delete"',
      'station: delete: id must be a non-empty string',
      'station: delete: version must be a whole number ≥ 0',
      'unknown kind "planet"',
    ]);
  });
});

describe('rejection reasons', () => {
  it('stay short even when the input they quote is huge', () => {
    // zod quotes an unrecognised map key in full; this one is 100 kB.
    const grid = { ...station, name: { zh: '网格', en: 'Grid' }, geometry: [[[118.3, 28.8], [118.4, 28.8], [118.4, 28.9], [118.3, 28.8]]], villages: [{ name: '村', townId: 't', side: 'zj' }], gridWorkers: [] };
    const event = { ...grid, title: 't', category: 'dispute', subcategory: 'dispute.1', gridId: 'g', reporter: { name: 'r', role: 'grid-worker' }, stage: 'discover', stages: [{ stage: 'discover', at: '2026-11-23T10:00:00Z', side: 'zj' }], handoffs: [], dueAt: '2026-11-24T10:00:00Z' };
    const alert = { ...station, severity: 3, watchlist: 'w', subject: { type: 'person' }, hit: { at: '2026-11-23T10:00:00Z', via: 'camera', deviceId: 'd', deviceName: 'd' }, controlSide: 'jx', hitSide: 'zj', controlStationId: 's', status: 'new', statusTimes: { new: '2026-11-23T10:00:00Z', ['k'.repeat(100_000)]: '2026-11-23T10:00:00Z' } };
    expect(validateRecord('gridEvent', event, wgs).ok).toBe(true);
    const result = validateRecord('alert', alert, wgs);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.rejection.reason).toMatch(/^alert: statusTimes: Unrecognized key/);
    expect(!result.ok && result.rejection.reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
    expect(boundedReason('x'.repeat(1000))).toHaveLength(MAX_REASON_LENGTH);
  });
});
