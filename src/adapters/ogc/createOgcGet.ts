/**
 * One GET to an OGC API – Features server, through the one request path (../request), answered
 * as a value: the parsed JSON body with the `Content-Crs` header, or a failure naming the source,
 * what was asked, the URL, the status and the server's own words.
 */
import type { Result } from '../contract';
import { createRequester } from '../request/createRequester';

interface OgcResponse {
  body: unknown;
  /** The URL answered, to resolve relative links against. */
  url: string;
  /** `Content-Crs` (OGC Part 2) without its angle brackets, or null when the server did not send it. */
  contentCrs: string | null;
}

export type OgcGet = (url: string, what: string) => Promise<Result<OgcResponse>>;

export interface OgcGetOptions {
  sourceId: string;
  headers: Record<string, string>;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export function createOgcGet(options: OgcGetOptions): OgcGet {
  const request = createRequester({ headers: options.headers, timeoutMs: options.timeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}) });
  return async (url, what) => {
    const answer = await request.json({ url, what: `${options.sourceId} ${what} ${url}`, accept: 'application/geo+json, application/json;q=0.9' });
    if (!answer.ok) return answer;
    const contentCrs = answer.value.header('content-crs');
    return { ok: true, value: { body: answer.value.body, url: answer.value.url, contentCrs: contentCrs === null ? null : contentCrs.trim().replace(/^<|>$/g, '') } };
  };
}
