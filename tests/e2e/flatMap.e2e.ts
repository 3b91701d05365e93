/**
 * The 2D view (maplibre) in a real browser against the production build and the mock backend:
 * the same region and the same live layers as the globe, from the same store, with nothing
 * requested outside the page's own server.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DiagnosticsSnapshot } from '../../src/app/diagnostics';
import { parseRegionPack, type RegionPack } from '../../src/domain/regionPack';
import { blendOver, darkRegionTheme } from '../../src/layers/region/regionTheme';
import { borderSamples } from './borderSamples';
import { launchBrowser } from './launchBrowser';
import { type DashboardSession, openDashboard } from './openDashboard';
import { type Rgb, anyPixelNear, decodePng, isInside } from './pixels';

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

const diagnostics = (session: DashboardSession) => session.page.evaluate(() => window.safeBorder!.diagnostics()) as Promise<DiagnosticsSnapshot>;
const layerCounts = async (session: DashboardSession) => Object.fromEntries((await diagnostics(session)).layers.filter((l) => !['counties', 'borders', 'towns', 'labels'].includes(l.id)).map((l) => [l.id, l.featureCount]));

async function expectNothingExternal(session: DashboardSession): Promise<void> {
  expect(session.externalRequests).toEqual([]);
  expect(session.consoleErrors).toEqual([]);
  expect(await session.cspViolations()).toEqual([]);
}

describe('2D view', () => {
  it('draws the region flat: the border glows along its length and each county shows in its province colour', async () => {
    const session = await openDashboard(browser, baseUrl, { query: '?view=2d&source=none' });
    try {
      expect((await diagnostics(session)).renderer).toMatchObject({ view: '2d' });
      await session.page.waitForFunction(() => document.querySelector('[data-testid="flat-map"] canvas') !== null);
      // No globe was made for a 2D screen: the duty laptop never pays for the 3D scene.
      expect(await session.page.locator('[data-testid="globe"]').count()).toBe(0);
      const png = decodePng(await session.page.screenshot({ path: join(outputDir, 'flat-map-region-1920x1080.png') }));
      const samples = borderSamples(pack);
      const onBorder = await session.page.evaluate(([positions]) => window.safeBorder!.worldToScreen(positions), [samples.map((s) => s.onBorder)] as const);
      const shown = onBorder.filter((p): p is { x: number; y: number } => p !== null && isInside(png, p.x, p.y, 5));
      expect(shown.length).toBe(samples.length);
      expect(shown.filter((p) => anyPixelNear(png, p.x, p.y, 3, isBorderColour)).length / shown.length).toBeGreaterThan(0.9);
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

  it('shows the same layer counts as the 3D view on the mock backend, and switches between the two from the HUD', async () => {
    const session = await openDashboard(browser, baseUrl, { query: '?view=2d&focus=off' });
    try {
      const { page } = session;
      await page.waitForFunction(() => {
        const layers = window.safeBorder!.diagnostics().layers;
        return ['stations', 'alerts', 'gridEvents', 'grids'].every((id) => (layers.find((l) => l.id === id)?.featureCount ?? 0) > 0);
      }, undefined, { timeout: 60_000 });
      const flat = await layerCounts(session);
      await page.click('[data-testid="view-switch"] [data-view="3d"]');
      await page.waitForSelector('[data-testid="globe"] canvas', { state: 'visible', timeout: 60_000 });
      expect(new URL(page.url()).searchParams.get('view')).toBeNull();
      await page.waitForFunction(() => (window.safeBorder!.diagnostics().renderer as { view?: string } | null)?.view === '3d', undefined, { timeout: 60_000 });
      await page.waitForFunction(() => (window.safeBorder!.viewCounts()['3d']?.stations ?? 0) > 0, undefined, { timeout: 90_000 });
      // Both views read the one store and a store diff reaches both in the same task, so at any
      // one moment they draw the same records; the stream goes on, so the moment is read in one call.
      await page.waitForFunction(() => {
        const both = window.safeBorder!.viewCounts();
        return JSON.stringify(both['2d']) === JSON.stringify(both['3d']);
      }, undefined, { timeout: 30_000 });
      const both = await page.evaluate(() => window.safeBorder!.viewCounts());
      expect(Object.keys(both).sort()).toEqual(['2d', '3d']);
      expect(both['2d']).toEqual(both['3d']);
      for (const id of ['stations', 'checkpoints', 'alerts', 'gridEvents', 'grids']) expect(both['3d']![id], id).toBeGreaterThan(0);
      expect(flat.stations).toBe(both['3d']!.stations);
      await page.click('[data-testid="view-switch"] [data-view="2d"]');
      expect(new URL(page.url()).searchParams.get('view')).toBe('2d');
      expect(await page.evaluate(() => (window.safeBorder!.diagnostics().renderer as { view?: string } | null)?.view)).toBe('2d');
      await page.waitForFunction(() => document.querySelector('[data-testid="globe"]')?.checkVisibility() === false);
      await page.screenshot({ path: join(outputDir, 'flat-map-live-1920x1080.png') });
      await expectNothingExternal(session);
    } finally {
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
});
