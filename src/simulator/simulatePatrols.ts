/**
 * Drone and vehicle patrols. Drones fly sorties along the border (one pass, land, relaunch after
 * half an hour to an hour); vehicles drive loops round their workstation. Each reports its
 * position every 15–20 s; a track keeps its last 40 positions (about ten minutes).
 */
import { along, length, lineString } from '@turf/turf';
import type { LonLat } from '../domain/geometrySchemas';
import type { PatrolRoute } from './buildWorld';
import { MINUTE, type SimulationContext } from './simulationContext';

const PATROL_TRACK_POINTS = 40;

function positionOnRoute(route: PatrolRoute, metersTravelled: number): LonLat {
  const line = lineString(route.path);
  const total = length(line, { units: 'meters' });
  const distance = route.loop ? metersTravelled % total : Math.min(metersTravelled, total);
  const coordinates = along(line, distance, { units: 'meters' }).geometry.coordinates;
  return [Math.round(coordinates[0]! * 1e6) / 1e6, Math.round(coordinates[1]! * 1e6) / 1e6];
}

function runSortie(context: SimulationContext, route: PatrolRoute): void {
  const intervalMs = (route.patrolKind === 'drone' ? 15 : 20) * 1000;
  const routeMeters = length(lineString(route.path), { units: 'meters' });
  // Drones fly one pass of the border; vehicles drive three loops.
  const sortieMeters = route.loop ? routeMeters * 3 : routeMeters;
  const startedAt = context.now();
  const tick = () => {
    const travelled = ((context.now() - startedAt) / 1000) * route.speedMetersPerSecond;
    const done = travelled >= sortieMeters;
    const previous = context.get('patrolTrack', route.id);
    // A new sortie starts a new track; an active one grows.
    const points = previous?.active ? [...(previous.points as { at: string; position: LonLat }[])] : [];
    const position = positionOnRoute(route, Math.min(travelled, sortieMeters));
    points.push({ at: context.iso(), position });
    context.put('patrolTrack', {
      id: route.id,
      province: route.province,
      county: route.county,
      position,
      patrolKind: route.patrolKind,
      name: route.name,
      unitStationId: route.unitStationId,
      active: !done,
      points: points.slice(-PATROL_TRACK_POINTS),
    });
    if (done) {
      context.schedule(context.now() + context.random.between(30, 60) * MINUTE, () => runSortie(context, route));
    } else {
      context.schedule(context.now() + intervalMs, tick);
    }
  };
  tick();
}

export function startPatrols(context: SimulationContext, startAt: number): void {
  context.world.patrols.forEach((route, index) => {
    // Staggered so the four patrols do not report in the same instant.
    context.schedule(startAt + index * 4000, () => runSortie(context, route));
  });
}
