/**
 * A backend outage during a busy stream: the server is taken down for 30 s while the simulator
 * keeps making changes, then brought back on the same port. The page marks the source stale,
 * reconnects on its own, resumes from its cursor, and afterwards holds exactly the backend's
 * state: nothing lost, nothing duplicated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { isClosedRecord } from '../../src/stores/entityState';
import { ENTITY_KINDS, type AnyEntity, type EntityKind } from '../../src/domain/entities/entityKinds';
import { launchBrowser } from './launchBrowser';
import { openDashboard } from './openDashboard';
import { type OutageServer, startOutageServer } from './outageServer';

const HEARTBEAT_MS = 2000;
let browser: Browser;
let outage: OutageServer;

beforeAll(async () => {
  browser = await launchBrowser();
  // Fast enough for about 50 changes a second (mostly patrol reports).
  outage = await startOutageServer({ speed: 400, heartbeatMs: HEARTBEAT_MS });
});
afterAll(async () => {
  await browser?.close();
  await outage?.close();
});

describe('a 30-second backend outage during a busy stream', () => {
  it('is marked stale, recovered on its own, and leaves the page holding exactly the backend’s state', async () => {
    const session = await openDashboard(browser, outage.baseUrl, { width: 1280, height: 720, query: '?focus=off' });
    try {
      const source = () => session.page.evaluate(() => window.safeBorder!.diagnostics().sources[0]!);
      await expect.poll(async () => (await source()).state, { timeout: 30_000 }).toBe('live');
      const seqBefore = outage.backend.simulator.log.latestSeq;
      await session.page.waitForTimeout(2000);
      const rate = (outage.backend.simulator.log.latestSeq - seqBefore) / 2;
      console.log(`stream before the outage: ${rate.toFixed(0)} changes/s`);
      expect(rate).toBeGreaterThanOrEqual(30);

      await outage.stop();
      const stoppedAt = Date.now();
      // Stale within two heartbeat intervals: the badge turns red and says it is not live.
      await expect.poll(() => session.page.getByTestId('freshness').locator('li').first().getAttribute('data-level'), { timeout: 2 * HEARTBEAT_MS + 3000 }).toBe('red');
      console.log(`marked stale after ${Date.now() - stoppedAt} ms`);
      // The simulator goes on while the server is down: those changes must arrive later.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 30_000 - (Date.now() - stoppedAt))));
      const missed = outage.backend.simulator.log.latestSeq;
      await outage.start();

      await expect.poll(async () => (await source()).state, { timeout: 30_000 }).toBe('live');
      await expect.poll(async () => (await source()).cursor ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(missed);
      await expect.poll(() => session.page.getByTestId('freshness').locator('li').first().getAttribute('data-level'), { timeout: 10_000 }).toBe('fresh');
      // Hold the log still and let the page catch up to its end.
      outage.backend.clock.setPaused(true);
      const last = outage.backend.simulator.log.latestSeq;
      await expect.poll(async () => (await source()).cursor, { timeout: 30_000 }).toBe(last);

      const backendNow = outage.backend.simulator.now;
      const retentionMs = 24 * 3_600_000;
      for (const kind of ENTITY_KINDS as readonly EntityKind[]) {
        const held = new Map(await session.page.evaluate((k) => window.safeBorder!.held(k), kind));
        const { records } = outage.backend.simulator.snapshot([kind]);
        // The page ages out closed records older than its retention window; the backend may still list them.
        const expected = new Map(
          records
            .map((r) => r.record as AnyEntity)
            .filter((record) => !(isClosedRecord(kind, record) && Date.parse(record.updatedAt) < backendNow - retentionMs))
            .map((record) => [record.id, record.version]),
        );
        const missing = [...expected].filter(([id, version]) => held.get(id) !== version && !(held.get(id) === undefined && isClosedRecord(kind, records.find((r) => (r.record as AnyEntity).id === id)!.record as AnyEntity)));
        const extra = [...held.keys()].filter((id) => !records.some((r) => (r.record as AnyEntity).id === id));
        expect({ kind, missing: missing.slice(0, 5), extra: extra.slice(0, 5) }).toEqual({ kind, missing: [], extra: [] });
      }
      expect((await source()).rejected.total).toBe(0);
    } finally {
      outage.backend.clock.setPaused(false);
      await session.close();
    }
  }, 180_000);
});
