/**
 * Server-sent events over fetch (not EventSource, which cannot send an Authorization header and
 * reconnects on its own terms). Resolves when the server ends the stream, rejects on a failure.
 */
import { createParser } from 'eventsource-parser';
import type { Failure } from '../contract';
import { type StreamMessage, decodeStreamMessage } from './streamMessage';

/** A message this large is a broken or hostile backend; it is dropped and counted, the stream goes on. */
export const MAX_STREAM_MESSAGE_BYTES = 8 * 1024 * 1024;

export class StreamFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.reason);
    this.name = 'StreamFailure';
  }
}

export async function openEventStream(
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  onMessage: (message: StreamMessage) => void,
  onOpen: () => void,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { Accept: 'text/event-stream', ...headers }, signal, cache: 'no-store' });
  } catch (error) {
    if (signal.aborted) return;
    throw new StreamFailure({ code: 'network', reason: `stream: ${(error as Error).message}` });
  }
  if (!response.ok) {
    let code: Failure['code'] = response.status === 401 ? 'unauthorized' : 'http';
    let reason = `stream: HTTP ${response.status}`;
    try {
      const body = (await response.json()) as { error?: string; message?: string };
      if (body.error === 'cursor-expired') code = 'cursor-expired';
      if (body.message) reason += ` ${body.message}`;
    } catch {
      /* the status says enough */
    }
    throw new StreamFailure({ code, reason, status: response.status });
  }
  if (!response.body) throw new StreamFailure({ code: 'network', reason: 'stream: response has no body' });
  onOpen();
  const parser = createParser({
    maxBufferSize: MAX_STREAM_MESSAGE_BYTES,
    onEvent: (event) => onMessage(decodeStreamMessage(event.event ?? 'message', event.data)),
    onError: (error) => onMessage({ type: 'malformed', reason: `stream: ${error.type}` }),
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(value);
    }
  } catch (error) {
    if (signal.aborted) return;
    throw new StreamFailure({ code: 'network', reason: `stream: ${(error as Error).message}` });
  } finally {
    reader.releaseLock();
  }
}
