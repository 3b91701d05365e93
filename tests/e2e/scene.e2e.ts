/**
 * The offline 3D border scene in a real browser (Debian's Chromium, WebGL on SwiftShader),
 * against the production build served with its Content-Security-Policy.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseRegionPack, type RegionPack } from '../../src/domain/regionPack';
import { blendOver, darkRegionTheme } from '../../src/layers/region/regionTheme';
import type { DiagnosticsSnapshot } from '../../src/stores/diagnosticsSnapshot';
import { borderSamples } from './borderSamples';
import { launchBrowser } from './launchBrowser';
import { type DashboardSession, openDashboard } from './openDashboard';
import { type Rgb, anyPixelNear, colourVariety, decodePng, isInside } from './pixels';

const outputDir = join(import.meta.dirname, '..', 'output');
const baseUrl = inject('baseUrl');
let browser: Browser;
let pack: RegionPack;

/** The border glow: hot pink-red, unlike the gold of Jiangxi, the blue of Zhejiang and the navy globe. */
const isBorderColour = ([r, g, b]: Rgb) => r > 170 && r - g > 90 && b > 60;

/** The top colour of a focus county over the dark globe, as describeRegionScene computes it. */
function countyTopColour(provinceColour: string): Rgb {
  const { css } = blendOver({ css: provinceColour, alpha: darkRegionTheme.focusFillAlpha }, darkRegionTheme.globeBase);
  return [1, 3, 5].map((i) => Number.parseInt(css.slice(i, i + 2), 16)) as unknown as Rgb;
}
const near = (expected: Rgb, tolerance = 24) => (rgb: Rgb) => rgb.every((value, i) => Math.abs(value - expected[i]!) <= tolerance);

beforeAll(async () => {
  mkdirSync(outputDir, { recursive: true });
  browser = await launchBrowser();
  const response = await fetch(`${baseUrl}regions/changshan-yushan.json`);
  pack = parseRegionPack(await response.json());
});

afterAll(async () => {
  await browser?.close();
});

async function checkBorderAndCounties(session: DashboardSession, screenshotName: string) {
  const png = decodePng(await session.page.screenshot({ path: join(outputDir, screenshotName) }));
  const samples = borderSamples(pack);
  const heightOnBorder = darkRegionTheme.focusTopHeightMeters + darkRegionTheme.border.liftMeters;
  const onBorder = await session.page.evaluate(
    ([positions]) => window.safeBorder!.worldToScreen(positions),
    [samples.map((s) => [...s.onBorder, heightOnBorder] as [number, number, number])] as const,
  );
  const sides = samples.flatMap((s) => s.sides);
  const beside = await session.page.evaluate(
    ([positions]) => window.safeBorder!.worldToScreen(positions),
    [sides.map((s) => [...s.position, darkRegionTheme.focusTopHeightMeters] as [number, number, number])] as const,
  );
  const visible = onBorder.filter((p): p is { x: number; y: number } => p !== null && isInside(png, p.x, p.y, 5));
  const hits = visible.filter((p) => anyPixelNear(png, p.x, p.y, 3, isBorderColour));
  const sideChecks = sides
    .map((side, i) => ({ side, point: beside[i] }))
    .filter((entry): entry is { side: (typeof sides)[number]; point: { x: number; y: number } } => entry.point !== null && entry.point !== undefined);
  const provinceColour = new Map(pack.provinces.map((p) => [p.id, near(countyTopColour(p.color))]));
  const sideHits = sideChecks.filter(({ side, point }) => anyPixelNear(png, point.x, point.y, 2, provinceColour.get(side.provinceId)!));
  const sideBorderHits = sideChecks.filter(({ point }) => anyPixelNear(png, point.x, point.y, 3, isBorderColour));
  return { png, samples: samples.length, visible: visible.length, hits: hits.length, sides: sideChecks.length, sideHits: sideHits.length, sideBorderHits: sideBorderHits.length };
}

function expectBorderAndCounties(result: Awaited<ReturnType<typeof checkBorderAndCounties>>) {
  // The whole border is on screen and glows along it.
  expect(result.visible).toBe(result.samples);
  expect(result.hits / result.visible).toBeGreaterThan(0.9);
  // 3 km to either side: each county in its own province colour (not the dimmed neighbours',
  // not the other province's), and no border glow there, so the checks tell the three apart.
  expect(result.sideHits / result.sides).toBeGreaterThan(0.8);
  expect(result.sideBorderHits / result.sides).toBeLessThan(0.15);
}

/**
 * The region alone (`?source=none`): live layers draw over the counties and keep a busy wall
 * rendering, so they are checked in layers.e2e.ts; here the scene itself is under test.
 */
const REGION_ONLY = '?source=none';

