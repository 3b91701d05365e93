/**
 * A second region chosen by URL alone (`?region=quzhou-four-province`): the Quzhou
 * four-province corner, built from the same npm data as the default pack, draws its eight
 * border lines and four provinces with no code of its own.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PNG } from 'pngjs';
import { bbox, lineString, multiPolygon, pointGrid, pointToLineDistance } from '@turf/turf';
import { type BorderLine, type County, type RegionPack, parseRegionPack } from '../../src/domain/regionPack';
import { blendOver, darkRegionTheme } from '../../src/layers/region/regionTheme';
import type { DiagnosticsSnapshot } from '../../src/stores/diagnosticsSnapshot';
import { borderSamples } from './borderSamples';
import { launchBrowser } from './launchBrowser';
import { type DashboardSession, openDashboard } from './openDashboard';
import { type Rgb, anyPixelNear, decodePng, isInside } from './pixels';

const REGION = 'quzhou-four-province';
const outputDir = join(import.meta.dirname, '..', 'output');
const baseUrl = inject('baseUrl');
let browser: Browser;
let pack: RegionPack;

/** The border glow, as scene.e2e.ts judges it: hot pink-red, unlike any province colour or the navy globe. */
const isBorderColour = ([r, g, b]: Rgb) => r > 170 && r - g > 90 && b > 60;
const near = (expected: Rgb, tolerance = 24) => (rgb: Rgb) => rgb.every((value, i) => Math.abs(value - expected[i]!) <= tolerance);
/** The top colour of a focus county over the dark globe, as describeRegionScene computes it. */
function countyTopColour(provinceColour: string): Rgb {
  const { css } = blendOver({ css: provinceColour, alpha: darkRegionTheme.focusFillAlpha }, darkRegionTheme.globeBase);
  return [1, 3, 5].map((i) => Number.parseInt(css.slice(i, i + 2), 16)) as unknown as Rgb;
}
const borderHeight = darkRegionTheme.focusTopHeightMeters + darkRegionTheme.border.liftMeters;
/**
 * Points on a 4 km grid inside a county, each at least 3 km from its edge: there the county's own
 * colour shows, clear of the edge lines, the border glow and the curtain above it.
 */
function interiorPoints(county: County): [number, number][] {
  const shape = multiPolygon(county.geometry);
  const grid = pointGrid(bbox(shape), 4, { units: 'kilometers', mask: shape });
  const rings = county.geometry.flatMap((polygon) => polygon.map((ring) => lineString(ring)));
  return grid.features
    .filter((p) => rings.every((ring) => pointToLineDistance(p, ring, { units: 'kilometers' }) >= 3))
    .map((p) => p.geometry.coordinates as [number, number]);
}

type Box = { x: number; y: number; width: number; height: number };
const within = (box: Box, p: { x: number; y: number }) => p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
/** What the HUD draws over the globe: its columns, title bar, legend and buttons. */
const hudBoxes = (session: DashboardSession): Promise<Box[]> =>
  session.page.evaluate(() =>
    [...document.querySelectorAll('.hud__column, [data-testid="title-bar"], [data-testid="map-legend"], button')].map((node) => {
      const { x, y, width, height } = node.getBoundingClientRect();
      return { x, y, width, height };
    }),
  );

beforeAll(async () => {
  mkdirSync(outputDir, { recursive: true });
  browser = await launchBrowser();
  pack = parseRegionPack(await (await fetch(`${baseUrl}regions/${REGION}.json`)).json(), REGION);
});
afterAll(async () => {
  await browser?.close();
});

async function toScreen(session: DashboardSession, positions: [number, number][], heightMeters: number) {
  return session.page.evaluate(
    ([list, height]) => window.safeBorder!.worldToScreen(list.map(([lon, lat]) => [lon, lat, height] as [number, number, number])),
    [positions, heightMeters] as const,
  );
}

/** How much of one border line is in view (on screen, clear of the HUD), and how much of that glows. */
async function lineCoverage(session: DashboardSession, png: PNG, line: BorderLine, hud: Box[]) {
  const samples = borderSamples(pack, 500, 3000, line);
  const points = await toScreen(session, samples.map((s) => s.onBorder), borderHeight);
  const visible = points.filter((p): p is { x: number; y: number } => p !== null && isInside(png, p.x, p.y, 5) && !hud.some((box) => within(box, p)));
  const glowing = visible.filter((p) => anyPixelNear(png, p.x, p.y, 3, isBorderColour));
  return { samples: samples.length, visible: visible.length, glowing: glowing.length };
}

