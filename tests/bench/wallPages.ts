/**
 * The browser half of `npm run bench:wall`: the production build in headless Chromium, three wall
 * screens of `demo-3x1` (960×540, the globe on SwiftShader) and console commands sent to the
 * backend. Each page notes, on the machine's one clock, the moment its `data-scene` mark changes
 * (the page has taken the scene and starts its flight); per command that gives the time from the
 * console's press until the last screen took it, and the spread between the first and the last.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { preview } from 'vite';
import { launchBrowser } from '../e2e/launchBrowser';
import { freePort } from '../e2e/freePort';

const root = resolve(import.meta.dirname, '..', '..');
const WALL = 'demo-3x1';

export interface PageRounds {
  /** Console press until the last of the three pages took the scene, per command. */
  delivery: number[];
  /** First to last page taking it, per command. */
  spread: number[];
}

export async function measureWallPages(rounds: number, build: boolean): Promise<PageRounds> {
  if (build) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error(`npm run build failed (exit ${built.status})`);
  }
  const port = await freePort();
  process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), 'safe-border-run-'));
  const server = await preview({ root, configLoader: 'runner', logLevel: 'warn', preview: { host: '127.0.0.1', port, strictPort: true } });
  const origin = `http://127.0.0.1:${port}`;
  const browser = await launchBrowser();
  try {
    const pages = [];
    for (const column of [0, 1, 2]) {
      const context = await browser.newContext({ viewport: { width: 960, height: 540 } });
      const page = await context.newPage();
      // Every change of the scene mark, on the system clock every page and this process share (ms).
      await page.addInitScript(() => {
        const marks: Array<{ scene: string; at: number }> = [];
        (window as unknown as { sceneMarks: typeof marks }).sceneMarks = marks;
        const observer = new MutationObserver(() => {
          const scene = document.documentElement.dataset.scene;
          if (scene) marks.push({ scene, at: Date.now() });
        });
        // The document, not its root element: that does not exist yet when this runs.
        observer.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-scene'] });
      });
      await page.goto(`${origin}/?wall=${WALL}&screen=${column},0&focus=off`);
      pages.push(page);
    }
    for (const page of pages) await page.waitForFunction(() => document.documentElement.dataset.scene !== undefined, undefined, { timeout: 180_000 });
    const command = async (body: object) => {
      const response = await fetch(`${origin}/api/v1/walls/${WALL}/commands`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Screen': 'console' }, body: JSON.stringify({ ...body, by: 'bench' }) });
      if (!response.ok) throw new Error(`bench:wall: the command answered ${response.status}`);
    };
    // Held, so the tour's own timer does not change scene between the presses.
    await command({ action: 'pause', scene: 0 });
    const delivery: number[] = [];
    const spread: number[] = [];
    const scenes = ['overview', 'border-north', 'border-south', 'grids'];
    for (let round = 0; round < rounds; round++) {
      const index = (round % (scenes.length - 1)) + 1;
      const wanted = scenes[index]!;
      // From the scene before, so every press is a change each page must mark.
      await command({ action: 'scene', scene: 0 });
      for (const page of pages) await page.waitForFunction(() => document.documentElement.dataset.scene === 'overview', undefined, { timeout: 60_000 });
      const pressed = Date.now();
      await command({ action: 'scene', scene: index });
      const taken: number[] = [];
      for (const page of pages) {
        await page.waitForFunction((scene) => document.documentElement.dataset.scene === scene, wanted, { timeout: 60_000 });
        // The last mark of the scene: every round starts from another, so it is this round's.
        taken.push(await page.evaluate((scene) => (window as unknown as { sceneMarks: Array<{ scene: string; at: number }> }).sceneMarks.findLast((mark) => mark.scene === scene)!.at, wanted));
      }
      delivery.push(Math.max(...taken) - pressed);
      spread.push(Math.max(...taken) - Math.min(...taken));
    }
    await command({ action: 'resume' });
    return { delivery, spread };
  } finally {
    await browser.close();
    await server.close();
  }
}
