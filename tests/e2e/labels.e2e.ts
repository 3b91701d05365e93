/**
 * The border corridor as a reviewer sees it from 5 m: at the home view on a 1920×1080 wall, every
 * name on the map has its own patch of screen (none overlaps another, none hides under a HUD
 * panel), the corridor fills the free centre, the map's glyphs are Latin under lang=en and the
 * map itself turns light under theme=light.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './launchBrowser';
import { type DashboardSession, openDashboard } from './openDashboard';
import { decodePng } from './pixels';

const outputDir = join(import.meta.dirname, '..', 'output');
const baseUrl = inject('baseUrl');
let browser: Browser;

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;

beforeAll(async () => {
  mkdirSync(outputDir, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Home view with the live layers drawn, then long enough for names to be placed again. */
async function settleAtHome(session: DashboardSession): Promise<void> {
  await session.page.waitForFunction(() => window.safeBorder!.held('station').length > 0 && window.safeBorder!.held('grid').length > 0);
  await session.page.evaluate(() => window.safeBorder!.goHome());
  await session.page.waitForTimeout(2500);
}

async function hudPanels(session: DashboardSession): Promise<Rect[]> {
  return session.page.evaluate(() =>
    [...document.querySelectorAll('.hud__column, .hud__title, .hud__bottom')].map((element) => {
      const { left, top, right, bottom } = element.getBoundingClientRect();
      return { left, top, right, bottom };
    }),
  );
}

async function expectLegibleCorridor(session: DashboardSession, view: '3d' | '2d'): Promise<void> {
  await settleAtHome(session);
  const labels = await session.page.evaluate(() => window.safeBorder!.placedLabels());
  await session.page.screenshot({ path: join(outputDir, `labels-${view}-1920x1080.png`) });
  const texts = labels.map((label) => label.text);
  // The four border towns are the corridor's landmarks: each is named.
  for (const town of ['球川镇', '白石镇', '双明镇', '岩瑞镇']) expect(texts).toContain(town);
  const collisions = labels.flatMap((a, i) => labels.slice(i + 1).filter((b) => overlaps(a.rect, b.rect)).map((b) => `${a.text} × ${b.text}`));
  expect(collisions).toEqual([]);
  const panels = await hudPanels(session);
  expect(labels.filter((label) => panels.some((panel) => overlaps(label.rect, panel))).map((label) => label.text)).toEqual([]);
  // The corridor fills the free centre: the border line spans most of the height between the bars.
  const pack = (await (await fetch(`${baseUrl}regions/changshan-yushan.json`)).json()) as { borderLines: { coordinates: [number, number][] }[] };
  const points = (await session.page.evaluate((line) => window.safeBorder!.worldToScreen(line), pack.borderLines[0]!.coordinates)).filter((p) => p !== null);
  expect(points.length).toBe(pack.borderLines[0]!.coordinates.length);
  const ys = points.map((p) => p.y);
  expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(1080 * 0.4);
  for (const point of points) expect(panels.some((panel) => point.x > panel.left && point.x < panel.right && point.y > panel.top && point.y < panel.bottom)).toBe(false);
}

describe('the border corridor at the home view', () => {
  it('3D: every name has its own place, clear of the HUD, and the corridor fills the free centre', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: '?focus=off' });
    try {
      await expectLegibleCorridor(session, '3d');
    } finally {
      await session.close();
    }
  });

  it('2D: the same, with maplibre placing the names', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1920, height: 1080, query: '?focus=off&view=2d' });
    try {
      await session.page.waitForFunction(() => document.querySelector('[data-testid="flat-map"] canvas') !== null);
      await expectLegibleCorridor(session, '2d');
    } finally {
      await session.close();
    }
  });
});

describe('language and theme reach the map', () => {
  it('lang=en: station glyphs are Latin letters, keyed in the legend; the region names are English', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1280, height: 720, query: '?focus=off&lang=en' });
    try {
      await settleAtHome(session);
      const glyphs = await session.page.locator('[data-testid="legend-glyph"]').allTextContents();
      expect(glyphs.length).toBeGreaterThan(0);
      for (const glyph of glyphs) expect(glyph).toMatch(/^[A-Z]{1,2}$/);
      const region = (await session.page.evaluate(() => window.safeBorder!.placedLabels())).map((label) => label.text).filter((text) => /town|county|Qiuchuan|Baishi|Shuangming|Yanrui/i.test(text));
      expect(region.length).toBeGreaterThan(0);
      await session.page.screenshot({ path: join(outputDir, 'labels-en-1280x720.png') });
    } finally {
      await session.close();
    }
  });

  it('theme=light: the ground around the corridor is light, not the dark navy of the wall', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1280, height: 720, query: '?focus=off&theme=light&view=2d' });
    try {
      await settleAtHome(session);
      const png = decodePng(await session.page.screenshot({ path: join(outputDir, 'labels-light-1280x720.png') }));
      const panels = await hudPanels(session);
      const samples: number[] = [];
      for (let y = 20; y < png.height; y += 24) {
        for (let x = 20; x < png.width; x += 24) {
          if (panels.some((panel) => x > panel.left - 4 && x < panel.right + 4 && y > panel.top - 4 && y < panel.bottom + 4)) continue;
          const index = (y * png.width + x) * 4;
          samples.push(0.2126 * png.data[index]! + 0.7152 * png.data[index + 1]! + 0.0722 * png.data[index + 2]!);
        }
      }
      samples.sort((a, b) => a - b);
      expect(samples.length).toBeGreaterThan(50);
      expect(samples[Math.floor(samples.length / 2)]).toBeGreaterThan(150);
    } finally {
      await session.close();
    }
  });
});
