/**
 * The ogc-features adapter as a GIS team would meet it: against the mock server over loopback
 * (paging, bbox, datetime, auth, records round-tripping unchanged), and against scripted servers
 * for what the mock does not do wrong (GCJ-02 data, broken paging, missing collections, a server
 * that is not OGC API – Features at all).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { type OgcFeaturesSourceSettings, resolveAppConfig } from '../../domain/appConfig';
import { toWgs84 } from '../../domain/crs';
import { type MockBackend, createMockBackend } from '../../../mock/server/createMockBackend';
import { CRS84, OGC_COLLECTIONS, OGC_CONFORMANCE } from '../../../mock/server/ogcFeaturesRoutes';
import { loadTestRegion } from '../../../tests/contract/loadTestRegion';
import { type LoopbackServer, startLoopbackServer } from '../../../tests/contract/startLoopbackServer';
import type { Snapshot } from '../contract';
import { createOgcFeaturesDataSource } from './createOgcFeaturesDataSource';

const settings = (overrides: Partial<OgcFeaturesSourceSettings> = {}): OgcFeaturesSourceSettings => ({
  type: 'ogc-features',
  id: 'gis',
  baseUrl: '/ogc/v1',
  collections: [],
  crs: 'wgs84',
  limit: 1000,
  maxPages: 50,
  pollIntervalMs: 50,
  fullPollEvery: 1,
  timeoutMs: 5000,
  ...overrides,
});

const snapshotOf = async (promise: Promise<{ ok: true; value: Snapshot } | { ok: false; error: { reason: string } }>) => {
  const result = await promise;
  if (!result.ok) throw new Error(result.error.reason);
  return result.value;
};

describe('the ogc-features adapter against the mock server', () => {
  let backend: MockBackend;
  let server: LoopbackServer;
  const requested: URL[] = [];
  // Building the region pack takes seconds the first time: not part of any one test.
  beforeAll(() => void loadTestRegion(), 60_000);

  async function start(token?: string): Promise<string> {
    backend = await createMockBackend({ region: loadTestRegion(), seed: 11, start: Date.parse('2026-11-23T02:00:00Z'), warmUpMs: 6 * 3_600_000, ...(token ? { token } : {}) });
    backend.clock.setPaused(true);
    await backend.advanceTo(backend.clock.now());
    // Six simulated hours seldom hold an assistance request: one of every kind is wanted here.
    backend.simulator.injectAssistRequest();
    server = await startLoopbackServer((request, response) => {
      requested.push(new URL(request.url ?? '/', 'http://localhost'));
      backend.handle(request, response);
    });
    return server.origin;
  }
  afterEach(async () => {
    requested.length = 0;
    await backend.close();
    await server.close();
  });

  it('pages along next links with a small limit and yields every record once, identical to the server’s', async () => {
    const origin = await start();
    const source = createOgcFeaturesDataSource(settings({ limit: 7 }), { origin });
    const snapshot = await snapshotOf(source.snapshot());
    const served = backend.store.snapshot(OGC_COLLECTIONS.map((c) => c.kind)).records;
    expect(snapshot.rejected).toEqual([]);
    expect(new Set(served.map((r) => r.kind))).toEqual(new Set(OGC_COLLECTIONS.map((c) => c.kind)));
    // Lines as well as points and areas: tracks of several positions travel as LineStrings.
    expect(served.some((r) => r.kind === 'patrolTrack' && (r.record as { points: unknown[] }).points.length >= 2)).toBe(true);
    const key = (r: { kind: string; record: unknown }) => `${r.kind}:${(r.record as { id: string }).id}`;
    expect(snapshot.records.map(key).sort()).toEqual(served.map(key).sort());
    // Records round-trip unchanged: geometry, track points and every property.
    const byKey = new Map(served.map((r) => [key(r), JSON.parse(JSON.stringify(r.record)) as unknown]));
    for (const record of snapshot.records) expect(record.record, key(record)).toEqual(byKey.get(key(record)));
    const stationPages = requested.filter((url) => url.pathname === '/ogc/v1/collections/stations/items');
    expect(stationPages.length).toBe(Math.ceil(backend.store.count('station') / 7));
    expect(stationPages.every((url) => url.searchParams.get('crs') === CRS84 && url.searchParams.get('limit') === '7')).toBe(true);
    const capabilities = await source.capabilities();
    expect(capabilities.ok && [...capabilities.value.kinds].sort()).toEqual(OGC_COLLECTIONS.map((c) => c.kind).sort());
  });

  it('sends a box and a time window to the server and gives back only what lies in them', async () => {
    const origin = await start();
    const source = createOgcFeaturesDataSource(settings({ limit: 50 }), { origin });
    const bbox = [118.3, 28.7, 118.5, 28.95] as const;
    const boxed = await snapshotOf(source.snapshot({ bbox, kinds: ['station'] }));
    const stations = backend.store.snapshot(['station']).records.map((r) => r.record as { id: string; position: [number, number] });
    const inside = stations.filter(({ position: [lon, lat] }) => lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3]);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(stations.length);
    expect(boxed.records.map((r) => r.record.id).sort()).toEqual(inside.map((s) => s.id).sort());
    expect(requested.some((url) => url.pathname.endsWith('/stations/items') && url.searchParams.get('bbox') === bbox.join(','))).toBe(true);
    expect(requested.some((url) => url.pathname.endsWith('/alerts/items'))).toBe(false);

    const from = new Date(backend.simulator.now - 3_600_000).toISOString();
    const recent = await snapshotOf(source.snapshot({ from, kinds: ['alert', 'gridEvent'] }));
    const expected = backend.store.snapshot(['alert', 'gridEvent']).records.filter((r) => Date.parse((r.record as { updatedAt: string }).updatedAt) >= Date.parse(from));
    expect(expected.length).toBeGreaterThan(0);
    expect(recent.records.map((r) => r.record.id).sort()).toEqual(expected.map((r) => (r.record as { id: string }).id).sort());
    expect(requested.some((url) => url.searchParams.get('datetime') === `${from}/..`)).toBe(true);
  });

  it('sends the configured auth header, and says so by status and URL when it is wrong', async () => {
    const origin = await start('s3cret');
    const good = createOgcFeaturesDataSource(settings({ auth: { header: 'Authorization', value: 'Bearer s3cret' } }), { origin });
    expect((await good.snapshot()).ok).toBe(true);
    const bad = await createOgcFeaturesDataSource(settings({ auth: { header: 'Authorization', value: 'Bearer wrong' } }), { origin }).snapshot();
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('unauthorized');
      expect(bad.error.reason).toContain(`${origin}/ogc/v1`);
      expect(bad.error.reason).toMatch(/HTTP 401 send Authorization/);
    }
  });
});

interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A scripted server: a function per path, answering fetch in-process. */
function scriptedServer(routes: Record<string, (url: URL) => Reply>) {
  const calls: URL[] = [];
  const fetchFake = async (input: string | URL | Request): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    calls.push(url);
    const route = routes[url.pathname];
    const reply = route ? route(url) : { status: 404, body: { code: 'NotFound', description: `no ${url.pathname}` } };
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(text, { status: reply.status ?? 200, headers: { 'Content-Type': 'application/json', ...reply.headers } });
  };
  return { fetch: fetchFake as typeof fetch, calls };
}

