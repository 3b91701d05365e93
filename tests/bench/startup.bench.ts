/**
 * `npm run bench:startup`: the production build in headless Chromium (SwiftShader), three cold
 * starts at 1080p in fresh browser contexts. Each page's start-up marks (src/domain/startupMarks.ts)
 * are read once, when the page is both ready and showing its data: an init script resolves a
 * promise from a MutationObserver on <html>'s `data-ready` and `data-hud`, so nothing polls the
 * page while it starts. Prints "where each second goes" (each mark's median time and the step
 * before it, when the files it waited on arrived, and how much of it was WebGL shader compiling)
 * and the JavaScript the first screen loads, gzip-compressed as a server would send it (the app's
 * chunks and Cesium's workers).
 * Targets on this machine: the first meaningful screen (the HUD's panels painted with the
 * snapshot's data, `data-hud="data"`) within 1.5 s, data-ready within 3 s, first-screen
 * JavaScript at most 1.4 MB gzip.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { STARTUP_MARKS, STARTUP_MARK_PREFIX } from '../../src/domain/startupMarks';
import { launchBrowser } from '../e2e/launchBrowser';
import { freePort } from '../e2e/freePort';
import { atMost, startBenchReport } from './benchReport';

const RUNS = 3;
const report = startBenchReport('startup');
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

/** The files the start waits on, by the end of their URL's path: when each arrived. */
const FETCHES = { 'config.json': /\/config\.json$/, 'region pack': /\/regions\/[^/]+\.json$/, snapshot: /\/api\/v1\/snapshot$/ } as const;

interface Started {
  readyMs: number;
  hudMs: number;
  marks: Record<string, number>;
  fetches: Record<string, number>;
  /** WebGL programs linked before ready, and the main thread's time in compiling and linking them. */
  shaders: { programs: number; ms: number };
}

/**
 * Installed before the page's own scripts: resolves `window.__startup` once <html> carries both
 * `data-ready="true"` and `data-hud="data"`, with the start-up marks and the fetches as they were.
 */
function watchStartup(args: { prefix: string; fetches: Record<string, string> }): void {
  // Shader compiling is most of a software GPU's start: the calls that compile, link or wait for
  // either are timed (a timestamp each side, about a hundred calls a start).
  const shaders = { programs: 0, ms: 0 };
  for (const context of [WebGLRenderingContext, WebGL2RenderingContext]) {
    const proto = context.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of ['compileShader', 'linkProgram', 'getShaderParameter', 'getProgramParameter', 'getShaderInfoLog', 'getProgramInfoLog']) {
      const original = proto[name]!;
      proto[name] = function (this: unknown, ...callArgs: unknown[]) {
        const start = performance.now();
        try {
          return original.apply(this, callArgs);
        } finally {
          shaders.ms += performance.now() - start;
          if (name === 'linkProgram') shaders.programs += 1;
        }
      };
    }
  }
  (window as unknown as { __startup: Promise<Started> }).__startup = new Promise((done) => {
    let readyMs = 0;
    let hudMs = 0;
    const observer = new MutationObserver(() => {
      const root = document.documentElement;
      if (!readyMs && root.dataset.ready === 'true') readyMs = performance.now();
      if (!hudMs && root.dataset.hud === 'data') hudMs = performance.now();
      if (!readyMs || !hudMs) return;
      observer.disconnect();
      const marks: Record<string, number> = {};
      for (const mark of performance.getEntriesByType('mark')) if (mark.name.startsWith(args.prefix) && !(mark.name.slice(args.prefix.length) in marks)) marks[mark.name.slice(args.prefix.length)] = mark.startTime;
      const fetches: Record<string, number> = {};
      for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        const path = new URL(entry.name).pathname;
        for (const [name, pattern] of Object.entries(args.fetches)) if (!(name in fetches) && new RegExp(pattern).test(path)) fetches[name] = entry.responseEnd;
      }
      done({ readyMs, hudMs, marks, fetches, shaders: { ...shaders } });
    });
    // The script runs before <html> exists: the document is watched, <html> included once it comes.
    observer.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready', 'data-hud'] });
  });
}

