/**
 * A wall's state lives in the backend: killed with SIGKILL mid-tour and started again on its
 * database, the backend still holds the scene, the layers and who steered last; the screen kept
 * its scene while the line was down (and said so), takes the console's next command, and a screen
 * opened after the restart joins the same scene.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LAYER_IDS } from '../../src/domain/layerIds';
import { restartableSite } from './restartableSite';

const WALL = 'demo-3x1';
const SCREEN = { width: 960, height: 540 };
const outputDir = join(import.meta.dirname, '..', 'output');
mkdirSync(outputDir, { recursive: true });
const START = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
const site = restartableSite({ name: 'wall-restart', seed: 7, start: START, speed: 1, heartbeatMs: 1000 });
const open = (query: string, size = SCREEN) => site.open(query, size);

const scene = (page: Page) => page.evaluate(() => document.documentElement.dataset.scene ?? null);
const command = (body: object) =>
  fetch(`${site.front.baseUrl}api/v1/walls/${WALL}/commands`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Screen': 'console' }, body: JSON.stringify(body) });
const wallState = async () => ((await (await fetch(`${site.front.baseUrl}api/v1/walls/${WALL}`)).json()) as { state: Record<string, unknown> }).state;

describe('a wall whose backend is killed (SIGKILL) and started again on its database', () => {
  it('keeps the scene, the layers and who steered last; the screen holds on, follows again, and a new screen joins the same scene', async () => {
    const server = await site.backend();
    const console_ = await open(`?mode=console&wall=${WALL}&view=2d&focus=off`, { width: 1280, height: 800 });
    const screen = await open(`?wall=${WALL}&screen=1,0&view=2d&focus=off`);
    // Held on the southern border, alerts and stations only, by a named operator.
    await expect.poll(() => console_.page.getByTestId('console-pause').count(), { timeout: 60_000 }).toBe(1);
    expect((await command({ action: 'pause', scene: 2, by: '一号控制台' })).status).toBe(200);
    expect((await command({ action: 'layers', layers: ['alerts', 'stations'], by: '一号控制台' })).status).toBe(200);
    await expect.poll(() => scene(screen.page), { timeout: 60_000 }).toBe('border-south');
    const liveLayersShown = () =>
      screen.page.evaluate((ids) => window.safeBorder!.diagnostics().layers.filter((layer) => layer.visible && ids.includes(layer.id)).map((layer) => layer.id).sort(), [...LAYER_IDS] as string[]);
    await expect.poll(liveLayersShown, { timeout: 30_000 }).toEqual(['alerts', 'stations']);
    const before = await wallState();
    expect(before).toMatchObject({ paused: { scene: 2 }, layers: ['alerts', 'stations'], changedBy: '一号控制台' });

    await site.kill(server);
    // The line is down: the screen says so in words, and keeps its scene rather than going blank.
    await expect.poll(() => screen.page.getByTestId('wall-problem').count(), { timeout: 30_000 }).toBe(1);
    expect(await screen.page.getByTestId('wall-problem').innerText()).toMatch(/^拼接屏与后台的连接已断开/);
    await screen.page.screenshot({ path: join(outputDir, 'wall-line-down.png') });
    expect(await scene(screen.page)).toBe('border-south');
    expect(await screen.page.getByTestId('wall-blank').count()).toBe(0);

    await site.backend();
    // The backend read the wall back from its database: the same state, the same version.
    expect(await wallState()).toEqual(before);
    await expect.poll(() => screen.page.getByTestId('wall-problem').count(), { timeout: 60_000 }).toBe(0);
    expect(await scene(screen.page)).toBe('border-south');

    // The console's next command reaches the screen over its reopened line.
    const console2 = '二号控制台';
    expect((await command({ action: 'scene', scene: 3, by: console2 })).status).toBe(200);
    await expect.poll(() => scene(screen.page), { timeout: 60_000 }).toBe('grids');
    await expect.poll(() => console_.page.getByTestId('console-last-change').innerText(), { timeout: 60_000 }).toContain(console2);
    // A screen opened now joins the wall as it is.
    const joined = await open(`?wall=${WALL}&screen=2,0&view=2d&focus=off`);
    await expect.poll(() => scene(joined.page), { timeout: 60_000 }).toBe('grids');
    for (const session of [console_, screen, joined]) {
      expect(session.externalRequests).toEqual([]);
      expect(await session.cspViolations()).toEqual([]);
    }
  }, 300_000);
});
