/**
 * The GPU takes the WebGL context away (forced with WEBGL_lose_context): the wall rebuilds its
 * globe on its own, with the region and every live layer back, and no second context left behind.
 * How long it takes is reported, not asserted (speed targets live in benchmarks).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './launchBrowser';
import { openDashboard } from './openDashboard';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a lost WebGL context', () => {
  it('is recovered: a new globe draws the region and every layer again', async () => {
    const session = await openDashboard(browser, baseUrl, { width: 1280, height: 720, query: '?focus=off' });
    try {
      const counts = () =>
        session.page.evaluate(() => Object.fromEntries(window.safeBorder!.diagnostics().layers.map((layer) => [layer.id, layer.featureCount])) as Record<string, number>);
      await session.page.waitForFunction(() => (window.safeBorder!.diagnostics().layers.find((l) => l.id === 'stations')?.featureCount ?? 0) > 0, undefined, { timeout: 30_000 });
      const before = await counts();
      const lostAt = Date.now();
      await session.page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="globe"] canvas')!;
        const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
        gl.getExtension('WEBGL_lose_context')!.loseContext();
      });
      await session.page.waitForFunction(() => document.documentElement.dataset.ready === 'false', undefined, { timeout: 30_000 });
      await session.page.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { timeout: 60_000 });
      // Every layer that drew records draws them again (live data moves on, so within a margin).
      await expect
        .poll(async () => {
          const after = await counts();
          return Object.entries(before).filter(([id, count]) => count > 0 && !((after[id] ?? 0) > 0)).map(([id]) => id);
        }, { timeout: 30_000 })
        .toEqual([]);
      console.log(`context loss: globe and layers back after ${Date.now() - lostAt} ms`);
      const canvases = await session.page.evaluate(() => document.querySelectorAll('[data-testid="globe"] canvas').length);
      expect(canvases).toBe(1);
      const alive = await session.page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="globe"] canvas')!;
        const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
        return !gl.isContextLost();
      });
      expect(alive).toBe(true);
      // Reported in diagnostics, and no error left on the wall once the new globe is up.
      expect(await session.page.evaluate(() => window.safeBorder!.diagnostics().errors.map((e) => e.source))).toContain('webgl');
      await expect(session.page.locator('.hud__notice--error').count()).resolves.toBe(0);
    } finally {
      await session.close();
    }
  });
});