interface Run extends Started {
  jsFiles: number;
  jsGzipBytes: number;
}

const runs: Run[] = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.addInitScript(watchStartup, { prefix: STARTUP_MARK_PREFIX, fetches: Object.fromEntries(Object.entries(FETCHES).map(([name, pattern]) => [name, pattern.source])) });
  const page = await context.newPage();
  const scripts = new Set<string>();
  let ready = false;
  page.on('response', (response) => {
    const url = response.url();
    if (!ready && url.startsWith(origin) && /\.m?js(\?|$)/.test(url)) scripts.add(url.split('?')[0]!);
  });
  await page.goto(`${origin}/`);
  const started = await page.evaluate(() => (window as unknown as { __startup: Promise<Started> }).__startup);
  ready = true;
  runs.push({ ...started, jsFiles: scripts.size, jsGzipBytes: [...scripts].reduce((sum, url) => sum + gzipBytes(url), 0) });
  await context.close();
}
await browser.close();
await server.close();

const median = (values: number[]): number | null => (values.length === 0 ? null : [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
const ms = (value: number | null) => (value === null ? null : Math.round(value));

/** Each moment's median over the runs, in the order they happen. */
const moments = [
  ...STARTUP_MARKS.map((name) => ({ name, kind: 'mark', at: median(runs.flatMap((r) => (name in r.marks ? [r.marks[name]!] : []))) })),
  ...Object.keys(FETCHES).map((name) => ({ name: `${name} fetched`, kind: 'fetch', at: median(runs.flatMap((r) => (name in r.fetches ? [r.fetches[name]!] : []))) })),
]
  .filter((moment): moment is { name: string; kind: string; at: number } => moment.at !== null)
  .sort((a, b) => a.at - b.at);
let previous = 0;
const rows = moments.map((moment) => {
  const row = `| ${moment.name} | ${Math.round(moment.at)} ms | +${Math.round(moment.at - previous)} ms |`;
  previous = moment.at;
  return row;
});
console.error(`
Where each second goes (median of ${RUNS} cold starts, from navigation):
| moment | at | since the one before |
|---|---|---|
${rows.join('\n')}

Of that, the main thread compiled and linked ${median(runs.map((r) => r.shaders.programs))} WebGL programs before ready, in ${ms(median(runs.map((r) => r.shaders.ms)))} ms (median).
`);

const hudMs = ms(median(runs.map((r) => r.hudMs)));
const readyMs = ms(median(runs.map((r) => r.readyMs)));
const jsGzipMb = Number(((median(runs.map((r) => r.jsGzipBytes)) ?? 0) / 1_048_576).toFixed(3));
report.finish(
  {
    runs: RUNS,
    firstMeaningfulMs: hudMs,
    readyMs,
    shaderPrograms: median(runs.map((r) => r.shaders.programs)),
    shaderMs: ms(median(runs.map((r) => r.shaders.ms))),
    firstFrameMs: ms(median(runs.flatMap((r) => ('first-frame' in r.marks ? [r.marks['first-frame']!] : [])))),
    marks: Object.fromEntries(moments.map((moment) => [moment.name, Math.round(moment.at)])),
    jsFiles: median(runs.map((r) => r.jsFiles)),
    jsGzipMb,
    detail: runs.map((r) => ({ hudMs: Math.round(r.hudMs), readyMs: Math.round(r.readyMs), shaderMs: Math.round(r.shaders.ms), marks: Object.fromEntries(Object.entries(r.marks).map(([name, at]) => [name, Math.round(at)])) })),
  },
  {
    firstMeaningfulMs: atMost(hudMs, 1500, 'ms'),
    readyMs: atMost(readyMs, 3000, 'ms'),
    jsGzipMb: atMost(jsGzipMb, 1.4, 'MB'),
  },
);
