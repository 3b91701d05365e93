/** The mock's OGC API – Features as a GIS client (QGIS, a pygeoapi test suite) would probe it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTestRegion } from '../../tests/contract/loadTestRegion';
import { type LoopbackServer, startLoopbackServer } from '../../tests/contract/startLoopbackServer';
import { type MockBackend, createMockBackend } from './createMockBackend';
import { CRS84, OGC_CONFORMANCE, OGC_MAX_LIMIT } from './ogcFeaturesRoutes';

let backend: MockBackend;
let server: LoopbackServer;
let api: string;

beforeAll(async () => {
  backend = await createMockBackend({ region: loadTestRegion(), seed: 5, start: Date.parse('2026-11-23T02:00:00Z'), warmUpMs: 6 * 3_600_000 });
  backend.clock.setPaused(true);
  await backend.advanceTo(backend.clock.now());
  server = await startLoopbackServer((request, response) => backend.handle(request, response));
  api = `${server.origin}/ogc/v1`;
  // Building the region pack takes seconds the first time.
}, 60_000);
afterAll(async () => {
  await backend.close();
  await server.close();
});

interface Body {
  [key: string]: unknown;
  links: { rel: string; href: string }[];
  features: { id: string; geometry: { type: string }; properties: Record<string, unknown> }[];
}
const get = async (path: string) => {
  const response = await fetch(`${api}${path}`);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
};

describe('the mock OGC API – Features', () => {
  it('links its landing page to conformance and collections, and declares core, GeoJSON and CRS', async () => {
    const landing = await get('');
    expect(landing.body.links.map((l) => [l.rel, l.href])).toEqual([
      ['self', api],
      ['conformance', `${api}/conformance`],
      ['data', `${api}/collections`],
    ]);
    expect((await get('/conformance')).body.conformsTo).toEqual([OGC_CONFORMANCE.core, OGC_CONFORMANCE.geojson, OGC_CONFORMANCE.crs]);
    const collections = (await get('/collections')).body.collections as { id: string; crs: string[] }[];
    expect(collections.map((c) => c.id)).toEqual(['stations', 'alerts', 'gridEvents', 'assistRequests', 'controlOrders', 'patrolTracks', 'grids']);
    expect(collections.every((c) => c.crs.includes(CRS84))).toBe(true);
  });

  it('pages by offset with next links and counts, and serves one feature by id', async () => {
    const total = backend.store.count('station');
    const first = await get('/collections/stations/items?limit=5');
    expect(first.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(first.headers.get('content-crs')).toBe(`<${CRS84}>`);
    expect(first.body).toMatchObject({ type: 'FeatureCollection', numberMatched: total, numberReturned: 5 });
    // The server's own (simulated) clock, which the paused drive may still have nudged by a tick.
    expect(Math.abs(Date.parse(String(first.body.timeStamp)) - backend.simulator.now)).toBeLessThan(1000);
    const ids = first.body.features.map((f) => f.id);
    let next = first.body.links.find((l) => l.rel === 'next')?.href;
    while (next) {
      const page = (await fetch(next).then((r) => r.json())) as Body;
      ids.push(...page.features.map((f) => f.id));
      next = page.links.find((l) => l.rel === 'next')?.href;
    }
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const one = await get(`/collections/stations/items/${encodeURIComponent(ids[0]!)}`);
    expect(one.body).toMatchObject({ type: 'Feature', id: ids[0], geometry: { type: 'Point' } });
    expect((await get('/collections/grids/items?limit=1')).body.features[0]!.geometry.type).toBe('Polygon');
  });

  it('caps a limit over its maximum instead of refusing it', async () => {
    const page = await get(`/collections/alerts/items?limit=${OGC_MAX_LIMIT + 5000}`);
    expect(page.status).toBe(200);
    expect(page.body.links.find((l) => l.rel === 'self')!.href).toContain(`limit=${OGC_MAX_LIMIT}`);
  });

  it('selects by bbox (geometry intersecting it) and by datetime on updatedAt', async () => {
    const all = (await get('/collections/stations/items?limit=1000')).body.features;
    const boxed = (await get('/collections/stations/items?limit=1000&bbox=118.3,28.7,118.5,28.95')).body.features;
    expect(boxed.length).toBeGreaterThan(0);
    expect(boxed.length).toBeLessThan(all.length);
    const from = new Date(backend.simulator.now - 3_600_000).toISOString();
    const recent = (await get(`/collections/alerts/items?limit=1000&datetime=${from}/..`)).body.features;
    const alerts = (await get('/collections/alerts/items?limit=1000')).body.features;
    expect(recent.map((f) => f.id)).toEqual(alerts.filter((f) => Date.parse(String(f.properties.updatedAt)) >= Date.parse(from)).map((f) => f.id));
  });

  it.each([
    ['limit=0', /^limit must be a whole number of at least 1/],
    ['limit=ten', /^limit must be a whole number/],
    ['offset=-1', /^offset must be a whole number/],
    ['bbox=1,2,3', /^bbox is four numbers/],
    ['bbox=118,28,x,29', /^bbox is four numbers/],
    ['bbox=118,29,119,28', /^bbox south must not be above north/],
    ['bbox=200,28,201,29', /^bbox longitudes must be between -180 and 180/],
    ['datetime=yesterday', /^datetime must be an RFC 3339 time/],
    ['datetime=2026-11-23T10:00:00Z/2026-11-22T10:00:00Z', /^datetime start must not be after its end/],
    ['datetime=..', /^datetime ".." alone is not a time/],
    ['crs=http://www.opengis.net/def/crs/EPSG/0/3857', /^crs .* is not offered/],
    ['bbox=118,28,119,29&bbox-crs=EPSG:3857', /^bbox-crs .* is not supported/],
  ])('answers %s with 400 and an OGC exception naming the parameter', async (query, description) => {
    const answer = await get(`/collections/stations/items?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('InvalidParameterValue');
    expect(answer.body.description).toMatch(description);
  });

  it('answers an unknown collection or feature with 404 and a write with 405', async () => {
    expect(await get('/collections/ufos/items')).toMatchObject({ status: 404, body: { code: 'NotFound', description: 'no collection "ufos"' } });
    expect(await get('/collections/stations/items/nobody')).toMatchObject({ status: 404, body: { description: 'no feature "nobody" in stations' } });
    const post = await fetch(`${api}/collections/stations/items`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
  });
});
