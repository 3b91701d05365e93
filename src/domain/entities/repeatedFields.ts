/**
 * The fields of each kind whose values repeat across records: provinces, counties, statuses,
 * categories, the devices and stations involved. JSON.parse gives every record its own copy of
 * every string (100k records hold 100k+ copies of "zj"), so the ingest gate swaps these for one
 * shared instance each (src/adapters/stringPool.ts). A record's own id, free text and timestamps
 * are left alone: they rarely repeat, and pooling them would only fill the pool.
 *
 * A path goes through objects by key and through arrays element by element: `stages.side` is
 * the `side` of every stage.
 */
import type { EntityKind } from './entityKinds';

const BASE = ['province', 'county', 'town', 'source'];

export const REPEATED_FIELDS: { readonly [K in EntityKind]: readonly string[] } = {
  station: [...BASE, 'stationKind', 'checkpoint.status'],
  alert: [...BASE, 'watchlist', 'subject.type', 'hit.via', 'hit.deviceId', 'hit.deviceName', 'controlSide', 'hitSide', 'controlStationId', 'status'],
  gridEvent: [
    ...BASE,
    'title',
    'category',
    'subcategory',
    'gridId',
    'reporter.name',
    'reporter.role',
    'stage',
    'stages.stage',
    'stages.side',
    'handoffs.fromSide',
    'handoffs.toSide',
  ],
  assistRequest: [...BASE, 'fromStationId', 'toStationId', 'fromSide', 'toSide', 'subject.type', 'status', 'outcome'],
  patrolTrack: [...BASE, 'patrolKind', 'unitStationId'],
  kpiSeries: [...BASE, 'unit.zh', 'unit.en'],
  grid: BASE,
  controlOrder: [...BASE, 'setStationId', 'watchlist', 'subject.type', 'status'],
};
