/**
 * Keeps a change stream alive for as long as it is wanted: connects, applies what arrives,
 * watches for silence (no change or heartbeat within the timeout means a dead connection even if
 * the socket looks open), reconnects with backoff and jitter capped at 10 s, resumes after the
 * last sequence number it applied, and falls back to a fresh snapshot when the backend no
 * longer keeps changes that old. Nothing is lost, nothing is applied twice.
 */
import type { Failure, Result, Snapshot, StreamHandlers, StreamStatus, Subscription } from '../contract';
import { type ValidationContext, validateChanges } from '../validateRecords';
import { StreamFailure } from './openEventStream';
import { reconnectDelayMs } from './reconnectDelay';
import type { StreamMessage } from './streamMessage';

export type OpenTransport = (after: number, signal: AbortSignal, onMessage: (message: StreamMessage) => void, onOpen: () => void) => Promise<void>;

export interface ResumableStreamOptions {
  cursor: number;
  open: OpenTransport;
  takeSnapshot(): Promise<Result<Snapshot>>;
  validation: ValidationContext;
  handlers: StreamHandlers;
  /** Silence longer than this counts as a lost connection (two heartbeat intervals by default). */
  heartbeatTimeoutMs: number;
  random?: () => number;
  now?: () => number;
}

export function startResumableStream(options: ResumableStreamOptions): Subscription {
  const { handlers, validation } = options;
  const now = options.now ?? Date.now;
  let cursor = options.cursor;
  let attempt = 0;
  let closed = false;
  let connection: AbortController | undefined;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let watchdogFired = false;
  let wake: (() => void) | undefined;
  let status: StreamStatus = { state: 'connecting', attempt: 0 };

  const report = (next: Partial<StreamStatus>) => {
    // Once closed, a connection attempt still winding down has nothing more to say.
    if (closed && next.state !== 'closed') return;
    status = { ...status, ...next };
    handlers.onStatus?.(status);
  };

  const armWatchdog = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      watchdogFired = true;
      connection?.abort();
    }, options.heartbeatTimeoutMs);
  };

  const onMessage = (message: StreamMessage) => {
    armWatchdog();
    const lastMessageAt = new Date(now()).toISOString();
    switch (message.type) {
      case 'changes': {
        const { changes, rejected } = validateChanges(message.changes, validation);
        if (rejected.length > 0) handlers.onRejected?.(rejected);
        // Already applied (a replay after reconnecting, or a duplicate delivery): skip.
        const fresh = changes.filter((change) => change.seq > cursor);
        const batchSeq = message.seq ?? Math.max(cursor, ...changes.map((change) => change.seq));
        const next = Math.max(cursor, batchSeq);
        if (fresh.length > 0 || next > cursor) {
          cursor = next;
          handlers.onChanges(fresh, cursor);
        }
        status = { ...status, lastMessageAt };
        return;
      }
      case 'heartbeat':
        report({ lastMessageAt });
        return;
      case 'malformed':
        handlers.onRejected?.([{ source: validation.source, kind: null, id: null, reason: message.reason }]);
        return;
      case 'error':
        return;
    }
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const run = async () => {
    while (!closed) {
      connection = new AbortController();
      watchdogFired = false;
      report({ state: attempt === 0 ? 'connecting' : 'reconnecting', attempt });
      armWatchdog();
      let failed: Failure;
      try {
        await options.open(cursor, connection.signal, onMessage, () => {
          attempt = 0;
          report({ state: 'live', attempt: 0, lastMessageAt: new Date(now()).toISOString() });
        });
        failed = watchdogFired
          ? { code: 'timeout', reason: `stream: nothing heard for ${Math.round(options.heartbeatTimeoutMs / 1000)} s` }
          : { code: 'network', reason: 'stream: the server closed the stream' };
      } catch (error) {
        failed = error instanceof StreamFailure ? error.failure : { code: 'network', reason: `stream: ${String(error)}` };
      }
      clearTimeout(watchdog);
      if (closed) break;
      if (failed.code === 'cursor-expired') {
        const snapshot = await options.takeSnapshot();
        if (closed) break;
        if (snapshot.ok) {
          if (snapshot.value.rejected.length > 0) handlers.onRejected?.(snapshot.value.rejected);
          handlers.onResync?.(snapshot.value);
          cursor = snapshot.value.cursor;
          continue;
        }
        failed = snapshot.error;
      }
      attempt += 1;
      report({ state: 'reconnecting', attempt, lastError: failed });
      await pause(reconnectDelayMs(attempt, options.random));
    }
  };
  void run();

  return {
    close() {
      if (closed) return;
      closed = true;
      clearTimeout(watchdog);
      connection?.abort();
      wake?.();
      report({ state: 'closed' });
    },
  };
}
