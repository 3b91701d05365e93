/** The mock server as a backend team would probe it: status codes, errors, filters, write-back, faults. */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyResponseSchema } from '../../src/domain/wire';
import { loadTestRegion } from '../../tests/contract/loadTestRegion';
import { type MockBackend, createMockBackend } from './createMockBackend';

let backend: MockBackend;
let server: Server;
let api: string;

async function start(options: { token?: string; logLimit?: number; control?: boolean; speed?: number; tickMs?: number } = {}) {
  backend = createMockBackend({ region: loadTestRegion(), seed: 3, start: Date.parse('2026-11-23T02:00:00Z'), heartbeatMs: 200, ...options });
  backend.clock.setPaused(true);
  server = createServer((request, response) => backend.handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
}

beforeEach(() => start());
afterEach(async () => {
  backend.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const json = async (response: Response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> });

describe('the mock backend', () => {
  it('answers health and capabilities as the contract says', async () => {
    const health = await json(await fetch(`${api}/health`));
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', oldestSeq: 1 } });
    const capabilities = await json(await fetch(`${api}/capabilities`));
    expect(capabilities.body).toMatchObject({ streams: ['sse', 'websocket'], acknowledgeAlert: true, history: true, crs: 'wgs84' });
  });

  it('serves a window of history: the state at its start, then every change in it, in order, replaying to the snapshot', async () => {
    backend.simulator.advanceTo(backend.simulator.now + 3 * 3_600_000);
    const now = backend.simulator.now;
    const from = new Date(now - 2 * 3_600_000).toISOString();
    const to = new Date(now).toISOString();
    const history = await json(await fetch(`${api}/history?from=${from}&to=${to}&kinds=station,alert`));
    expect(history.status).toBe(200);
    expect(historyResponseSchema.safeParse(history.body).success).toBe(true);
    const body = historyResponseSchema.parse(history.body);
    expect([body.from, body.to]).toEqual([from, to]);
    expect(body.epoch).toMatch(/^3-/);
    const records = body.records as { kind: string; record: { id: string; version: number } }[];
    const changes = body.changes as { at: string; change: { seq: number; kind: string; op: string; id?: string; record?: { id: string; version: number } } }[];
    expect(new Set([...records.map((r) => r.kind), ...changes.map((c) => c.change.kind)])).toEqual(new Set(['station', 'alert']));
    expect(changes.length).toBeGreaterThan(0);
    const seqs = changes.map((c) => c.change.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    for (const { at } of changes) expect(Date.parse(at) > Date.parse(from) && Date.parse(at) <= Date.parse(to)).toBe(true);
    const state = new Map(records.map(({ kind, record }) => [`${kind}:${record.id}`, record.version]));
    for (const { change } of changes) {
      if (change.op === 'upsert') state.set(`${change.kind}:${change.record!.id}`, change.record!.version);
      else state.delete(`${change.kind}:${change.id}`);
    }
    const snapshot = backend.simulator.snapshot(['station', 'alert']).records.map(({ kind, record }) => [`${kind}:${(record as { id: string }).id}`, (record as { version: number }).version]);
    expect(state).toEqual(new Map(snapshot as [string, number][]));
  });

  it('serves history from the oldest time it keeps when asked for older, and never past now', async () => {
    const now = backend.simulator.now;
    const asked = await json(await fetch(`${api}/history?from=${new Date(now - 30 * 86_400_000).toISOString()}&to=${new Date(now + 3_600_000).toISOString()}&kinds=kpiSeries`));
    expect(asked.status).toBe(200);
    // The backend under test warms up for the simulator's default day.
    expect(asked.body.from).toBe(new Date(now - 86_400_000).toISOString());
    expect(asked.body.to).toBe(new Date(now).toISOString());
    expect((asked.body.records as unknown[]).length).toBe(backend.simulator.count('kpiSeries'));
  });

  it.each([
    ['from is missing', 'to=2026-11-23T02:00:00Z', /^from is required/],
    ['to is missing', 'from=2026-11-23T01:00:00Z', /^to is required/],
    ['from is not a time', 'from=yesterday&to=2026-11-23T02:00:00Z', /^from must be an ISO 8601 time/],
    ['to is not a time', 'from=2026-11-23T01:00:00Z&to=2026-13-45T99:00:00Z', /^to must be an ISO 8601 time/],
    ['from is not before to', 'from=2026-11-23T02:00:00Z&to=2026-11-23T02:00:00Z', /^from must be before to/],
    ['the window is over 31 days', 'from=2026-10-01T00:00:00Z&to=2026-11-23T02:00:00Z', /at most 31 days/],
    ['a kind is unknown', 'from=2026-11-23T01:00:00Z&to=2026-11-23T02:00:00Z&kinds=alert,ufo', /^unknown kinds: ufo/],
  ])('refuses a history request with 400 when %s, saying which parameter', async (_case, query, message) => {
    const response = await json(await fetch(`${api}/history?${query}`));
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('bad-request');
    expect(response.body.message).toMatch(message);
  });

  it('filters a snapshot by kind and by box', async () => {
    const stations = await json(await fetch(`${api}/snapshot?kinds=station`));
    const records = stations.body.records as { kind: string; record: { position: [number, number] } }[];
    expect(records.length).toBe(backend.simulator.count('station'));
    expect(new Set(records.map((r) => r.kind))).toEqual(new Set(['station']));
    const boxed = await json(await fetch(`${api}/snapshot?kinds=station&bbox=118.30,28.70,118.40,28.90`));
    const inside = boxed.body.records as { record: { position: [number, number] } }[];
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.length).toBeLessThan(records.length);
    for (const { record } of inside) expect(record.position[0]).toBeGreaterThanOrEqual(118.3);
  });

  it('says what is wrong with a bad request, and 404s what does not exist', async () => {
    expect(await json(await fetch(`${api}/snapshot?kinds=ufo`))).toEqual({ status: 400, body: { error: 'bad-request', message: 'unknown kinds: ufo' } });
    expect((await json(await fetch(`${api}/changes?after=-3`))).status).toBe(400);
    expect((await json(await fetch(`${api}/snapshot?bbox=1,2,3`))).body.message).toMatch(/bbox/);
    expect((await json(await fetch(`${api}/nothing`))).status).toBe(404);
  });

  it('pages through the change log and says 410 for a cursor it no longer keeps', async () => {
    backend.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await start({ logLimit: 50 });
    backend.simulator.advanceTo(backend.simulator.now + 3_600_000);
    const latest = backend.simulator.log.latestSeq;
    const page = await json(await fetch(`${api}/changes?after=${latest - 5}`));
    expect((page.body.changes as { seq: number }[]).map((c) => c.seq)).toEqual([1, 2, 3, 4, 5].map((n) => latest - 5 + n));
    expect(await json(await fetch(`${api}/changes?after=1`))).toMatchObject({ status: 410, body: { error: 'cursor-expired' } });
  });

  it('acknowledges a new alert once, then refuses with 409; an unknown alert is 404', async () => {
    let fresh = backend.simulator.snapshot(['alert']).records.map((r) => r.record as { id: string; status: string }).find((a) => a.status === 'new');
    for (let step = 0; !fresh && step < 600; step++) {
      backend.simulator.advanceTo(backend.simulator.now + 60_000);
      fresh = backend.simulator.snapshot(['alert']).records.map((r) => r.record as { id: string; status: string }).find((a) => a.status === 'new');
    }
    const post = (id: string) => fetch(`${api}/alerts/${id}/acknowledge`, { method: 'POST', body: JSON.stringify({ by: '李警官' }), headers: { 'Content-Type': 'application/json' } });
    expect(await json(await post(fresh!.id))).toMatchObject({ status: 200, body: { record: { status: 'acknowledged', acknowledgedBy: '李警官' } } });
    expect((await json(await post(fresh!.id))).status).toBe(409);
    expect((await json(await post('nope'))).status).toBe(404);
    const broken = await fetch(`${api}/alerts/x/acknowledge`, { method: 'POST', body: '{oops', headers: { 'Content-Type': 'application/json' } });
    expect((await json(broken)).body).toEqual({ error: 'bad-request', message: 'request body is not valid JSON' });
  });

  it('takes control commands, when its control endpoint is on, and rejects a bad speed', async () => {
    backend.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await start({ control: true });
    const control = (body: unknown) => fetch(`${api}/control`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    expect(await json(await control({ speed: 100, paused: false }))).toMatchObject({ status: 200, body: { speed: 100, paused: false } });
    expect((await json(await control({ speed: -1 }))).status).toBe(400);
    expect((await json(await control({ speed: 'fast' }))).status).toBe(400);
  });

  it('is still the moment it answers paused: what happened before the pause is in the log, nothing comes after', async () => {
    backend.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    // No tick runs during the test: only the pause itself can bring the simulator up to the clock.
    await start({ control: true, speed: 10_000, tickMs: 3_600_000 });
    const control = (body: unknown) => fetch(`${api}/control`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    const before = backend.simulator.now;
    await control({ paused: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const paused = await json(await control({ paused: true }));
    expect(paused.body).toMatchObject({ paused: true });
    expect(Date.parse(paused.body.simTime as string)).toBe(backend.clock.now());
    expect(backend.clock.now()).toBeGreaterThan(before);
    backend.simulator.advanceTo(backend.clock.now());
    expect((await json(await fetch(`${api}/control`))).body).toMatchObject({ seq: paused.body.seq, simTime: paused.body.simTime });
  });

  it('requires the bearer token when one is configured', async () => {
    backend.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await start({ token: 's3cret' });
    expect((await fetch(`${api}/health`)).status).toBe(401);
    expect((await fetch(`${api}/health`, { headers: { Authorization: 'Bearer s3cret' } })).status).toBe(200);
  });

  it('resumes an event stream from the Last-Event-ID header', async () => {
    const before = backend.simulator.log.latestSeq;
    backend.simulator.advanceTo(backend.simulator.now + 600_000);
    const controller = new AbortController();
    const response = await fetch(`${api}/stream`, { headers: { 'Last-Event-ID': String(before) }, signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('event: heartbeat')) text += (await reader.read()).value ?? '';
    controller.abort();
    const replayed = text
      .split('\n\n')
      .filter((event) => event.includes('event: changes'))
      .flatMap((event) => (JSON.parse(event.split('data: ')[1]!) as { changes: { seq: number }[] }).changes.map((c) => c.seq));
    expect(replayed[0]).toBe(before + 1);
    expect(replayed[replayed.length - 1]).toBe(backend.simulator.log.latestSeq);
  });
});
