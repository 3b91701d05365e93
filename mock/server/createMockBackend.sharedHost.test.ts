/**
 * The backend on a shared host, probed over real HTTP as another site's page (through an
 * operator's browser) or a careless script would: writes are same-origin JSON only, /control is
 * off unless enabled, a foreign WebSocket is refused, and every answer carries the API's headers.
 */
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type LoopbackServer, startLoopbackServer } from '../../tests/contract/startLoopbackServer';
import { loadTestRegion } from '../../tests/contract/loadTestRegion';
import { type MockBackend, createMockBackend } from './createMockBackend';
import { CONTROL_OFF_MESSAGE } from './handleControl';
import { API_CONTENT_SECURITY_POLICY } from './securityHeaders';

let backend: MockBackend;
let loopback: LoopbackServer;

async function start(options: { control?: boolean } = {}): Promise<string> {
  backend = await createMockBackend({ region: loadTestRegion(), seed: 5, start: Date.parse('2026-11-23T02:00:00Z'), heartbeatMs: 200, ...options });
  backend.clock.setPaused(true);
  await backend.advanceTo(backend.clock.now());
  loopback = await startLoopbackServer((request, response) => backend.handle(request, response));
  loopback.server.on('upgrade', (request, socket, head) => {
    if (!backend.handleUpgrade(request, socket, head)) socket.destroy();
  });
  return loopback.origin;
}

afterEach(async () => {
  await backend.close();
  await loopback.close();
});

const JSON_TYPE = { 'Content-Type': 'application/json' };

async function post(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', body, headers });
  return { status: response.status, body: (await response.json()) as { error?: string; message?: string; speed?: number } };
}

