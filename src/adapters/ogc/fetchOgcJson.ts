/**
 * One GET to an OGC API – Features server, answered as a value: the parsed JSON body with the
 * `Content-Crs` header, or a failure naming the source, what was asked, the URL and the status.
 */
import { type Result, failure } from '../contract';
import { failureForStatus } from '../http/describeHttpFailure';

export interface OgcResponse {
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

/** OGC servers answer errors as `{ code, description }`; ArcGIS as `{ error: { message } }`; others as problem+json. */
function exceptionMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { description?: unknown; detail?: unknown; title?: unknown; message?: unknown; error?: { message?: unknown } };
    const message = [body.description, body.detail, body.message, body.error?.message, body.title].find((value) => typeof value === 'string' && value !== '');
    return message as string | undefined;
  } catch {
    return undefined;
  }
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
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError') return failure('timeout', `${label}: no answer within ${options.timeoutMs} ms`);
      return failure('network', `${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const message = exceptionMessage(text);
      const { code, reason, status } = failureForStatus(response.status, message === undefined ? undefined : { message }, label);
      return failure(code, reason, status);
    }
    try {
      const contentCrs = response.headers.get('content-crs');
      return { ok: true, value: { body: JSON.parse(text) as unknown, url: response.url || url, contentCrs: contentCrs === null ? null : contentCrs.trim().replace(/^<|>$/g, '') } };
    } catch (error) {
      const type = response.headers.get('content-type') ?? 'no content type';
      return failure('invalid', `${label}: the response is not JSON (${type}: ${error instanceof Error ? error.message.slice(0, 120) : String(error)})`);
    }
  };
}
