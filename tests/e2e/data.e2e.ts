/**
 * The dashboard on its embedded mock backend, in a real browser: records arrive through the
 * http adapter (snapshot, then the SSE stream) and keep arriving.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DiagnosticsSnapshot } from '../../src/stores/diagnosticsSnapshot';
import { launchBrowser } from './launchBrowser';
import { type DashboardSession, openDashboard } from './openDashboard';

const baseUrl = inject('baseUrl');
let browser: Browser;
let session: DashboardSession;

const diagnostics = () => session.page.evaluate(() => window.safeBorder!.diagnostics()) as Promise<DiagnosticsSnapshot>;
const control = (body: unknown) => fetch(`${baseUrl}api/v1/control`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  browser = await launchBrowser();
  session = await openDashboard(browser, baseUrl);
});

afterAll(async () => {
  await control({ speed: 1 });
  await session?.close();
  await browser?.close();
});

describe('live data on the mock backend', () => {
  it('loads stations, alerts, grid events and the rest from the backend’s snapshot', async () => {
    await session.page.waitForFunction(() => (window.safeBorder!.diagnostics().entities.station ?? 0) > 0, undefined, { timeout: 30_000 });
    const snapshot = await diagnostics();
    expect(snapshot.entities.station).toBeGreaterThanOrEqual(20);
    expect(snapshot.entities.alert).toBeGreaterThan(0);
    expect(snapshot.entities.gridEvent).toBeGreaterThan(0);
    // Six headline KPIs, and the two sides' shares of the two border-wide incident counts.
    const kpis = ((await (await fetch(`${baseUrl}api/v1/snapshot?kinds=kpiSeries`)).json()) as { records: unknown[] }).records;
    expect(kpis).toHaveLength(10);
    expect(snapshot.entities.kpiSeries).toBe(10);
    expect(snapshot.entities.grid).toBe(5);
    const [source] = snapshot.sources;
    expect(source).toMatchObject({ id: 'backend', type: 'http', lastError: null, rejected: { total: 0 } });
  });

  it('keeps them coming over the live stream', async () => {
    await session.page.waitForFunction(() => window.safeBorder!.diagnostics().sources[0]?.state === 'live', undefined, { timeout: 30_000 });
    const before = await diagnostics();
    // A busy hour in a few seconds: 600× real time.
    expect((await control({ speed: 600 })).ok).toBe(true);
    await session.page.waitForFunction(
      (cursor) => (window.safeBorder!.diagnostics().sources[0]?.cursor ?? 0) > cursor + 50,
      before.sources[0]!.cursor ?? 0,
      { timeout: 30_000 },
    );
    const after = await diagnostics();
    expect(after.sources[0]!.state).toBe('live');
    expect(after.sources[0]!.rejected.total).toBe(0);
    expect(Date.parse(after.sources[0]!.lastChangeAt!)).toBeGreaterThan(Date.parse(before.sources[0]!.lastChangeAt!));
    expect(after.errors).toEqual([]);
    expect(session.externalRequests).toEqual([]);
    expect(await session.cspViolations()).toEqual([]);
  });
});

describe('a static deployment with no server', () => {
  it('runs the simulator in the page with ?source=mock, its records validated like any backend’s', async () => {
    const page = await openDashboard(browser, baseUrl, { query: '?source=mock' });
    try {
      await page.page.waitForFunction(() => (window.safeBorder!.diagnostics().entities.alert ?? 0) > 0, undefined, { timeout: 30_000 });
      const snapshot = (await page.page.evaluate(() => window.safeBorder!.diagnostics())) as DiagnosticsSnapshot;
      expect(snapshot.sources).toEqual([expect.objectContaining({ id: 'simulator', type: 'mock', state: 'live', rejected: { total: 0, byReason: {} } })]);
      expect(snapshot.entities.station).toBeGreaterThanOrEqual(20);
      // Nothing went to the server's API: the data came from the page itself.
      expect(page.requests.filter((url) => url.includes('/api/'))).toEqual([]);
      expect(page.consoleErrors).toEqual([]);
      expect(await page.cspViolations()).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
