/**
 * Untrusted strings: every text field a backend or a deck can fill is fed script and HTML
 * payloads, through the same gate as any backend's records. None may execute (a trap in the page
 * records any that does), none may become an element, and the page shows them as plain text.
 * The page's CSP would block inline script anyway; a violation report would show an attempt.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { BorderSimulator } from '../../src/simulator/borderSimulator';
import { loadTestRegion } from '../contract/loadTestRegion';
import { launchBrowser } from './launchBrowser';
import { type DashboardSession, openDashboard } from './openDashboard';

const baseUrl = inject('baseUrl');
let browser: Browser;

/** Each payload, if it ever ran, pushes its name into `window.__xss`. */
const PAYLOADS = [
  `<img src=x onerror="window.__xss.push('img')">`,
  `<script>window.__xss.push('script')</script>`,
  `"><svg onload="window.__xss.push('svg')">`,
  `<a href="javascript:window.__xss.push('href')">链接</a>`,
  `<iframe srcdoc="<script>parent.__xss.push('iframe')</script>"></iframe>`,
  `{{ constructor.constructor("window.__xss.push('vue')")() }}`,
  `javascript:window.__xss.push('url')`,
  `<style>*{display:none}</style><b onmouseover="window.__xss.push('hover')">粗</b>`,
];
const payload = (i: number) => PAYLOADS[i % PAYLOADS.length]!;

/** Real records from the simulator, their text fields replaced by payloads, newest first in time. */
function hostileChanges(): unknown[] {
  const simulator = new BorderSimulator({ seed: 7, region: loadTestRegion(), start: Date.now() - 60_000, warmUpMs: 6 * 3_600_000 });
  const { records } = simulator.snapshot();
  const now = new Date().toISOString();
  let n = 0;
  const changes: unknown[] = [];
  let seq = 1_000_000;
  for (const { kind, record } of records) {
    const r = structuredClone(record) as Record<string, unknown>;
    const part = (key: string) => r[key] as Record<string, unknown>;
    r.version = (r.version as number) + 1000;
    if (kind === 'station') r.name = payload(n++);
    if (kind === 'alert') {
      r.watchlist = payload(n++);
      r.subject = { ...part('subject'), name: payload(n++), description: payload(n++) };
      r.hit = { ...part('hit'), deviceName: payload(n++), at: now };
      r.status = 'new';
      r.statusTimes = { new: now };
    }
    if (kind === 'gridEvent') {
      r.title = payload(n++);
      r.reporter = { ...part('reporter'), name: payload(n++) };
    }
    if (kind === 'assistRequest') r.subject = { ...part('subject'), summary: payload(n++), details: payload(n++) };
    if (kind === 'grid') r.name = { zh: payload(n++), en: payload(n++) };
    if (kind === 'patrolTrack') r.name = payload(n++);
    if (kind === 'kpiSeries') {
      r.label = { zh: payload(n++), en: payload(n++) };
      r.definition = { zh: payload(n++), en: payload(n++) };
      r.provenance = { source: payload(n++), system: payload(n++) };
    }
    changes.push({ seq: seq++, kind, op: 'upsert', record: r });
  }
  return changes;
}

const HOSTILE_DECK = {
  schemaVersion: 1,
  id: 'hostile',
  title: { zh: PAYLOADS[0], en: PAYLOADS[0] },
  subtitle: { zh: PAYLOADS[1], en: PAYLOADS[1] },
  scenes: [{ id: 's1', title: { zh: PAYLOADS[2], en: PAYLOADS[2] }, caption: { zh: PAYLOADS[3], en: PAYLOADS[3] }, camera: { lon: 118.35, lat: 28.85, height: 40_000 } }],
};

async function verdict(session: DashboardSession) {
  return session.page.evaluate(() => ({
    fired: (window as unknown as { __xss?: string[] }).__xss ?? [],
    // Elements a payload would have made: none of these belong in the HUD.
    injected: [...document.querySelectorAll('.hud img, .hud script, .hud iframe, .hud style, .hud [onerror], .hud [onload], .hud [onmouseover], .hud a[href^="javascript"]')].map((el) => el.outerHTML.slice(0, 80)),
    text: document.body.innerText,
  }));
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('script and HTML in every text field', () => {
  it('shows them as text in panels, ticker, KPI cards, trend and detail panel, and runs none', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: '?focus=off&lang=en' });
    try {
      await session.page.waitForFunction(() => window.safeBorder!.diagnostics().sources[0]?.state === 'live', undefined, { timeout: 30_000 });
      const changes = hostileChanges();
      const result = await session.page.evaluate((raw) => window.safeBorder!.ingest(raw), changes);
      expect(result.rejected).toBe(0);
      expect(result.applied).toBeGreaterThan(50);
      // The ticker lists the hostile alerts (among the backend's own: severity first, so not
      // necessarily on top); open one, and a KPI's drawer.
      const hostile = session.page.getByTestId('ticker-item').filter({ hasText: /onerror|</ });
      await expect.poll(() => hostile.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const item = hostile.first();
      await item.click();
      await session.page.getByTestId('detail-panel').waitFor({ timeout: 10_000 });
      await session.page.getByTestId('kpi-card').first().click();
      await session.page.getByTestId('kpi-drawer').waitFor({ timeout: 10_000 });
      await session.page.mouse.move(960, 540);
      await session.page.waitForTimeout(1500);
      const { fired, injected, text } = await verdict(session);
      expect(fired).toEqual([]);
      expect(injected).toEqual([]);
      // Shown literally: the angle brackets are on screen as characters.
      expect(text).toContain(`<script>window.__xss.push('script')</script>`);
      expect(await session.cspViolations()).toEqual([]);
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('shows a briefing deck’s title and captions as text', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: '?mode=briefing&deck=hostile&focus=off&lang=en', waitForReady: false });
    try {
      await session.page.route('**/decks/hostile.json', (route) => route.fulfill({ json: HOSTILE_DECK }));
      await session.page.reload();
      await session.page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
      await session.page.getByTestId('briefing-start').waitFor({ timeout: 30_000 });
      await session.page.keyboard.press('PageDown');
      await session.page.getByTestId('briefing-caption').waitFor({ timeout: 10_000 });
      const { fired, injected, text } = await verdict(session);
      expect(fired).toEqual([]);
      expect(injected).toEqual([]);
      expect(text).toContain(PAYLOADS[3]);
      expect(await session.cspViolations()).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
