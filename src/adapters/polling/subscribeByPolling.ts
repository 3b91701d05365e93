/**
 * The change stream of a source that has no push (a GeoJSON file, an OGC API – Features server):
 * poll, and hand on what the poll found after the subscriber's cursor. One loop for every such
 * adapter, so they report their state the same way: live after each good poll, reconnecting
 * (counting the attempts) after a failed one, closed when the subscription is.
 */
import { advanceCursor } from '../advanceCursor';
import type { Change, Rejection, Result, StreamHandlers, StreamOptions, Subscription } from '../contract';

export interface PollOutcome {
  changes: Change[];
  rejected: Rejection[];
  /** The sequence number the poll brought the source to, when it is past the last change. */
  sequence?: number;
  /** The backend's clock, when it says it (for freshness). */
  backendTime?: string;
}

export interface PollingOptions {
  intervalMs: number;
  now?: () => number;
}

export function subscribeByPolling(poll: () => Promise<Result<PollOutcome>>, handlers: StreamHandlers, options: StreamOptions, polling: PollingOptions): Subscription {
  const now = polling.now ?? Date.now;
  let cursor = options.cursor;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A poll is this source's heartbeat: two missed ones make it stale.
  const staleAfterMs = 2 * polling.intervalMs;
  const tick = async () => {
    const result = await poll();
    if (closed) return;
    if (result.ok) {
      attempt = 0;
      const { changes, rejected, sequence, backendTime } = result.value;
      if (rejected.length > 0) handlers.onRejected?.(rejected);
      const wanted = options.kinds ? changes.filter((change) => options.kinds!.includes(change.kind)) : changes;
      const advanced = advanceCursor(cursor, wanted, sequence);
      cursor = advanced.cursor;
      if (advanced.fresh.length > 0) handlers.onChanges(advanced.fresh, cursor);
      handlers.onStatus?.({ state: 'live', attempt: 0, staleAfterMs, lastMessageAt: new Date(now()).toISOString(), ...(backendTime ? { backendTime } : {}) });
    } else {
      attempt += 1;
      handlers.onStatus?.({ state: 'reconnecting', attempt, staleAfterMs, lastError: result.error });
    }
    timer = setTimeout(() => void tick(), polling.intervalMs);
  };
  handlers.onStatus?.({ state: 'live', attempt: 0, staleAfterMs, lastMessageAt: new Date(now()).toISOString() });
  timer = setTimeout(() => void tick(), polling.intervalMs);
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      handlers.onStatus?.({ state: 'closed', attempt: 0 });
    },
  };
}
