/**
 * One GET to an OGC API – Features server, answered as a value: the parsed JSON body with the
 * `Content-Crs` header, or a failure naming the source, what was asked, the URL, the status and
 * the server's own words (see describeHttpFailure).
 */
import type { Result } from '../contract';
import { failureForFetchError, failureForStatus, notJsonFailure } from '../http/describeHttpFailure';

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
  fetch: typeof fetch;
}

export function createOgcGet(options: OgcGetOptions): OgcGet {
  return async (url, what) => {
    const label = `${options.sourceId} ${what} ${url}`;
    let response: Response;
    try {
      response = await options.fetch(url, {
        headers: { Accept: 'application/geo+json, application/json;q=0.9', ...options.headers },
        cache: 'no-store',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      return { ok: false, error: failureForFetchError(error, label, options.timeoutMs) };
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) return { ok: false, error: failureForStatus(response.status, text, label, response.headers.get('content-type')) };
    try {
      const contentCrs = response.headers.get('content-crs');
      return { ok: true, value: { body: JSON.parse(text) as unknown, url: response.url || url, contentCrs: contentCrs === null ? null : contentCrs.trim().replace(/^<|>$/g, '') } };
    } catch {
      return { ok: false, error: notJsonFailure(text, label, response.headers.get('content-type')) };
    }
  };
}
