/**
 * The fixed part of the simulated border, derived from a region pack so any pack gets a
 * plausible world: a police station in every town (the county seat's is the county bureau), on
 * each side of each border line a joint border workstation and three checkpoints, one joint
 * control centre, one eco-police office and one shared court, a police office in each
 * cross-province grid, grid workers for every border village, and patrol routes along the border.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import {
  along,
  bearing,
  booleanPointInPolygon,
  centerOfMass,
  destination,
  featureCollection,
  intersect,
  length,
  lineString,
  multiPolygon,
  point,
  polygon,
} from '@turf/turf';
import type { LonLat } from '../domain/geometrySchemas';
import type { RegionPack } from '../domain/regionPack';
import type { Grid } from '../domain/entities/grid';
import type { Station, StationKind } from '../domain/entities/station';
import { randomName } from './chineseIdentity';
import type { SeededRandom } from './seededRandom';

/** A station before the simulator stamps it with a version and time. */
export type StationSeed = Omit<Station, 'version' | 'updatedAt' | 'source'>;
export type GridSeed = Omit<Grid, 'version' | 'updatedAt' | 'source'>;

export interface PatrolRoute {
  id: string;
  name: string;
  patrolKind: 'drone' | 'vehicle';
  unitStationId: string;
  province: string;
  county: string;
  /** Waypoints flown or driven back and forth (drones) or round (vehicles). */
  path: LonLat[];
  speedMetersPerSecond: number;
  loop: boolean;
}

