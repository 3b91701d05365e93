/**
 * `npm run bench:render [-- --items N] [-- --profile]`: the live layers with N items (default
 * 100k; 60 % alerts as points, 40 % grid events as icons) in headless Chromium, through the real
 * app code (validation, store, layers, renderers), and in the same run its peers with the same
 * records and bursts: a naive Entity-per-item Cesium page (skipped above 200k items: it needs
 * about 13 KB an item) and deck.gl, with an object per item (`objects`) and with typed columns
 * (`binary`).
 *
 * Per page, after loading every item (10k a call, then waiting for the layers to drain and the
 * frames to stop): the JS heap after a forced GC; then five 10k-item bursts,
 * each measured from the apply (JSON.parse included) to the frame that shows it:
 * - main-thread JS per burst: Chrome's ScriptDuration (and TaskDuration) over that span, read
 *   over CDP just before and just after one page call that applies and waits in the page;
 * - burst shown ms: apply start to that frame;
 * - layer work per frame during the burst (the app's layerUpdateTimes: one entry per frame once
 *   bursts are spread over frames, one per burst while they are applied at once), and in 2D the
 *   writes to maplibre per frame (layerWriteTimes).
 * Then, for the app, 1 % of the items changing each second (per-tick ingest and frame times),
 * and the frames an idle scene renders over 5 s. `--profile` adds one burst per app view under
 * a CDP sampling profiler (unminified build) and prints the top 25 functions by self time.
 * SwiftShader makes absolute frame times slow here; the app's own JS and its ratios to the peers
 * are what this machine can judge. Tables go to stderr, the last stdout line is the JSON report.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { build, preview } from 'vite';
import { launchBrowser } from '../e2e/launchBrowser';
import { freePort } from '../e2e/freePort';
import { BATCH, DEFAULT_ITEMS, batches } from './benchRecords';
import { type BenchPage, type ShownRule, appended, applyStaged, heapAfterGcMb, idleFrames, mainThreadMs, openBenchPage, runBurst, settle, stage } from './benchPages';
import { atMost, percentile, startBenchReport } from './benchReport';
import { profiled, topSelfTime } from './profileTop';

const { values: args } = parseArgs({ options: { items: { type: 'string' }, profile: { type: 'boolean', default: false } } });
const ITEMS = args.items ? Number(args.items) : DEFAULT_ITEMS;
if (!Number.isInteger(ITEMS) || ITEMS < BATCH) throw new Error(`--items must be a whole number ≥ ${BATCH}`);
/** The Entity page holds ~13 KB an item: 1M would need ~13 GB. */
const ENTITY_MAX_ITEMS = 200_000;
const BURSTS = 5;
const TICKS_PER_SECOND = 10;
const UPDATE_SECONDS = 10;
const IDLE_SECONDS = 5;
const root = resolve(import.meta.dirname, '..', '..');
const report = startBenchReport('render');
const round = (value: number, digits = 1) => +value.toFixed(digits);

interface Options {
  rule: ShownRule;
  /** The app: also the 1 %-a-second updates and the optional profile. */
  app: boolean;
}