const ORIGIN = 'http://dashboard.example.com';
const station = (id: string, coordinates: unknown, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates },
  properties: { version: 1, updatedAt: '2026-11-23T10:00:00Z', province: 'zj', county: '330822', stationKind: 'police-station', name: `站${id}`, officersOnDuty: 3, ...properties },
});

/** The landing page, conformance and collections of a small server; `items` answers each collection's items. */
function gisServer(options: {
  conformsTo?: string[];
  collections?: { id: string; crs?: string[] }[];
  items: Record<string, (url: URL) => Reply>;
  selfHref?: string;
}) {
  const base = '/gis/ogc';
  const routes: Record<string, (url: URL) => Reply> = {
    [base]: () => ({ body: { links: [{ rel: 'self', href: options.selfHref ?? `${ORIGIN}${base}` }, { rel: 'conformance', href: `${options.selfHref ?? ORIGIN + base}/conformance` }, { rel: 'data', href: `${options.selfHref ?? ORIGIN + base}/collections` }] } }),
    [`${base}/conformance`]: () => ({ body: { conformsTo: options.conformsTo ?? [OGC_CONFORMANCE.core, OGC_CONFORMANCE.geojson] } }),
    [`${base}/collections`]: () => ({ body: { collections: (options.collections ?? Object.keys(options.items).map((id) => ({ id }))).map((c) => ({ ...c, links: [] })) } }),
  };
  for (const [id, answer] of Object.entries(options.items)) routes[`${base}/collections/${id}/items`] = answer;
  return scriptedServer(routes);
}

