/** The mock server as a backend team would probe it: status codes, errors, filters, write-back, faults. */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTestRegion } from '../../tests/contract/loadTestRegion';
import { type MockBackend, createMockBackend } from './createMockBackend';

let backend: MockBackend;
let server: Server;
let api: string;

async function start(options: { token?: string; logLimit?: number } = {}) {
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
    expect(capabilities.body).toMatchObject({ streams: ['sse', 'websocket'], acknowledgeAlert: true, crs: 'wgs84' });
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
    expect((await json(await fetch(`${api}/alerts/x/acknowledge`, { method: 'POST', body: '{oops' }))).body).toEqual({ error: 'bad-request', message: 'request body is not valid JSON' });
  });

  it('takes control commands and rejects a bad speed', async () => {
    const control = (body: unknown) => fetch(`${api}/control`, { method: 'POST', body: JSON.stringify(body) });
    expect(await json(await control({ speed: 100, paused: false }))).toMatchObject({ status: 200, body: { speed: 100, paused: false } });
    expect((await json(await control({ speed: -1 }))).status).toBe(400);
    expect((await json(await control({ speed: 'fast' }))).status).toBe(400);
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
