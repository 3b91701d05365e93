/**
 * Where a grid event handed across the border (跨省交办) is drawn to: the receiving side's border
 * workstation nearest the event (its grid workstation, 边界警务融治工作站, which takes the handoff),
 * else that side's nearest police station, else any of its stations. The handoff record names a
 * side, not a station, so the map picks the place the seeds say such handoffs go.
 */
import type { Station, StationKind } from '../../domain/entities/station';
import type { LonLat } from '../../domain/geometrySchemas';

export type HandoffReceiver = (side: string, position: LonLat) => Station | undefined;

const PREFERENCE: readonly (StationKind | undefined)[] = ['border-workstation', 'police-station', undefined];

export function createHandoffReceiver(stations: () => Iterable<Station>): HandoffReceiver {
  return (side, position) => {
    const cosLat = Math.cos((position[1] * Math.PI) / 180);
    const distance = (s: Station) => Math.hypot((s.position[0] - position[0]) * cosLat, s.position[1] - position[1]);
    const onSide = [...stations()].filter((s) => s.province === side);
    for (const kind of PREFERENCE) {
      let nearest: Station | undefined;
      for (const station of onSide) {
        if (kind !== undefined && station.stationKind !== kind) continue;
        if (!nearest || distance(station) < distance(nearest)) nearest = station;
      }
      if (nearest) return nearest;
    }
    return undefined;
  };
}