async function measure(label: string, bench: BenchPage, options: Options) {
  const { page, cdp, surface } = bench;
  console.error(`${label}: loading ${ITEMS} items…`);
  const loadMs: number[] = [];
  for (const batch of batches(ITEMS, 1)) {
    await stage(page, batch.wire);
    loadMs.push(await applyStaged(page, surface));
  }
  await settle(page, surface, 1000, 600_000);
  const heapMb = await heapAfterGcMb(cdp);

  console.error(`${label}: ${BURSTS} bursts of ${BATCH}…`);
  // Each burst moves and restyles 10k items; the first pays for JIT warm-up of the update path,
  // so the median is the steady cost and the max the worst a wall would see.
  const scriptMs: number[] = [];
  const taskMs: number[] = [];
  const shownMs: number[] = [];
  const layerFrameMs: number[] = [];
  const writeFrameMs: number[] = [];
  for (let i = 0; i < BURSTS; i++) {
    const [burst] = batches(ITEMS, 2 + i, BATCH, i * BATCH);
    await stage(page, burst!.wire);
    await settle(page, surface, 500);
    const before = await mainThreadMs(cdp);
    const result = await runBurst(page, surface, options.rule);
    const after = await mainThreadMs(cdp);
    scriptMs.push(after.script - before.script);
    taskMs.push(after.task - before.task);
    shownMs.push(result.shownAt - result.started);
    layerFrameMs.push(...appended(result.layerTimesBefore, result.layerTimesAfter));
    writeFrameMs.push(...appended(result.writeTimesBefore, result.writeTimesAfter));
  }
  if (args.profile && options.app) {
    const [burst] = batches(ITEMS, 2 + BURSTS, BATCH, BURSTS * BATCH);
    await stage(page, burst!.wire);
    await settle(page, surface, 500);
    const { profile } = await profiled(cdp, () => runBurst(page, surface, options.rule));
    console.error(`\n${label}: top functions by self time over one ${BATCH}-item burst (ms)`);
    console.error(topSelfTime(profile).map(({ fn, selfMs }) => `  ${String(selfMs).padStart(8)}  ${fn}`).join('\n'));
  }

  let ticks: Record<string, number> = {};
  if (options.app) {
    const perTick = ITEMS / 100 / TICKS_PER_SECOND;
    console.error(`${label}: ${perTick * TICKS_PER_SECOND} changes a second for ${UPDATE_SECONDS} s…`);
    await settle(page, surface, 500);
    const { framesBefore, writeTimesBefore } = await page.evaluate(() => ({ framesBefore: window.safeBorder!.framesRendered(), writeTimesBefore: window.safeBorder!.layerWriteTimes() }));
    const tickMs: number[] = [];
    for (let tick = 0; tick < UPDATE_SECONDS * TICKS_PER_SECOND; tick++) {
      const started = Date.now();
      const [slice] = batches(ITEMS, 3 + BURSTS + tick, perTick, tick * perTick);
      tickMs.push(
        await page.evaluate((json) => {
          const startedAt = performance.now();
          const result = window.safeBorder!.ingest(JSON.parse(json));
          if (result.rejected > 0) throw new Error(`bench: ${result.rejected} records rejected`);
          return performance.now() - startedAt;
        }, JSON.stringify(slice!.wire)),
      );
      await page.waitForTimeout(Math.max(0, 1000 / TICKS_PER_SECOND - (Date.now() - started)));
    }
    const { frames, frameTimes, writeTimes } = await page.evaluate(() => ({ frames: window.safeBorder!.framesRendered(), frameTimes: window.safeBorder!.frameTimes(), writeTimes: window.safeBorder!.layerWriteTimes() }));
    const framesDuring = frames - framesBefore;
    const frameMs = framesDuring === 0 ? [] : frameTimes.slice(-framesDuring);
    ticks = {
      ingestPerTickMsP95: round(percentile(tickMs, 95), 2),
      frameMainThreadMsP50: round(percentile(frameMs, 50)),
      frameMainThreadMsP95: round(percentile(frameMs, 95)),
      framesDuringUpdates: frameMs.length,
      layerWritePerTickFrameMsP95: round(percentile(appended(writeTimesBefore, writeTimes), 95), 2),
    };
  }
  // SwiftShader can take seconds to present a frame of 100k items, so renders asked for during
  // the updates land late: wait for the scene to settle, then count what a quiet wall renders.
  await settle(page, surface, 2000);
  const idle = await idleFrames(page, surface, IDLE_SECONDS);
  return {
    heapMb: round(heapMb),
    loadBatchApplyMsP50: round(percentile(loadMs, 50)),
    burstScriptMsP50: round(percentile(scriptMs, 50)),
    burstScriptMsMax: round(Math.max(...scriptMs)),
    burstTaskMsP50: round(percentile(taskMs, 50)),
    burstShownMsP50: round(percentile(shownMs, 50)),
    burstShownMsMax: round(Math.max(...shownMs)),
    layerWorkPerFrameMsP95: round(percentile(layerFrameMs, 95), 2),
    layerWorkFramesPerBurst: round(layerFrameMs.length / BURSTS),
    /** The flat map's writes to maplibre during bursts (0 for the globe and the peers). */
    layerWritePerFrameMsP95: round(percentile(writeFrameMs, 95), 2),
    ...ticks,
    idleFrames: idle,
  };
}

