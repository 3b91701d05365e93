/**
 * One mapping from what an HTTP server answered to a failure the HUD can explain: the status,
 * the contract's error code, and the server's own words, whether it sent the contract's JSON, an
 * OGC exception, problem+json or an HTML error page (MapServer, nginx, a login portal). The words
 * are plain text, cut short: the HUD shows them as text, never as HTML.
 */
import { AxiosError, isAxiosError, isCancel } from 'axios';
import type { Failure, FailureCode } from '../contract';

/** How much of a server's own words a failure keeps: a sentence, not a page. */
const MAX_DETAIL_CHARS = 200;

const byError: Record<string, FailureCode> = { 'cursor-expired': 'cursor-expired', unauthorized: 'unauthorized', 'not-found': 'not-found', conflict: 'conflict' };
const byStatus: Record<number, FailureCode> = { 401: 'unauthorized', 403: 'unauthorized', 404: 'not-found', 408: 'timeout', 409: 'conflict', 410: 'cursor-expired', 504: 'timeout' };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const squeeze = (text: string) => {
  const words = text.replace(/\s+/g, ' ').trim();
  return words.length > MAX_DETAIL_CHARS ? `${words.slice(0, MAX_DETAIL_CHARS - 1)}…` : words;
};

/** Whether a body is an HTML page rather than data. */
export function looksLikeHtml(text: string, contentType?: string | null): boolean {
  return /html/i.test(contentType ?? '') || /^\s*(<!doctype html|<html|<head|<body|<title)/i.test(text);
}

/**
 * The readable text of an HTML page: its title and headings first (where servers put the error:
 * MapServer's "msQueryByRect(): Search returned no results", nginx's "502 Bad Gateway"), then
 * the body's text, scripts and styles left out.
 */
export function textOfHtml(html: string): string {
  const source = html.slice(0, 64 * 1024);
  const pick = (pattern: RegExp) => [...source.matchAll(pattern)].map((match) => match[1] ?? '');
  const strip = (fragment: string) => decodeEntities(fragment.replace(/<[^>]*>/g, ' '));
  const titled = [...pick(/<title[^>]*>([\s\S]*?)<\/title>/gi), ...pick(/<h[1-3][^>]*>([\s\S]*?)<\/h[1-3]>/gi)].map(strip).map(squeeze).filter(Boolean);
  const body = squeeze(strip(source.replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, ' ')));
  const unique = [...new Set(titled)];
  const headline = unique.join(' · ');
  if (headline && body.startsWith(unique[0]!)) return squeeze(body.length > headline.length ? body : headline);
  return squeeze([headline, body].filter(Boolean).join(' — '));
}

/** The server's own words in an error body, whatever shape it has; undefined when it says nothing. */
export function serverWords(text: string, contentType?: string | null): string | undefined {
  if (!text.trim()) return undefined;
  if (looksLikeHtml(text, contentType)) return textOfHtml(text) || undefined;
  try {
    const body = JSON.parse(text) as Record<string, unknown> | null;
    if (typeof body !== 'object' || body === null) return undefined;
    const nested = body.error as { message?: unknown } | undefined;
    const found = [body.message, body.description, body.detail, typeof nested === 'object' && nested !== null ? nested.message : undefined, body.title].find(
      (value) => typeof value === 'string' && value.trim() !== '',
    );
    return typeof found === 'string' ? squeeze(found) : undefined;
  } catch {
    return squeeze(text);
  }
}

/** The contract's error code in a JSON body (`{ "error": "cursor-expired" }`), if any. */
function contractError(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: unknown } | null;
    return typeof body?.error === 'string' ? body.error : undefined;
  } catch {
    return undefined;
  }
}

/** A failure for an HTTP error status, from the raw body the server sent with it. */
export function failureForStatus(status: number, bodyText: string, what: string, contentType?: string | null): Failure {
  const errorCode = contractError(bodyText);
  const code = (errorCode === undefined ? undefined : byError[errorCode]) ?? byStatus[status] ?? 'http';
  const detail = serverWords(bodyText, contentType);
  return { code, reason: `${what}: HTTP ${status}${detail ? ` ${detail}` : ''}`, status, ...(detail ? { detail } : {}) };
}

/** A 2xx answer that is not JSON: most often a login portal or a proxy's page in front of the API. */
export function notJsonFailure(bodyText: string, what: string, contentType?: string | null): Failure {
  const html = looksLikeHtml(bodyText, contentType);
  const detail = html ? textOfHtml(bodyText) : squeeze(bodyText.slice(0, 400));
  return {
    code: 'not-json',
    reason: `${what}: the response is not JSON (${contentType ?? 'no content type'}${html ? ', an HTML page' : ''})`,
    ...(detail ? { detail } : {}),
  };
}

/**
 * A request that got no usable answer: the server's error status with its own words, no answer
 * within the time allowed, or no connection at all. `timeoutMs` names the limit in the words.
 */
export function failureForRequestError(error: unknown, what: string, timeoutMs: number): Failure {
  if (isAxiosError(error)) {
    const response = error.response;
    if (response !== undefined) {
      const body = typeof response.data === 'string' ? response.data : '';
      return failureForStatus(response.status, body, what, String(response.headers['content-type'] ?? ''));
    }
    if (error.code === AxiosError.ETIMEDOUT || error.code === AxiosError.ECONNABORTED) return { code: 'timeout', reason: `${what}: no answer within ${timeoutMs} ms` };
    if (isCancel(error)) return { code: 'network', reason: `${what}: cancelled` };
    // fetch says only "fetch failed"; the cause says why (ECONNREFUSED, a reset, a DNS failure).
    const cause = (error.cause as Error | undefined)?.message;
    return { code: 'network', reason: `${what}: ${error.message}${cause && cause !== error.message ? ` (${cause})` : ''}` };
  }
  return { code: 'network', reason: `${what}: ${error instanceof Error ? error.message : String(error)}` };
}
