/**
 * Keeps a change stream alive for as long as it is wanted: connects, applies what arrives,
 * watches for silence (nothing within two heartbeat intervals means a dead connection even if
 * the socket looks open), reconnects with backoff and jitter capped at 10 s, resumes after the
 * last sequence number it applied, and falls back to a fresh snapshot when the backend no longer
 * keeps changes that old. It also notices a backend that restarted, whichever way it shows it
 * (another epoch, a latest sequence number behind the cursor, a clock that went back), and then
 * has the snapshot replace what the source delivered. Nothing is lost, nothing is applied twice,
 * nothing stale is kept.
 */
import { advanceCursor } from '../advanceCursor';
import type { Failure, ResyncReason, Result, Snapshot, StreamHandlers, StreamStatus, Subscription } from '../contract';
import { type ValidationContext, validateChanges } from '../validateRecords';
import { StreamFailure } from './StreamFailure';
import { reconnectDelayMs } from './reconnectDelay';
import type { StreamMessage } from './streamMessage';

/**
 * One connection of a transport: resolves when it ends, rejects with a StreamFailure. `onOpen`:
 * the transport is ready (connected; for MQTT, caught up with the change log).
 */
export type OpenTransport = (after: number, signal: AbortSignal, onMessage: (message: StreamMessage) => void, onOpen: () => void) => Promise<void>;

export interface ResumableStreamOptions {
  cursor: number;
  epoch?: string;
  open: OpenTransport;
  takeSnapshot(): Promise<Result<Snapshot>>;
  validation: ValidationContext;
  handlers: StreamHandlers;
  /**
   * Silence longer than this counts as a lost connection, until the backend announces its
   * heartbeat interval: then two of those.
   */
  heartbeatTimeoutMs: number;
  random?: () => number;
  now?: () => number;
}

