import type { IncomingMessage } from 'node:http';
import type { ErrorResponse } from '../../src/domain/wire';

export interface WriteRefusal {
  status: 403 | 415;
  error: Extract<ErrorResponse['error'], 'forbidden' | 'unsupported-media-type'>;
  message: string;
}

/** Methods that only read; every other method changes state and is checked. */
const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Why a request that changes state must be refused, or undefined when it may proceed.
 *
 * A page on any other site can make an operator's browser post to this backend: a `text/plain`
 * or form body needs no CORS preflight, so CORS alone never stops it. A write is therefore taken
 * only when it is JSON (which another origin cannot send without a preflight we never grant) and
 * not marked by the browser as coming from elsewhere: an `Origin` whose host:port is not this
 * request's `Host`, or `Sec-Fetch-Site` other than `same-origin` (`same-site` included: on a
 * shared host every port is the same site). Clients that are not browsers (curl, backends) send
 * neither header and are let through on the JSON rule alone.
 *
 * Behind a reverse proxy the host the browser used arrives as `X-Forwarded-Host` (nginx:
 * `proxy_set_header X-Forwarded-Host $http_host;`), or every write from the page is refused.
 * Trusting that header gives another site nothing: a browser sends it cross-origin only after a
 * CORS preflight, which this server never grants.
 */
export function refuseUnsafeWrite(request: IncomingMessage): WriteRefusal | undefined {
  if (READ_METHODS.has(request.method ?? 'GET')) return undefined;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return { status: 403, error: 'forbidden', message: `a ${request.method} from another site (Sec-Fetch-Site: ${fetchSite}) is refused: writes come from this origin's own page only` };
  }
  const fromElsewhere = foreignOrigin(request, 'write');
  if (fromElsewhere) return { status: 403, error: 'forbidden', message: `a ${request.method} ${fromElsewhere}` };
  const contentType = request.headers['content-type'];
  const mediaType = contentType?.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return {
      status: 415,
      error: 'unsupported-media-type',
      message: `a ${request.method} takes a JSON body sent as Content-Type: application/json, not ${contentType === undefined ? 'a body without Content-Type' : contentType}`,
    };
  }
  return undefined;
}

/**
 * Why the request's `Origin` is not this server's, or undefined when it is or there is none (a
 * client that is not a browser). Same origin: the Origin's host:port is the host the browser
 * asked for, the proxy's `X-Forwarded-Host` (its first entry) or else `Host`.
 */
export function foreignOrigin(request: IncomingMessage, action: string): string | undefined {
  const origin = request.headers.origin;
  const forwarded = request.headers['x-forwarded-host'];
  const host = (typeof forwarded === 'string' ? forwarded.split(',')[0]!.trim() : request.headers.host)?.toLowerCase();
  if (origin === undefined || originHost(origin) === host) return undefined;
  return `from origin ${origin} is refused: only pages served by this host (${host ?? 'no Host header'}) may ${action}`;
}

/** `host:port` of an Origin header as a Host header would name it; undefined for `null` or junk. */
function originHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : undefined;
  } catch {
    return undefined;
  }
}
