import { describe, expect, it } from 'vitest';
import type { Change, TimedChange } from '../adapters/contract';
import type { Alert } from '../domain/entities/alert';
import { maskRecordForDisplay } from '../domain/maskRecordForDisplay';
import type { EntityState } from './entityState';
import { PlaybackTimeline, stateAt } from './playbackTimeline';

const T0 = Date.parse('2026-11-23T00:00:00Z');
const MIN = 60_000;
const alert = (id: string, version: number, status: Alert['status'], plate = '浙H·12345'): Alert =>
  ({
    id,
    version,
    updatedAt: '2026-11-23T00:00:00Z',
    province: 'zj',
    county: '330822',
    position: [118.35, 28.83],
    source: 'test',
    severity: 3,
    watchlist: '盗抢车辆',
    subject: { type: 'vehicle', plate },
    hit: { at: '2026-11-23T00:00:00Z', via: 'camera', deviceId: 'c', deviceName: 'c' },
    controlSide: 'jx',
    hitSide: 'zj',
    controlStationId: 's',
    status,
    statusTimes: { new: '2026-11-23T00:00:00Z', [status]: '2026-11-23T00:00:00Z' },
  }) as Alert;
let seq = 0;
const upsert = (minute: number, record: Alert): TimedChange => ({ at: T0 + minute * MIN, change: { seq: ++seq, kind: 'alert', op: 'upsert', record } as Change });
const remove = (minute: number, id: string, version: number): TimedChange => ({ at: T0 + minute * MIN, change: { seq: ++seq, kind: 'alert', op: 'delete', id, version } });

const history = {
  fromMs: T0,
  toMs: T0 + 60 * MIN,
  base: [{ kind: 'alert' as const, record: alert('a', 1, 'new') }],
  changes: [upsert(5, alert('b', 1, 'new')), upsert(10, alert('a', 2, 'acknowledged')), upsert(20, alert('b', 2, 'intercepted')), remove(30, 'a', 3), upsert(40, alert('c', 1, 'new'))],
};

const contents = (state: EntityState | PlaybackTimeline) => {
  const read = 'reader' in state ? (kind: 'alert') => [...state.reader.each(kind)] : (kind: 'alert') => [...state.collection(kind).values()];
  return read('alert').map((a) => `${a.id}@${a.version}:${a.status}`).sort();
};

describe('stateAt', () => {
  it('is the base plus every change made by then', () => {
    expect(contents(stateAt(history, T0))).toEqual(['a@1:new']);
    expect(contents(stateAt(history, T0 + 10 * MIN))).toEqual(['a@2:acknowledged', 'b@1:new']);
    expect(contents(stateAt(history, T0 + 35 * MIN))).toEqual(['b@2:intercepted']);
    expect(contents(stateAt(history, T0 + 60 * MIN))).toEqual(['b@2:intercepted', 'c@1:new']);
  });
});

describe('PlaybackTimeline', () => {
  it('agrees with stateAt wherever the playhead goes, forward or back', () => {
    const timeline = new PlaybackTimeline(history);
    for (const minute of [3, 12, 25, 25, 45, 8, 0, 59, 31, 60, 2]) {
      timeline.seek(T0 + minute * MIN);
      expect(contents(timeline), `minute ${minute}`).toEqual(contents(stateAt(history, T0 + minute * MIN)));
    }
  });

  it('tells listeners only what changed, so layers update incrementally', () => {
    const timeline = new PlaybackTimeline(history);
    const diffs: unknown[] = [];
    timeline.reader.onDiff((diff) => diffs.push(diff));
    expect(timeline.seek(T0 + 12 * MIN)).toEqual({ alert: { added: ['b'], updated: ['a'], removed: [] } });
    expect(timeline.seek(T0 + 45 * MIN)).toEqual({ alert: { added: ['c'], updated: ['b'], removed: ['a'] } });
    // Back in time: the diff from what was shown to what was then.
    expect(timeline.seek(T0 + 6 * MIN)).toEqual({ alert: { added: ['a'], updated: ['b'], removed: ['c'] } });
    expect(timeline.seek(T0 + 7 * MIN)).toEqual({});
    expect(diffs).toHaveLength(3);
  });

  it('keeps the playhead inside the window', () => {
    const timeline = new PlaybackTimeline(history);
    timeline.seek(T0 - 99 * MIN);
    expect(timeline.position).toBe(T0);
    timeline.seek(T0 + 999 * MIN);
    expect(timeline.position).toBe(T0 + 60 * MIN);
    expect(contents(timeline)).toEqual(['b@2:intercepted', 'c@1:new']);
  });

  it('masks the past as it masks the present', () => {
    const timeline = new PlaybackTimeline(history, maskRecordForDisplay);
    timeline.seek(T0 + 45 * MIN);
    expect([...timeline.reader.each('alert')].map((a) => a.subject.plate)).toEqual(['浙H·1****', '浙H·1****']);
  });
});