/** A clock stepping back further than this is a restart, not a correction (NTP slews far less). */
const CLOCK_STEP_BACK_MS = 60_000;

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
  let staleAfterMs = options.heartbeatTimeoutMs;
  let status: StreamStatus = { state: 'connecting', attempt: 0, staleAfterMs };
  /**
   * The stream is live once its transport is ready (connected, and for MQTT caught up) and the
   * backend has said something on the connection: an open socket alone proves nothing.
   */
  let ready = false;
  let heard = false;
  /** The newest backend clock reading since the last snapshot, to notice a clock that went back. */
  let newestBackendTimeMs: number | undefined;
  /** What a message said about a restart, for the snapshot that follows to confirm. */
  let suspected: ResyncReason | undefined;

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
    watchdog = setTimeout(() => cut({ code: 'timeout', reason: `stream: nothing heard for ${Math.round(staleAfterMs / 1000)} s` }), staleAfterMs);
  };

  const suspectRestart = (reason: ResyncReason, words: string) => {
    suspected ??= reason;
    cut({ code: 'history-changed', reason: `stream: ${words}` });
  };

  /** The backend says which history it streams; another one than the snapshot's means starting over. */
  const sameHistory = (messageEpoch: string | undefined) => {
    if (messageEpoch === undefined || epoch === undefined || messageEpoch === epoch) return true;
    suspectRestart('new-epoch', `the backend's history changed (epoch ${epoch} → ${messageEpoch})`);
    return false;
  };

  /** A heartbeat that shows the backend behind what was applied: its log or its clock went back. */
  const restartShownBy = (message: Extract<StreamMessage, { type: 'heartbeat' }>) => {
    if (message.seq !== undefined && message.seq < cursor) {
      suspectRestart('sequence-behind', `the backend's latest change is ${message.seq}, behind change ${cursor} applied here`);
      return true;
    }
    const atMs = message.at === undefined ? Number.NaN : Date.parse(message.at);
    if (!Number.isFinite(atMs)) return false;
    if (newestBackendTimeMs !== undefined && atMs < newestBackendTimeMs - CLOCK_STEP_BACK_MS) {
      suspectRestart('clock-behind', `the backend's clock went back from ${new Date(newestBackendTimeMs).toISOString()} to ${message.at}`);
      return true;
    }
    newestBackendTimeMs = Math.max(newestBackendTimeMs ?? atMs, atMs);
    return false;
  };

  const heardFrom = (lastMessageAt: string, extra: Partial<StreamStatus> = {}) => {
    // A connection that delivers is a good one: only now does the backoff start over.
    attempt = 0;
    const wasLive = ready && heard;
    heard = true;
    report({ lastMessageAt, ...extra, ...(ready && !wasLive ? { state: 'live' as const, attempt: 0 } : {}) });
  };

  const onReady = () => {
    if (closed || connection?.signal.aborted || ready) return;
    ready = true;
    if (heard) report({ state: 'live', attempt: 0 });
  };

  const onMessage = (message: StreamMessage) => {
    if (closed || connection?.signal.aborted) return;
    armWatchdog();
    const lastMessageAt = new Date(now()).toISOString();
    switch (message.type) {
      case 'changes': {
        if (!sameHistory(message.epoch)) return;
        const { changes, rejected } = validateChanges(message.changes, validation);
        if (rejected.length > 0) handlers.onRejected?.(rejected);
        const advanced = advanceCursor(cursor, changes, message.seq);
        if (advanced.fresh.length > 0 || advanced.cursor > cursor) {
          cursor = advanced.cursor;
          handlers.onChanges(advanced.fresh, cursor);
        }
        // Status reports are for changes of state; a busy stream's every batch is not one.
        if (heard && ready) status = { ...status, lastMessageAt };
        else heardFrom(lastMessageAt);
        return;
      }
      case 'heartbeat':
        if (!sameHistory(message.epoch)) return;
        if (message.intervalMs !== undefined && 2 * message.intervalMs !== staleAfterMs) {
          staleAfterMs = 2 * message.intervalMs;
          armWatchdog();
        }
        if (restartShownBy(message)) return;
        heardFrom(lastMessageAt, { staleAfterMs, ...(message.at ? { backendTime: message.at } : {}) });
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

  /**
   * Takes a fresh snapshot and decides from it, not from one message, whether the backend
   * restarted: another epoch or a cursor behind ours is one; a clock that went back can only be
   * taken on the heartbeat's word. Otherwise the cursor had merely expired.
   */
  const resync = async (): Promise<Failure | undefined> => {
    const snapshot = await options.takeSnapshot();
    if (closed) return undefined;
    // A failed snapshot keeps the suspicion: the next good one still replaces.
    if (!snapshot.ok) return snapshot.error;
    const fresh = snapshot.value;
    const reason: ResyncReason =
      epoch !== undefined && fresh.epoch !== epoch ? 'new-epoch' : fresh.cursor < cursor ? 'sequence-behind' : suspected === 'clock-behind' ? 'clock-behind' : 'cursor-expired';
    if (fresh.rejected.length > 0) handlers.onRejected?.(fresh.rejected);
    handlers.onResync?.(fresh, { replace: reason !== 'cursor-expired', reason });
    cursor = fresh.cursor;
    epoch = fresh.epoch;
    suspected = undefined;
    newestBackendTimeMs = undefined;
    return undefined;
  };

  const run = async () => {
    while (!closed) {
      connection = new AbortController();
      cutBecause = undefined;
      heard = false;
      ready = false;
      report({ state: attempt === 0 ? 'connecting' : 'reconnecting', attempt });
      armWatchdog();
      let failed: Failure;
      try {
        await options.open(cursor, connection.signal, onMessage, onReady);
        failed = cutBecause ?? { code: 'network', reason: 'stream: the server closed the stream' };
      } catch (error) {
        failed = cutBecause ?? (error instanceof StreamFailure ? error.failure : { code: 'network', reason: `stream: ${String(error)}` });
      }
      clearTimeout(watchdog);
      if (closed) break;
      if (failed.code === 'cursor-expired' || failed.code === 'history-changed' || suspected !== undefined) {
        const resyncFailure = await resync();
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
