/**
 * The simulator's data as OGC API – Features (Part 1 core + GeoJSON, Part 2 CRS), under /ogc/v1:
 * what GeoServer, pygeoapi or pg_featureserv would serve a GIS team, so the `ogc-features` adapter
 * is tested against a real server over HTTP. One collection per entity kind with a place on the
 * map; a record's position is a Point, a grid's area a Polygon, a patrol's track a LineString whose
 * times ride in `properties.coordinateProperties.times` (togeojson's convention for GPX tracks).
 *
 * Paging is by `offset` with `next` links; `bbox` selects features whose geometry intersects it,
 * `datetime` filters on `updatedAt`. Bad parameters are 400 with an OGC exception
 * (`{ code, description }`) naming the parameter.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bboxPolygon, booleanIntersects } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import type { EntityKind } from '../../src/domain/entities/entityKinds';
import type { WireRecord } from '../../src/domain/wire';

export const OGC_PREFIX = '/ogc/v1';
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const OGC_CONFORMANCE = {
  core: 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  geojson: 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  crs: 'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
} as const;

/** The collections served, by id, each one entity kind (kpiSeries has no place of its own). */
export const OGC_COLLECTIONS: readonly { id: string; kind: EntityKind; title: string }[] = [
  { id: 'stations', kind: 'station', title: '警务站点 Stations and checkpoints' },
  { id: 'alerts', kind: 'alert', title: '布控预警 Watchlist alerts' },
  { id: 'gridEvents', kind: 'gridEvent', title: '跨省网格事件 Cross-province grid events' },
  { id: 'assistRequests', kind: 'assistRequest', title: '协查请求 Assistance requests' },
  { id: 'controlOrders', kind: 'controlOrder', title: '布控 Control orders' },
  { id: 'patrolTracks', kind: 'patrolTrack', title: '巡逻轨迹 Patrol tracks' },
  { id: 'grids', kind: 'grid', title: '跨省网格 Cross-province grids' },
];

const OGC_DEFAULT_LIMIT = 10;
export const OGC_MAX_LIMIT = 1000;

type Properties = Record<string, unknown>;

/** One record as a GeoJSON feature: its own geometry, every other field a property. */
function recordToFeature(kind: EntityKind, record: Properties): Feature<Geometry, Properties> {
  const { id, position, geometry, points, ...properties } = record as { id: string; position: [number, number]; geometry?: unknown; points?: unknown } & Properties;
  let shape: Geometry = { type: 'Point', coordinates: position };
  if (kind === 'grid') shape = { type: 'Polygon', coordinates: geometry as [number, number][][] };
  if (kind === 'patrolTrack') {
    const track = (points ?? []) as { at: string; position: [number, number] }[];
    if (track.length >= 2) shape = { type: 'LineString', coordinates: track.map((point) => point.position) };
    properties.coordinateProperties = { times: track.map((point) => point.at) };
  }
  return { type: 'Feature', id, geometry: shape, properties };
}

const HUGE = 'x'.repeat(1024 * 1024);
const point = (lon: unknown, lat: unknown) => ({ type: 'Point', coordinates: [lon, lat] });

