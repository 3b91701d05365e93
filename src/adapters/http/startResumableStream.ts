/**
 * Keeps a change stream alive for as long as it is wanted: connects, applies what arrives,
 * watches for silence (no change or heartbeat within the timeout means a dead connection even if
 * the socket looks open), reconnects with backoff and jitter capped at 10 s, resumes after the
 * last sequence number it applied, and falls back to a fresh snapshot when the backend no longer
 * keeps changes that old, or announces a different history (epoch). Nothing is lost, nothing is
 * applied twice.
 */
import { advanceCursor } from '../advanceCursor';
import type { Failure, Result, Snapshot, StreamHandlers, StreamStatus, Subscription } from '../contract';
import { type ValidationContext, validateChanges } from '../validateRecords';
import { StreamFailure } from './openEventStream';
import { reconnectDelayMs } from './reconnectDelay';
import type { StreamMessage } from './streamMessage';

export type OpenTransport = (after: number, signal: AbortSignal, onMessage: (message: StreamMessage) => void, onOpen: () => void) => Promise<void>;

export interface ResumableStreamOptions {
  cursor: number;
  epoch?: string;
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
  let epoch = options.epoch;
  let attempt = 0;
  let closed = false;
  let connection: AbortController | undefined;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  /** Why the current connection was cut from this side (silence, a server error, another history). */
  let cutBecause: Failure | undefined;
  let wake: (() => void) | undefined;
  let status: StreamStatus = { state: 'connecting', attempt: 0 };

  const report = (next: Partial<StreamStatus>) => {
    // Once closed, a connection attempt still winding down has nothing more to say.
    if (closed && next.state !== 'closed') return;
    status = { ...status, ...next };
    handlers.onStatus?.(status);
  };

  const cut = (failure: Failure) => {
    cutBecause ??= failure;
    connection?.abort();
  };

  const armWatchdog = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => cut({ code: 'timeout', reason: `stream: nothing heard for ${Math.round(options.heartbeatTimeoutMs / 1000)} s` }), options.heartbeatTimeoutMs);
  };

  /** The backend says which history it streams; another one than the snapshot's means starting over. */
  const sameHistory = (messageEpoch: string | undefined) => {
    if (messageEpoch === undefined || epoch === undefined || messageEpoch === epoch) return true;
    cut({ code: 'history-changed', reason: `stream: the backend's history changed (epoch ${epoch} → ${messageEpoch})` });
    return false;
  };

  const onMessage = (message: StreamMessage) => {
    if (closed || connection?.signal.aborted) return;
    armWatchdog();
    const lastMessageAt = new Date(now()).toISOString();
    switch (message.type) {
      case 'changes': {
        if (!sameHistory(message.epoch)) return;
        // A connection that delivers is a good one: only now does the backoff start over.
        attempt = 0;
        const { changes, rejected } = validateChanges(message.changes, validation);
        if (rejected.length > 0) handlers.onRejected?.(rejected);
        const advanced = advanceCursor(cursor, changes, message.seq);
        if (advanced.fresh.length > 0 || advanced.cursor > cursor) {
          cursor = advanced.cursor;
          handlers.onChanges(advanced.fresh, cursor);
        }
        status = { ...status, lastMessageAt };
        return;
      }
      case 'heartbeat':
        if (!sameHistory(message.epoch)) return;
        attempt = 0;
        report({ lastMessageAt, ...(message.at ? { backendTime: message.at } : {}) });
        return;
      case 'malformed':
        handlers.onRejected?.([{ source: validation.source, kind: null, id: null, reason: message.reason }]);
        return;
      case 'error':
        cut({
          code: message.error === 'cursor-expired' ? 'cursor-expired' : message.error === 'unauthorized' ? 'unauthorized' : 'http',
          reason: `stream: ${message.message || message.error}`,
        });
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

  const resync = async (replace: boolean): Promise<Failure | undefined> => {
    const snapshot = await options.takeSnapshot();
    if (closed) return undefined;
    if (!snapshot.ok) return snapshot.error;
    if (snapshot.value.rejected.length > 0) handlers.onRejected?.(snapshot.value.rejected);
    handlers.onResync?.(snapshot.value, { replace });
    cursor = snapshot.value.cursor;
    epoch = snapshot.value.epoch;
    return undefined;
  };

  const run = async () => {
    while (!closed) {
      connection = new AbortController();
      cutBecause = undefined;
      report({ state: attempt === 0 ? 'connecting' : 'reconnecting', attempt });
      armWatchdog();
      let failed: Failure;
      try {
        await options.open(cursor, connection.signal, onMessage, () => report({ state: 'live', lastMessageAt: new Date(now()).toISOString() }));
        failed = cutBecause ?? { code: 'network', reason: 'stream: the server closed the stream' };
      } catch (error) {
        failed = cutBecause ?? (error instanceof StreamFailure ? error.failure : { code: 'network', reason: `stream: ${String(error)}` });
      }
      clearTimeout(watchdog);
      if (closed) break;
      if (failed.code === 'cursor-expired' || failed.code === 'history-changed') {
        const resyncFailure = await resync(failed.code === 'history-changed');
        if (closed) break;
        if (resyncFailure) failed = resyncFailure;
      }
      // Every lost connection waits its backoff, resync or not: a backend flapping between
      // histories must not be asked for snapshots in a tight loop.
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
