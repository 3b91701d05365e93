import { describe, expect, it } from 'vitest';
import type { AssistRequest } from '../../domain/entities/assistRequest';
import type { GridEvent } from '../../domain/entities/gridEvent';
import type { PatrolTrack } from '../../domain/entities/patrolTrack';
import type { Station } from '../../domain/entities/station';
import { arcPositions } from './arcPositions';
import { assistNextChangeAt, describeAssistRequest } from './describeAssistRequest';
import { gridFillFor } from './describeGrid';
import { describeGridEvent, gridEventNextChangeAt } from './describeGridEvent';
import { describePatrolTrack } from './describePatrolTrack';
import { describeCheckpoint, describeStation } from './describeStation';
import type { LiveContext } from './liveContext';
import { liveTheme } from './liveTheme';
import { PointClusters, zoomForHeight } from './clusterPoints';

const base = { version: 1, updatedAt: '2026-11-23T10:00:00Z', county: '330822', source: 't' };
const stations: Record<string, Station> = {
  a: { ...base, id: 'a', province: 'jx', position: [118.28, 28.8], stationKind: 'police-station', name: '双明派出所', officersOnDuty: 12 },
  b: { ...base, id: 'b', province: 'zj', position: [118.36, 28.83], stationKind: 'police-station', name: '球川派出所', officersOnDuty: 15 },
};
const context = (now = Date.parse('2026-11-23T10:10:00Z'), pixelScale = 1): LiveContext => ({
  now,
  language: 'zh',
  pixelScale,
  provinceColor: (id) => (id === 'zj' ? '#2fb4ff' : '#ffb347'),
  station: (id) => stations[id],
  firstSeen: () => undefined,
  openEventsInGrid: () => 0,
});

describe('station and checkpoint layers', () => {
  it('draws a station as its kind’s character in its province colour, with its name near', () => {
    const parts = describeStation(stations.b!, context())!;
    expect(parts.icon!.icon).toMatchObject({ glyph: '派', background: { css: '#2fb4ff' }, shape: 'square' });
    expect(parts.label).toMatchObject({ text: '球川派出所', maxRangeMeters: liveTheme.labelMaxRangeMeters });
    expect(describeCheckpoint(stations.b!, context())).toBeNull();
  });

  it('rings a checkpoint by interception status and makes an intercepting one pulse', () => {
    const checkpoint: Station = { ...stations.b!, id: 'cp', stationKind: 'checkpoint', name: '球川卡口', checkpoint: { status: 'intercepting', interceptionsToday: 2 } };
    const parts = describeCheckpoint(checkpoint, context())!;
    expect(parts.icon!.pulse).toBe(true);
    expect(parts.icon!.icon.ring!.color).toEqual(liveTheme.checkpointRing.intercepting);
    expect(parts.label!.text).toBe('球川卡口 · 今日拦截 2');
    expect(describeCheckpoint(checkpoint, { ...context(), language: 'en' })!.label!.text).toBe('球川卡口 · stopped today 2');
    expect(describeStation(checkpoint, context())).toBeNull();
  });

  it('scales icons and text with the wall', () => {
    const small = describeStation(stations.b!, context(undefined, 1))!;
    const large = describeStation(stations.b!, context(undefined, 2))!;
    expect(large.icon!.icon.sizePixels).toBe(2 * small.icon!.icon.sizePixels);
    expect(large.icon!.icon.key).not.toBe(small.icon!.icon.key);
  });
});

describe('grid events', () => {
  const event: GridEvent = {
    ...base,
    id: 'e',
    province: 'zj',
    position: [118.35, 28.83],
    title: 't',
    category: 'dispute',
    subcategory: 'dispute.1',
    gridId: 'grid-03',
    reporter: { name: 'x', role: 'grid-worker' },
    stage: 'handle',
    stages: ['discover', 'analyze', 'command', 'handle'].map((stage) => ({ stage: stage as GridEvent['stage'], at: '2026-11-23T08:00:00Z', side: 'zj' })),
    handoffs: [],
    dueAt: '2026-11-23T12:00:00Z',
  };

  it('colours by category and shows the closed loop’s progress', () => {
    const icon = describeGridEvent(event, context()).icon!.icon;
    expect(icon.background.css).toBe(liveTheme.categories.dispute.css);
    expect(icon.progress).toMatchObject({ steps: 5, done: 3 });
    expect(icon.ring).toBeUndefined();
  });

  it('marks an overdue event with a red ring and a larger size', () => {
    const late = describeGridEvent(event, context(Date.parse('2026-11-23T13:00:00Z'))).icon!.icon;
    expect(late.ring!.color).toEqual(liveTheme.overdue);
    expect(late.sizePixels).toBeGreaterThan(describeGridEvent(event, context()).icon!.icon.sizePixels);
  });

  it('asks to be redrawn just after an open event falls due, and never once closed', () => {
    const due = Date.parse(event.dueAt);
    expect(gridEventNextChangeAt(event, context())).toBe(due + 1);
    // Drawn at the due millisecond itself it is still on time: it must ask again, and then be late.
    expect(describeGridEvent(event, context(due)).icon!.icon.ring?.color).not.toEqual(liveTheme.overdue);
    expect(gridEventNextChangeAt(event, context(due))).toBe(due + 1);
    expect(describeGridEvent(event, context(due + 1)).icon!.icon.ring!.color).toEqual(liveTheme.overdue);
    expect(gridEventNextChangeAt(event, context(Date.parse('2026-11-23T13:00:00Z')))).toBeUndefined();
    expect(gridEventNextChangeAt({ ...event, stage: 'closed' }, context())).toBeUndefined();
  });
});