describe('the 3D border scene at 1920×1080', () => {
  let session: DashboardSession;
  let diagnostics: DiagnosticsSnapshot;

  beforeAll(async () => {
    session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: REGION_ONLY });
    diagnostics = await session.page.evaluate(() => window.safeBorder!.diagnostics());
  });
  afterAll(async () => {
    await session?.close();
  });

  it('becomes ready with the region drawn, and reports it in diagnostics', () => {
    expect(diagnostics.ready).toBe(true);
    expect(diagnostics.regionId).toBe('changshan-yushan');
    expect(diagnostics.framesRendered).toBeGreaterThan(0);
    expect(diagnostics.errors).toEqual([]);
    const count = (id: string) => diagnostics.layers.find((l) => l.id === id)?.featureCount;
    expect(count('counties')).toBe(pack.counties.length);
    expect(count('borders')).toBe(1);
    expect(count('towns')).toBe(pack.towns.length);
    expect(count('labels')).toBe(pack.labels.length);
  });

  it('requests nothing from any host but its own server, logs no error and violates no CSP rule', async () => {
    expect(session.externalRequests).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    expect(await session.cspViolations()).toEqual([]);
  });

  it('shows the border glowing along its whole length, Jiangxi gold on one side and Zhejiang blue on the other', async () => {
    expectBorderAndCounties(await checkBorderAndCounties(session, 'scene-1920x1080.png'));
  });

  it('draws a real scene, not a blank canvas', async () => {
    const png = decodePng(await session.page.locator('canvas').screenshot());
    expect(colourVariety(png)).toBeGreaterThan(60);
  });

  it('renders at native resolution, outside any CSS transform', async () => {
    const renderer = diagnostics.renderer as { drawingBuffer: { width: number; height: number }; canvasCss: { width: number; height: number }; devicePixelRatio: number; requestRenderMode: boolean };
    expect(renderer.drawingBuffer.width).toBe(Math.round(renderer.canvasCss.width * renderer.devicePixelRatio));
    expect(renderer.drawingBuffer.height).toBe(Math.round(renderer.canvasCss.height * renderer.devicePixelRatio));
    expect(renderer.requestRenderMode).toBe(true);
    const transforms = await session.page.evaluate(() => {
      const found: string[] = [];
      for (let node: Element | null = document.querySelector('canvas'); node; node = node.parentElement) {
        const transform = getComputedStyle(node).transform;
        if (transform !== 'none') found.push(`${node.tagName}: ${transform}`);
      }
      return found;
    });
    expect(transforms).toEqual([]);
  });

  it('renders nothing while nothing changes (requestRenderMode)', async () => {
    // The globe renders while its tiles stream in; after that a quiet wall must cost no frames.
    await session.page.waitForFunction(() => (window.safeBorder!.diagnostics().renderer as { globeTilesLoaded: boolean }).globeTilesLoaded, undefined, {
      timeout: 60_000,
    });
    const before = await session.page.evaluate(() => window.safeBorder!.diagnostics().framesRendered);
    await session.page.waitForTimeout(1500);
    const after = await session.page.evaluate(() => window.safeBorder!.diagnostics().framesRendered);
    expect(after - before).toBeLessThanOrEqual(1);
    // …and asking for one still works.
    await session.page.evaluate(() => window.safeBorder!.goHome());
    await session.page.waitForTimeout(500);
    const afterRequest = await session.page.evaluate(() => window.safeBorder!.diagnostics().framesRendered);
    expect(afterRequest).toBeGreaterThan(after);
  });

  it('is recognisably a Chinese command-center dashboard', async () => {
    await expect(session.page.locator('[data-testid="title-bar"]').innerText()).resolves.toContain('平安边界');
    await expect(session.page.locator('[data-testid="title-bar"]').innerText()).resolves.toContain('常山—玉山');
    await expect(session.page.locator('[data-testid="clock"]').innerText()).resolves.toMatch(/^\d{2}:\d{2}:\d{2}$/);
    await expect(session.page.locator('[data-testid="map-legend"]').innerText()).resolves.toContain('省界');
  });
});

describe('the 3D border scene at 3840×2160', () => {
  it('draws the same scene at full 4K resolution with the border visible', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 3840, height: 2160, query: REGION_ONLY });
    try {
      const diagnostics = await session.page.evaluate(() => window.safeBorder!.diagnostics());
      const renderer = diagnostics.renderer as { drawingBuffer: { width: number; height: number } };
      expect(renderer.drawingBuffer).toEqual({ width: 3840, height: 2160 });
      expectBorderAndCounties(await checkBorderAndCounties(session, 'scene-3840x2160.png'));
      expect(session.externalRequests).toEqual([]);
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describe('bad configuration', () => {
  it('says which region failed to load, as text, instead of showing a blank wall', async () => {
    const session = await openDashboard(browser, baseUrl, { query: '?region=no-such-region', waitForReady: false });
    try {
      const alert = session.page.getByRole('alert');
      await expect(alert.innerText({ timeout: 60_000 })).resolves.toMatch(/区域数据加载失败.*no-such-region\.json.*HTTP 404/s);
      // The expected 404 is the only error the page logs.
      expect(session.consoleErrors.every((line) => line.includes('404'))).toBe(true);
      const diagnostics = await session.page.evaluate(() => window.safeBorder!.diagnostics());
      expect(diagnostics.ready).toBe(false);
      expect(diagnostics.errors.map((e) => e.source)).toContain('region');
    } finally {
      await session.close();
    }
  });

  it('ignores a bad URL parameter, says so, and still draws the region', async () => {
    const session = await openDashboard(browser, baseUrl, { query: `${REGION_ONLY}&basemap=satellite` });
    try {
      await expect(session.page.getByRole('status').innerText()).resolves.toMatch(/basemap="satellite"/);
      const diagnostics = await session.page.evaluate(() => window.safeBorder!.diagnostics());
      expect(diagnostics.ready).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('draws over the bundled NaturalEarthII imagery without leaving the server', async () => {
    const session = await openDashboard(browser, baseUrl, { query: '?basemap=natural-earth' });
    try {
      await session.page.screenshot({ path: join(outputDir, 'scene-natural-earth.png') });
      expect(session.externalRequests).toEqual([]);
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
