/**
 * The HUD on every wall it is built for: 1080p, 4K, 32:9 (7680×2160), three screens wide
 * (5760×1080) and portrait (1080×1920). No panel leaves the viewport or overlaps another, and
 * the globe renders at the canvas's native size, so nothing is a blurry upscale.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

describe.each(WALLS)('a %i×%i wall', (width, height) => {
  it('fits every panel inside the screen, none over another, and renders the globe natively', async () => {
    const session = await openDashboard(browser, baseUrl, { width, height });
    try {
      await session.page.getByTestId('kpi-card').first().waitFor({ timeout: 60_000 });
      const boxes = await session.page.evaluate(() =>
        [...document.querySelectorAll('.hud-panel, [data-testid="title-bar"], [data-testid="map-legend"]')].map((node) => {
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
});
