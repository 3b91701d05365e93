/**
 * The change stream over a WebSocket. Browsers cannot put headers on a WebSocket, so credentials
 * travel in the first message, never in the URL.
 */
import type { Failure } from '../contract';
import { StreamFailure } from '../stream/StreamFailure';
import { type StreamMessage, decodeWebSocketMessage } from '../stream/streamMessage';

/** The part of the WebSocket API used here: the browser's, or `ws` in Node. */
interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export function openWebSocketStream(
  url: string,
  authorization: string | undefined,
  signal: AbortSignal,
  onMessage: (message: StreamMessage) => void,
  onOpen: () => void,
  WebSocketImpl: WebSocketConstructor,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocketImpl(url);
    let serverError: Failure | undefined;
    // On abort the promise settles at once: a half-open socket's closing handshake can take 30 s.
    const abort = () => {
      socket.close(1000, 'closed by client');
      resolve();
    };
    signal.addEventListener('abort', abort, { once: true });
    socket.onopen = () => {
      if (authorization) socket.send(JSON.stringify({ type: 'auth', authorization }));
      onOpen();
    };
    socket.onmessage = (event) => {
      const message = decodeWebSocketMessage(typeof event.data === 'string' ? event.data : String(event.data));
      if (message.type === 'error') {
        serverError = {
          code: message.error === 'cursor-expired' ? 'cursor-expired' : message.error === 'unauthorized' ? 'unauthorized' : 'http',
          reason: `stream: ${message.message || message.error}`,
        };
      }
      onMessage(message);
    };
    socket.onerror = () => {
      /* onclose follows with the details */
    };
    socket.onclose = (event) => {
      signal.removeEventListener('abort', abort);
      if (signal.aborted) return resolve();
      if (serverError) return reject(new StreamFailure(serverError));
      reject(new StreamFailure({ code: 'network', reason: `stream: WebSocket closed (${event.code}${event.reason ? ` ${event.reason}` : ''})` }));
    };
  });
}
