/**
 * The bundled server on a shared host, in a real browser: the production page runs under its
 * security headers without a complaint, and a page of another origin on the same machine (the
 * attack the issue names) can neither write, nor read the API, nor open its WebSocket.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { type LoopbackServer, startLoopbackServer } from '../contract/startLoopbackServer';
import { launchBrowser } from './launchBrowser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** /control as the tests drive it: JSON from Node, which sends no Origin (globalSetup turns it on). */
const control = async (body: unknown) =>
  (await (await fetch(`${baseUrl}api/v1/control`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json()) as {
    speed: number;
    injected?: { id: string };
  };

const alertStatus = async (id: string) => {
  const snapshot = (await (await fetch(`${baseUrl}api/v1/snapshot?kinds=alert`)).json()) as { records: { record: { id: string; status: string } }[] };
  return snapshot.records.find(({ record }) => record.id === id)?.record.status;
};

describe('the bundled server in a browser', () => {
  it('serves the page with its headers, and the page runs under them without a violation or a policy warning', async () => {
    const context = await browser.newContext({ viewport: { width: 640, height: 360 } });
    const page = await context.newPage();
    const complaints: string[] = [];
    page.on('console', (message) => {
      if (/permissions.policy|feature policy|content security policy|refused to/i.test(message.text())) complaints.push(`${message.type()}: ${message.text()}`);
    });
    try {
      const response = await page.goto(`${baseUrl}?view=2d`);
      const headers = response!.headers();
      expect(headers['content-security-policy']).toMatch(/^default-src 'self'.*frame-ancestors 'self'$/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['permissions-policy']).toMatch(/camera=\(\)/);
      await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
      expect(complaints).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses another origin\'s page: no write, no read, no stream', async () => {
    const attacker: LoopbackServer = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>elsewhere</title>');
    });
    const context = await browser.newContext();
    const paused = await control({ paused: true });
    try {
      const injected = await control({ inject: { kind: 'alert', severity: 1 } });
      const id = injected.injected!.id;
      expect(await alertStatus(id)).toBe('new');
      const page = await context.newPage();
      await page.goto(`${attacker.origin}/`);
      const outcome = await page.evaluate(
        async ({ api, id }) => {
          const attempt = async (run: () => Promise<unknown>) => {
            try {
              await run();
              return 'sent';
            } catch {
              return 'blocked';
            }
          };
          // A "simple" request: no preflight, so only the server can refuse it.
          const simple = (path: string, body: string) => fetch(`${api}${path}`, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body });
          await simple('/control', '{"speed":7}');
          await simple(`/alerts/${id}/acknowledge`, '{"by":"elsewhere"}');
          const jsonWrite = await attempt(() => fetch(`${api}/alerts/${id}/acknowledge`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"by":"elsewhere"}' }));
          const read = await attempt(async () => (await fetch(`${api}/snapshot?kinds=alert`)).json());
          const stream = await new Promise<string>((resolve) => {
            const socket = new WebSocket(`${api.replace(/^http/, 'ws')}/ws`);
            socket.onopen = () => resolve('open');
            socket.onerror = () => resolve('refused');
          });
          return { jsonWrite, read, stream };
        },
        { api: `${baseUrl}api/v1`, id },
      );
      expect(outcome).toEqual({ jsonWrite: 'blocked', read: 'blocked', stream: 'refused' });
      expect(await alertStatus(id)).toBe('new');
      expect((await control({})).speed).toBe(paused.speed);
    } finally {
      await control({ paused: false });
      await context.close();
      await attacker.close();
    }
  });
});
