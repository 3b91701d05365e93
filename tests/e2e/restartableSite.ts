/**
 * One e2e file's site whose backend dies and comes back: a browser, a front server that serves the
 * built dashboard and proxies /api to a backend process on a fixed port, the database it keeps,
 * and the pages opened. The call registers the file's beforeAll and afterAll, which close it all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './launchBrowser';
import { type DashboardSession, openDashboard } from './openDashboard';
import { type BackendProcess, type FrontServer, freePort, startBackendProcess, startFrontServer } from './restartServer';

export interface RestartableSite {
  readonly front: FrontServer;
  /** A backend process on the site's port and database (started anew after a kill, it reads it back). */
  backend(): Promise<BackendProcess>;
  /** SIGKILL, and forgotten. */
  kill(server: BackendProcess): Promise<void>;
  /** The backend running now, if any. */
  running(): BackendProcess | undefined;
  open(query: string, size?: { width: number; height: number }): Promise<DashboardSession>;
}

export function restartableSite(options: { name: string; seed: number; start: string; speed: number; heartbeatMs: number }): RestartableSite {
  let browser: Browser;
  let front: FrontServer;
  let port: number;
  const running = new Set<BackendProcess>();
  const sessions: DashboardSession[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), `safe-border-${options.name}-`));

  beforeAll(async () => {
    browser = await launchBrowser();
    port = await freePort();
    front = await startFrontServer(port);
  });
  afterAll(async () => {
    for (const started of running) await started.kill();
    for (const session of sessions) await session.close();
    await front?.close();
    await browser?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    get front() {
      return front;
    },
    async backend() {
      const started = await startBackendProcess({ port, seed: options.seed, start: options.start, speed: options.speed, heartbeatMs: options.heartbeatMs, dataDir });
      running.add(started);
      return started;
    },
    async kill(server) {
      await server.kill();
      running.delete(server);
    },
    running: () => [...running][0],
    async open(query, size = { width: 1280, height: 720 }) {
      const session = await openDashboard(browser, front.baseUrl, { ...size, query });
      sessions.push(session);
      return session;
    },
  };
}
