/**
 * Where each station was last drawn, to tell a station diff that moves marks (a station added,
 * removed or moved: alert control lines and assistance arcs end at stations) from one that only
 * changes its officers on duty or checkpoint tally, which is most of them.
 */
import type { Station } from '../../domain/entities/station';

interface StationDiff {
  added: readonly string[];
  updated: readonly string[];
  removed: readonly string[];
}

export interface StationPlaces {
  /** Records where these stations are now, without judging. */
  seed(stations: Iterable<Station>): void;
  /** Whether the diff adds, removes or moves a station; remembers the new places. */
  moved(diff: StationDiff): boolean;
}

export function createStationPlaces(peek: (id: string) => Station | undefined): StationPlaces {
  const places = new Map<string, string>();
  const placeOf = (station: Station) => `${station.position[0]},${station.position[1]}`;
  return {
    seed(stations) {
      for (const station of stations) places.set(station.id, placeOf(station));
    },
    moved(diff) {
      let moved = diff.added.length > 0 || diff.removed.length > 0;
      for (const id of diff.removed) places.delete(id);
      for (const id of [...diff.added, ...diff.updated]) {
        const station = peek(id);
        if (!station) continue;
        const place = placeOf(station);
        if (places.get(id) !== place) moved = true;
        places.set(id, place);
      }
      return moved;
    },
  };
}
