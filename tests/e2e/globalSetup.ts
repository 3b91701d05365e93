/**
 * Builds the production bundle exactly as `npm run build` does and serves it with Vite's preview
 * server (the same headers, CSP included, as `npm start`) on a free loopback port.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium } from './launchBrowser';
import { freePort } from './freePort';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}


export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!findChromium()) {
    throw new Error('e2e: no Chromium. `npm test` installs Debian\'s chromium when run as root; otherwise install it or set CHROME_PATH.');
  }
  const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  if (build.status !== 0) throw new Error(`e2e: npm run build failed (exit ${build.status})`);
  const port = await freePort();
  // The e2e tests steer the simulator (speed, pause, injected alerts) through /control, which the
  // embedded backend serves only when asked.
  process.env.MOCK_CONTROL = 'on';
  // A database of the run's own: every run starts from the same simulated history.
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-border-e2e-'));
  process.env.DATA_DIR = dataDir;
  const server = await preview({ configLoader: 'runner', logLevel: 'warn', preview: { host: '127.0.0.1', port, strictPort: true } });
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  return async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
