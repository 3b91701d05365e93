import { describe, expect, it } from 'vitest';
import type { Alert } from '../../domain/entities/alert';
import type { Station } from '../../domain/entities/station';
import { alertNextChangeAt, describeAlert } from './describeAlert';
import { liveTheme } from './liveTheme';
import { LiveLayer, type PartSink } from './liveLayer';
import type { LiveContext } from './liveContext';

class RecordingSink<G> implements PartSink<G> {
  readonly items = new Map<string, G>();
  upserts = 0;
  removes = 0;
  visible = true;
  upsert(id: string, graphic: G) {
    this.items.set(id, graphic);
    this.upserts += 1;
  }
  remove(id: string) {
    this.items.delete(id);
    this.removes += 1;
  }
  setVisible(visible: boolean) {
    this.visible = visible;
  }
}

const station: Station = { id: 'st-1', version: 1, updatedAt: '2026-11-23T10:00:00Z', province: 'jx', county: '361123', position: [118.25, 28.68], source: 't', stationKind: 'police-station', name: '玉山县公安局', officersOnDuty: 20 };

const context = (now = Date.parse('2026-11-23T10:00:05Z'), seen?: number): LiveContext => ({
  now,
  language: 'zh',
  pixelScale: 1,
  provinceColor: (id) => (id === 'zj' ? '#2fb4ff' : '#ffb347'),
  station: (id) => (id === station.id ? station : undefined),
  firstSeen: () => seen,
  openEventsInGrid: () => 0,
});

const alert = (id: string, overrides: Partial<Alert> = {}): Alert => ({
  id,
  version: 1,
  updatedAt: '2026-11-23T10:00:00Z',
  province: 'zj',
  county: '330822',
  position: [118.35, 28.83],
  source: 't',
  severity: 4,
  watchlist: '在逃人员',
  subject: { type: 'person' },
  hit: { at: '2026-11-23T10:00:00Z', via: 'camera', deviceId: 'c', deviceName: 'c' },
  controlSide: 'jx',
  hitSide: 'zj',
  controlStationId: 'st-1',
  status: 'new',
  statusTimes: { new: '2026-11-23T10:00:00Z' },
  ...overrides,
});

function alertLayer() {
  const points = new RecordingSink<unknown>();
  const lines = new RecordingSink<unknown>();
  const layer = new LiveLayer<Alert>({ id: 'alerts', describe: describeAlert, sinks: { point: points as never, line: lines as never } });
  return { layer, points, lines };
}

