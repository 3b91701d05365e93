/**
 * `npm run bench:store`: sustained ingest into the bundled backend's change store, on the
 * embedded PGlite (a data folder, as `npm start` keeps it) and on a PostgreSQL server (Debian's,
 * started here; skipped with a note where it is not installed). 100k changes of a busy border day
 * go through the real gate (server/ingestChanges.ts: validation, version checks, one transaction
 * per batch that appends the log, upserts the current records and moves the stored sequence), in
 * batches of 500 as a busy source system sends them, then of 100 as a source that wants its
 * changes on the screens at once sends them. Targets: at least 5,000
 * changes/s embedded and 20,000 changes/s on PostgreSQL, a batch committed in at most 50 ms at
 * p99. Prints a table, then one JSON line with every figure and whether each target is met.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestChanges } from '../../server/ingestChanges';
import { ChangeStore } from '../../server/store/changeStore';
import { openPgliteClient } from '../../server/store/openPgliteClient';
import { openPostgresClient } from '../../server/store/openPostgresClient';
import type { SqlClient } from '../../server/store/sqlClient';
import { BorderSimulator } from '../../src/simulator/borderSimulator';
import { loadTestRegion } from '../contract/loadTestRegion';
import { postgresMissing, startPostgres } from '../contract/startPostgres';

const TOTAL = 100_000;
/** Batches a busy source sends for throughput, and small ones for the commit latency a screen waits on. */
const BATCHES = [500, 100] as const;
const TARGETS = { pglite: 5_000, postgresql: 20_000 } as const;
const COMMIT_P99_TARGET_MS = 50;

/** A day of the simulator's upserts, re-used with new ids: every change is stored, none is stale. */
function dayOfChanges(): { kind: string; op: 'upsert'; record: Record<string, unknown> }[] {
  const simulator = new BorderSimulator({ seed: 1, region: loadTestRegion(), start: Date.parse('2026-11-23T02:00:00Z'), logLimit: 1_000_000 });
  simulator.advanceTo(simulator.now + 24 * 3_600_000);
  const samples = simulator.log.after(0).filter((change) => change.op === 'upsert');
  return Array.from({ length: TOTAL }, (_, i) => {
    const sample = samples[i % samples.length]! as { kind: string; record: Record<string, unknown> };
    return { kind: sample.kind, op: 'upsert' as const, record: { ...sample.record, id: `${String(sample.record.id)}~${i}` } };
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(engine: 'pglite' | 'postgresql', client: SqlClient, changes: ReturnType<typeof dayOfChanges>, batch: number) {
  const store = await ChangeStore.open(client, { schema: `bench_${batch}` });
  // Warm-up: the first batches pay for plans and the JIT.
  for (let i = 0; i < 5; i++) await ingestChanges(store, { changes: changes.slice(i * 100, i * 100 + 100).map((c) => ({ ...c, record: { ...c.record, id: `warm-${String(c.record.id)}` } })) });
  const commits: number[] = [];
  const started = performance.now();
  for (let i = 0; i < changes.length; i += batch) {
    const before = performance.now();
    const outcome = await ingestChanges(store, { changes: changes.slice(i, i + batch) });
    commits.push(performance.now() - before);
    if (outcome.rejected.length > 0) throw new Error(`bench: ${outcome.rejected.length} rejected: ${outcome.rejected[0]!.reason}`);
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  commits.sort((a, b) => a - b);
  const perSecond = Math.round(changes.length / seconds);
  const p99 = percentile(commits, 99);
  return {
    engine,
    batch,
    changesPerSecond: perSecond,
    batchP50Ms: Number(percentile(commits, 50).toFixed(1)),
    batchP99Ms: Number(p99.toFixed(1)),
    target: TARGETS[engine],
    rateMet: perSecond >= TARGETS[engine],
    p99Met: p99 <= COMMIT_P99_TARGET_MS,
  };
}

const loadBefore = loadavg()[0]!;
const changes = dayOfChanges();
const results = [];
const dir = mkdtempSync(join(tmpdir(), 'safe-border-bench-store-'));
try {
  const embedded = await openPgliteClient(join(dir, 'pglite'));
  // One data folder for both runs: the stores close their client, the folder's stays open.
  for (const batch of BATCHES) results.push(await measure('pglite', { ...embedded, close: async () => undefined }, changes, batch));
  await embedded.close();
  const missing = postgresMissing();
  if (missing) console.warn(`bench:store: PostgreSQL skipped: ${missing}`);
  else {
    const server = await startPostgres();
    try {
      for (const batch of BATCHES) results.push(await measure('postgresql', await openPostgresClient(server.url), changes, batch));
    } finally {
      server.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`\nbench:store — ${TOTAL.toLocaleString('en')} changes in batches of ${BATCHES.join(' and ')}, validated and committed (load average ${loadBefore.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end)\n`);
console.log('| engine | batch | changes/s | target | batch p50 | batch p99 (≤ 50 ms) | met |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.engine} | ${r.batch} | ${r.changesPerSecond.toLocaleString('en')} | ≥ ${r.target.toLocaleString('en')} | ${r.batchP50Ms} ms | ${r.batchP99Ms} ms | rate ${r.rateMet ? 'yes' : 'no'}, p99 ${r.p99Met ? 'yes' : 'no'} |`);
console.log(JSON.stringify({ bench: 'store', total: TOTAL, batches: BATCHES, loadAverage: [loadBefore, loadavg()[0]], results }));
process.exit(0);
