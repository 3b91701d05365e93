import { describe, expect, it } from 'vitest';
import type { StreamMessage } from '../stream/streamMessage';
import { BlankLineFinder, openEventStream } from './openEventStream';

describe('openEventStream', () => {
  const streamOf = (chunks: string[]) =>
    (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
            controller.close();
          },
        }),
        { headers: { 'Content-Type': 'text/event-stream' } },
      )) as unknown as typeof fetch;

  it('drops an oversized message, says so, and keeps reading the messages after it', async () => {
    const messages: StreamMessage[] = [];
    const huge = 'x'.repeat(5000);
    await openEventStream(
      'http://127.0.0.1/stream',
      {},
      new AbortController().signal,
      (message) => messages.push(message),
      () => {},
      streamOf([
        'event: heartbeat\ndata: {"seq":1}\n\n',
        `event: changes\ndata: {"seq":2,"changes":["${huge.slice(0, 2500)}`,
        `${huge.slice(2500)}"]}\n`,
        '\nevent: heartbeat\ndata: {"seq":3}\n\n',
      ]),
      1024,
    );
    expect(messages.map((m) => (m.type === 'heartbeat' ? `heartbeat ${m.seq}` : m.type))).toEqual(['heartbeat 1', 'malformed', 'heartbeat 3']);
    expect(messages[1]).toMatchObject({ reason: expect.stringMatching(/dropped/) });
  });

  it('finds the end of a message even when the blank line straddles two chunks', () => {
    const finder = new BlankLineFinder();
    expect(finder.findEnd('data: abc\r\n')).toBe(-1);
    expect(finder.findEnd('\r\nnext')).toBe(2);
  });

  it('maps an error response to the failure a client acts on', async () => {
    const gone = (async () => new Response(JSON.stringify({ error: 'cursor-expired', message: 'too old' }), { status: 410 })) as unknown as typeof fetch;
    await expect(openEventStream('http://127.0.0.1/stream', {}, new AbortController().signal, () => {}, () => {}, gone)).rejects.toMatchObject({
      failure: { code: 'cursor-expired', status: 410, reason: 'stream: HTTP 410 too old' },
    });
  });
});
