/**
 * `npm run bench:startup`: the production build in headless Chromium (SwiftShader), three cold
 * starts in fresh browser contexts: time to the first globe frame and to `data-ready` (the region
 * drawn, data flowing), and the JavaScript the first screen loads, gzip-compressed as a server
 * would send it (the app's chunks and Cesium's workers). Prints a table and JSON.
 * Targets on this machine: data-ready within 3 s; first-screen JavaScript at most 1.4 MB gzip.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { launchBrowser } from '../e2e/launchBrowser';
import { freePort } from '../e2e/freePort';

const RUNS = 3;
const READY_TARGET_MS = 3000;
const JS_TARGET_BYTES = 1.4 * 1024 * 1024;
const root = resolve(import.meta.dirname, '..', '..');

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
}
const port = await freePort();
// The bundled backend's database: a fresh one for this run, not the project's .data/.
process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), 'safe-border-run-'));
const server = await preview({ root, configLoader: 'runner', logLevel: 'warn', preview: { host: '127.0.0.1', port, strictPort: true } });
const origin = `http://127.0.0.1:${port}`;
const browser = await launchBrowser();

const gzipped = new Map<string, number>();
/** The gzip size of a built file, read from dist (the preview server does not compress). */
function gzipBytes(url: string): number {
  const path = new URL(url).pathname;
  if (!gzipped.has(path)) gzipped.set(path, gzipSync(readFileSync(resolve(root, 'dist', `.${decodeURIComponent(path)}`)), { level: 6 }).length);
  return gzipped.get(path)!;
}

interface Run {
  firstFrameMs: number;
  readyMs: number;
  jsFiles: number;
  jsGzipBytes: number;
}

const runs: Run[] = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const scripts = new Set<string>();
  let ready = false;
  page.on('response', (response) => {
    const url = response.url();
    if (!ready && url.startsWith(origin) && /\.m?js(\?|$)/.test(url)) scripts.add(url.split('?')[0]!);
  });
  await page.goto(`${origin}/`);
  const firstFrameMs = (await (await page.waitForFunction(() => ((window.safeBorder?.diagnostics().framesRendered ?? 0) > 0 ? performance.now() : 0), undefined, { polling: 'raf', timeout: 120_000 })).jsonValue()) as number;
  const readyMs = (await (await page.waitForFunction(() => (document.documentElement.dataset.ready === 'true' ? performance.now() : 0), undefined, { polling: 'raf', timeout: 120_000 })).jsonValue()) as number;
  ready = true;
  runs.push({ firstFrameMs, readyMs, jsFiles: scripts.size, jsGzipBytes: [...scripts].reduce((sum, url) => sum + gzipBytes(url), 0) });
  await context.close();
}
await browser.close();
await server.close();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const result = {
  runs: RUNS,
  firstFrameMs: Math.round(median(runs.map((r) => r.firstFrameMs))),
  readyMs: Math.round(median(runs.map((r) => r.readyMs))),
  jsFiles: median(runs.map((r) => r.jsFiles)),
  jsGzipMb: Number((median(runs.map((r) => r.jsGzipBytes)) / 1_048_576).toFixed(3)),
  targets: { readyMs: READY_TARGET_MS, jsGzipMb: JS_TARGET_BYTES / 1_048_576 },
};
const met = (ok: boolean) => (ok ? 'met' : 'not met');
console.log(`
| measure (median of ${RUNS} cold starts) | value | target |
|---|---|---|
| first globe frame | ${result.firstFrameMs} ms | — |
| data-ready | ${result.readyMs} ms | ≤ ${READY_TARGET_MS} ms: ${met(result.readyMs <= READY_TARGET_MS)} |
| first-screen JavaScript (gzip) | ${result.jsGzipMb} MB in ${result.jsFiles} files | ≤ 1.4 MB: ${met(result.jsGzipMb * 1_048_576 <= JS_TARGET_BYTES)} |
`);
console.log(JSON.stringify({ ...result, detail: runs }, null, 2));
