/**
 * Server-sent events over fetch (not EventSource, which cannot send an Authorization header and
 * reconnects on its own terms). Resolves when the server ends the stream, rejects on a failure.
 */
import { createParser } from 'eventsource-parser';
import { failureForStatus } from '../request/describeHttpFailure';
import { StreamFailure } from '../stream/StreamFailure';
import { type StreamMessage, decodeStreamMessage } from '../stream/streamMessage';

/** A message this large is a broken or hostile backend; it is dropped and counted, the stream goes on. */
const MAX_STREAM_MESSAGE_BYTES = 8 * 1024 * 1024;

/** Finds the blank line that ends an SSE message, across chunk boundaries. */
export class BlankLineFinder {
  private newlines = 0;

  reset(): void {
    this.newlines = 0;
  }

  /** The index just after the blank line in `chunk`, or -1 when the message goes on. */
  findEnd(chunk: string): number {
    for (let i = 0; i < chunk.length; i++) {
      const char = chunk.charCodeAt(i);
      if (char === 10) {
        if (++this.newlines === 2) return i + 1;
      } else if (char !== 13) {
        this.newlines = 0;
      }
    }
    return -1;
  }
}

export async function openEventStream(
  url: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  onMessage: (message: StreamMessage) => void,
  onOpen: () => void,
  fetchImpl: typeof fetch = fetch,
  maxBufferSize = MAX_STREAM_MESSAGE_BYTES,
): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { Accept: 'text/event-stream', ...headers }, signal, cache: 'no-store' });
  } catch (error) {
    if (signal.aborted) return;
    throw new StreamFailure({ code: 'network', reason: `stream: ${(error as Error).message}` });
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw new StreamFailure(failureForStatus(response.status, text, 'stream', response.headers.get('content-type')));
  }
  if (!response.body) throw new StreamFailure({ code: 'network', reason: 'stream: response has no body' });
  onOpen();
  let overflowed = false;
  const parser = createParser({
    maxBufferSize,
    onEvent: (event) => onMessage(decodeStreamMessage(event.event ?? 'message', event.data)),
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') overflowed = true;
      else onMessage({ type: 'malformed', reason: `stream: ${error.type}` });
    },
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let skippingOversized = false;
  const skipper = new BlankLineFinder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (skippingOversized) {
        // Drop the rest of an oversized message: everything up to the blank line that ends it,
        // which may straddle two chunks.
        const end = skipper.findEnd(value);
        if (end < 0) continue;
        skippingOversized = false;
        parser.reset();
        parser.feed(value.slice(end));
      } else {
        parser.feed(value);
      }
      if (overflowed) {
        // The parser stops after an oversized message; count it, skip its tail and carry on.
        overflowed = false;
        skippingOversized = true;
        skipper.reset();
        parser.reset();
        onMessage({ type: 'malformed', reason: `stream: a message over ${Math.round(maxBufferSize / 1_048_576)} MB was dropped` });
      }
    }
  } catch (error) {
    if (signal.aborted) return;
    throw new StreamFailure({ code: 'network', reason: `stream: ${(error as Error).message}` });
  } finally {
    reader.releaseLock();
  }
}
