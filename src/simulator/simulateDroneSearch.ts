/**
 * A drone's search for a fleeing car or person (协查搜索): while an assistance request is being
 * worked, a drone from the station asked flies an expanding square round it, the usual pattern
 * for a target last seen near a point, and lands when the request is settled. It reports every
 * 15 s, like the border patrol drones, and only from the last minutes of the warm-up on: a week
 * of searches would swamp the history as patrol reports would.
 */
import type { LonLat } from '../domain/geometrySchemas';
import type { StationSeed } from './buildWorld';
import { MINUTE, type SimulationContext } from './simulationContext';

const REPORT_EVERY_MS = 15_000;
const SPEED_METERS_PER_SECOND = 12;
/** The first leg's length; each pair of legs is one step longer (N, E, S, W, N, …). */
const LEG_METERS = 400;
/** After this many legs the square is ~3 km wide: the drone starts again from the centre. */
const LEGS = 14;
/** Kept in full for an hour's flight, so the pattern reads on the map. */
const TRACK_POINTS = 240;
const HEADINGS: readonly LonLat[] = [[0, 1], [1, 0], [0, -1], [-1, 0]];

function squareOffset(metersTravelled: number): [number, number] {
  const legs = Array.from({ length: LEGS }, (_, i) => LEG_METERS * (Math.floor(i / 2) + 1));
  const total = legs.reduce((sum, leg) => sum + leg, 0);
  let left = metersTravelled % total;
  let east = 0;
  let north = 0;
  for (let i = 0; i < LEGS; i++) {
    const step = Math.min(left, legs[i]!);
    east += HEADINGS[i % 4]![0] * step;
    north += HEADINGS[i % 4]![1] * step;
    left -= step;
    if (left <= 0) break;
  }
  return [east, north];
}

function offsetPosition(centre: LonLat, [east, north]: [number, number]): LonLat {
  const metersPerDegreeLat = 111_320;
  const metersPerDegreeLon = metersPerDegreeLat * Math.cos((centre[1] * Math.PI) / 180);
  return [Math.round((centre[0] + east / metersPerDegreeLon) * 1e6) / 1e6, Math.round((centre[1] + north / metersPerDegreeLat) * 1e6) / 1e6];
}

export interface DroneSearch {
  requestId: string;
  station: StationSeed;
  /** When the request was raised and when it is settled, epoch ms. */
  from: number;
  until: number;
  /** No reports before this (the last minutes of the warm-up). */
  liveFrom: number;
}

export function startDroneSearch(context: SimulationContext, search: DroneSearch): void {
  const firstReport = Math.max(search.from, search.liveFrom);
  if (firstReport >= search.until) return;
  const id = `drone-search-${search.requestId}`;
  const { station } = search;
  const tick = () => {
    const at = Math.min(context.now(), search.until);
    const done = at >= search.until;
    const position = offsetPosition(station.position, squareOffset(((at - search.from) / 1000) * SPEED_METERS_PER_SECOND));
    const previous = context.get('patrolTrack', id);
    const points = [...((previous?.points ?? []) as { at: string; position: LonLat }[]), { at: context.iso(at), position }];
    context.put('patrolTrack', {
      id,
      province: station.province,
      county: station.county,
      position,
      patrolKind: 'drone',
      name: `${station.name}协查搜索无人机`,
      unitStationId: station.id,
      active: !done,
      points: points.slice(-TRACK_POINTS),
    });
    if (done) context.schedule(context.now() + 30 * MINUTE, () => context.remove('patrolTrack', id));
    else context.schedule(Math.min(context.now() + REPORT_EVERY_MS, search.until), tick);
  };
  context.schedule(firstReport, tick);
}
