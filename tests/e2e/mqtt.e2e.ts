/**
 * The mqtt adapter in the real page: Debian's Chromium, the production build under its strict
 * CSP, mqtt.js over a same-origin WebSocket to a real Mosquitto. The page follows the backend to
 * the last change, survives a cut connection, and afterwards holds exactly the backend's cursor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mosquittoMissing } from '../contract/startMosquitto';
import { launchBrowser } from './launchBrowser';
import { openDashboard } from './openDashboard';
import { type MqttDashboardServer, startMqttDashboardServer } from './mqttDashboardServer';

const HEARTBEAT_MS = 1000;
const missing = mosquittoMissing();
let browser: Browser;
let site: MqttDashboardServer;

describe.skipIf(missing)(`live changes through a broker${missing ? ` (${missing})` : ''}`, () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    site = await startMqttDashboardServer({ speed: 120, heartbeatMs: HEARTBEAT_MS });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('reach the page over MQTT on WebSocket under the CSP, and resume after the connection is cut', async () => {
    const session = await openDashboard(browser, site.baseUrl, { width: 1280, height: 720, query: '?focus=off' });
    try {
      const source = () => session.page.evaluate(() => window.safeBorder!.diagnostics().sources[0]!);
      await expect.poll(async () => (await source()).state, { timeout: 30_000 }).toBe('live');
      expect((await source()).type).toBe('mqtt');
      // The browser's own client: MQTT 5, clean start off (a persistent session).
      expect(site.broker.log()).toMatch(/as sb-broker-\w+ \(p5, c0, k30\)/);
      // Hold the log still (the tick after a pause may still run up to the paused time): the page must reach its end.
      site.backend.clock.setPaused(true);
      await site.backend.advanceTo(site.backend.clock.now());
      await expect.poll(async () => (await source()).cursor, { timeout: 30_000 }).toBe(site.backend.store.latestSeq);

      site.relay.dropConnections();
      // Changes made while the page is cut off must arrive after it reconnects.
      await site.backend.advanceTo(site.backend.simulator.now + 30 * 60_000);
      const last = site.backend.store.latestSeq;
      await expect.poll(async () => (await source()).state, { timeout: 30_000 }).toBe('live');
      await expect.poll(async () => (await source()).cursor, { timeout: 30_000 }).toBe(last);
      expect(site.relay.accepted).toBeGreaterThanOrEqual(2);
      expect((await source()).rejected.total).toBe(0);
      // Nothing refused by the CSP, nothing asked of another origin, nothing logged as an error.
      expect(await session.cspViolations()).toEqual([]);
      expect(session.externalRequests).toEqual([]);
      // Chromium logs a packet mqtt.js wrote as the relay cut the socket; nothing else may show.
      expect(session.consoleErrors.filter((text) => text !== 'WebSocket is already in CLOSING or CLOSED state.')).toEqual([]);
    } finally {
      site.backend.clock.setPaused(false);
      await session.close();
    }
  }, 120_000);

  it('bring a wall screen its wall from the retained topic, and a console command after', async () => {
    // The wall's backend opens it (as its console does); the screen asks the broker, not a backend.
    await fetch(`${site.baseUrl}api/v1/walls/demo-3x1`);
    const session = await openDashboard(browser, site.baseUrl, { width: 960, height: 540, query: '?wall=demo-3x1&screen=1,0&view=2d&focus=off' });
    try {
      const wallRequests: string[] = [];
      session.page.on('request', (request) => {
        if (request.url().includes('/api/v1/walls')) wallRequests.push(request.url());
      });
      expect(site.broker.log()).toMatch(/as sb-wall-\w+ \(p5, c1/);
      expect(await session.page.getByTestId('wall-blank').count()).toBe(0);
      const response = await fetch(`${site.baseUrl}api/v1/walls/demo-3x1/commands`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Screen': 'console' }, body: JSON.stringify({ action: 'blank', blank: true, by: '指挥长' }) });
      expect(response.status).toBe(200);
      await session.page.getByTestId('wall-blank').waitFor({ timeout: 10_000 });
      expect(wallRequests).toEqual([]);
      expect(await session.cspViolations()).toEqual([]);
      expect(session.externalRequests).toEqual([]);
    } finally {
      await session.close();
    }
  }, 120_000);
});
