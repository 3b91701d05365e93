/**
 * The HUD on every wall it is built for: 1080p, 4K, 32:9 (7680×2160), three screens wide
 * (5760×1080) and portrait (1080×1920). No panel leaves the viewport or overlaps another, text is
 * at least the size the wall's type table states (readable from 5 m), the map keeps the middle,
 * and the globe renders at the canvas's native size, so nothing is a blurry upscale.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { computeHudScale, wallClassOf } from '../../src/app/hudScale';
import { WALL_TYPE } from '../../src/app/wallTypography';
import { launchBrowser } from './launchBrowser';
import { openDashboard } from './openDashboard';

const baseUrl = inject('baseUrl');
const outputDir = join(import.meta.dirname, '..', 'output');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const WALLS = [
  [1920, 1080],
  [3840, 2160],
  [7680, 2160],
  [5760, 1080],
  [1080, 1920],
] as const;

/** Everything opaque the HUD lays over the map: what is not one of these shows the map. */
const COVERS = '.hud-panel, [data-testid="title-bar"], [data-testid="map-legend"], [data-testid="kpi-heroes"], .hud__bottom';

describe.each(WALLS)('a %i×%i wall', (width, height) => {
  it('fits every panel inside the screen, none over another, and renders the globe natively', async () => {
    const session = await openDashboard(browser, baseUrl, { width, height });
    try {
      await session.page.getByTestId('kpi-card').first().waitFor({ timeout: 60_000 });
      await session.page.getByTestId('kpi-hero').first().waitFor({ timeout: 60_000 });
      const boxes = await session.page.evaluate(() =>
        [...document.querySelectorAll('.hud-panel, [data-testid="title-bar"], [data-testid="map-legend"], [data-testid="kpi-heroes"]')].map((node) => {
          const r = node.getBoundingClientRect();
          return { name: node.getAttribute('aria-label') ?? node.getAttribute('data-testid') ?? node.className, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }),
      );
      expect(boxes.length).toBeGreaterThanOrEqual(8);
      for (const box of boxes) {
        expect(box.left, box.name).toBeGreaterThanOrEqual(0);
        expect(box.top, box.name).toBeGreaterThanOrEqual(0);
        expect(box.right, box.name).toBeLessThanOrEqual(width);
        expect(box.bottom, box.name).toBeLessThanOrEqual(height);
      }
      const overlaps: string[] = [];
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps.push(`${a.name} × ${b.name}`);
        }
      }
      expect(overlaps).toEqual([]);
      const renderer = (await session.page.evaluate(() => window.safeBorder!.diagnostics().renderer)) as { drawingBuffer: { width: number; height: number }; canvasCss: { width: number; height: number }; devicePixelRatio: number };
      expect(renderer.drawingBuffer.width).toBe(Math.round(renderer.canvasCss.width * renderer.devicePixelRatio));
      expect(renderer.drawingBuffer.height).toBe(Math.round(renderer.canvasCss.height * renderer.devicePixelRatio));
      await session.page.screenshot({ path: join(outputDir, `wall-${width}x${height}.png`) });
      expect(session.consoleErrors).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('shows its text at least as large as the wall type table states, and the headline drops as hero numbers', async () => {
    const session = await openDashboard(browser, baseUrl, { width, height });
    try {
      await session.page.getByTestId('kpi-card').first().waitFor({ timeout: 60_000 });
      await session.page.getByTestId('kpi-hero').first().waitFor({ timeout: 60_000 });
      const stated = WALL_TYPE[wallClassOf(width, height)];
      const scale = computeHudScale(width, height);
      const sizes = await session.page.evaluate(() => {
        const shown = (node: Element) => {
          const r = node.getBoundingClientRect();
          return r.width > 0 && r.height > 0;
        };
        const size = (node: Element) => Number.parseFloat(getComputedStyle(node).fontSize);
        // Every element in a panel's body that holds words of its own: rows, labels, numbers.
        const bodyText = [...document.querySelectorAll('.hud-panel__body *, .hud-panel__body')]
          .filter((node) => shown(node) && [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim() !== ''))
          .map((node) => ({ text: node.textContent!.trim().slice(0, 24), size: size(node) }));
        return {
          body: bodyText,
          headings: [...document.querySelectorAll('.hud-panel__title')].filter(shown).map(size),
          heroes: [...document.querySelectorAll('[data-testid="kpi-hero-change"]')].filter(shown).map(size),
        };
      });
      expect(sizes.body.length).toBeGreaterThan(20);
      expect(sizes.body.filter((entry) => entry.size < stated.body * scale - 0.5)).toEqual([]);
      expect(sizes.headings.length).toBeGreaterThanOrEqual(6);
      expect(Math.min(...sizes.headings)).toBeGreaterThanOrEqual(stated.heading * scale - 0.5);
      // The four headline drops, each big, the first the border incidents' -50.4 % once counted up.
      expect(sizes.heroes).toHaveLength(4);
      expect(Math.min(...sizes.heroes)).toBeGreaterThanOrEqual(stated.hero * scale - 0.5);
      await expect.poll(() => session.page.getByTestId('kpi-hero').first().innerText(), { timeout: 15_000 }).toMatch(/▼\s*50\.4%/);
    } finally {
      await session.close();
    }
  });

  it('keeps the middle for the map: a clear view at least half the width and 40 % of the height, centred', async () => {
    const session = await openDashboard(browser, baseUrl, { width, height });
    try {
      await session.page.getByTestId('kpi-hero').first().waitFor({ timeout: 60_000 });
      await session.page.getByTestId('map-legend').waitFor({ timeout: 60_000 });
      // From the screen's centre, how far one sees the map before a panel, left to right along
      // the middle row and top to bottom down the middle column.
      const view = await session.page.evaluate((covers) => {
        const boxes = [...document.querySelectorAll(covers)].map((node) => node.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
        const [cx, cy] = [innerWidth / 2, innerHeight / 2];
        const row = boxes.filter((r) => r.top <= cy && r.bottom >= cy);
        const column = boxes.filter((r) => r.left <= cx && r.right >= cx);
        const left = Math.max(0, ...row.filter((r) => r.right <= cx).map((r) => r.right));
        const right = Math.min(innerWidth, ...row.filter((r) => r.left >= cx).map((r) => r.left));
        const top = Math.max(0, ...column.filter((r) => r.bottom <= cy).map((r) => r.bottom));
        const bottom = Math.min(innerHeight, ...column.filter((r) => r.top >= cy).map((r) => r.top));
        return { covered: boxes.some((r) => r.left < cx && r.right > cx && r.top < cy && r.bottom > cy), left, right, top, bottom };
      }, COVERS);
      // The border corridor runs through the screen's centre: nothing opaque may sit on it, and
      // at 1080p the designed layout leaves 55 % of the width and 60 % of the height to the map;
      // no wall shape may give it less than half the width or 40 % of the height (portrait pays
      // its height for the panels above and below, yet keeps a square-ish view).
      expect(view.covered).toBe(false);
      expect((view.right - view.left) / width).toBeGreaterThanOrEqual(0.5);
      expect((view.bottom - view.top) / height).toBeGreaterThanOrEqual(0.4);
      // Centred across: the panels frame the map evenly, not a wide middle with both sides empty.
      expect(Math.abs((view.left + view.right) / 2 - width / 2) / width).toBeLessThanOrEqual(0.05);
      if (wallClassOf(width, height) === 'portrait') expect((view.bottom - view.top) / (view.right - view.left)).toBeGreaterThanOrEqual(0.75);
    } finally {
      await session.close();
    }
  });
});
