/**
 * A backend process killed with SIGKILL mid-stream and started again, both ways a restart can
 * look: on the same database (same epoch, its log where it was: the page resumes, and an
 * acknowledgement made just before the kill is still there) and on a new one (another epoch: the
 * page says the backend restarted and when it resynchronised). Either way the page says the
 * backend is gone, in words, and ends holding exactly the backend's records at exactly its
 * versions: 0 lost, 0 stale, 0 duplicated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { isClosedRecord } from '../../src/stores/entityState';
import { ENTITY_KINDS, type AnyEntity, type EntityKind } from '../../src/domain/entities/entityKinds';
import { launchBrowser } from './launchBrowser';
import { openDashboard } from './openDashboard';
import { type BackendProcess, type FrontServer, freePort, startBackendProcess, startFrontServer } from './restartServer';

const HEARTBEAT_MS = 1000;
const SEED = 20_240_430;
/** Pinned: what the simulator does depends on the simulated hour, never on when the test runs. */
const START = '2026-11-23T09:00:00+08:00';
const RETENTION_MS = 24 * 3_600_000;

let browser: Browser;
let front: FrontServer;
let backendPort: number;
const running = new Set<BackendProcess>();
const dataRoot = mkdtempSync(join(tmpdir(), 'safe-border-restart-'));

beforeAll(async () => {
  browser = await launchBrowser();
  backendPort = await freePort();
  front = await startFrontServer(backendPort);
});
afterAll(async () => {
  for (const backend of running) await backend.kill();
  await front?.close();
  await browser?.close();
  rmSync(dataRoot, { recursive: true, force: true });
});

async function backend(database: string): Promise<BackendProcess> {
  const started = await startBackendProcess({ port: backendPort, seed: SEED, start: START, speed: 100, heartbeatMs: HEARTBEAT_MS, dataDir: join(dataRoot, database) });
  running.add(started);
  return started;
}

interface SnapshotBody {
  seq: number;
  epoch: string;
  records: { kind: EntityKind; record: AnyEntity }[];
}

