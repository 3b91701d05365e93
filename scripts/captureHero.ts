/**
 * `npm run docs:hero [url]`: the README's hero image, taken from the live wall as it runs
 * (`npm start` first; default http://127.0.0.1:4173/), at 1920×1080 once its panels hold data,
 * into docs/images/live-wall-1920x1080.jpg. Regenerate it whenever the wall's look changes, so
 * the README never shows a screen the product no longer draws.
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, root } from './setup.mjs';

const url = new URL(process.argv[2] ?? 'http://127.0.0.1:4173/');
url.searchParams.set('mode', 'wall');
// The overview scene, held while the picture is taken; no camera flight to a new alert mid-shot.
url.searchParams.set('slide', '1');
url.searchParams.set('dwell', '600');
url.searchParams.set('focus', 'off');
const out = join(root, 'docs', 'images', 'live-wall-1920x1080.jpg');

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: install Debian’s `chromium` package or set CHROME_PATH.');
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'] });
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(url.href);
  // Data in every panel the README promises: KPIs, the ticker and the assistance board.
  for (const testId of ['kpi-card', 'ticker-item', 'assist-row']) await page.getByTestId(testId).first().waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => document.documentElement.dataset.scene === 'overview', undefined, { timeout: 60_000 });
  // The camera's flight to the scene and the count-ups settle.
  await page.waitForTimeout(8000);
  await page.screenshot({ path: out, type: 'jpeg', quality: 85 });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