type Figures = Awaited<ReturnType<typeof measure>>;

async function onPage(browser: Browser, label: string, url: string, surface: BenchPage['surface'], options: Options) {
  const bench = await openBenchPage(browser, url, surface);
  try {
    const figures = await measure(label, bench, options);
    // Each page's figures as soon as they exist: a long run (--items 1000000) that fails later keeps them.
    console.error(`${label}: ${JSON.stringify(figures)}`);
    return { figures, externalRequests: bench.externalRequests.length, cspViolations: await bench.cspViolations() };
  } finally {
    await bench.close();
  }
}

const started = Date.now();
spawnSync('npm', ['run', 'build:regions'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
console.error('building the app, the Entity baseline and the deck.gl peer…');
await build({
  root,
  configLoader: 'runner',
  logLevel: 'warn',
  build: {
    outDir: 'dist-bench',
    emptyOutDir: true,
    // Function names a profile can be read by.
    minify: !args.profile,
    rollupOptions: { input: { main: resolve(root, 'index.html'), baseline: resolve(root, 'tests/bench/entityBaseline.html'), deck: resolve(root, 'tests/bench/deckPeer.html') } },
  },
});
process.env.MOCK_BACKEND = 'off';
const port = await freePort();
const server = await preview({ root, configLoader: 'runner', logLevel: 'warn', build: { outDir: 'dist-bench' }, preview: { host: '127.0.0.1', port, strictPort: true } });
const base = `http://127.0.0.1:${port}/`;
const browser = await launchBrowser();
try {
  const pages: Record<string, Awaited<ReturnType<typeof onPage>>> = {};
  const appOptions: Options = { rule: 'frame', app: true };
  pages.app = await onPage(browser, 'app', `${base}?source=none&layers=alerts,gridEvents`, 'safeBorder', appOptions);
  pages.app2d = await onPage(browser, 'app 2D', `${base}?source=none&layers=alerts,gridEvents&view=2d`, 'safeBorder', { rule: 'quiet', app: true });
  const entitiesSkipped = ITEMS > ENTITY_MAX_ITEMS ? `skipped above ${ENTITY_MAX_ITEMS} items: an Entity costs ~13 KB, so ${ITEMS} would need ~${Math.round((ITEMS * 13) / 1e6)} GB` : null;
  if (entitiesSkipped) console.error(`entities: ${entitiesSkipped}`);
  else pages.entities = await onPage(browser, 'entities', `${base}tests/bench/entityBaseline.html`, 'entityBench', { rule: 'frame', app: false });
  pages.deckObjects = await onPage(browser, 'deck.gl objects', `${base}tests/bench/deckPeer.html?mode=objects`, 'deckBench', { rule: 'frame', app: false });
  pages.deckBinary = await onPage(browser, 'deck.gl binary', `${base}tests/bench/deckPeer.html?mode=binary`, 'deckBench', { rule: 'frame', app: false });

  // One-off facts after the run: WebGL 2 on SwiftShader (luma.gl 9 needs it) and the app's renderer.
  const factsPage = await openBenchPage(browser, `${base}?source=none&layers=alerts`, 'safeBorder');
  const appRenderer = await factsPage.page.evaluate(() => window.safeBorder!.diagnostics().renderer as { webgl2?: boolean; renderer?: string } | null);
  await factsPage.close();
  const deckFactsPage = await openBenchPage(browser, `${base}tests/bench/deckPeer.html?mode=binary`, 'deckBench');
  const deckFacts = await deckFactsPage.page.evaluate(() => window.deckBench!.facts());
  await deckFactsPage.close();

  const figuresOf = (name: string): Partial<Figures> => pages[name]?.figures ?? {};
  const app = figuresOf('app') as Figures;
  const app2d = figuresOf('app2d') as Figures;
  const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? null : round(a / b, 3));
  const peers = { entities: pages.entities?.figures ?? entitiesSkipped, deckObjects: figuresOf('deckObjects'), deckBinary: figuresOf('deckBinary') };
  const ratios = Object.fromEntries(
    (['deckObjects', 'deckBinary', 'entities'] as const).map((peer) => [
      `app/${peer}`,
      { burstScriptMs: ratio(app.burstScriptMsP50, figuresOf(peer).burstScriptMsP50), heapMb: ratio(app.heapMb, figuresOf(peer).heapMb) },
    ]),
  );
  const externalRequests = Object.fromEntries(Object.entries(pages).map(([name, run]) => [name, run.externalRequests]));
  const cspViolations = Object.fromEntries(Object.entries(pages).map(([name, run]) => [name, run.cspViolations]));
  const table = Object.fromEntries(Object.entries(pages).map(([name, run]) => [name, run.figures]));
  console.error(`\nrender benchmark: ${ITEMS} items, bursts of ${BATCH}, viewport 1280×720, SwiftShader (${appRenderer?.renderer ?? '?'})`);
  console.table(Object.fromEntries((Object.keys(app) as (keyof Figures)[]).map((key) => [key, Object.fromEntries(Object.entries(table).map(([name, figures]) => [name, figures[key]]))])));
  console.error('ratios', ratios);
  const runSeconds = round((Date.now() - started) / 1000, 0);
  const entityHeap = pages.entities?.figures.heapMb;
  report.finish(
    {
      items: ITEMS,
      burst: BATCH,
      runSeconds,
      app,
      app2d,
      peers,
      ratios,
      webgl2: { app: appRenderer?.webgl2 ?? null, deck: deckFacts.webgl2 },
      deckErrors: deckFacts.errors,
      externalRequests,
      cspViolations,
    },
    {
      layerWork3dPerFrameMsP95: atMost(app.layerWorkPerFrameMsP95, 4, 'ms'),
      layerWork2dPerFrameMsP95: atMost(app2d.layerWorkPerFrameMsP95, 4, 'ms'),
      burstShown3dMs: atMost(app.burstShownMsP50, 250, 'ms'),
      burstShown2dMs: atMost(app2d.burstShownMsP50, 250, 'ms'),
      burstScript3dMs: atMost(app.burstScriptMsP50, 40, 'ms'),
      burstScript2dMs: atMost(app2d.burstScriptMsP50, 40, 'ms'),
      // Judged in MB against a tenth of the Entity page's, not on the rounded ratio: 0.10026 rounds to 0.1.
      ...(entityHeap === undefined ? {} : { heapAtMostTenthOfEntities: atMost(app.heapMb, +(entityHeap / 10).toFixed(2), 'MB (1/10 of the Entity page)') }),
      idleFrames3d: atMost(app.idleFrames, 0),
      idleFrames2d: atMost(app2d.idleFrames, 0),
      ...(ITEMS >= 1_000_000 ? { heap3dAt1M: atMost(app.heapMb, 600, 'MB') } : {}),
    },
  );
  const violated = Object.entries(cspViolations).filter(([, list]) => list.length > 0);
  const left = Object.entries(externalRequests).filter(([, count]) => count > 0);
  if (violated.length > 0 || left.length > 0) {
    console.error(`FAILED: Content-Security-Policy violations ${JSON.stringify(Object.fromEntries(violated))}, requests off 127.0.0.1 ${JSON.stringify(Object.fromEntries(left))}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await server.close();
}
