import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRequester } from './createRequester';

/** A fetch that answers from a function, seeing the Request axios built. */
const answering = (answer: (request: Request) => Response | Promise<Response>) => ((input: Request) => answer(input)) as unknown as typeof fetch;
/** A fetch that never answers and gives up only when its request is aborted, as a real one does. */
const silent = answering((request) => new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))));

afterEach(() => {
  vi.useRealTimers();
});

describe('createRequester', () => {
  it('sends the source’s headers and query, and answers parsed JSON with the URL that answered', async () => {
    const seen: Request[] = [];
    const redirected = answering((request) => {
      seen.push(request);
      const response = new Response('{"ok":true}', { headers: { 'content-type': 'application/json', 'content-crs': '<http://www.opengis.net/def/crs/OGC/1.3/CRS84>' } });
      Object.defineProperty(response, 'url', { value: 'http://gis.example.com/ogc/' });
      return response;
    });
    const request = createRequester({ baseUrl: 'http://gis.example.com/api/', headers: { Authorization: 'Bearer s3cret' }, timeoutMs: 5000, fetch: redirected });
    const answer = await request.json({ url: 'snapshot', params: { kinds: 'alert,station', bbox: undefined }, what: 'gis snapshot' });
    expect(answer).toMatchObject({ ok: true, value: { body: { ok: true }, url: 'http://gis.example.com/ogc/' } });
    expect(answer.ok && answer.value.header('Content-Crs')).toBe('<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
    expect(seen[0]!.url).toBe('http://gis.example.com/api/snapshot?kinds=alert,station');
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer s3cret');
    expect(seen[0]!.cache).toBe('no-store');
  });

  it('ends a request nobody answers in a timeout failure', async () => {
    vi.useFakeTimers();
    const pending = createRequester({ timeoutMs: 2000, fetch: silent }).json({ url: 'http://gis.example.com/x', what: 'gis x' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(await pending).toEqual({ ok: false, error: { code: 'timeout', reason: 'gis x: no answer within 2000 ms' } });
  });

  it('stops when the caller aborts, with a failure rather than a throw', async () => {
    const controller = new AbortController();
    const pending = createRequester({ timeoutMs: 60_000, fetch: silent }).text({ url: 'http://gis.example.com/x', what: 'gis x', signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'network', reason: 'gis x: cancelled' } });
  });

  it('explains an error status in the server’s words, a 200 that is not JSON, and no connection', async () => {
    const refused = createRequester({ timeoutMs: 5000, fetch: answering(() => new Response('{"error":"unauthorized","message":"token expired"}', { status: 401 })) });
    expect(await refused.json({ url: 'http://a.example.com/', what: 'a' })).toEqual({
      ok: false,
      error: { code: 'unauthorized', status: 401, reason: 'a: HTTP 401 token expired', detail: 'token expired' },
    });
    const portal = createRequester({ timeoutMs: 5000, fetch: answering(() => new Response('<html><title>统一身份认证</title></html>', { headers: { 'content-type': 'text/html' } })) });
    expect(await portal.json({ url: 'http://a.example.com/', what: 'a' })).toMatchObject({ ok: false, error: { code: 'not-json', detail: '统一身份认证' } });
    const unreachable = createRequester({ timeoutMs: 5000, fetch: answering(() => Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }))) });
    expect(await unreachable.text({ url: 'http://a.example.com/', what: 'a' })).toMatchObject({ ok: false, error: { code: 'network', reason: expect.stringContaining('connect ECONNREFUSED') } });
  });
});
