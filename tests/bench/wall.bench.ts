/**
 * `npm run bench:wall`: a console steering a wall of three screens, on loopback. The bundled
 * backend runs as `npm start` runs it (embedded PGlite, the simulator feeding it); three screens
 * follow the wall's event stream and a console sends 100 commands (scene picks, holds, resumes).
 * Measured per command, from the console's submit:
 * - until all three screens hold the new state (target p95 ≤ 200 ms);
 * - the spread between the first and the last screen to hold it;
 * - each screen's reckoning of the backend's clock, as the page does it (the largest recent
 *   server-minus-local difference), against the true clock: the screens change tour scenes on
 *   that clock, so the spread of their errors is the skew between screens (target ≤ 100 ms).
 * Then the same in real pages (./wallPages.ts; `--no-pages` skips it, `--no-build` uses the last
 * build): three Chromium screens of a 3×1 wall and 20 console scene picks, from the press until
 * the last page took the scene (target p95 ≤ 200 ms), and the spread between the pages (≤ 100 ms).
 * Prints a table, then one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockBackend } from '../../mock/server/createMockBackend';
import { loadTestRegion } from '../contract/loadTestRegion';
import { measureWallPages } from './wallPages';

const ROUNDS = 100;
const PAGE_ROUNDS = 20;
const SCREENS = 3;
const DELIVERY_P95_TARGET_MS = 200;
const SKEW_TARGET_MS = 100;
/** As the page keeps them (src/adapters/http/openWallChannel.ts). */
const CLOCK_SAMPLES = 8;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** A wall screen on the stream: when each version arrived, and its estimate of the backend's clock. */
function screen(url: string, signal: AbortSignal) {
  const arrived = new Map<number, number>();
  const waiting = new Map<number, () => void>();
  const offsets: number[] = [];
  const sample = (serverTime: number) => {
    offsets.push(serverTime - Date.now());
    if (offsets.length > CLOCK_SAMPLES) offsets.shift();
  };
  void (async () => {
    const response = await fetch(url, { signal });
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
        if (!data) continue;
        const body = JSON.parse(data.slice(6)) as { state?: { version: number }; serverTime: number };
        sample(body.serverTime);
        if (!message.includes('event: wall') || !body.state) continue;
        arrived.set(body.state.version, performance.now());
        waiting.get(body.state.version)?.();
        waiting.delete(body.state.version);
      }
    }
  })().catch(() => undefined);
  return {
    holds: (version: number) =>
      new Promise<number>((resolve) => {
        const at = arrived.get(version);
        if (at !== undefined) return resolve(at);
        waiting.set(version, () => resolve(arrived.get(version)!));
      }),
    /** This screen's reading of the backend's clock minus the true one (same machine, same clock). */
    clockError: () => (offsets.length > 0 ? Math.max(...offsets) : 0),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'safe-border-bench-wall-'));
const backend = await createMockBackend({ region: loadTestRegion(), seed: 20_240_430, start: Date.now(), heartbeatMs: 5000, storage: { dataDir: join(dir, 'pglite') } });
const server: Server = createServer((request, response) => backend.handle(request, response));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;

const command = async (body: object) => {
  const response = await fetch(`${api}/walls/bench-3x1/commands`, { method: 'POST', body: JSON.stringify({ ...body, by: '控制台' }), headers: { 'Content-Type': 'application/json', 'X-Screen': 'console' } });
  if (!response.ok) throw new Error(`bench:wall: the command answered ${response.status} ${await response.text()}`);
  return ((await response.json()) as { state: { version: number } }).state.version;
};

const loadBefore = loadavg()[0]!;
const abort = new AbortController();
const screens = Array.from({ length: SCREENS }, () => screen(`${api}/walls/bench-3x1/stream`, abort.signal));
await Promise.all(screens.map((s) => s.holds(0)));
const delivery: number[] = [];
const spread: number[] = [];
const skew: number[] = [];
const commands = [{ action: 'scene', scene: 1 }, { action: 'pause', scene: 1 }, { action: 'resume' }, { action: 'scene', scene: 3 }];
for (let i = 0; i < ROUNDS; i++) {
  const started = performance.now();
  const version = await command(commands[i % commands.length]!);
  const times = await Promise.all(screens.map((s) => s.holds(version)));
  delivery.push(Math.max(...times) - started);
  spread.push(Math.max(...times) - Math.min(...times));
  const errors = screens.map((s) => s.clockError());
  skew.push(Math.max(...errors) - Math.min(...errors));
}
abort.abort();
await backend.close();
server.closeAllConnections();
server.close();
rmSync(dir, { recursive: true, force: true });
const pages = process.argv.includes('--no-pages') ? null : await measureWallPages(PAGE_ROUNDS, !process.argv.includes('--no-build'));

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: Number(percentile(sorted, 50).toFixed(1)), p95: Number(percentile(sorted, 95).toFixed(1)), max: Number(sorted[sorted.length - 1]!.toFixed(1)) };
};
const rows = [
  { measure: 'console → all three screens hold the state', ...summary(delivery), target: `p95 ≤ ${DELIVERY_P95_TARGET_MS} ms`, met: summary(delivery).p95 <= DELIVERY_P95_TARGET_MS },
  { measure: 'first to last screen holding it', ...summary(spread), target: '', met: true },
  { measure: 'skew of the screens’ tour clocks', ...summary(skew), target: `max ≤ ${SKEW_TARGET_MS} ms`, met: summary(skew).max <= SKEW_TARGET_MS },
  ...(pages
    ? [
        { measure: `pages: console → three Chromium screens took the scene (${PAGE_ROUNDS} picks)`, ...summary(pages.delivery), target: `p95 ≤ ${DELIVERY_P95_TARGET_MS} ms`, met: summary(pages.delivery).p95 <= DELIVERY_P95_TARGET_MS },
        { measure: 'pages: first to last screen taking it', ...summary(pages.spread), target: `max ≤ ${SKEW_TARGET_MS} ms`, met: summary(pages.spread).max <= SKEW_TARGET_MS },
      ]
    : []),
];
console.log(`\nbench:wall — ${ROUNDS} console commands to a wall of ${SCREENS} screens on the event stream, embedded PGlite, simulator running (load average ${loadBefore.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end)\n`);
console.log('| measure | p50 | p95 | max | target | met |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.measure} | ${r.p50} ms | ${r.p95} ms | ${r.max} ms | ${r.target} | ${r.target ? (r.met ? 'yes' : 'no') : ''} |`);
console.log(JSON.stringify({ bench: 'wall', rounds: ROUNDS, screens: SCREENS, loadAverage: [loadBefore, loadavg()[0]], results: rows }));
process.exit(0);