describe(`?region=${REGION}, the region alone at 1920×1080`, () => {
  let session: DashboardSession;
  let diagnostics: DiagnosticsSnapshot;
  let png: PNG;

  beforeAll(async () => {
    // No data source: the scene itself is under test, nothing drawn over it.
    session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: `?region=${REGION}&source=none` });
    diagnostics = await session.page.evaluate(() => window.safeBorder!.diagnostics());
    png = decodePng(await session.page.screenshot({ path: join(outputDir, `region-${REGION}-1920x1080.png`) }));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('loads the pack named in the URL and reports its eight border lines and every county', () => {
    expect(diagnostics.ready).toBe(true);
    expect(diagnostics.regionId).toBe(REGION);
    expect(diagnostics.errors).toEqual([]);
    const count = (id: string) => diagnostics.layers.find((l) => l.id === id)?.featureCount;
    expect(pack.borderLines).toHaveLength(8);
    expect(count('borders')).toBe(pack.borderLines.length);
    expect(count('counties')).toBe(pack.counties.length);
    expect(count('towns')).toBe(pack.towns.length);
    expect(count('labels')).toBe(pack.labels.length);
  });

  it('requests nothing from any host but its own server, logs no error and violates no CSP rule', async () => {
    expect(session.externalRequests).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    expect(await session.cspViolations()).toEqual([]);
  });

  it('shows every border line whole from the home view, clear of the HUD and glowing along its length', async () => {
    const hud = await hudBoxes(session);
    for (const line of pack.borderLines) {
      const coverage = await lineCoverage(session, png, line, hud);
      expect(coverage.visible, `${line.name.en}: in view`).toBe(coverage.samples);
      expect(coverage.glowing / coverage.visible, `${line.name.en}: glowing`).toBeGreaterThan(0.9);
    }
  });

  it('shows each of the four provinces in its own colour, over its focus counties', async () => {
    const hud = await hudBoxes(session);
    const colourOf = new Map(pack.provinces.map((p) => [p.id, near(countyTopColour(p.color))]));
    for (const province of pack.provinces) {
      const inside = pack.counties.filter((c) => c.role === 'focus' && c.provinceId === province.id).flatMap((c) => interiorPoints(c));
      const onScreen = (await toScreen(session, inside, darkRegionTheme.focusTopHeightMeters)).filter(
        (p): p is { x: number; y: number } => p !== null && isInside(png, p.x, p.y, 5) && !hud.some((box) => within(box, p)),
      );
      // The home view frames the border corridor, so an outer province's focus counties reach in
      // from beside the HUD's columns: a 4 km grid's 15 points (some 240 km²) are plainly in sight.
      expect(onScreen.length, `${province.name.en}: points in view`).toBeGreaterThan(15);
      const inColour = onScreen.filter((p) => anyPixelNear(png, p.x, p.y, 2, colourOf.get(province.id)!));
      expect(inColour.length / onScreen.length, `${province.name.en} in its colour`).toBeGreaterThan(0.8);
      // …and not in another province's: the four colours tell the provinces apart.
      const others = pack.provinces.filter((p) => p.id !== province.id).map((p) => colourOf.get(p.id)!);
      const inOther = onScreen.filter((p) => others.some((test) => anyPixelNear(png, p.x, p.y, 2, test)));
      expect(inOther.length / onScreen.length, `${province.name.en} in another colour`).toBeLessThan(0.05);
    }
  });

  it('names the region in the title bar and the four provinces in the legend', async () => {
    await expect(session.page.getByTestId('title-bar').innerText()).resolves.toContain('衢州四省边界');
    const legend = await session.page.getByTestId('map-legend').innerText();
    for (const name of ['浙江省', '江西省', '安徽省', '福建省', '省界']) expect(legend).toContain(name);
  });
});

describe(`?region=${REGION} with the live backend`, () => {
  it('draws the backend’s stations over the second region, with no error and nothing external', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: `?region=${REGION}&focus=off` });
    try {
      await session.page.waitForFunction(() => (window.safeBorder!.diagnostics().layers.find((l) => l.id === 'stations')?.featureCount ?? 0) > 0, undefined, {
        timeout: 60_000,
      });
      const diagnostics = await session.page.evaluate(() => window.safeBorder!.diagnostics());
      expect(diagnostics.regionId).toBe(REGION);
      expect(diagnostics.errors).toEqual([]);
      await session.page.screenshot({ path: join(outputDir, `region-${REGION}-live-1920x1080.png`) });
      expect(session.externalRequests).toEqual([]);
      expect(session.consoleErrors).toEqual([]);
      expect(await session.cspViolations()).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
