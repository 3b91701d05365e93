/**
 * `npm run soak -- --minutes 30 --speed 100`: the production build against the mock backend at
 * `speed` times real time, in headless Chromium, sampled every minute (JS heap after a forced GC,
 * DOM nodes and event listeners from CDP Performance.getMetrics, live WebGL contexts, records
 * held). Prints a table and JSON; `--out docs/soak.md` writes the table there. Exits non-zero
 * when, after the first 5 minutes, the heap grew more than 5 MB or the DOM more than 2 %.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { preview } from 'vite';
import { launchBrowser } from '../tests/e2e/launchBrowser';
import { type SoakSample, judgeSoak, soakTable } from './soak/judgeSoak';
import { freePort } from '../tests/e2e/freePort';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    speed: { type: 'string', default: '100' },
    query: { type: 'string', default: '' },
    out: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const minutes = Number(values.minutes);
const speed = Number(values.speed);
if (!(minutes >= 1) || !(speed >= 1)) throw new Error('--minutes and --speed must be numbers of at least 1');


if (!values['no-build']) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status})`);
}
// The embedded mock reads its speed from the environment when the server starts.
process.env.SIM_SPEED = String(speed);
const port = await freePort();
// The bundled backend's database: a fresh one for this run, not the project's .data/.
process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), 'safe-border-run-'));
const server = await preview({ configLoader: 'runner', logLevel: 'warn', preview: { host: '127.0.0.1', port, strictPort: true } });
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
// Counts the WebGL contexts the page holds (created and not lost): a re-created viewer shows as two.
await page.addInitScript(() => {
  const contexts: WeakRef<WebGLRenderingContext | WebGL2RenderingContext>[] = [];
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    const context = (original as (this: HTMLCanvasElement, ...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    if (context && (type === 'webgl' || type === 'webgl2') && !contexts.some((ref) => ref.deref() === context)) contexts.push(new WeakRef(context as WebGL2RenderingContext));
    return context;
  } as typeof original;
  (window as unknown as { __webglContexts: () => number }).__webglContexts = () =>
    contexts.filter((ref) => {
      const context = ref.deref();
      return context !== undefined && !context.isContextLost() && (context.canvas as HTMLCanvasElement).isConnected;
    }).length;
});
const errors: string[] = [];
page.on('pageerror', (error) => errors.push(error.message));
await page.goto(`http://127.0.0.1:${port}/${values.query}`);
await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');

async function sample(minute: number): Promise<SoakSample> {
  // Two collections a moment apart: Blink sweeps dead DOM nodes lazily after a GC, and its node
  // counter only drops once they are swept; one GC leaves garbage counted as DOM growth.
  await cdp.send('HeapProfiler.collectGarbage');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  const page_ = await page.evaluate(() => ({
    contexts: (window as unknown as { __webglContexts: () => number }).__webglContexts(),
    records: Object.values(window.safeBorder!.diagnostics().entities).reduce((a, b) => a + b, 0),
  }));
  return { minute, heapBytes: metric('JSHeapUsedSize'), domNodes: metric('Nodes'), listeners: metric('JSEventListeners'), webglContexts: page_.contexts, records: page_.records };
}

const samples: SoakSample[] = [];
const started = Date.now();
for (let minute = 0; minute <= minutes; minute++) {
  const due = started + minute * 60_000;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
  const s = await sample(minute);
  samples.push(s);
  console.log(`minute ${minute}: heap ${(s.heapBytes / 1_048_576).toFixed(1)} MB, DOM ${s.domNodes}, listeners ${s.listeners}, WebGL ${s.webglContexts}, records ${s.records}`);
}
await browser.close();
await server.close();

const verdict = judgeSoak(samples);
const table = soakTable(samples);
console.log(`\n${table}\n`);
console.log(JSON.stringify({ minutes, speed, simulatedHours: (minutes * speed) / 60, verdict, pageErrors: errors, samples }, null, 2));
if (values.out) {
  const summary = verdict.ok
    ? `Heap after the warm-up: ${verdict.heapGrowthMb!.toFixed(1)} MB; DOM: ${verdict.domGrowthPercent!.toFixed(1)} %. Passed.`
    : `Failed: ${verdict.problems.join('; ')}.`;
  writeFileSync(
    values.out,
    `# Soak\n\n\`npm run soak -- --minutes ${minutes} --speed ${speed}\`: ${((minutes * speed) / 60).toFixed(0)} simulated hours of border traffic, ` +
      `production build, headless Chromium (SwiftShader), samples after a forced GC.\n\n${summary}\n\n${table}\n`,
  );
}
if (errors.length > 0) console.error(`page errors: ${errors.join(' | ')}`);
process.exit(verdict.ok && errors.length === 0 ? 0 : 1);