describe('LiveLayer', () => {
  it('touches only the record that changed', () => {
    const { layer, points } = alertLayer();
    for (let i = 0; i < 1000; i++) layer.upsert(alert(`a-${i}`), context());
    points.upserts = 0;
    layer.upsert(alert('a-500', { version: 2, status: 'acknowledged', statusTimes: { new: '2026-11-23T10:00:00Z', acknowledged: '2026-11-23T10:01:00Z' } }), context());
    expect(points.upserts).toBe(1);
    expect(layer.count).toBe(1000);
  });

  it('drops a part the record no longer has: the control line goes when the alert closes', () => {
    const { layer, lines } = alertLayer();
    layer.upsert(alert('a'), context());
    expect(lines.items.has('a')).toBe(true);
    layer.upsert(alert('a', { version: 2, status: 'closed', statusTimes: { new: '2026-11-23T10:00:00Z', closed: '2026-11-23T11:00:00Z' } }), context());
    expect(lines.items.has('a')).toBe(false);
    expect(layer.count).toBe(1);
  });

  it('removes every part of a removed record, and nothing else', () => {
    const { layer, points, lines } = alertLayer();
    layer.upsert(alert('a'), context());
    layer.upsert(alert('b'), context());
    layer.remove('a');
    expect([...points.items.keys()]).toEqual(['b']);
    expect([...lines.items.keys()]).toEqual(['b']);
  });

  it('re-describes a record only when its look changes with the clock: a pulse ends', () => {
    const points = new RecordingSink<{ pulse: boolean }>();
    const layer = new LiveLayer<Alert>({ id: 'alerts', describe: describeAlert, nextChangeAt: alertNextChangeAt, sinks: { point: points as never } });
    const seen = Date.parse('2026-11-23T10:00:02Z');
    const records = new Map([
      ['new', alert('new')],
      ['done', alert('done', { status: 'closed', statusTimes: { new: '2026-11-23T10:00:00Z', closed: '2026-11-23T10:30:00Z' } })],
    ]);
    for (const record of records.values()) layer.upsert(record, context(seen, seen));
    expect(points.items.get('new')!.pulse).toBe(true);
    points.upserts = 0;
    const lookup = (id: string) => records.get(id);
    expect(layer.refreshDue(lookup, context(seen + 1000, seen))).toBe(0);
    expect(points.upserts).toBe(0);
    const afterPulse = seen + liveTheme.pulseSeconds * 1000;
    expect(layer.refreshDue(lookup, context(afterPulse, seen))).toBe(1);
    expect(points.upserts).toBe(1);
    expect(points.items.get('new')!.pulse).toBe(false);
    expect(layer.refreshDue(lookup, context(afterPulse + 60_000, seen))).toBe(0);
  });

  it('refreshes each record at its own time, however they were scheduled', () => {
    const marks = new RecordingSink<{ at: number }>();
    const times = new Map<string, number>([
      ['late', 5000],
      ['soon', 2000],
    ]);
    type Timed = { id: string };
    const layer = new LiveLayer<Timed>({
      id: 'gridEvents',
      describe: (record) => ({ icon: { at: times.get(record.id)! } as never }),
      nextChangeAt: (record, ctx) => (times.get(record.id)! > ctx.now ? times.get(record.id) : undefined),
      sinks: { icon: marks as never },
    });
    const lookup = (id: string) => (times.has(id) ? { id } : undefined);
    layer.upsert({ id: 'late' }, context(0));
    layer.upsert({ id: 'soon' }, context(0));
    expect(layer.refreshDue(lookup, context(1999))).toBe(0);
    expect(layer.refreshDue(lookup, context(2000))).toBe(1);
    // Rescheduled earlier than anything pending: still honoured.
    times.set('late', 3000);
    layer.upsert({ id: 'late' }, context(2500));
    expect(layer.refreshDue(lookup, context(2999))).toBe(0);
    expect(layer.refreshDue(lookup, context(3000))).toBe(1);
    expect(layer.refreshDue(lookup, context(10_000))).toBe(0);
  });

  it('shows and hides all its parts together', () => {
    const { layer, points, lines } = alertLayer();
    layer.setVisible(false);
    expect([points.visible, lines.visible, layer.isVisible]).toEqual([false, false, false]);
  });
});

describe('describeAlert', () => {
  it('colours by severity, pulses a new severity-4 alert, and links it to the station that set the control', () => {
    const parts = describeAlert(alert('a'), context(Date.parse('2026-11-23T10:00:05Z'), Date.parse('2026-11-23T10:00:02Z')));
    expect(parts.point!.color.css).toBe('#ff2d55');
    expect(parts.point!.pulse).toBe(true);
    expect(parts.line!.positions[1]!.slice(0, 2)).toEqual([118.25, 28.68]);
    expect(parts.line!.color.css).toBe('#ffb347');
  });

  it('does not pulse an alert the wall loaded at start, an old one or a low-severity one', () => {
    expect(describeAlert(alert('a'), context()).point!.pulse).toBe(false);
    expect(describeAlert(alert('a'), context(Date.parse('2026-11-23T10:10:00Z'), Date.parse('2026-11-23T10:00:00Z'))).point!.pulse).toBe(false);
    expect(describeAlert(alert('a', { severity: 2 }), context(Date.parse('2026-11-23T10:00:05Z'), Date.parse('2026-11-23T10:00:02Z'))).point!.pulse).toBe(false);
  });
});