/** A request with headers fetch would not let a test set (Origin, Sec-Fetch-Site). */
function rawPost(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: { error?: string; message?: string } }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: string; message?: string } }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('writes to the mock backend', () => {
  it('refuses the issue\'s cross-site text/plain POST to /control, and leaves the speed alone', async () => {
    const origin = await start({ control: true });
    const refused = await rawPost(`${origin}/api/v1/control`, '{"speed":2}', { Origin: 'http://evil.example', 'Content-Type': 'text/plain' });
    expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(refused.body.message).toContain('http://evil.example');
    expect(backend.clock.speed).toBe(1);
  });

  it('refuses a body that is not JSON with 415, naming the type it got', async () => {
    const origin = await start({ control: true });
    const plain = await post(`${origin}/api/v1/control`, '{"speed":2}', { 'Content-Type': 'text/plain;charset=UTF-8' });
    expect(plain).toMatchObject({ status: 415, body: { error: 'unsupported-media-type' } });
    expect(plain.body.message).toMatch(/application\/json.*text\/plain/);
    const form = await post(`${origin}/api/v1/alerts/a-1/acknowledge`, 'by=x', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const bare = await rawPost(`${origin}/api/v1/alerts/a-1/acknowledge`, '', {});
    expect(bare.status).toBe(415);
    expect(bare.body.message).toMatch(/without Content-Type/);
    expect(backend.clock.speed).toBe(1);
  });

  it('refuses a foreign Origin (another port of the same host too) and a cross-site or same-site fetch', async () => {
    const origin = await start({ control: true });
    const host = new URL(origin).host;
    const otherPort = `http://127.0.0.1:${Number(new URL(origin).port) + 1}`;
    for (const headers of <Record<string, string>[]>[
      { Origin: 'http://evil.example' },
      { Origin: otherPort },
      { Origin: `https://${host}x` },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      { Origin: `http://${host}`, 'Sec-Fetch-Site': 'cross-site' },
    ]) {
      const refused = await rawPost(`${origin}/api/v1/control`, '{"speed":2}', { ...JSON_TYPE, ...headers });
      expect({ headers, status: refused.status, error: refused.body.error }).toEqual({ headers, status: 403, error: 'forbidden' });
    }
    expect(backend.clock.speed).toBe(1);
  });

  it('accepts same-origin JSON: from the page (Origin and Sec-Fetch-Site as a browser sends them) and from curl (neither)', async () => {
    const origin = await start({ control: true });
    const fromPage = await rawPost(`${origin}/api/v1/control`, '{"speed":2}', { ...JSON_TYPE, Origin: origin, 'Sec-Fetch-Site': 'same-origin' });
    expect(fromPage.status).toBe(200);
    expect(backend.clock.speed).toBe(2);
    const fromCurl = await post(`${origin}/api/v1/control`, '{"speed":3}', { 'Content-Type': 'application/json; charset=utf-8' });
    expect(fromCurl).toMatchObject({ status: 200, body: { speed: 3 } });
    const acknowledge = await rawPost(`${origin}/api/v1/alerts/none/acknowledge`, '{"by":"李警官"}', { ...JSON_TYPE, Origin: origin });
    expect(acknowledge).toMatchObject({ status: 404, body: { error: 'not-found' } });
  });

  it('behind a proxy, compares the Origin with the host the browser asked for (X-Forwarded-Host)', async () => {
    const origin = await start({ control: true });
    const proxied = { ...JSON_TYPE, 'X-Forwarded-Host': 'wall.example' };
    expect((await rawPost(`${origin}/api/v1/control`, '{"speed":2}', { ...proxied, Origin: 'https://wall.example' })).status).toBe(200);
    expect((await rawPost(`${origin}/api/v1/control`, '{"speed":4}', { ...proxied, Origin: origin })).status).toBe(403);
    expect(backend.clock.speed).toBe(2);
  });

  it('keeps reads open to any client: a GET with a foreign Origin is answered, without CORS headers', async () => {
    const origin = await start();
    const response = await fetch(`${origin}/api/v1/health`, { headers: { Origin: 'http://evil.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the control endpoint', () => {
  it('is off by default, saying how to turn it on, for GET and POST', async () => {
    const origin = await start();
    expect(await post(`${origin}/api/v1/control`, '{"speed":600}', JSON_TYPE)).toEqual({ status: 403, body: { error: 'forbidden', message: CONTROL_OFF_MESSAGE } });
    const status = await fetch(`${origin}/api/v1/control`);
    expect(status.status).toBe(403);
    expect(CONTROL_OFF_MESSAGE).toMatch(/MOCK_CONTROL=on/);
    expect(backend.clock.speed).toBe(1);
  });

  it('steers the simulator when enabled', async () => {
    const origin = await start({ control: true });
    expect(await post(`${origin}/api/v1/control`, '{"speed":600}', JSON_TYPE)).toMatchObject({ status: 200, body: { speed: 600 } });
    expect((await fetch(`${origin}/api/v1/control`)).status).toBe(200);
  });
});

describe('the API\'s headers', () => {
  it('are on every answer: JSON, errors, the event stream and OGC', async () => {
    const origin = await start();
    const controller = new AbortController();
    const answers = await Promise.all([
      fetch(`${origin}/api/v1/health`),
      fetch(`${origin}/api/v1/nothing`),
      fetch(`${origin}/api/v1/control`, { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } }),
      fetch(`${origin}/ogc/v1/collections`),
      fetch(`${origin}/elsewhere`),
      fetch(`${origin}/api/v1/stream`, { signal: controller.signal }),
    ]);
    for (const answer of answers) {
      expect({ url: answer.url, nosniff: answer.headers.get('x-content-type-options') }).toEqual({ url: answer.url, nosniff: 'nosniff' });
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('permissions-policy')).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
      expect(answer.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    }
    controller.abort();
  });
});

describe('the WebSocket stream', () => {
  const open = (url: string, origin?: string) =>
    new Promise<number>((resolve) => {
      const socket = new WebSocket(url, origin ? { origin } : {});
      socket.once('open', () => {
        socket.terminate();
        resolve(101);
      });
      // Handling this event leaves closing the refused handshake to the caller.
      socket.once('unexpected-response', (request, response) => {
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      socket.on('error', () => undefined);
    });

  it('refuses a page of another origin (WebSockets are not bound by CORS) and takes its own page and plain clients', async () => {
    const origin = await start();
    const url = `${origin.replace('http', 'ws')}/api/v1/ws`;
    expect(await open(url, 'http://evil.example')).toBe(403);
    expect(await open(url, origin)).toBe(101);
    expect(await open(url)).toBe(101);
  });
});
