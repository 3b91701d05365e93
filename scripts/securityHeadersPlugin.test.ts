/**
 * The real Vite preview server `npm start` runs (this repository's vite.config.ts, the embedded
 * mock backend included), serving a two-file stand-in for dist/ so no build is needed: every kind
 * of answer carries the security headers, and no origin gets CORS.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../tests/e2e/freePort';
import { API_CONTENT_SECURITY_POLICY } from '../mock/server/securityHeaders';
import { contentSecurityPolicyHeader } from './contentSecurityPolicy';

let server: PreviewServer;
let origin: string;
let outDir: string;
const controlBefore = process.env.MOCK_CONTROL;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'safe-border-headers-'));
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>t</title><script type="module" src="/app.js"></script>');
  writeFileSync(join(outDir, 'app.js'), 'export {};\n');
  delete process.env.MOCK_CONTROL;
  const port = await freePort();
  server = await preview({ configLoader: 'runner', logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
  origin = `http://127.0.0.1:${port}`;
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
  if (controlBefore !== undefined) process.env.MOCK_CONTROL = controlBefore;
});

const FOREIGN = { Origin: 'http://localhost:5173' };

function expectCommonHeaders(response: Response) {
  const where = new URL(response.url).pathname;
  expect({ where, nosniff: response.headers.get('x-content-type-options') }).toEqual({ where, nosniff: 'nosniff' });
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
  // Vite's default CORS answers any http://localhost:* origin; here it is off.
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
}

describe('the preview server of `npm start`', () => {
  it('sends the page its CSP and the security headers, on the page, a script and a 404', async () => {
    for (const path of ['/', '/index.html', '/app.js', '/no-such-file.js']) {
      const response = await fetch(`${origin}${path}`, { headers: FOREIGN });
      expectCommonHeaders(response);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicyHeader);
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
    expect((await fetch(`${origin}/no-such-file.js`)).status).toBe(404);
  });

  it('sends the API its stricter CSP, and no CORS to a localhost page of another port', async () => {
    for (const path of ['/api/v1/health', '/api/v1/nothing', '/ogc/v1/collections']) {
      const response = await fetch(`${origin}${path}`, { headers: FOREIGN });
      expectCommonHeaders(response);
      expect(response.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
    const preflight = await fetch(`${origin}/api/v1/control`, { method: 'OPTIONS', headers: { ...FOREIGN, 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('keeps the embedded backend\'s /control off unless MOCK_CONTROL=on, and refuses non-JSON writes', async () => {
    const control = await fetch(`${origin}/api/v1/control`, { method: 'POST', body: '{"speed":2}', headers: { 'Content-Type': 'application/json' } });
    expect(control.status).toBe(403);
    expect(((await control.json()) as { message: string }).message).toMatch(/MOCK_CONTROL=on/);
    const plain = await fetch(`${origin}/api/v1/alerts/a/acknowledge`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain' } });
    expect(plain.status).toBe(415);
  });
});
