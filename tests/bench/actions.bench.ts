/**
 * `npm run bench:actions`: an officer's action from one screen to the others, on loopback. The
 * bundled backend runs as `npm start` runs it (embedded PGlite in a data folder, the simulator
 * feeding it in real time); one desk raises an assistance request and the desk across the border
 * accepts it, 100 times each, while two other screens follow the event stream. Each round trip is
 * measured from the submit until both other screens have the change: the write, its commit with
 * its audit entry, and the stream. Target: p95 ≤ 300 ms. Prints a table, then one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockBackend } from '../../mock/server/createMockBackend';
import { loadTestRegion } from '../contract/loadTestRegion';

const ROUNDS = 100;
const P95_TARGET_MS = 300;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** A screen following the stream: resolves `seen(id, version)` when that version of the request arrives. */
function follow(api: string, after: number, signal: AbortSignal) {
  const waiting = new Map<string, () => void>();
  const seenVersions = new Map<string, number>();
  const seen = (id: string, version: number) =>
    new Promise<void>((resolve) => {
      if ((seenVersions.get(id) ?? 0) >= version) return resolve();
      waiting.set(`${id}@${version}`, resolve);
    });
  void (async () => {
    const response = await fetch(`${api}/stream?after=${after}&kinds=assistRequest`, { signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split('\n').find((line) => line.startsWith('data: '));
        if (!message.includes('event: changes') || !data) continue;
        for (const change of (JSON.parse(data.slice(6)) as { changes: { op: string; record?: { id: string; version: number } }[] }).changes) {
          if (change.op !== 'upsert' || !change.record) continue;
          seenVersions.set(change.record.id, change.record.version);
          const key = `${change.record.id}@${change.record.version}`;
          waiting.get(key)?.();
          waiting.delete(key);
        }
      }
    }
  })().catch(() => undefined);
  return { seen };
}

const dir = mkdtempSync(join(tmpdir(), 'safe-border-bench-actions-'));
const backend = await createMockBackend({ region: loadTestRegion(), seed: 20_240_430, start: Date.now(), heartbeatMs: 5000, storage: { dataDir: join(dir, 'pglite') } });
const server: Server = createServer((request, response) => backend.handle(request, response));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
const stations = [...backend.store.all('station')].filter((s) => s.stationKind === 'police-station');
const zj = stations.find((s) => s.province === 'zj')!;
const jx = stations.find((s) => s.province === 'jx')!;

const post = async (path: string, body: unknown, desk: string) => {
  const response = await fetch(`${api}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', 'X-Screen': 'duty', 'X-Desk': desk } });
  if (!response.ok) throw new Error(`bench:actions: ${path} answered ${response.status} ${await response.text()}`);
  return ((await response.json()) as { record: { id: string; version: number } }).record;
};

const loadBefore = loadavg()[0]!;
const abort = new AbortController();
const screens = [follow(api, backend.store.latestSeq, abort.signal), follow(api, backend.store.latestSeq, abort.signal)];
const times: Record<'raise' | 'accept', { answer: number[]; roundTrip: number[] }> = { raise: { answer: [], roundTrip: [] }, accept: { answer: [], roundTrip: [] } };

async function timed(kind: 'raise' | 'accept', act: () => Promise<{ id: string; version: number }>) {
  const started = performance.now();
  const record = await act();
  times[kind].answer.push(performance.now() - started);
  await Promise.all(screens.map((screen) => screen.seen(record.id, record.version)));
  times[kind].roundTrip.push(performance.now() - started);
  return record;
}

// Warm-up: the first writes pay for plans and the JIT.
for (let i = 0; i < 5; i++) await post('/assistRequests', { toStationId: jx.id, subject: { type: 'vehicle', summary: `预热 ${i}` }, slaMinutes: 15 }, zj.id);
for (let i = 0; i < ROUNDS; i++) {
  const raised = await timed('raise', () => post('/assistRequests', { by: '球川派出所 值班民警', toStationId: jx.id, subject: { type: 'vehicle', summary: `白色轿车 第${i}次` }, slaMinutes: 15 }, zj.id));
  await timed('accept', () => post(`/assistRequests/${raised.id}/accept`, { by: '双明派出所 值班民警', expectedVersion: raised.version }, jx.id));
}
abort.abort();
await backend.close();
server.closeAllConnections();
server.close();
rmSync(dir, { recursive: true, force: true });

const rows = (['raise', 'accept'] as const).map((action) => {
  const answer = [...times[action].answer].sort((a, b) => a - b);
  const roundTrip = [...times[action].roundTrip].sort((a, b) => a - b);
  const p95 = percentile(roundTrip, 95);
  return {
    action,
    rounds: roundTrip.length,
    answerP50Ms: Number(percentile(answer, 50).toFixed(1)),
    roundTripP50Ms: Number(percentile(roundTrip, 50).toFixed(1)),
    roundTripP95Ms: Number(p95.toFixed(1)),
    roundTripMaxMs: Number(roundTrip[roundTrip.length - 1]!.toFixed(1)),
    met: p95 <= P95_TARGET_MS,
  };
});
console.log(`\nbench:actions — ${ROUNDS} requests raised by one desk and accepted by the desk across the border, two other screens on the stream, embedded PGlite, simulator running (load average ${loadBefore.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end)\n`);
console.log('| action | rounds | answered p50 | on both screens p50 | p95 (≤ 300 ms) | max | met |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.action} | ${r.rounds} | ${r.answerP50Ms} ms | ${r.roundTripP50Ms} ms | ${r.roundTripP95Ms} ms | ${r.roundTripMaxMs} ms | ${r.met ? 'yes' : 'no'} |`);
console.log(JSON.stringify({ bench: 'actions', rounds: ROUNDS, loadAverage: [loadBefore, loadavg()[0]], results: rows }));
process.exit(0);