describe.each([
  ['the same database (same epoch, nothing lost)', 'same'],
  ['a new database (a new epoch)', 'new-epoch'],
] as const)('a backend killed with SIGKILL and restarted on %s', (_label, reason) => {
  it('is explained while down, back with everything it had acknowledged, and leaves the page holding exactly the backend’s records and versions', async () => {
    const first = await backend(`${reason}-first`);
    const session = await openDashboard(browser, front.baseUrl, { width: 640, height: 360, query: '?view=2d&focus=off' });
    const source = () => session.page.evaluate(() => window.safeBorder!.diagnostics().sources[0]!);
    try {
      await expect.poll(async () => (await source()).state, { timeout: 60_000 }).toBe('live');
      // Let the first backend's log run well past where the second will start from.
      const { seq: reached } = (await first.api('/health')) as { seq: number };
      await expect.poll(async () => (await source()).cursor ?? 0, { timeout: 60_000 }).toBeGreaterThan(reached + 50);
      // An officer's acknowledgement, answered 200 just before the kill.
      const { injected } = (await first.api('/control', { method: 'POST', body: { inject: { kind: 'alert', severity: 3 } } })) as { injected: { id: string } };
      await first.api(`/alerts/${encodeURIComponent(injected.id)}/acknowledge`, { method: 'POST', body: { by: '球川派出所 值班民警' } });

      await first.kill();
      const killedAt = Date.now();
      running.delete(first);
      // Down: stale at once (the stream closed), and the reason on screen in words.
      await expect.poll(() => session.page.getByTestId('freshness').locator('li').first().getAttribute('data-level'), { timeout: 3 * HEARTBEAT_MS + 5000 }).toBe('red');
      const staleAfter = Date.now() - killedAt;
      const problem = session.page.getByTestId('source-problems').locator('li').first();
      await expect.poll(() => problem.getAttribute('data-problem'), { timeout: 15_000 }).toMatch(/^(http|unreachable)$/);
      console.log(`restart (${reason}): stale ${staleAfter} ms and explained ${Date.now() - killedAt} ms after the kill: ${(await problem.innerText()).replace(/\s+/g, " ")}`);
      if ((await problem.getAttribute('data-problem')) === 'http') expect(await problem.innerText()).toMatch(/502 Bad Gateway/);
      await expect.poll(() => session.page.locator('[data-stale="true"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await session.page.screenshot({ path: `tests/output/restart-${reason}-down.png` });

      const second = await backend(reason === 'same' ? `${reason}-first` : `${reason}-second`);
      const backAt = Date.now();
      // Held still, so the page and the backend can be compared exactly.
      await second.api('/control', { method: 'POST', body: { paused: true } });
      await expect.poll(async () => (await source()).state, { timeout: 60_000 }).toBe('live');
      const truth = (await second.api('/snapshot')) as SnapshotBody;
      await expect.poll(async () => (await source()).cursor, { timeout: 30_000 }).toBe(truth.seq);
      console.log(`restart (${reason}): live and in step ${Date.now() - backAt} ms after the backend served again`);
      const restarted = session.page.locator('[data-testid="source-problems"] li[data-problem="restarted"]');
      const acknowledged = truth.records.find((r) => r.kind === 'alert' && r.record.id === injected.id)?.record as { status: string; acknowledgedBy?: string } | undefined;
      if (reason === 'same') {
        // Same epoch, the log where it was: the page resumes from its cursor, nothing to start over.
        expect((await source()).lastResync ?? null).toBeNull();
        expect(await restarted.count()).toBe(0);
        expect(acknowledged).toMatchObject({ status: expect.not.stringMatching(/^new$/), acknowledgedBy: '球川派出所 值班民警' });
      } else {
        expect((await source()).lastResync).toMatchObject({ reason, replaced: true });
        await expect.poll(() => restarted.count(), { timeout: 10_000 }).toBe(1);
        expect(await restarted.innerText()).toMatch(/联防业务平台\s*已重启，\d\d:\d\d:\d\d 已重新同步/);
      }
      await expect.poll(() => session.page.locator('[data-stale="true"]').count(), { timeout: 10_000 }).toBe(0);
      await session.page.screenshot({ path: `tests/output/restart-${reason}-back.png` });

      const { time } = (await second.api('/health')) as { time: string };
      const backendNow = Date.parse(time);
      for (const kind of ENTITY_KINDS as readonly EntityKind[]) {
        const pairs = await session.page.evaluate((k) => window.safeBorder!.held(k), kind);
        const held = new Map(pairs);
        const listed = truth.records.filter((r) => r.kind === kind).map((r) => r.record);
        // The page ages out what closed more than a day ago by the backend's clock; the backend may list it.
        const expected = new Map(listed.filter((record) => !(isClosedRecord(kind, record) && Date.parse(record.updatedAt) < backendNow - RETENTION_MS)).map((r) => [r.id, r.version]));
        const lost = [...expected.keys()].filter((id) => !held.has(id));
        const stale = [...expected].filter(([id, version]) => held.has(id) && held.get(id) !== version).map(([id, version]) => `${id}: ${held.get(id)} held, ${version} now`);
        const extra = [...held.keys()].filter((id) => !expected.has(id));
        const duplicated = pairs.length - held.size;
        expect({ kind, lost: lost.slice(0, 5), stale: stale.slice(0, 5), extra: extra.slice(0, 5), duplicated }).toEqual({ kind, lost: [], stale: [], extra: [], duplicated: 0 });
      }
      expect((await source()).restarts).toBe(reason === 'same' ? 0 : 1);
    } finally {
      // A failed test must leave the port free for the next one.
      for (const started of running) await started.kill();
      running.clear();
      await session.close();
    }
  }, 240_000);
});

describe('a backend that hangs with its connections open (SIGSTOP)', () => {
  it('is stale within two heartbeats, explained in words within 10 s, and live again with everything once it wakes', async () => {
    const hung = await backend('hung');
    const session = await openDashboard(browser, front.baseUrl, { width: 640, height: 360, query: '?view=2d&focus=off' });
    const source = () => session.page.evaluate(() => window.safeBorder!.diagnostics().sources[0]!);
    const badge = () => session.page.getByTestId('freshness').locator('li').first().getAttribute('data-level');
    try {
      await expect.poll(async () => (await source()).state, { timeout: 60_000 }).toBe('live');
      await expect.poll(badge, { timeout: 10_000 }).toBe('fresh');
      hung.freeze();
      const frozenAt = Date.now();
      // The socket stays open and says nothing: only the silence tells.
      await expect.poll(badge, { timeout: 2 * HEARTBEAT_MS + 10_000 }).toBe('red');
      const staleAfter = Date.now() - frozenAt;
      const problem = session.page.getByTestId('source-problems').locator('li').first();
      await expect.poll(() => problem.getAttribute('data-problem'), { timeout: 10_000 }).toMatch(/^(silent|timeout|waiting)$/);
      console.log(`hung backend: stale ${staleAfter} ms and explained ${Date.now() - frozenAt} ms after it froze (heartbeat ${HEARTBEAT_MS} ms): ${(await problem.innerText()).replace(/\s+/g, " ")}`);
      await session.page.screenshot({ path: 'tests/output/restart-hung.png' });

      hung.thaw();
      await expect.poll(async () => (await source()).state, { timeout: 30_000 }).toBe('live');
      await hung.api('/control', { method: 'POST', body: { paused: true } });
      const truth = (await hung.api('/snapshot')) as SnapshotBody;
      await expect.poll(async () => (await source()).cursor, { timeout: 30_000 }).toBe(truth.seq);
      // Same process, same history: resumed, not a restart.
      expect((await source()).restarts).toBe(0);
      for (const kind of ['station', 'alert', 'patrolTrack'] as const) {
        const held = new Map(await session.page.evaluate((k) => window.safeBorder!.held(k), kind));
        const expected = truth.records.filter((r) => r.kind === kind).map((r) => [r.record.id, r.record.version] as const);
        const differing = expected.filter(([id, version]) => held.get(id) !== version).map(([id, version]) => `${id}: ${held.get(id)} held, ${version} now`);
        expect({ kind, differing: differing.slice(0, 5) }).toEqual({ kind, differing: [] });
      }
    } finally {
      hung.thaw();
      for (const started of running) await started.kill();
      running.clear();
      await session.close();
    }
  }, 240_000);
});