const page = (features: unknown[], next?: string, extra: Record<string, unknown> = {}): Reply => ({
  body: { type: 'FeatureCollection', features, links: next ? [{ rel: 'next', type: 'application/geo+json', href: next }] : [], ...extra },
});

const stationsOnly = (overrides: Partial<OgcFeaturesSourceSettings> = {}) =>
  settings({ baseUrl: '/gis/ogc', collections: [{ collection: 'police', kind: 'station', fields: {}, constants: {}, valueMaps: {} }], ...overrides });

describe('the ogc-features adapter against scripted servers', () => {
  it('converts a collection declared GCJ-02 to WGS84, about 500 m from where it was sent', async () => {
    const sent: [number, number] = [118.359766, 28.830328];
    const server = gisServer({ items: { police: () => page([station('A', sent)]) } });
    const snapshot = await snapshotOf(createOgcFeaturesDataSource(stationsOnly({ crs: 'gcj02' }), { origin: ORIGIN, fetch: server.fetch }).snapshot());
    const position = snapshot.records[0]!.record.position;
    expect(position).toEqual(toWgs84(sent, 'gcj02'));
    const shiftMeters = distance(sent, position, { units: 'meters' });
    expect(shiftMeters).toBeGreaterThan(400);
    expect(shiftMeters).toBeLessThan(700);
    expect(server.calls.every((url) => !url.searchParams.has('crs'))).toBe(true);
  });

  it('asks a Part 2 server for CRS84 where the collection offers it, and takes the answer as WGS84 unconverted', async () => {
    const sent: [number, number] = [118.359766, 28.830328];
    const server = gisServer({
      conformsTo: [OGC_CONFORMANCE.core, OGC_CONFORMANCE.geojson, OGC_CONFORMANCE.crs],
      collections: [{ id: 'police', crs: [CRS84, 'http://www.opengis.net/def/crs/EPSG/0/4490'] }],
      items: { police: () => ({ ...page([station('A', sent)]), headers: { 'Content-Crs': `<${CRS84}>` } }) },
    });
    const snapshot = await snapshotOf(createOgcFeaturesDataSource(stationsOnly({ crs: 'gcj02' }), { origin: ORIGIN, fetch: server.fetch }).snapshot());
    expect(snapshot.records[0]!.record.position).toEqual(sent);
    const items = server.calls.filter((url) => url.pathname.endsWith('/items'));
    expect(items.map((url) => url.searchParams.get('crs'))).toEqual([CRS84]);
  });

  it('converts a collection whose config says GCJ-02 even when the server offers CRS84, and asks for no CRS', async () => {
    const sent: [number, number] = [118.359766, 28.830328];
    const server = gisServer({
      conformsTo: [OGC_CONFORMANCE.core, OGC_CONFORMANCE.geojson, OGC_CONFORMANCE.crs],
      collections: [{ id: 'police', crs: [CRS84] }],
      items: { police: () => ({ ...page([station('A', sent)]), headers: { 'Content-Crs': `<${CRS84}>` } }) },
    });
    const mislabelled = stationsOnly({ collections: [{ collection: 'police', kind: 'station', crs: 'gcj02', fields: {}, constants: {}, valueMaps: {} }] });
    const snapshot = await snapshotOf(createOgcFeaturesDataSource(mislabelled, { origin: ORIGIN, fetch: server.fetch }).snapshot());
    expect(snapshot.records[0]!.record.position).toEqual(toWgs84(sent, 'gcj02'));
    expect(server.calls.every((url) => !url.searchParams.has('crs'))).toBe(true);
  });

  it('refuses coordinates in a CRS it cannot convert, naming it, rather than drawing them in the wrong place', async () => {
    const server = gisServer({ items: { police: () => ({ ...page([station('A', [442_000, 3_190_000])]), headers: { 'Content-Crs': '<http://www.opengis.net/def/crs/EPSG/0/4547>' } }) } });
    const result = await createOgcFeaturesDataSource(stationsOnly(), { origin: ORIGIN, fetch: server.fetch }).snapshot();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toMatch(/collection police: the server sent coordinates in http:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/4547/);
  });

  it('rejects a broken feature with its reason and keeps its neighbours', async () => {
    const server = gisServer({ items: { police: () => page([station('A', [118.3, 28.8]), station('B', [118.3, 95]), station('C', [118.4, 28.9], { officersOnDuty: 'many' }), station('D', [118.5, 28.9])]) } });
    const snapshot = await snapshotOf(createOgcFeaturesDataSource(stationsOnly(), { origin: ORIGIN, fetch: server.fetch }).snapshot());
    expect(snapshot.records.map((r) => r.record.id)).toEqual(['A', 'D']);
    expect(snapshot.rejected.map((r) => r.reason)).toEqual([
      'station: geometry.coordinates[1]: latitude must be between -90 and 90',
      expect.stringMatching(/^station: officersOnDuty: /),
    ]);
  });

  it('follows next links across pages, each feature once', async () => {
    const pages = [
      page([station('A', [118.3, 28.8]), station('B', [118.3, 28.8])], `${ORIGIN}/gis/ogc/collections/police/items?page=2`),
      page([station('C', [118.3, 28.8])], `${ORIGIN}/gis/ogc/collections/police/items?page=3`),
      page([station('D', [118.3, 28.8])]),
    ];
    const server = gisServer({ items: { police: (url) => pages[Number(url.searchParams.get('page') ?? 1) - 1]! } });
    const snapshot = await snapshotOf(createOgcFeaturesDataSource(stationsOnly({ limit: 2 }), { origin: ORIGIN, fetch: server.fetch }).snapshot());
    expect(snapshot.records.map((r) => r.record.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(server.calls.filter((url) => url.pathname.endsWith('/items'))).toHaveLength(3);
  });

  it('stops a next-link loop and a never-ending server with a clear failure', async () => {
    const loop = gisServer({ items: { police: (url) => page([station(`S${url.searchParams.get('page') ?? 1}`, [118.3, 28.8])], `${ORIGIN}/gis/ogc/collections/police/items?page=${url.searchParams.get('page') === '2' ? 1 : 2}`) } });
    const looped = await createOgcFeaturesDataSource(stationsOnly(), { origin: ORIGIN, fetch: loop.fetch }).snapshot();
    expect(looped.ok).toBe(false);
    if (!looped.ok) expect(looped.error.reason).toMatch(/collection police: the next link of page 3 leads back to a page already read .*paging loops/);

    let served = 0;
    const endless = gisServer({ items: { police: () => page([station(`S${++served}`, [118.3, 28.8])], `${ORIGIN}/gis/ogc/collections/police/items?page=${served + 1}`) } });
    const capped = await createOgcFeaturesDataSource(stationsOnly({ maxPages: 5, limit: 1 }), { origin: ORIGIN, fetch: endless.fetch }).snapshot();
    expect(capped.ok).toBe(false);
    if (!capped.ok) expect(capped.error.reason).toMatch(/still more pages after 5 \(maxPages\)/);
    expect(served).toBe(5);
  });

  it('fails a configured collection the server lacks on its own, and loads the others', async () => {
    const server = gisServer({ items: { police: () => page([station('A', [118.3, 28.8])]), alerts: () => page([]) } });
    const source = createOgcFeaturesDataSource(
      stationsOnly({ collections: [{ collection: 'police', kind: 'station', fields: {}, constants: {}, valueMaps: {} }, { collection: 'checkpoints', kind: 'station', fields: {}, constants: {}, valueMaps: {} }] }),
      { origin: ORIGIN, fetch: server.fetch },
    );
    const snapshot = await snapshotOf(source.snapshot());
    expect(snapshot.records.map((r) => r.record.id)).toEqual(['A']);
    expect(snapshot.rejected).toEqual([{ source: 'gis', kind: 'station', id: null, reason: 'gis: collection "checkpoints" is not on the server (it offers: police, alerts)' }]);
    const capabilities = await source.capabilities();
    // `alerts` is named after a kind, so it is taken without being configured.
    expect(capabilities.ok && capabilities.value.kinds).toEqual(['station', 'alert']);
  });

  it('refuses a server without the core conformance class, saying which class is missing', async () => {
    const server = gisServer({ conformsTo: [OGC_CONFORMANCE.geojson], items: { police: () => page([]) } });
    const result = await createOgcFeaturesDataSource(stationsOnly(), { origin: ORIGIN, fetch: server.fetch }).snapshot();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('unsupported');
      expect(result.error.reason).toMatch(/^gis: http:\/\/dashboard\.example\.com\/gis\/ogc is not an OGC API – Features server .*lacks the core conformance class/);
    }
  });

  it('moves links a proxied server writes with its internal address under the configured path, and refuses other hosts', async () => {
    const internal = 'http://geoserver.example.org:8080/geoserver/ogc/features';
    const server = gisServer({
      selfHref: internal,
      items: { police: (url) => (url.searchParams.get('page') === '2' ? page([station('B', [118.3, 28.8])]) : page([station('A', [118.3, 28.8])], `${internal}/collections/police/items?page=2`)) },
    });
    const snapshot = await snapshotOf(createOgcFeaturesDataSource(stationsOnly(), { origin: ORIGIN, fetch: server.fetch }).snapshot());
    expect(snapshot.records.map((r) => r.record.id)).toEqual(['A', 'B']);
    expect(server.calls.every((url) => url.origin === ORIGIN)).toBe(true);

    const elsewhere = gisServer({ items: { police: () => page([station('A', [118.3, 28.8])], 'http://elsewhere.example.com/items?page=2') } });
    const refused = await createOgcFeaturesDataSource(stationsOnly(), { origin: ORIGIN, fetch: elsewhere.fetch }).snapshot();
    expect(!refused.ok && refused.error.reason).toMatch(/links to http:\/\/elsewhere\.example\.com, outside this page's origin; set the server's public URL/);
  });

  it('names the URL and status of an HTTP error, and says when an answer is not JSON', async () => {
    const failing = gisServer({ items: { police: () => ({ status: 500, body: { code: 'ServerError', description: 'database is down' } }) } });
    const failed = await createOgcFeaturesDataSource(stationsOnly(), { origin: ORIGIN, fetch: failing.fetch }).snapshot();
    expect(!failed.ok && failed.error.reason).toMatch(/^gis collection police items http:\/\/dashboard\.example\.com\/gis\/ogc\/collections\/police\/items\?limit=1000: HTTP 500 database is down$/);
    const html = gisServer({ items: { police: () => ({ body: '<html>login</html>', headers: { 'Content-Type': 'text/html' } }) } });
    const notJson = await createOgcFeaturesDataSource(stationsOnly(), { origin: ORIGIN, fetch: html.fetch }).snapshot();
    expect(!notJson.ok && notJson.error.reason).toMatch(/the response is not JSON \(text\/html/);
  });

  it('polls for changes: a changed feature gets a new version, a vanished one is deleted', async () => {
    let features = [station('A', [118.3, 28.8], { version: undefined }), station('B', [118.3, 28.8], { version: undefined })];
    const server = gisServer({ items: { police: () => page(features) } });
    const source = createOgcFeaturesDataSource(stationsOnly(), { origin: ORIGIN, fetch: server.fetch });
    const snapshot = await snapshotOf(source.snapshot());
    expect(snapshot.records.map((r) => r.record.version)).toEqual([1, 1]);
    const changes: { op: string; id: string; version: number }[] = [];
    const subscription = source.subscribe(
      { onChanges: (batch) => changes.push(...batch.map((c) => (c.op === 'upsert' ? { op: c.op, id: c.record.id, version: c.record.version } : { op: c.op, id: c.id, version: c.version }))) },
      { cursor: snapshot.cursor },
    );
    features = [station('A', [118.3, 28.8], { version: undefined, officersOnDuty: 9 })];
    await new Promise((resolve) => setTimeout(resolve, 150));
    subscription.close();
    expect(changes).toEqual([
      { op: 'upsert', id: 'A', version: 2 },
      { op: 'delete', id: 'B', version: 1 },
    ]);
  });
});

describe('an ogc-features source in config.json', () => {
  it('is read with its defaults, and refused with a reason when it points off this origin or misses its CRS', () => {
    const { config, problems } = resolveAppConfig(
      { sources: [{ type: 'ogc-features', id: 'gis', baseUrl: '/geoserver/ogc/features/v1', crs: 'cgcs2000', collections: [{ collection: 'safeborder:police', kind: 'station' }] }] },
      new URLSearchParams(''),
    );
    expect(problems).toEqual([]);
    expect(config.sources[0]).toMatchObject({ type: 'ogc-features', limit: 1000, maxPages: 500, pollIntervalMs: 30_000, collections: [{ collection: 'safeborder:police', kind: 'station', fields: {} }] });
    const offOrigin = resolveAppConfig({ sources: [{ type: 'ogc-features', id: 'gis', baseUrl: 'http://geoserver.example.org:8080/ogc', crs: 'wgs84' }] }, new URLSearchParams(''));
    expect(offOrigin.problems.join('\n')).toMatch(/baseUrl: a backend URL must be a path on this server/);
    const noCrs = resolveAppConfig({ sources: [{ type: 'ogc-features', id: 'gis', baseUrl: '/ogc' }] }, new URLSearchParams(''));
    expect(noCrs.problems.join('\n')).toMatch(/crs/);
  });
});

describe('polls between full ones, for a server whose datetime is when a feature changed', () => {
  it('asks only for what changed since the server’s last answer, and still finds deletes on the full poll', async () => {
    let clock = Date.parse('2026-11-23T10:00:00Z');
    const at = (ms: number) => new Date(ms).toISOString();
    let features = [station('A', [118.3, 28.8], { updatedAt: at(clock - 3_600_000) }), station('B', [118.3, 28.8], { updatedAt: at(clock - 3_600_000) })];
    const server = gisServer({
      items: {
        police: (url) => {
          const window = url.searchParams.get('datetime');
          const from = window === null ? Number.NEGATIVE_INFINITY : Date.parse(window.split('/')[0]!);
          return page(features.filter((f) => Date.parse(f.properties.updatedAt) >= from), undefined, { timeStamp: at(clock) });
        },
      },
    });
    const source = createOgcFeaturesDataSource(stationsOnly({ fullPollEvery: 3 }), { origin: ORIGIN, fetch: server.fetch });
    const snapshot = await snapshotOf(source.snapshot());
    const changes: string[] = [];
    const subscription = source.subscribe(
      { onChanges: (batch) => changes.push(...batch.map((c) => (c.op === 'upsert' ? `upsert ${c.record.id} v${c.record.version}` : `delete ${c.id}`))) },
      { cursor: snapshot.cursor },
    );
    const items = () => server.calls.filter((url) => url.pathname.endsWith('/items'));
    const polled = async (count: number) => {
      const target = items().length + count;
      while (items().length < target) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    // Between full polls: A changes and B goes away; the change comes at once, the delete with the next full poll.
    clock += 30_000;
    features = [station('A', [118.3, 28.8], { version: 2, updatedAt: at(clock), officersOnDuty: 9 })];
    await polled(1);
    expect(changes).toEqual(['upsert A v2']);
    await polled(2);
    subscription.close();
    expect(changes).toEqual(['upsert A v2', 'delete B']);
    const windows = items().map((url) => url.searchParams.get('datetime'));
    expect(windows.slice(0, 4)).toEqual([null, `${at(Date.parse('2026-11-23T10:00:00Z') - 60_000)}/..`, `${at(clock - 60_000)}/..`, null]);
  });
});

describe('links with several formats, as GeoServer lists them', () => {
  it('follows the GeoJSON next link, not the HTML or JSON-FG one', async () => {
    const next = (type: string, page: string) => ({ rel: 'next', type, href: `${ORIGIN}/gis/ogc/collections/police/items?page=${page}` });
    const server = gisServer({
      items: {
        police: (url) =>
          url.searchParams.get('page') === 'geojson'
            ? page([station('B', [118.3, 28.8])])
            : { body: { type: 'FeatureCollection', features: [station('A', [118.3, 28.8])], links: [next('text/html', 'html'), next('application/vnd.ogc.fg+json', 'jsonfg'), next('application/geo+json', 'geojson')] } },
      },
    });
    const snapshot = await snapshotOf(createOgcFeaturesDataSource(stationsOnly(), { origin: ORIGIN, fetch: server.fetch }).snapshot());
    expect(snapshot.records.map((r) => r.record.id)).toEqual(['A', 'B']);
    expect(server.calls.map((url) => url.searchParams.get('page')).filter(Boolean)).toEqual(['geojson']);
  });
});
