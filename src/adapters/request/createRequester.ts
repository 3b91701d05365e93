/**
 * The one way an adapter asks an HTTP server for something (ADR 0008): axios over the fetch API,
 * a time limit on every request, the caller's AbortSignal honoured, and whatever goes wrong
 * returned as a failure value worded by describeHttpFailure (the server's own words, a login
 * page, not JSON, no connection, no answer in time). Nothing here throws.
 */
import axios, { type AxiosResponse } from 'axios';
import { type Result, success } from '../contract';
import { failureForRequestError, notJsonFailure } from './describeHttpFailure';

export interface RequesterOptions {
  /** Where relative URLs resolve from (an API root); absolute URLs are used as they are. */
  baseUrl?: string;
  /** Sent with every request: the source's configured auth header, never put into a URL. */
  headers?: Record<string, string>;
  timeoutMs: number;
  /** The fetch axios sends through: the page's by default, a scripted server's in tests. */
  fetch?: typeof fetch;
}

interface HttpRequest {
  url: string;
  /** Names the request in a failure: the source, what was asked, often the URL. */
  what: string;
  params?: Record<string, string | undefined>;
  /** A JSON body: the request is then a POST. */
  body?: unknown;
  accept?: string;
  /** Headers of this request only (an idempotency key). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

interface TextAnswer {
  text: string;
  /** The URL that answered, after redirects: relative links in the body resolve against it. */
  url: string;
  header(name: string): string | null;
}

interface JsonAnswer extends Omit<TextAnswer, 'text'> {
  body: unknown;
}

export interface Requester {
  text(request: HttpRequest): Promise<Result<TextAnswer>>;
  /** The body parsed here, not by axios: a body that is not JSON is named for what it is. */
  json(request: HttpRequest): Promise<Result<JsonAnswer>>;
}

/** Late-bound, so a page (or a test) that replaces `fetch` is honoured; one identity for axios's adapter cache. */
const pageFetch: typeof fetch = (input, init) => fetch(input, init);

/**
 * axios's fetch adapter keeps the Request it sent but not the Response's final URL; the wrapper
 * notes it, keyed by that Request. One wrapper per fetch, so axios builds one adapter for each.
 */
const answeredUrls = new WeakMap<object, string>();
const wrappers = new WeakMap<typeof fetch, typeof fetch>();

function noteAnsweredUrl(base: typeof fetch): typeof fetch {
  let wrapped = wrappers.get(base);
  if (!wrapped) {
    wrapped = async (input, init) => {
      const response = await base(input, init);
      if (typeof input === 'object' && response.url) answeredUrls.set(input, response.url);
      return response;
    };
    wrappers.set(base, wrapped);
  }
  return wrapped;
}

export function createRequester(options: RequesterOptions): Requester {
  const client = axios.create({
    // fetch in the page and in Node alike, so unit tests exercise the path the wall runs.
    adapter: 'fetch',
    env: { fetch: noteAnsweredUrl(options.fetch ?? pageFetch) },
    ...(options.baseUrl !== undefined ? { baseURL: options.baseUrl } : {}),
    timeout: options.timeoutMs,
    headers: options.headers ?? {},
    // Text in, text out: no transform may turn a body into something else before it is checked.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    // A poll must see the server's current state, never a cached answer.
    fetchOptions: { cache: 'no-store' },
  });

  async function text(request: HttpRequest): Promise<Result<TextAnswer>> {
    let response: AxiosResponse<string>;
    try {
      response = await client.request<string>({
        url: request.url,
        method: request.body === undefined ? 'get' : 'post',
        ...(request.body === undefined ? {} : { data: request.body }),
        ...(request.params ? { params: request.params } : {}),
        ...(request.accept || request.headers ? { headers: { ...request.headers, ...(request.accept ? { Accept: request.accept } : {}) } } : {}),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch (error) {
      return { ok: false, error: failureForRequestError(error, request.what, options.timeoutMs) };
    }
    const sent = response.request as Request | undefined;
    const header = (name: string) => {
      const value: unknown = response.headers[name.toLowerCase()];
      return value === undefined || value === null ? null : String(value);
    };
    const url = (sent && answeredUrls.get(sent)) || sent?.url || request.url;
    return success({ text: typeof response.data === 'string' ? response.data : '', url, header });
  }

  return {
    text,
    async json(request) {
      const answer = await text(request);
      if (!answer.ok) return answer;
      const { text: body, url, header } = answer.value;
      try {
        return success({ body: JSON.parse(body) as unknown, url, header });
      } catch {
        return { ok: false, error: notJsonFailure(body, request.what, header('content-type')) };
      }
    },
  };
}
