import type { EntityRecord, SnapshotQuery } from './contract';

/**
 * Whether a record answers a snapshot query (kinds, box, time window on `updatedAt`): what a
 * backend does server-side, done here for adapters that hold their data themselves.
 */
export function matchesSnapshotQuery({ kind, record }: EntityRecord, query: SnapshotQuery): boolean {
  if (query.kinds && !query.kinds.includes(kind)) return false;
  if (query.bbox) {
    const [west, south, east, north] = query.bbox;
    const [lon, lat] = record.position;
    if (lon < west || lon > east || lat < south || lat > north) return false;
  }
  if (query.from !== undefined || query.to !== undefined) {
    const updated = Date.parse(record.updatedAt);
    if (query.from !== undefined && updated < Date.parse(query.from)) return false;
    if (query.to !== undefined && updated > Date.parse(query.to)) return false;
  }
  return true;
}
