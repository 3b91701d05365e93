import { describe, expect, it, vi } from 'vitest';
import type { GeojsonSourceSettings } from '../../domain/appConfig';
import { EntityState } from '../../stores/entityState';
import { type Change, type Rejection, success } from '../contract';
import { startLoopbackServer } from '../../../tests/contract/startLoopbackServer';
import { createGeojsonDataSource, loadTextOverHttp } from './createGeojsonDataSource';

const settings: GeojsonSourceSettings = {
  type: 'geojson',
  id: 'gis',
  url: '/stations.geojson',
  kind: 'station',
  crs: 'wgs84',
  pollIntervalMs: 20,
  timeoutMs: 15_000,
  fields: { id: 'properties.code', name: 'properties.name' },
  constants: { province: 'zj', county: '330822', stationKind: 'police-station', officersOnDuty: 5 },
  valueMaps: {},
};
const feature = (code: string, name = code) => ({ type: 'Feature', properties: { code, name }, geometry: { type: 'Point', coordinates: [118.35, 28.83] } });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the geojson adapter over time', () => {
  it('brings a feature back when it returns to the file after vanishing', async () => {
    let features = [feature('A'), feature('B')];
    const source = createGeojsonDataSource(settings, async () => success(JSON.stringify({ type: 'FeatureCollection', features })));
    const state = new EntityState();
    const snapshot = await source.snapshot();
    if (!snapshot.ok) throw new Error(snapshot.error.reason);
    state.replace(snapshot.value.records, new Map(), Date.now());
    const subscription = source.subscribe({ onChanges: (changes: Change[]) => state.apply(changes, Date.now()) }, { cursor: snapshot.value.cursor });
    features = [feature('A')];
    await wait(80);
    expect(state.collection('station').get('B')).toBeUndefined();
    features = [feature('A'), feature('B', 'B is back')];
    await wait(80);
    subscription.close();
    expect(state.collection('station').get('B')?.name).toBe('B is back');
  });

  it('reports a broken feature once, not again on every poll while the file stays broken', async () => {
    const features = [feature('A'), { type: 'Feature', properties: { code: 'bad' }, geometry: { type: 'Point', coordinates: [999, 0] } }];
    const source = createGeojsonDataSource(settings, async () => success(JSON.stringify({ type: 'FeatureCollection', features })));
    const rejected: Rejection[] = [];
    const snapshot = await source.snapshot();
    if (!snapshot.ok) throw new Error(snapshot.error.reason);
    rejected.push(...snapshot.value.rejected);
    const subscription = source.subscribe({ onChanges: () => {}, onRejected: (r) => rejected.push(...r) }, { cursor: snapshot.value.cursor });
    await wait(120);
    subscription.close();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatch(/longitude must be between -180 and 180/);
  });

  it('answers a snapshot query by box and by time', async () => {
    const far = { type: 'Feature', properties: { code: 'far', name: 'far' }, geometry: { type: 'Point', coordinates: [120, 30] } };
    const source = createGeojsonDataSource(settings, async () => success(JSON.stringify({ type: 'FeatureCollection', features: [feature('A'), far] })));
    const boxed = await source.snapshot({ bbox: [118, 28, 119, 29] });
    expect(boxed.ok && boxed.value.records.map((r) => r.record.id)).toEqual(['A']);
    const later = await source.snapshot({ from: '2999-01-01T00:00:00Z' });
    expect(later.ok && later.value.records).toEqual([]);
  });
});

describe('the geojson adapter over HTTP, when the file server misbehaves', () => {
  it('ends a poll against a server that never answers in a timeout failure, not a wait forever', async () => {
    vi.useFakeTimers();
    try {
      // Never answers; gives up only when the request is aborted, as a real fetch does.
      const silent = ((input: Request) => new Promise<Response>((_, reject) => input.signal.addEventListener('abort', () => reject(input.signal.reason)))) as unknown as typeof fetch;
      const source = createGeojsonDataSource({ ...settings, url: 'http://files.example.com/stations.geojson' }, loadTextOverHttp(15_000, 'gis', silent));
      const snapshot = source.snapshot();
      await vi.advanceTimersByTimeAsync(15_000);
      expect(await snapshot).toMatchObject({ ok: false, error: { code: 'timeout', reason: 'gis http://files.example.com/stations.geojson: no answer within 15000 ms' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up on a server that never answers, and says it timed out', async () => {
    // Accepts the connection and never answers: a stalled file server or a hung proxy.
    const server = await startLoopbackServer(() => undefined);
    try {
      const stalled = createGeojsonDataSource({ ...settings, url: `${server.origin}/stations.geojson`, timeoutMs: 1000 }, loadTextOverHttp(1000, 'gis'));
      const snapshot = await stalled.snapshot();
      expect(snapshot).toMatchObject({ ok: false, error: { code: 'timeout', reason: expect.stringMatching(/no answer within 1000 ms/) } });
    } finally {
      await server.close();
    }
  });

  it('carries the server’s own words from an HTML error page, and names a login page for what it is', async () => {
    const server = await startLoopbackServer((request, response) => {
      if (request.url === '/down') response.writeHead(503, { 'content-type': 'text/html' }).end('<html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>503 Service Temporarily Unavailable</h1></body></html>');
      else response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>统一身份认证</title></head><body>请登录</body></html>');
    });
    try {
      const down = await createGeojsonDataSource({ ...settings, url: `${server.origin}/down` }, loadTextOverHttp(5000, 'gis')).snapshot();
      expect(down).toMatchObject({ ok: false, error: { code: 'http', status: 503, detail: '503 Service Temporarily Unavailable' } });
      const login = await createGeojsonDataSource({ ...settings, url: `${server.origin}/file.geojson` }, loadTextOverHttp(5000, 'gis')).snapshot();
      expect(login).toMatchObject({ ok: false, error: { code: 'not-json', detail: expect.stringMatching(/^统一身份认证/) } });
    } finally {
      await server.close();
    }
  });
});
