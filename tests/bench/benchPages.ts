/**
 * How bench:render drives a page (the app, the Entity baseline, the deck.gl peer): each offers
 * the same calls (`ingest`, `framesRendered`, `whenLayersIdle`, `layerUpdateTimes`, `frameTimes`)
 * on its own global. Waiting happens inside the page, in one `page.evaluate` awaiting promises
 * and animation frames, never by polling it from outside: a poll costs the page main-thread time,
 * which the figures would then count.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';

export type Surface = 'safeBorder' | 'entityBench' | 'deckBench';

/**
 * When a burst counts as shown. `frame`: the first frame rendered after the layers drained (a
 * globe or deck.gl renders a frame only when asked). `quiet`: maplibre's last frame once it has
 * gone quiet, since its worker re-tiles the changed sources and the result is drawn frames later;
 * the page cannot see maplibre's own `idle` event.
 */
export type ShownRule = 'frame' | 'quiet';

export interface BenchPage {
  page: Page;
  cdp: CDPSession;
  surface: Surface;
  /** Requests that left 127.0.0.1, aborted. */
  externalRequests: string[];
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Opens a page with a request guard (anything not to 127.0.0.1 is aborted and counted) and a
 * record of Content-Security-Policy violations; fails at once if one stops the page loading.
 */
export async function openBenchPage(browser: Browser, url: string, surface: Surface): Promise<BenchPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const externalRequests: string[] = [];
  await page.route(
    (target) => target.hostname !== '127.0.0.1' && (target.protocol === 'http:' || target.protocol === 'https:' || target.protocol === 'ws:' || target.protocol === 'wss:'),
    (route) => {
      externalRequests.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  // tsx names functions with esbuild's `__name` helper, which the page lacks; the CSP recorder
  // marks the document so a page that a violation stopped fails now instead of timing out.
  await page.addInitScript({
    content: `globalThis.__name = (f) => f;
      globalThis.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        globalThis.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || '(inline)') + (event.sourceFile ? ' in ' + event.sourceFile + ':' + event.lineNumber : ''));
        document.documentElement.dataset.cspViolation = 'true';
      });`,
  });
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"], html[data-csp-violation="true"]', { state: 'attached', timeout: 120_000 });
  const cspViolations = () => page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations);
  const blocked = await cspViolations();
  if (blocked.length > 0) throw new Error(`${url} broke the Content-Security-Policy: ${blocked.join('; ')}`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp, surface, externalRequests, cspViolations, close: () => page.close() };
}

interface PageSurface {
  ingest(changes: unknown[]): { applied: number; rejected: number };
  framesRendered(): number;
  whenLayersIdle(): Promise<{ drainedAt: number }>;
  layerUpdateTimes(): number[];
  /** The flat map's per-frame writes to maplibre (the app only). */
  layerWriteTimes?(): number[];
}

/** Hands the page a batch's JSON text ahead of time, so moving it is not part of what is measured. */
export async function stage(page: Page, wire: unknown[]): Promise<void> {
  await page.evaluate((json) => void ((globalThis as unknown as { __benchJson?: string }).__benchJson = json), JSON.stringify(wire));
}

/** Applies the staged JSON in the page without waiting for it to be drawn; returns the ms the call took. */
export function applyStaged(page: Page, surface: Surface): Promise<number> {
  return page.evaluate((surface) => {
    const scope = globalThis as unknown as Record<string, unknown>;
    const json = scope.__benchJson as string;
    scope.__benchJson = undefined;
    const started = performance.now();
    const result = (scope[surface] as PageSurface).ingest(JSON.parse(json) as unknown[]);
    if (result.rejected > 0) throw new Error(`bench: ${result.rejected} records rejected`);
    return performance.now() - started;
  }, surface);
}

export interface BurstResult {
  /** performance.now() in the page when the apply started (before JSON.parse). */
  started: number;
  drainedAt: number;
  shownAt: number;
  layerTimesBefore: number[];
  layerTimesAfter: number[];
  writeTimesBefore: number[];
  writeTimesAfter: number[];
}

/**
 * In the page: parses the staged JSON and applies it in one task, awaits the layers draining, then the frame
 * that shows it (see ShownRule). Frames are sampled on each animation frame, from the apply on:
 * the frame count at the last sample up to the drain is the base, so a frame from before the drain
 * is never taken for the one showing it, whether the drain is synchronous or ends inside a frame.
 */
export function runBurst(page: Page, surface: Surface, rule: ShownRule, quietMs = 1000, timeoutMs = 120_000): Promise<BurstResult> {
  return page.evaluate(
    async ({ surface, rule, quietMs, timeoutMs }) => {
      const scope = globalThis as unknown as Record<string, unknown>;
      const api = scope[surface] as PageSurface;
      const json = scope.__benchJson as string;
      scope.__benchJson = undefined;
      const layerTimesBefore = api.layerUpdateTimes();
      const writeTimesBefore = api.layerWriteTimes?.() ?? [];
      const samples: [number, number][] = [];
      // Applied in a task of the page's own, as a stream message would be: Chrome's ScriptDuration
      // does not count script that CDP runs directly (page.evaluate's own body).
      const started = await new Promise<number>((resolve, reject) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          const at = performance.now();
          samples.push([at, api.framesRendered()]);
          try {
            const result = api.ingest(JSON.parse(json) as unknown[]);
            if (result.rejected > 0) reject(new Error(`bench: ${result.rejected} records rejected`));
            else resolve(at);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        };
        channel.port2.postMessage(null);
      });
      let drainedAt: number | null = null;
      let failed: unknown = null;
      api.whenLayersIdle().then(
        (idle) => void (drainedAt = idle.drainedAt),
        (error: unknown) => void (failed = error),
      );
      const shownAt = await new Promise<number>((resolve, reject) => {
        const decide = (now: number): number | null => {
          if (drainedAt === null) return null;
          let index = 0;
          let base = samples[0]![1];
          while (index < samples.length && samples[index]![0] <= drainedAt) base = samples[index++]![1];
          let lastChange: number | null = null;
          for (; index < samples.length; index++) {
            if (samples[index]![1] <= base) continue;
            if (rule === 'frame') return samples[index]![0];
            lastChange = samples[index]![0];
            base = samples[index]![1];
          }
          return lastChange !== null && now - lastChange >= quietMs ? lastChange : null;
        };
        const tick = () => {
          const now = performance.now();
          samples.push([now, api.framesRendered()]);
          if (failed !== null) return reject(failed instanceof Error ? failed : new Error(String(failed)));
          const shown = decide(now);
          if (shown !== null) return resolve(shown);
          if (now - started > timeoutMs) return reject(new Error(`bench: burst not shown after ${timeoutMs} ms (drained: ${drainedAt !== null})`));
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      return { started, drainedAt: drainedAt!, shownAt, layerTimesBefore, layerTimesAfter: api.layerUpdateTimes(), writeTimesBefore, writeTimesAfter: api.layerWriteTimes?.() ?? [] };
    },
    { surface, rule, quietMs, timeoutMs },
  );
}

/** Waits, in the page, for the layers to drain and then no frame for `quietMs` (at most `maxMs`). */
export function settle(page: Page, surface: Surface, quietMs: number, maxMs = 60_000): Promise<void> {
  return page.evaluate(
    async ({ surface, quietMs, maxMs }) => {
      const api = (globalThis as unknown as Record<string, unknown>)[surface] as PageSurface;
      const started = performance.now();
      await api.whenLayersIdle();
      let frames = api.framesRendered();
      let quietSince = performance.now();
      await new Promise<void>((resolve) => {
        const tick = () => {
          const now = performance.now();
          const current = api.framesRendered();
          if (current !== frames) {
            frames = current;
            quietSince = now;
          }
          if (now - quietSince >= quietMs || now - started >= maxMs) return resolve();
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    { surface, quietMs, maxMs },
  );
}

/** Frames rendered over `seconds` with nothing changing, counted in the page with one timer. */
export function idleFrames(page: Page, surface: Surface, seconds: number): Promise<number> {
  return page.evaluate(
    async ({ surface, seconds }) => {
      const api = (globalThis as unknown as Record<string, unknown>)[surface] as PageSurface;
      const before = api.framesRendered();
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      return api.framesRendered() - before;
    },
    { surface, seconds },
  );
}

/** The entries a ring of recent times gained between two reads (it drops its oldest when full). */
export function appended(before: readonly number[], after: readonly number[]): number[] {
  for (let dropped = 0; dropped <= before.length; dropped++) {
    const kept = before.length - dropped;
    if (kept > after.length) continue;
    let same = true;
    for (let k = 0; k < kept && same; k++) same = before[dropped + k] === after[k];
    if (same) return after.slice(kept);
  }
  return [...after];
}

/** Main-thread script and task seconds so far (Chrome's own counters, read over CDP). */
export async function mainThreadMs(cdp: CDPSession): Promise<{ script: number; task: number }> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return { script: value('ScriptDuration') * 1000, task: value('TaskDuration') * 1000 };
}

export async function heapAfterGcMb(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1_048_576;
}
