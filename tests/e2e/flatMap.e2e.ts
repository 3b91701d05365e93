/**
 * The 2D view (maplibre) in a real browser against the production build and the mock backend:
 * the same region and the same live layers as the globe, from the same store, with nothing
 * requested outside the page's own server.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DiagnosticsSnapshot } from '../../src/stores/diagnosticsSnapshot';
import { distance } from '@turf/turf';
import { parseRegionPack, type RegionPack } from '../../src/domain/regionPack';
import { blendOver, darkRegionTheme } from '../../src/layers/region/regionTheme';
import { borderSamples } from './borderSamples';
import { launchBrowser } from './launchBrowser';
import { type DashboardSession, openDashboard } from './openDashboard';
import { type Box, type Rgb, anyPixelNear, decodePng, isInside, isUnderAny } from './pixels';

const outputDir = join(import.meta.dirname, '..', 'output');
const baseUrl = inject('baseUrl');
let browser: Browser;
let pack: RegionPack;

/** The border glow: hot pink-red, unlike the gold of Jiangxi, the blue of Zhejiang and the navy backdrop. */
const isBorderColour = ([r, g, b]: Rgb) => r > 170 && r - g > 90 && b > 60;
const near = (expected: Rgb, tolerance = 24) => (rgb: Rgb) => rgb.every((value, i) => Math.abs(value - expected[i]!) <= tolerance);
const rgbOf = (css: string) => [1, 3, 5].map((i) => Number.parseInt(css.slice(i, i + 2), 16)) as unknown as Rgb;

beforeAll(async () => {
  mkdirSync(outputDir, { recursive: true });
  browser = await launchBrowser();
  pack = parseRegionPack(await (await fetch(`${baseUrl}regions/changshan-yushan.json`)).json());
});

afterAll(async () => {
  await browser?.close();
});

const control = (body: unknown) => fetch(`${baseUrl}api/v1/control`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** Waits until the page has applied what the backend sent before it paused (no diff for 1.5 s). */
async function waitForQuiet(page: DashboardSession['page']): Promise<void> {
  let last = '';
  for (let quietSince = Date.now(), started = Date.now(); Date.now() - quietSince < 1500 && Date.now() - started < 30_000; ) {
    await page.waitForTimeout(250);
    const now = JSON.stringify(await page.evaluate(() => window.safeBorder!.held('alert').length + window.safeBorder!.held('gridEvent').length + window.safeBorder!.held('station').map(([, v]) => v).join()));
    if (now !== last) quietSince = Date.now();
    last = now;
  }
}

const diagnostics = (session: DashboardSession) => session.page.evaluate(() => window.safeBorder!.diagnostics()) as Promise<DiagnosticsSnapshot>;

/** Nothing asked of another server, no error in the console, under the CSP or on the HUD. */
async function expectNothingExternal(session: DashboardSession): Promise<void> {
  expect(session.externalRequests).toEqual([]);
  expect(session.consoleErrors).toEqual([]);
  expect(await session.cspViolations()).toEqual([]);
  expect(await session.page.evaluate(() => window.safeBorder!.diagnostics().errors.map((e) => `${e.source}: ${e.message}`))).toEqual([]);
  expect(await session.page.locator('.hud__notice--error').allTextContents()).toEqual([]);
}

/** Where the HUD's banners (a severe alert, a source problem) cover the map right now. */
function hudBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.hud__banners > *')]
      .map((element) => element.getBoundingClientRect())
      .filter((rect) => rect.width > 0 && rect.height > 0)
      .map(({ x, y, width, height }) => ({ x, y, width, height })),
  );
}