describe('assistance requests', () => {
  const request: AssistRequest = {
    ...base,
    id: 'r',
    province: 'zj',
    position: [118.36, 28.83],
    fromStationId: 'a',
    toStationId: 'b',
    fromSide: 'jx',
    toSide: 'zj',
    subject: { type: 'vehicle', summary: '白色轿车' },
    requestedAt: '2026-11-23T10:00:00Z',
    slaMinutes: 30,
    status: 'open',
  };

  it('flows along an arc from the requesting station to the one asked, counting the SLA down', () => {
    const parts = describeAssistRequest(request, context(Date.parse('2026-11-23T10:18:00Z')))!;
    expect(parts.line!.style).toBe('flow');
    expect(parts.line!.color).toEqual(liveTheme.assist.open);
    expect(parts.line!.positions[0]!.slice(0, 2)).toEqual([118.28, 28.8]);
    expect(parts.line!.positions.at(-1)!.slice(0, 2)).toEqual([118.36, 28.83]);
    expect(parts.label!.text).toBe('协查 · 剩余 12 分');
  });

  it('turns red past its SLA, amber once answered, and leaves when completed', () => {
    expect(describeAssistRequest(request, context(Date.parse('2026-11-23T10:40:00Z')))!.label!.text).toBe('协查 · 超时 10 分');
    expect(describeAssistRequest(request, context(Date.parse('2026-11-23T10:40:00Z')))!.line!.color).toEqual(liveTheme.assist.overdue);
    const answered = describeAssistRequest({ ...request, status: 'responded', respondedAt: '2026-11-23T10:05:00Z' }, context())!;
    expect(answered.line!.color).toEqual(liveTheme.assist.responded);
    expect(describeAssistRequest({ ...request, status: 'completed', respondedAt: '2026-11-23T10:05:00Z', completedAt: '2026-11-23T10:15:00Z', outcome: 'intercepted' }, context())).toBeNull();
  });

  it('asks to be redrawn when its countdown label would next read differently', () => {
    const now = Date.parse('2026-11-23T10:18:20Z');
    const next = assistNextChangeAt(request, context(now))!;
    const label = (at: number) => describeAssistRequest(request, context(at))!.label!.text;
    expect(label(next - 2)).toBe(label(now));
    expect(label(next)).not.toBe(label(now));
    // Exactly on a minute of the deadline the label turns a millisecond later, not a minute later.
    const deadline = Date.parse(request.requestedAt) + request.slaMinutes * 60_000;
    const onBoundary = deadline - 60_000;
    const atBoundary = assistNextChangeAt(request, context(onBoundary))!;
    expect(label(atBoundary)).not.toBe(label(onBoundary));
    expect(label(atBoundary - 1)).toBe(label(onBoundary));
    expect(assistNextChangeAt({ ...request, status: 'responded', respondedAt: '2026-11-23T10:05:00Z' }, context(now))).toBeUndefined();
  });

  it('lifts the arc in the middle and lands it at both ends', () => {
    const arc = arcPositions([118.28, 28.8], [118.36, 28.83], 1000);
    expect(arc[0]![2]).toBe(1000);
    expect(arc.at(-1)![2]).toBe(1000);
    expect(arc[16]![2]).toBeGreaterThan(2000);
  });
});

describe('patrols, grids and clusters', () => {
  it('draws an active patrol’s path and head, and nothing once it has landed', () => {
    const track: PatrolTrack = {
      ...base,
      id: 'p',
      province: 'zj',
      position: [118.31, 28.85],
      patrolKind: 'drone',
      name: '球川边界巡查无人机',
      unitStationId: 'b',
      active: true,
      points: [
        { at: '2026-11-23T10:00:00Z', position: [118.30, 28.86] },
        { at: '2026-11-23T10:00:15Z', position: [118.31, 28.85] },
      ],
    };
    const parts = describePatrolTrack(track, context())!;
    expect(parts.line!.positions).toHaveLength(2);
    expect(parts.icon!.icon.glyph).toBe('机');
    expect(describePatrolTrack({ ...track, active: false }, context())).toBeNull();
  });

  it('shades a grid by its open events', () => {
    expect(gridFillFor(0)).toEqual(liveTheme.grid.none);
    expect(gridFillFor(2)).toEqual(liveTheme.grid.few);
    expect(gridFillFor(4)).toEqual(liveTheme.grid.many);
    expect(gridFillFor(9)).toEqual(liveTheme.grid.most);
  });

  it('gathers thousands of points into a few counted clusters far out, and splits them nearer', () => {
    const clusters = new PointClusters();
    clusters.load(Array.from({ length: 5000 }, (_, i) => ({ id: String(i), lon: 118.2 + (i % 100) * 0.003, lat: 28.7 + Math.floor(i / 100) * 0.005 })));
    const far = clusters.marks([117, 28, 119.5, 29.5], 800_000, 0);
    const near = clusters.marks([117, 28, 119.5, 29.5], 60_000, 0);
    expect(far.reduce((sum, mark) => sum + mark.count, 0)).toBe(5000);
    expect(far.length).toBeLessThan(20);
    expect(near.length).toBeGreaterThan(far.length);
    expect(zoomForHeight(100_000)).toBeGreaterThan(zoomForHeight(1_000_000));
  });
});