export interface World {
  region: RegionPack;
  stations: StationSeed[];
  grids: GridSeed[];
  patrols: PatrolRoute[];
  /** Province of each focus county, by county id. */
  provinceOfCounty: Map<string, string>;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const lonLat = (coordinates: number[]): LonLat => [round6(coordinates[0]!), round6(coordinates[1]!)];

/** A point `intoKm` into the given county, perpendicular to the border at `fraction` of its length. */
function besideBorder(pack: RegionPack, lineIndex: number, fraction: number, countyId: string, intoKm: number): LonLat {
  const line = lineString(pack.borderLines[lineIndex]!.coordinates);
  const totalKm = length(line, { units: 'kilometers' });
  const atKm = Math.min(totalKm, Math.max(0, fraction * totalKm));
  const here = along(line, atKm, { units: 'kilometers' });
  const direction = bearing(along(line, Math.max(0, atKm - 0.5), { units: 'kilometers' }), along(line, Math.min(totalKm, atKm + 0.5), { units: 'kilometers' }));
  const county = multiPolygon(pack.counties.find((c) => c.id === countyId)!.geometry);
  for (const turn of [90, -90]) {
    const candidate = destination(here, intoKm, direction + turn, { units: 'kilometers' });
    if (booleanPointInPolygon(candidate, county)) return lonLat(candidate.geometry.coordinates);
  }
  return lonLat(here.geometry.coordinates);
}

function nearestTown(pack: RegionPack, position: LonLat, countyId: string) {
  const towns = pack.towns.filter((t) => t.countyId === countyId);
  const distance2 = (p: LonLat) => (p[0] - position[0]) ** 2 + (p[1] - position[1]) ** 2;
  return [...towns].sort((a, b) => distance2(a.position) - distance2(b.position))[0];
}

const shortName = (townName: string) => townName.replace(/(镇|乡|街道|县城|市区|城区)$/, '');

export function buildWorld(pack: RegionPack, random: SeededRandom): World {
  const provinceOfCounty = new Map(pack.counties.map((c) => [c.id, c.provinceId]));
  const countyName = new Map(pack.counties.map((c) => [c.id, c.name.zh]));
  const stations: StationSeed[] = [];
  const usedNames = new Set<string>();
  const add = (kind: StationKind, id: string, name: string, countyId: string, position: LonLat, extra: Partial<StationSeed> = {}) => {
    let unique = name;
    // Checkpoints are numbered the way they are signposted; any other clash gets a plain ordinal,
    // so a pack whose names repeat still gets a unique name for every station.
    for (let n = 2; usedNames.has(unique); n++) {
      const numbered = name.replace(/(卡口|检查站)$/, `${['', '', '二', '三', '四', '五'][n] ?? n}号$1`);
      unique = numbered === name ? `${name}（${n}）` : numbered;
    }
    usedNames.add(unique);
    const town = nearestTown(pack, position, countyId);
    stations.push({
      id,
      stationKind: kind,
      name: unique,
      province: provinceOfCounty.get(countyId) ?? 'zj',
      county: countyId,
      ...(town ? { town: town.id } : {}),
      position,
      officersOnDuty: kind === 'police-station' ? random.int(8, 30) : random.int(2, 8),
      ...extra,
    });
  };

  for (const town of pack.towns) {
    const bureau = !town.borderTown;
    const name = bureau ? `${countyName.get(town.countyId) ?? ''}公安局` : `${shortName(town.name.zh)}派出所`;
    const offset = destination(point(town.position), random.between(0.3, 0.8), random.between(0, 360), { units: 'kilometers' });
    add('police-station', `station-${town.id}`, name, town.countyId, lonLat(offset.geometry.coordinates));
  }

  // With several border lines, one county faces several neighbours: the names of what each line
  // has once (workstation, eco office, court) then say which neighbour they face.
  const severalLines = pack.borderLines.length > 1;
  const shortCounty = (countyId: string) => (countyName.get(countyId) ?? '').replace(/(县|市|区)$/, '');
  pack.borderLines.forEach((line, lineIndex) => {
    const [firstCounty, secondCounty] = line.countyIds;
    const initials = `${(countyName.get(firstCounty) ?? '').slice(0, 1)}${(countyName.get(secondCounty) ?? '').slice(0, 1)}`;
    for (const countyId of line.countyIds) {
      const side = provinceOfCounty.get(countyId)!;
      const workstation = besideBorder(pack, lineIndex, 0.45, countyId, 1.5);
      const townName = shortName(nearestTown(pack, workstation, countyId)?.name.zh ?? '');
      const facing = severalLines ? `—${shortCounty(countyId === firstCounty ? secondCounty : firstCounty)}` : '';
      add('border-workstation', `workstation-${line.id}-${side}`, `${townName}${facing}边界警务融治工作站`, countyId, workstation);
      [0.2, 0.55, 0.85].forEach((fraction, index) => {
        const position = besideBorder(pack, lineIndex, fraction, countyId, 0.8);
        const near = shortName(nearestTown(pack, position, countyId)?.name.zh ?? '');
        add('checkpoint', `checkpoint-${line.id}-${side}-${index + 1}`, `${near}${side === provinceOfCounty.get(firstCounty) ? '卡口' : '检查站'}`, countyId, position, {
          checkpoint: { status: 'open', interceptionsToday: 0 },
        });
      });
    }
    const lineTag = severalLines ? initials : '';
    add('joint-control-centre', `control-centre-${line.id}`, `${initials}联合布控预警中心`, firstCounty, besideBorder(pack, lineIndex, 0.7, firstCounty, 2.5));
    add('eco-police-office', `eco-office-${line.id}`, `${lineTag}省际生态警务室`, firstCounty, besideBorder(pack, lineIndex, 0.88, firstCounty, 2));
    add('shared-court', `shared-court-${line.id}`, `${lineTag}跨省共享法庭`, firstCounty, besideBorder(pack, lineIndex, 0.5, firstCounty, 3));
  });

  const townProvince = (townId: string) => provinceOfCounty.get(pack.towns.find((t) => t.id === townId)?.countyId ?? '') ?? 'zj';
  const grids: GridSeed[] = pack.crossProvinceGrids.map((grid) => {
    const villages = grid.villages.map((village) => ({ ...village, side: townProvince(village.townId) }));
    const firstVillage = villages[0]!;
    const town = pack.towns.find((t) => t.id === firstVillage.townId)!;
    const shape = polygon(grid.geometry);
    const centre = lonLat(centerOfMass(shape).geometry.coordinates);
    // The grid's police office sits in the part of the grid on its first village's side.
    const county = multiPolygon(pack.counties.find((c) => c.id === town.countyId)!.geometry);
    const sidePart = intersect(featureCollection<Polygon | MultiPolygon>([shape, county]));
    const officePosition = sidePart ? lonLat(centerOfMass(sidePart).geometry.coordinates) : centre;
    add('police-office', `office-${grid.id}`, `${firstVillage.name}警务室`, town.countyId, officePosition);
    return {
      id: grid.id,
      name: grid.name,
      geometry: grid.geometry,
      province: firstVillage.side,
      county: town.countyId,
      town: town.id,
      position: centre,
      villages,
      gridWorkers: villages.flatMap((village) => [0, 1].map(() => ({ name: randomName(random), side: village.side }))),
    };
  });

  const patrols: PatrolRoute[] = pack.borderLines.flatMap((line) => {
    const border = line.coordinates;
    return line.countyIds.flatMap((countyId, index): PatrolRoute[] => {
      const side = provinceOfCounty.get(countyId)!;
      const station = stations.find((s) => s.id === `workstation-${line.id}-${side}`)!;
      // Drones fly the border itself; vehicles circle their workstation's town.
      const loopCentre = point(station.position);
      const loop = Array.from({ length: 13 }, (_, step) => lonLat(destination(loopCentre, 2.5, step * 30, { units: 'kilometers' }).geometry.coordinates));
      return [
        {
          id: `drone-${line.id}-${index + 1}`,
          name: `${shortName(station.name.replace('边界警务融治工作站', ''))}边界巡查无人机`,
          patrolKind: 'drone',
          unitStationId: station.id,
          province: side,
          county: countyId,
          path: index === 0 ? border : [...border].reverse(),
          speedMetersPerSecond: 12,
          loop: false,
        },
        {
          id: `vehicle-${line.id}-${index + 1}`,
          name: `${shortName(station.name.replace('边界警务融治工作站', ''))}巡逻车`,
          patrolKind: 'vehicle',
          unitStationId: station.id,
          province: side,
          county: countyId,
          path: loop,
          speedMetersPerSecond: 8,
          loop: true,
        },
      ];
    });
  });

  return { region: pack, stations, grids, patrols, provinceOfCounty };
}