/** Broken features as a broken or hostile server would send them, by collection, for the `malformed` fault. */
function malformedFeatures(kind: EntityKind): unknown[] {
  const base = { version: 1, updatedAt: '2026-11-23T10:00:00Z', province: 'zj', county: '330822', source: 'mock' };
  const samples: Partial<Record<EntityKind, unknown[]>> = {
    station: [
      { type: 'Feature', id: 'bad-position', geometry: point(999, 999), properties: { ...base, stationKind: 'police-station', name: '坐标错误', officersOnDuty: 1 } },
      JSON.parse('{"type":"Feature","id":"proto","geometry":{"type":"Point","coordinates":[118.3,28.8]},"properties":{"__proto__":{"polluted":true},"version":1}}'),
      'just a string',
    ],
    alert: [
      { type: 'Feature', id: 'bad-severity', geometry: point(118.3, 28.8), properties: { ...base, severity: 9 } },
      { type: 'Feature', id: 'deep', geometry: point(118.3, 28.8), properties: { nested: JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`) as unknown } },
    ],
    gridEvent: [{ type: 'Feature', id: 'huge', geometry: point(118.3, 28.8), properties: { ...base, title: HUGE } }],
    patrolTrack: [{ type: 'Feature', id: 'nan', geometry: point(null, 28.8), properties: base }],
    grid: [{ type: 'Feature', id: 'bad-ring', geometry: { type: 'Polygon', coordinates: [[[118, 28], [118.1, 28], [118.1, 28.1]]] }, properties: base }],
  };
  return samples[kind] ?? [];
}

class OgcException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    description: string,
  ) {
    super(description);
  }
}

const badParameter = (description: string) => new OgcException(400, 'InvalidParameterValue', description);

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-store', ...headers });
  response.end(text);
}

function parseLimit(text: string | null): number {
  if (text === null) return OGC_DEFAULT_LIMIT;
  const limit = Number(text);
  if (!/^\d+$/.test(text) || limit < 1) throw badParameter(`limit must be a whole number of at least 1, not ${JSON.stringify(text.slice(0, 40))}`);
  // OGC lets a server answer a larger limit with its own maximum.
  return Math.min(limit, OGC_MAX_LIMIT);
}

function parseOffset(text: string | null): number {
  if (text === null) return 0;
  if (!/^\d+$/.test(text)) throw badParameter(`offset must be a whole number of at least 0, not ${JSON.stringify(text.slice(0, 40))}`);
  return Number(text);
}

function parseBbox(text: string | null, crs: string | null): [number, number, number, number] | undefined {
  if (crs !== null && crs !== CRS84) throw badParameter(`bbox-crs ${JSON.stringify(crs.slice(0, 80))} is not supported; use ${CRS84}`);
  if (text === null) return undefined;
  const values = text.split(',').map((value) => (value.trim() === '' ? Number.NaN : Number(value)));
  if ((values.length !== 4 && values.length !== 6) || values.some((value) => !Number.isFinite(value))) {
    throw badParameter('bbox is four numbers: west,south,east,north in degrees (or six with heights)');
  }
  const [west, south, east, north] = values.length === 4 ? values : [values[0]!, values[1]!, values[3]!, values[4]!];
  if ([west!, east!].some((lon) => lon < -180 || lon > 180)) throw badParameter('bbox longitudes must be between -180 and 180');
  if ([south!, north!].some((lat) => lat < -90 || lat > 90)) throw badParameter('bbox latitudes must be between -90 and 90');
  if (south! > north!) throw badParameter('bbox south must not be above north');
  return [west!, south!, east!, north!];
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** `datetime`: an instant, or `start/end` with `..` (or nothing) for an open end. Bounds are inclusive. */
function parseDatetime(text: string | null): { from: number; to: number } | undefined {
  if (text === null) return undefined;
  const bound = (part: string, open: number) => {
    if (part === '..' || part === '') return open;
    if (!ISO_TIME.test(part) || Number.isNaN(Date.parse(part))) {
      throw badParameter(`datetime must be an RFC 3339 time or start/end with ".." for an open end, not ${JSON.stringify(text.slice(0, 80))}`);
    }
    return Date.parse(part);
  };
  const parts = text.split('/');
  if (parts.length > 2) throw badParameter('datetime has at most one "/" (start/end)');
  if (parts.length === 1) {
    if (parts[0] === '..' || parts[0] === '') throw badParameter('datetime ".." alone is not a time');
    const at = bound(parts[0]!, 0);
    return { from: at, to: at };
  }
  const window = { from: bound(parts[0]!, Number.NEGATIVE_INFINITY), to: bound(parts[1]!, Number.POSITIVE_INFINITY) };
  if (window.from > window.to) throw badParameter('datetime start must not be after its end');
  return window;
}

/** Antimeridian-crossing boxes (west > east) are two boxes. */
function intersects(feature: Feature<Geometry, Properties>, bbox: [number, number, number, number]): boolean {
  const [west, south, east, north] = bbox;
  const boxes: [number, number, number, number][] = west <= east ? [bbox] : [[west, south, 180, north], [-180, south, east, north]];
  return boxes.some((box) => booleanIntersects(feature, bboxPolygon(box)));
}

export interface OgcFeaturesRoutes {
  /** Answers a request whose path is under OGC_PREFIX. */
  handle(request: IncomingMessage, response: ServerResponse, url: URL): void;
  /** The `malformed` fault: while on, every collection's first page carries broken features beside its valid ones. */
  setMalformed(on: boolean): void;
}

/** Where the features come from: the backend's current records. */
interface RecordReader {
  snapshot(kinds: readonly EntityKind[]): { records: WireRecord[] };
  get(kind: EntityKind, id: string): object | undefined;
}

export function createOgcFeaturesRoutes(options: { records: RecordReader; now: () => number; authorized: (header: string | undefined) => boolean }): OgcFeaturesRoutes {
  const { records: source, now } = options;
  let malformed = false;

  const link = (href: string, rel: string, type = 'application/json', title?: string) => ({ href, rel, type, ...(title ? { title } : {}) });

  function collectionBody(root: string, collection: (typeof OGC_COLLECTIONS)[number]) {
    const href = `${root}/collections/${collection.id}`;
    return {
      id: collection.id,
      title: collection.title,
      itemType: 'feature',
      crs: [CRS84],
      storageCrs: CRS84,
      links: [link(href, 'self'), link(`${href}/items`, 'items', 'application/geo+json', collection.title)],
    };
  }

  function items(root: string, collection: (typeof OGC_COLLECTIONS)[number], params: URLSearchParams) {
    const crs = params.get('crs');
    if (crs !== null && crs !== CRS84) throw badParameter(`crs ${JSON.stringify(crs.slice(0, 80))} is not offered; this collection offers ${CRS84}`);
    const limit = parseLimit(params.get('limit'));
    const offset = parseOffset(params.get('offset'));
    const bbox = parseBbox(params.get('bbox'), params.get('bbox-crs'));
    const datetime = parseDatetime(params.get('datetime'));
    const matched = source
      .snapshot([collection.kind])
      .records.map(({ record }) => record as Properties)
      .filter((record) => {
        if (!datetime) return true;
        const updated = Date.parse(String(record.updatedAt));
        return updated >= datetime.from && updated <= datetime.to;
      })
      .map((record) => recordToFeature(collection.kind, record))
      .filter((feature) => !bbox || intersects(feature, bbox));
    const page: unknown[] = matched.slice(offset, offset + limit);
    if (malformed && offset === 0) page.push(...malformedFeatures(collection.kind));
    const pageUrl = (at: number) => {
      const url = new URL(`${root}/collections/${collection.id}/items`);
      for (const [name, value] of params) if (name !== 'offset') url.searchParams.set(name, value);
      url.searchParams.set('limit', String(limit));
      url.searchParams.set('offset', String(at));
      return url.href;
    };
    const links = [link(pageUrl(offset), 'self', 'application/geo+json'), link(`${root}/collections/${collection.id}`, 'collection')];
    if (offset + limit < matched.length) links.push(link(pageUrl(offset + limit), 'next', 'application/geo+json'));
    if (offset > 0) links.push(link(pageUrl(Math.max(0, offset - limit)), 'prev', 'application/geo+json'));
    return {
      type: 'FeatureCollection',
      features: page,
      numberMatched: matched.length,
      numberReturned: page.length,
      timeStamp: new Date(now()).toISOString(),
      links,
    };
  }

  function route(root: string, path: string, params: URLSearchParams, response: ServerResponse): void {
    if (path === '' || path === '/') {
      return send(response, 200, {
        title: '平安边界 mock — OGC API – Features',
        description: 'The border simulator’s records as OGC API – Features collections.',
        links: [
          link(root, 'self'),
          link(`${root}/conformance`, 'conformance'),
          link(`${root}/collections`, 'data'),
        ],
      });
    }
    if (path === '/conformance') return send(response, 200, { conformsTo: Object.values(OGC_CONFORMANCE) });
    if (path === '/collections') {
      return send(response, 200, {
        links: [link(`${root}/collections`, 'self')],
        collections: OGC_COLLECTIONS.map((collection) => collectionBody(root, collection)),
      });
    }
    const match = /^\/collections\/([^/]+)(\/items(?:\/([^/]+))?)?$/.exec(path);
    const collection = match && OGC_COLLECTIONS.find((c) => c.id === decodeURIComponent(match[1]!));
    if (!match || !collection) {
      throw new OgcException(404, 'NotFound', match ? `no collection ${JSON.stringify(decodeURIComponent(match[1]!).slice(0, 80))}` : `no ${OGC_PREFIX}${path}`);
    }
    if (!match[2]) return send(response, 200, collectionBody(root, collection));
    const geojson = { 'Content-Type': 'application/geo+json; charset=utf-8', 'Content-Crs': `<${CRS84}>` };
    if (match[3] === undefined) return send(response, 200, items(root, collection, params), geojson);
    const id = decodeURIComponent(match[3]);
    const record = source.get(collection.kind, id);
    if (!record) throw new OgcException(404, 'NotFound', `no feature ${JSON.stringify(id.slice(0, 80))} in ${collection.id}`);
    const feature = recordToFeature(collection.kind, record as Properties);
    return send(response, 200, { ...feature, links: [link(`${root}/collections/${collection.id}/items/${encodeURIComponent(id)}`, 'self', 'application/geo+json')] }, geojson);
  }

  return {
    handle(request, response, url) {
      if (!options.authorized(request.headers.authorization)) return send(response, 401, { code: 'Unauthorized', description: 'send Authorization: Bearer <token>' });
      if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { code: 'MethodNotAllowed', description: `${request.method} is not allowed; this API is read-only` });
      // Links are absolute, as real servers write them, on the origin the client used.
      const root = `http://${request.headers.host ?? '127.0.0.1'}${OGC_PREFIX}`;
      try {
        route(root, url.pathname.slice(OGC_PREFIX.length), url.searchParams, response);
      } catch (error) {
        if (error instanceof OgcException) send(response, error.status, { code: error.code, description: error.message });
        else send(response, 500, { code: 'ServerError', description: error instanceof Error ? error.message : String(error) });
      }
    },
    setMalformed(on) {
      malformed = on;
    },
  };
}