describe('2D view', () => {
  it('draws the region flat: the border glows along its length and each county shows in its province colour', async () => {
    const session = await openDashboard(browser, baseUrl, { query: '?view=2d&source=none' });
    try {
      expect((await diagnostics(session)).renderer).toMatchObject({ view: '2d' });
      await session.page.waitForFunction(() => document.querySelector('[data-testid="flat-map"] canvas') !== null);
      // No globe was made for a 2D screen: the duty laptop never pays for the 3D scene.
      expect(await session.page.locator('[data-testid="globe"]').count()).toBe(0);
      const samples = borderSamples(pack);
      // On a busy machine maplibre may still be drawing the first screenshot: look again until it settles.
      let png = decodePng(await session.page.screenshot());
      const glowing = async () => {
        png = decodePng(await session.page.screenshot({ path: join(outputDir, 'flat-map-region-1920x1080.png') }));
        const onBorder = await session.page.evaluate(([positions]) => window.safeBorder!.worldToScreen(positions), [samples.map((s) => s.onBorder)] as const);
        const shown = onBorder.filter((p): p is { x: number; y: number } => p !== null && isInside(png, p.x, p.y, 5));
        // A map still easing into its framing has part of the border off screen: not settled yet.
        if (shown.length < samples.length) return 0;
        return shown.filter((p) => anyPixelNear(png, p.x, p.y, 3, isBorderColour)).length / shown.length;
      };
      await expect.poll(glowing, { timeout: 40_000, interval: 1000 }).toBeGreaterThan(0.9);
      const sides = samples.flatMap((s) => s.sides);
      const beside = await session.page.evaluate(([positions]) => window.safeBorder!.worldToScreen(positions), [sides.map((s) => s.position)] as const);
      const colourOf = new Map(pack.provinces.map((p) => [p.id, near(rgbOf(blendOver({ css: p.color, alpha: darkRegionTheme.focusFillAlpha }, darkRegionTheme.globeBase).css))]));
      const checks = sides.map((side, i) => ({ side, point: beside[i] })).filter((c): c is { side: (typeof sides)[number]; point: { x: number; y: number } } => Boolean(c.point));
      expect(checks.length).toBeGreaterThan(20);
      const inColour = checks.filter(({ side, point }) => anyPixelNear(png, point.x, point.y, 2, colourOf.get(side.provinceId)!));
      expect(inColour.length / checks.length).toBeGreaterThan(0.8);
      await expectNothingExternal(session);
    } finally {
      await session.close();
    }
  });

  it('draws the second region flat too: every border line of the four-province corner glows', async () => {
    const quzhou = parseRegionPack(await (await fetch(`${baseUrl}regions/quzhou-four-province.json`)).json());
    const session = await openDashboard(browser, baseUrl, { query: '?view=2d&source=none&region=quzhou-four-province' });
    try {
      expect(quzhou.borderLines.length).toBeGreaterThan(4);
      /** Each border line's share of samples that glow, from a fresh screenshot. */
      const glowing = async () => {
        const png = decodePng(await session.page.screenshot({ path: join(outputDir, 'flat-map-quzhou-four-province-1920x1080.png') }));
        const shares: Record<string, number> = {};
        for (const line of quzhou.borderLines) {
          const samples = borderSamples(quzhou, 1000, 3000, line);
          const points = await session.page.evaluate(([positions]) => window.safeBorder!.worldToScreen(positions), [samples.map((s) => s.onBorder)] as const);
          const shown = points.filter((p): p is { x: number; y: number } => p !== null && isInside(png, p.x, p.y, 5));
          // A map still easing into its framing has part of a line off screen: not settled yet.
          shares[line.id] = shown.length < samples.length ? 0 : shown.filter((p) => anyPixelNear(png, p.x, p.y, 3, isBorderColour)).length / shown.length;
        }
        return shares;
      };
      // Town marks and names sit on a few samples of the short Changshan–Yushan line. On a busy
      // machine maplibre may still be drawing: look again until every line glows or time runs out.
      await expect
        .poll(async () => Object.entries(await glowing()).filter(([, share]) => share <= 0.8), { timeout: 40_000, interval: 1000 })
        .toEqual([]);
      await expectNothingExternal(session);
    } finally {
      await session.close();
    }
  });

  it('shows the same layer counts as the 3D view on the mock backend, and switches between the two from the HUD', async () => {
    const session = await openDashboard(browser, baseUrl, { query: '?view=2d&focus=off' });
    const { page } = session;
    const drawnBy = (kind: '2d' | '3d') => page.evaluate((k) => window.safeBorder!.viewCounts()[k] ?? {}, kind);
    try {
      await page.waitForFunction(() => {
        const counts = window.safeBorder!.viewCounts()['2d'] ?? {};
        return ['stations', 'alerts', 'gridEvents', 'grids'].every((id) => (counts[id] ?? 0) > 0);
      }, undefined, { timeout: 60_000 });
      // The simulator holds still, so both views are judged on the same records.
      await control({ paused: true });
      await waitForQuiet(page);
      const flat = await drawnBy('2d');
      expect(await page.evaluate(() => Object.keys(window.safeBorder!.viewCounts()))).toEqual(['2d']);
      const lookingFlat = (await page.evaluate(() => window.safeBorder!.currentView()))!;
      await page.click('[data-testid="view-switch"] [data-view="3d"]');
      await page.waitForSelector('[data-testid="globe"] canvas', { state: 'visible', timeout: 60_000 });
      expect(new URL(page.url()).searchParams.get('view')).toBeNull();
      await page.waitForFunction(() => (window.safeBorder!.diagnostics().renderer as { view?: string } | null)?.view === '3d', undefined, { timeout: 60_000 });
      await page.waitForFunction(() => (window.safeBorder!.viewCounts()['3d']?.stations ?? 0) > 0, undefined, { timeout: 90_000 });
      // The new globe draws the store a few milliseconds a frame, stations first: every layer within a few frames.
      await expect.poll(() => drawnBy('3d'), { timeout: 60_000 }).toEqual(flat);
      const globe = await drawnBy('3d');
      // The globe opens looking where the flat map did, at its own oblique angle.
      await expect.poll(async () => Math.round((await page.evaluate(() => window.safeBorder!.currentView()))?.pitch ?? 0), { timeout: 20_000 }).toBe(-55);
      const looking = (await page.evaluate(() => window.safeBorder!.currentView()))!;
      expect(distance([looking.lon, looking.lat], [lookingFlat.lon, lookingFlat.lat])).toBeLessThan(2);
      for (const id of ['stations', 'checkpoints', 'alerts', 'gridEvents', 'grids', 'patrols']) expect(flat[id], id).toBeGreaterThan(0);
      expect(globe).toEqual(flat);
      // The hidden flat map follows no store meanwhile: it draws nothing until shown again.
      expect(await drawnBy('2d')).toEqual({});
      await page.click('[data-testid="view-switch"] [data-view="2d"]');
      expect(new URL(page.url()).searchParams.get('view')).toBe('2d');
      expect(await page.evaluate(() => (window.safeBorder!.diagnostics().renderer as { view?: string } | null)?.view)).toBe('2d');
      await page.waitForFunction(() => document.querySelector('[data-testid="globe"]')?.checkVisibility() === false);
      // The layers draw the store again a few milliseconds a frame: every record within a few frames.
      await expect.poll(() => drawnBy('2d'), { timeout: 30_000 }).toEqual(flat);
      expect(await drawnBy('3d')).toEqual({});
      // And back: the flat map looks where the globe did.
      const lookingBack = (await page.evaluate(() => window.safeBorder!.currentView()))!;
      expect(distance([lookingBack.lon, lookingBack.lat], [looking.lon, looking.lat])).toBeLessThan(2);
      await page.screenshot({ path: join(outputDir, 'flat-map-live-1920x1080.png') });
      await expectNothingExternal(session);
    } finally {
      await control({ paused: false });
      await session.close();
    }
  });

  it('opens a station from a click on its icon', async () => {
    const session = await openDashboard(browser, baseUrl, { query: '?view=2d&focus=off&layers=stations' });
    try {
      const { page } = session;
      await page.waitForFunction(() => (window.safeBorder!.diagnostics().layers.find((l) => l.id === 'stations')?.featureCount ?? 0) > 0, undefined, { timeout: 60_000 });
      const snapshot = (await (await fetch(`${baseUrl}api/v1/snapshot?kinds=station`)).json()) as { records: { kind: string; record: { id: string; name: string; position: [number, number] } }[] };
      const stations = snapshot.records.map(({ record }) => record);
      const points = await page.evaluate(([positions]) => window.safeBorder!.worldToScreen(positions), [stations.map((s) => s.position)] as const);
      // A station well inside the map, clear of the HUD's columns and of the other stations.
      const target = stations
        .map((station, i) => ({ station, point: points[i] }))
        .find(({ point }, _, all) => point && point.x > 450 && point.x < 1470 && point.y > 150 && point.y < 900 && all.every((other) => other.point === point || !other.point || Math.hypot(other.point.x - point.x, other.point.y - point.y) > 30));
      expect(target).toBeDefined();
      await page.mouse.click(target!.point!.x, target!.point!.y);
      await page.waitForSelector('[data-testid="detail-panel"]', { timeout: 10_000 });
      expect(await page.textContent('[data-testid="detail-title"]')).toContain(target!.station.name);
      await expectNothingExternal(session);
    } finally {
      await session.close();
    }
  });

  it('comes back from a lost WebGL context with the region and every live record, and says it happened', async () => {
    // The backend's stations and alerts fed in once, their layers hidden: they are held and counted,
    // and nothing (a pulse, a label placed differently) covers the border between the two screenshots.
    const session = await openDashboard(browser, baseUrl, { width: 1280, height: 720, query: '?view=2d&source=none&focus=off&layers=' });
    const { page } = session;
    try {
      const snapshot = (await (await fetch(`${baseUrl}api/v1/snapshot?kinds=station,alert`)).json()) as { records: { kind: string; record: unknown }[] };
      // The newest alert made an unanswered 4级 one, so the severe-alert banner always comes down
      // over the top of the map, where the border runs, as it does whenever the simulator raised one.
      const newest = snapshot.records.filter((r) => r.kind === 'alert').at(-1)!.record;
      const changes = snapshot.records.map(({ kind, record }, i) => ({ seq: i + 1, kind, op: 'upsert', record: record === newest ? { ...(record as object), severity: 4, status: 'new' } : record }));
      expect(await page.evaluate((wire) => window.safeBorder!.ingest(wire), changes)).toEqual({ applied: changes.length, rejected: 0 });
      // The counts taken once every fed record is drawn: a busy machine may take more than one frame.
      const counts = () => page.evaluate(() => window.safeBorder!.viewCounts()['2d'] ?? {});
      let before: Partial<Record<string, number>> = {};
      await expect
        .poll(
          async () => {
            const [earlier, now] = [before, await counts()];
            before = now;
            return (now.stations ?? 0) > 0 && (now.alerts ?? 0) > 0 && JSON.stringify(now) === JSON.stringify(earlier);
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toBe(true);
      const samples = borderSamples(pack);
      /** The share of border samples where the glow shows, of those no HUD box covers. */
      const glowing = async (screenshot: string) => {
        const png = decodePng(await page.screenshot({ path: join(outputDir, screenshot) }));
        const onBorder = await page.evaluate(([positions]) => window.safeBorder!.worldToScreen(positions), [samples.map((s) => s.onBorder)] as const);
        const shown = onBorder.filter((p): p is { x: number; y: number } => p !== null && isInside(png, p.x, p.y, 5));
        // A map still easing into its framing has part of the border off screen: not settled yet.
        if (shown.length < samples.length) return 0;
        // The simulator's latest 4级 alerts bring the severe-alert banner down over the top of the
        // map, where the border runs: it covers the glow in both screenshots alike, so it is not judged.
        const covers = await hudBoxes(page);
        const seen = shown.filter((p) => !isUnderAny(covers, p.x, p.y, 4));
        expect(seen.length, 'border samples not under the HUD').toBeGreaterThan(samples.length / 2);
        return seen.filter((p) => anyPixelNear(png, p.x, p.y, 3, isBorderColour)).length / seen.length;
      };
      await page.waitForSelector('[data-testid="severe-banner"]', { timeout: 10_000 });
      // On a busy machine the map may still be easing into its framing or drawing: ask again until it settles.
      await expect.poll(() => glowing('flat-map-before-context-loss.png'), { timeout: 20_000, interval: 1000 }).toBeGreaterThan(0.9);
      await page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="flat-map"] canvas')!;
        const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
        const lose = gl.getExtension('WEBGL_lose_context')!;
        lose.loseContext();
        // The GPU gives it back a moment later, as after a driver reset.
        setTimeout(() => lose.restoreContext(), 500);
      });
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'false', undefined, { timeout: 30_000 });
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout: 60_000 });
      await expect.poll(counts, { timeout: 30_000 }).toEqual(before);
      // The region drawn again, where it was.
      await expect.poll(() => glowing('flat-map-after-context-loss.png'), { timeout: 40_000, interval: 1000 }).toBeGreaterThan(0.9);
      expect(await page.evaluate(() => window.safeBorder!.diagnostics().errors.map((e) => e.source))).toEqual(['webgl']);
      expect(await page.locator('.hud__notice--error').count()).toBe(0);
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
