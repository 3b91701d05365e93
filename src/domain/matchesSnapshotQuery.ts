/** The filters of a snapshot query, as the contract's `GET /snapshot` and every adapter take them. */
export interface SnapshotFilter {
  kinds?: readonly string[];
  /** west, south, east, north (WGS84 degrees). */
  bbox?: readonly [number, number, number, number];
  /** ISO 8601 window on `updatedAt`. */
  from?: string;
  to?: string;
}

/**
 * Whether a record answers a snapshot query (kinds, box, time window on `updatedAt`). One rule
 * for the mock server and the adapters that hold their data themselves (mock, GeoJSON, OGC), so
 * a query means the same wherever it is answered. The record may be unchecked (the server filters
 * the simulator's own): a record without a position is not excluded by a box.
 */
export function matchesSnapshotQuery({ kind, record }: { kind: string; record: { position?: unknown; updatedAt?: unknown } }, query: SnapshotFilter): boolean {
  if (query.kinds && !query.kinds.includes(kind)) return false;
  if (query.bbox && Array.isArray(record.position)) {
    const [west, south, east, north] = query.bbox;
    const [lon, lat] = record.position as [number, number];
    if (lon < west || lon > east || lat < south || lat > north) return false;
  }
  if (query.from !== undefined || query.to !== undefined) {
    const updated = Date.parse(String(record.updatedAt));
    if (query.from !== undefined && updated < Date.parse(query.from)) return false;
    if (query.to !== undefined && updated > Date.parse(query.to)) return false;
  }
  return true;
}
