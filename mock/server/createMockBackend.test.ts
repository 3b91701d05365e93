/** The mock server as a backend team would probe it: status codes, errors, filters, write-back, faults. */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyResponseSchema } from '../../src/domain/wire';
import { loadTestRegion } from '../../tests/contract/loadTestRegion';
import { type MockBackend, createMockBackend } from './createMockBackend';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let backend: MockBackend;
let server: Server;
let api: string;

async function start(options: { token?: string; control?: boolean; speed?: number; tickMs?: number; ingestToken?: string; storage?: { dataDir: string } } = {}) {
  backend = await createMockBackend({ region: loadTestRegion(), seed: 3, start: Date.parse('2026-11-23T02:00:00Z'), heartbeatMs: 200, ...options });
  backend.clock.setPaused(true);
  // Held exactly at the paused clock, so no tick moves it while a test reads it.
  await backend.advanceTo(backend.clock.now());
  server = createServer((request, response) => backend.handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
}

beforeEach(() => start());
afterEach(async () => {
  await backend.close();
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
    await backend.advanceTo(backend.simulator.now + 3 * 3_600_000);
    const now = backend.simulator.now;
    const from = new Date(now - 2 * 3_600_000).toISOString();
    const to = new Date(now).toISOString();
    const history = await json(await fetch(`${api}/history?from=${from}&to=${to}&kinds=station,alert`));
    expect(history.status).toBe(200);
    expect(historyResponseSchema.safeParse(history.body).success).toBe(true);
    const body = historyResponseSchema.parse(history.body);
    expect([body.from, body.to]).toEqual([from, to]);
    expect(body.epoch).toBe(backend.epoch);
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
    const snapshot = backend.store.snapshot(['station', 'alert']).records.map(({ kind, record }) => [`${kind}:${(record as { id: string }).id}`, (record as { version: number }).version]);
    expect(state).toEqual(new Map(snapshot as [string, number][]));
  });

  it('serves history from the oldest time it keeps when asked for older, and never past now', async () => {
    const now = backend.simulator.now;
    const asked = await json(await fetch(`${api}/history?from=${new Date(now - 30 * 86_400_000).toISOString()}&to=${new Date(now + 3_600_000).toISOString()}&kinds=kpiSeries`));
    expect(asked.status).toBe(200);
    // The backend under test warms up for the simulator's default day before its start.
    expect(asked.body.from).toBe(new Date(Date.parse('2026-11-23T02:00:00Z') - 86_400_000).toISOString());
    expect(asked.body.to).toBe(new Date(now).toISOString());
    expect((asked.body.records as unknown[]).length).toBe(backend.store.count('kpiSeries'));
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
    expect(records.length).toBe(backend.store.count('station'));
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
    await backend.advanceTo(backend.simulator.now + 3_600_000);
    // History folded up to half an hour ago: the changes it replaced are gone from the log.
    const folded = backend.simulator.now - 30 * 60_000;
    expect(await backend.store.prune({ retainFromMs: folded, thinBeforeMs: folded })).toBeGreaterThan(0);
    const latest = backend.store.latestSeq;
    const page = await json(await fetch(`${api}/changes?after=${latest - 5}`));
    expect((page.body.changes as { seq: number }[]).map((c) => c.seq)).toEqual([1, 2, 3, 4, 5].map((n) => latest - 5 + n));
    expect(await json(await fetch(`${api}/changes?after=1`))).toMatchObject({ status: 410, body: { error: 'cursor-expired' } });
  });

  it('acknowledges a new alert once, then refuses with 409; an unknown alert is 404', async () => {
    let fresh = backend.store.snapshot(['alert']).records.map((r) => r.record as { id: string; status: string }).find((a) => a.status === 'new');
    for (let step = 0; !fresh && step < 600; step++) {
      await backend.advanceTo(backend.simulator.now + 60_000);
      fresh = backend.store.snapshot(['alert']).records.map((r) => r.record as { id: string; status: string }).find((a) => a.status === 'new');
    }
    const post = (id: string, key?: string, by = '李警官') =>
      fetch(`${api}/alerts/${id}/acknowledge`, { method: 'POST', body: JSON.stringify({ by }), headers: { 'Content-Type': 'application/json', 'X-Screen': 'duty', ...(key ? { 'Idempotency-Key': key } : {}) } });
    const first = await post(fresh!.id, 'submit-1');
    const acknowledged = await json(first);
    expect(acknowledged).toMatchObject({ status: 200, body: { record: { status: 'acknowledged', acknowledgedBy: '李警官' } } });
    const seq = backend.store.latestSeq;
    // A retried submit (same key): the same answer, said to be a replay, and nothing written.
    const retried = await post(fresh!.id, 'submit-1');
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await json(retried)).toEqual(acknowledged);
    expect(backend.store.latestSeq).toBe(seq);
    const second = await json(await post(fresh!.id, 'submit-2', '王警官'));
    expect(second).toMatchObject({ status: 409, body: { error: 'conflict', message: expect.stringContaining('by 李警官') } });
    const trail = await json(await fetch(`${api}/audit/alert/${fresh!.id}`));
    expect((trail.body.entries as { actor: string; screen: string; status: number }[]).map(({ actor, screen, status }) => [actor, screen, status])).toEqual([
      ['李警官', 'duty', 200],
      ['王警官', 'duty', 409],
    ]);
    expect((await json(await post('nope'))).status).toBe(404);
    const broken = await fetch(`${api}/alerts/x/acknowledge`, { method: 'POST', body: '{oops', headers: { 'Content-Type': 'application/json' } });
    expect((await json(broken)).body).toEqual({ error: 'bad-request', message: 'request body is not valid JSON' });
  });

  it('takes control commands, when its control endpoint is on, and rejects a bad speed', async () => {
    await backend.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await start({ control: true });
    const control = (body: unknown) => fetch(`${api}/control`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    expect(await json(await control({ speed: 100, paused: false }))).toMatchObject({ status: 200, body: { speed: 100, paused: false } });
    expect((await json(await control({ speed: -1 }))).status).toBe(400);
    expect((await json(await control({ speed: 'fast' }))).status).toBe(400);
  });

  it('is still the moment it answers paused: what happened before the pause is in the log, nothing comes after', async () => {
    await backend.close();
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
    await backend.advanceTo(backend.clock.now());
    expect((await json(await fetch(`${api}/control`))).body).toMatchObject({ seq: paused.body.seq, simTime: paused.body.simTime });
  });

  it('requires the bearer token when one is configured', async () => {
    await backend.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await start({ token: 's3cret' });
    expect((await fetch(`${api}/health`)).status).toBe(401);
    expect((await fetch(`${api}/health`, { headers: { Authorization: 'Bearer s3cret' } })).status).toBe(200);
  });

  it('resumes an event stream from the Last-Event-ID header', async () => {
    const before = backend.store.latestSeq;
    await backend.advanceTo(backend.simulator.now + 600_000);
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
    expect(replayed[replayed.length - 1]).toBe(backend.store.latestSeq);
  });

  it('takes source systems\' batches on POST /ingest with its token: valid changes committed, a bad one rejected alone by name, a resent one stale', async () => {
    const ingest = (body: unknown, token?: string) =>
      fetch(`${api}/ingest`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...(token ? { 'X-Ingest-Token': token } : {}) } });
    expect(await json(await ingest({ changes: [] }))).toMatchObject({ status: 403, body: { error: 'forbidden', message: expect.stringMatching(/INGEST_TOKEN/) } });
    await restart({ ingestToken: 'feed-me' });
    expect((await ingest({ changes: [] }, 'wrong')).status).toBe(401);
    const station = structuredClone(backend.store.snapshot(['station']).records[0]!.record) as { id: string; version: number; name: string };
    const changed = { ...station, version: station.version + 1, name: '球川派出所（新址）' };
    const batch = { changes: [{ kind: 'station', op: 'upsert', record: changed }, { kind: 'station', op: 'upsert', record: { ...changed, id: 'bad-one', position: [999, 0] } }, { kind: 'ufo', op: 'upsert', record: {} }] };
    const first = await json(await ingest(batch, 'feed-me'));
    expect(first).toMatchObject({ status: 200, body: { applied: 1, stale: [], seq: backend.store.latestSeq } });
    expect(first.body.rejected).toEqual([
      { index: 1, id: 'bad-one', reason: expect.stringMatching(/^station: position/) },
      { index: 2, reason: expect.stringMatching(/kind "ufo"/) },
    ]);
    expect(backend.store.get('station', station.id)).toMatchObject({ name: '球川派出所（新址）', version: station.version + 1 });
    // The same batch again (a retry after a lost answer) changes nothing.
    const again = await json(await ingest(batch, 'feed-me'));
    expect(again.body).toMatchObject({ applied: 0, stale: [{ kind: 'station', id: station.id, version: station.version + 1, storedVersion: station.version + 1 }] });
    expect((await json(await ingest({ rows: [] }, 'feed-me'))).body).toEqual({ error: 'bad-request', message: 'the body is {"changes": [...]}, a batch of changes' });
    // The worked example of docs/integrating.md is a valid batch.
    const guide = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'integrating.md'), 'utf8');
    const example = JSON.parse(/api\/v1\/ingest \\\n[^]*?-d '([^']+)'/.exec(guide)![1]!) as { changes: unknown[] };
    expect((await json(await ingest(example, 'feed-me'))).body).toMatchObject({ rejected: [] });
  });

  it('keeps an acknowledgement, the epoch and the sequence across a restart on its data folder, and goes on from there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safe-border-backend-'));
    try {
      await restart({ storage: { dataDir: dir } });
      await backend.advanceTo(backend.simulator.now + 2 * 3_600_000);
      const fresh = backend.simulator.injectAlert(4)!;
      await backend.settled();
      const acked = await json(await fetch(`${api}/alerts/${fresh.id}/acknowledge`, { method: 'POST', body: JSON.stringify({ by: '球川派出所 李警官' }), headers: { 'Content-Type': 'application/json' } }));
      expect(acked.status).toBe(200);
      const before = { epoch: backend.epoch, seq: backend.store.latestSeq, now: backend.simulator.now };
      await restart({ storage: { dataDir: dir } });
      expect(backend.epoch).toBe(before.epoch);
      expect(backend.store.latestSeq).toBeGreaterThanOrEqual(before.seq);
      expect(backend.store.get('alert', fresh.id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: '球川派出所 李警官' });
      expect(backend.simulator.now).toBeGreaterThanOrEqual(before.now);
      // The simulator goes on from the officer's version instead of writing over it.
      await backend.advanceTo(backend.simulator.now + 6 * 3_600_000);
      const later = backend.store.get('alert', fresh.id)!;
      expect(later.version).toBeGreaterThanOrEqual(acked.body.record ? (acked.body.record as { version: number }).version : 0);
      expect(later.acknowledgedBy).toBe('球川派出所 李警官');
      const health = await json(await fetch(`${api}/health`));
      expect(health.body).toMatchObject({ epoch: before.epoch, seq: backend.store.latestSeq });
    } finally {
      await backend.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
      await start();
    }
  });

  it('keeps a desk’s lifted control orders lifted across a restart, and raises no hit on them after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safe-border-backend-'));
    try {
      await restart({ storage: { dataDir: dir } });
      // Every order one side has in force, lifted: the seeded hits of the next hours fall on some.
      const side = 'zj';
      const desk = [...backend.store.all('station')].find((station) => station.province === side)!;
      const orders = [...backend.store.all('controlOrder')].filter((o) => o.status === 'active' && o.province === side).map((o) => o.id);
      expect(orders.length).toBeGreaterThan(3);
      for (const id of orders) {
        const lifted = await fetch(`${api}/controlOrders/${id}/lift`, { method: 'POST', body: JSON.stringify({ by: '球川派出所 李警官' }), headers: { 'Content-Type': 'application/json', 'X-Screen': 'duty', 'X-Desk': desk.id } });
        expect(lifted.status).toBe(200);
      }
      const liftedAt = backend.simulator.now;
      // Hours pass before the restart: a simulator replaying its seed through them must not hit them.
      await backend.advanceTo(backend.simulator.now + 12 * 3_600_000);
      await restart({ storage: { dataDir: dir } });
      await backend.advanceTo(backend.simulator.now + 12 * 3_600_000);
      for (const id of orders) expect(backend.store.get('controlOrder', id), id).toMatchObject({ status: 'lifted', liftedBy: '球川派出所 李警官' });
      const after = [...backend.store.all('alert')].filter((alert) => orders.includes(String(alert.controlOrderId)) && Date.parse(String((alert.hit as { at: string }).at)) > liftedAt);
      expect(after.map((alert) => alert.id)).toEqual([]);
    } finally {
      await backend.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
      await start();
    }
  });
});

async function restart(options: Parameters<typeof start>[0]) {
  await backend.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await start(options);
}
