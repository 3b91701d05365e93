import { beforeAll, describe, expect, it } from 'vitest';
import type { AssistRequest } from '../domain/entities/assistRequest';
import type { GridEvent } from '../domain/entities/gridEvent';
import type { PatrolTrack } from '../domain/entities/patrolTrack';
import type { RegionPack } from '../domain/regionPack';
import { loadTestRegion } from '../../tests/contract/loadTestRegion';
import { BorderSimulator } from './borderSimulator';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Midnight in China Standard Time, 2026-11-23. */
const CST_MIDNIGHT = Date.parse('2026-11-22T16:00:00Z');
let region: RegionPack;
beforeAll(() => {
  region = loadTestRegion();
});

function upserts<T>(simulator: BorderSimulator, until: number, kind: string): T[] {
  return simulator
    .advanceTo(until)
    .flatMap((change) => (change.op === 'upsert' && change.kind === kind ? [change.record as unknown as T] : []));
}

describe('assistance requests', () => {
  it.each([3, 9, 15, 21])('leave the board with open and settled requests when the simulator starts at %i:00', (hour) => {
    const simulator = new BorderSimulator({ seed: 21, region, start: CST_MIDNIGHT + hour * HOUR });
    const requests = simulator.snapshot(['assistRequest']).records.map((r) => r.record as unknown as AssistRequest);
    expect(requests.filter((r) => r.status === 'open').length).toBeGreaterThanOrEqual(1);
    expect(requests.filter((r) => r.status === 'completed').length).toBeGreaterThanOrEqual(1);
  });

  it('leave a settled interception on the board even after a one-hour warm-up', () => {
    const simulator = new BorderSimulator({ seed: 22, region, start: CST_MIDNIGHT + 4 * HOUR, warmUpMs: HOUR });
    const requests = simulator.snapshot(['assistRequest']).records.map((r) => r.record as unknown as AssistRequest);
    expect(requests.some((r) => r.status === 'open')).toBe(true);
    expect(requests.some((r) => r.outcome === 'intercepted' && Date.parse(r.completedAt!) - Date.parse(r.requestedAt) === 15 * MINUTE)).toBe(true);
  });

  it('come every half hour to hour and a half, more by day than by night', () => {
    const simulator = new BorderSimulator({ seed: 4, region, start: CST_MIDNIGHT, warmUpMs: 0 });
    const raised = new Map<string, number>();
    for (const request of upserts<AssistRequest>(simulator, CST_MIDNIGHT + 48 * HOUR, 'assistRequest')) raised.set(request.id, Date.parse(request.requestedAt));
    const hourOf = (at: number) => Math.floor((at - CST_MIDNIGHT) / HOUR) % 24;
    const day = [...raised.values()].filter((at) => hourOf(at) >= 7 && hourOf(at) < 22).length / 30;
    const night = [...raised.values()].filter((at) => hourOf(at) < 7 || hourOf(at) >= 22).length / 18;
    expect(raised.size).toBeGreaterThan(48 / 1.5);
    expect(day).toBeGreaterThan(night);
  });

  it('tell the seed story at least once in any four hours: a fleeing car intercepted 15 minutes after the request', () => {
    const simulator = new BorderSimulator({ seed: 8, region, start: CST_MIDNIGHT, warmUpMs: 0 });
    const intercepts = upserts<AssistRequest>(simulator, CST_MIDNIGHT + 48 * HOUR, 'assistRequest').filter(
      (r) => r.outcome === 'intercepted' && Date.parse(r.completedAt!) - Date.parse(r.requestedAt) === 15 * MINUTE,
    );
    const stations = new Map(simulator.world.stations.map((s) => [s.id, s.name]));
    expect(intercepts.some((r) => [stations.get(r.fromStationId), stations.get(r.toStationId)].sort().join() === '双明派出所,球川派出所')).toBe(true);
    for (let from = CST_MIDNIGHT; from + 4 * HOUR <= CST_MIDNIGHT + 48 * HOUR; from += 30 * MINUTE) {
      const inWindow = intercepts.some((r) => Date.parse(r.requestedAt) >= from && Date.parse(r.completedAt!) <= from + 4 * HOUR);
      expect(inWindow, new Date(from).toISOString()).toBe(true);
    }
  });

  it('send a drone on a search pattern round the station asked while a fleeing vehicle is sought', () => {
    const start = CST_MIDNIGHT + 10 * HOUR;
    const simulator = new BorderSimulator({ seed: 2, region, start });
    const changes = simulator.advanceTo(start + 12 * HOUR);
    const vehicle = changes
      .flatMap((c) => (c.op === 'upsert' && c.kind === 'assistRequest' ? [c.record as unknown as AssistRequest] : []))
      .find((r) => r.subject.type === 'vehicle' && r.status === 'completed');
    expect(vehicle).toBeDefined();
    const flights = changes.flatMap((c) => (c.op === 'upsert' && c.kind === 'patrolTrack' && (c.record as { id: string }).id === `drone-search-${vehicle!.id}` ? [c.record as unknown as PatrolTrack] : []));
    const last = flights[flights.length - 1]!;
    expect(flights.some((track) => track.active)).toBe(true);
    expect(last.patrolKind).toBe('drone');
    expect(last.unitStationId).toBe(vehicle!.toStationId);
    expect(last.active).toBe(false);
    // It sweeps an area (more than a kilometre across), not a line, round the request's place.
    const longitudes = last.points.map((p) => p.position[0]);
    const latitudes = last.points.map((p) => p.position[1]);
    expect((Math.max(...longitudes) - Math.min(...longitudes)) * 100_000).toBeGreaterThan(1000);
    expect((Math.max(...latitudes) - Math.min(...latitudes)) * 111_000).toBeGreaterThan(1000);
    expect(Date.parse(last.points[last.points.length - 1]!.at)).toBe(Date.parse(vehicle!.completedAt!));
  });
});

describe('grid events handed across the border', () => {
  it('happen several times a day, each to the other side', () => {
    const simulator = new BorderSimulator({ seed: 6, region, start: CST_MIDNIGHT, warmUpMs: 0 });
    const handedOff = new Map<string, GridEvent>();
    for (const event of upserts<GridEvent>(simulator, CST_MIDNIGHT + 72 * HOUR, 'gridEvent')) if (event.handoffs.length > 0) handedOff.set(event.id, event);
    expect(handedOff.size).toBeGreaterThanOrEqual(3 * 3);
    for (const event of handedOff.values()) expect(event.handoffs[0]!.toSide).not.toBe(event.handoffs[0]!.fromSide);
  });
});
