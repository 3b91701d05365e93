/**
 * A backend that restarts, every way it can show it: another epoch, the same epoch with its log
 * behind the client's cursor (on the stream's heartbeat, or on the 410 and the snapshot after it),
 * a clock that went back. Each must end in a snapshot that replaces what the source delivered;
 * a cursor that merely expired must not; a stream is live only once it has heard the backend.
 */
import { describe, expect, it } from 'vitest';
import type { ResyncReason, StreamStatus } from '../contract';
import { StreamFailure } from './StreamFailure';
import { type OpenTransport, startResumableStream } from './startResumableStream';
import type { StreamMessage } from './streamMessage';

interface Backend {
  epoch: string;
  latestSeq: number;
  clock: string;
  /** The oldest cursor it can resume from; older, or newer than its latest, is a 410. */
  oldestSeq: number;
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const base: Backend = { epoch: 'e1', latestSeq: 500, clock: '2026-12-05T10:00:00Z', oldestSeq: 1 };

describe('startResumableStream: a backend that restarted', () => {
  it('goes live only once the backend has said something, and takes the backend’s heartbeat interval', async () => {
    const run = followSwitching(base, base);
    await waitFor(() => run.statuses.some((s) => s.state === 'live'), 'live');
    const first = run.statuses.findIndex((s) => s.state === 'live');
    // Connecting first, and live comes with the message that made it so.
    expect(run.statuses[0]!.state).toBe('connecting');
    expect(run.statuses[first]!.lastMessageAt).toBeDefined();
    // Two of the announced 1 s heartbeats, not the configured 60 s.
    expect(run.statuses[first]!.staleAfterMs).toBe(2000);
    run.stream.close();
  });

  it('replaces on a new epoch, seen on the stream', async () => {
    // The cursor is in the new backend's range: only its epoch tells the histories apart.
    const rerun = followSwitching(base, { ...base, epoch: 'e2', latestSeq: 800 });
    await waitFor(() => rerun.resyncs.length > 0, 'a resync');
    expect(rerun.resyncs[0]).toEqual({ reason: 'new-epoch', replace: true, cursor: 800 });
    rerun.stream.close();
  });

  it('replaces when the same epoch comes back with its log behind the cursor (a 410, then a snapshot behind)', async () => {
    const rerun = followSwitching(base, { ...base, latestSeq: 120 });
    await waitFor(() => rerun.resyncs.length > 0, 'a resync');
    expect(rerun.resyncs[0]).toEqual({ reason: 'sequence-behind', replace: true, cursor: 120 });
    rerun.stream.close();
  });

  it('replaces when a backend that accepts the cursor shows a latest sequence number behind it', async () => {
    // This one resumes from any cursor (no 410) and says where its log is on the heartbeat.
    const rerun = followSwitching(base, { ...base, latestSeq: 120 }, { acceptAnyCursor: true });
    await waitFor(() => rerun.resyncs.length > 0, 'a resync');
    expect(rerun.resyncs[0]).toEqual({ reason: 'sequence-behind', replace: true, cursor: 120 });
    rerun.stream.close();
  });

  it('replaces when the backend’s clock went back, even with its log ahead', async () => {
    const rerun = followSwitching(base, { ...base, latestSeq: 900, clock: '2026-12-05T08:00:00Z' });
    await waitFor(() => rerun.resyncs.length > 0, 'a resync');
    expect(rerun.resyncs[0]).toEqual({ reason: 'clock-behind', replace: true, cursor: 900 });
    rerun.stream.close();
  });

  it('merges, without calling it a restart, when the cursor merely expired in the same history', async () => {
    const rerun = followSwitching(base, { ...base, latestSeq: 30_000, oldestSeq: 20_000, clock: '2026-12-05T10:05:00Z' });
    await waitFor(() => rerun.resyncs.length > 0, 'a resync');
    expect(rerun.resyncs[0]).toEqual({ reason: 'cursor-expired', replace: false, cursor: 30_000 });
    rerun.stream.close();
  });

  it('after replacing, follows the new backend from its snapshot and stays live', async () => {
    const rerun = followSwitching(base, { ...base, latestSeq: 120 });
    await waitFor(() => rerun.resyncs.length > 0 && rerun.statuses.at(-1)?.state === 'live', 'live again after the resync');
    // The connection after the snapshot resumes from the snapshot's cursor, not the old one.
    expect(rerun.opened.at(-1)).toBe(120);
    rerun.stream.close();
  });
});

/**
 * Follows `before` until the stream is live, then drops the connection and brings the backend
 * back as `after` (what a kill -9 and a restart look like from the client).
 */
function followSwitching(before: Backend, after: Backend, options: { acceptAnyCursor?: boolean } = {}) {
  let backend = before;
  let live = false;
  let drop: (() => void) | undefined;
  const opened: number[] = [];
  const resyncs: { reason: ResyncReason; replace: boolean; cursor: number }[] = [];
  const statuses: StreamStatus[] = [];
  const open: OpenTransport = async (cursor, signal, onMessage, onOpen) => {
    opened.push(cursor);
    const now = backend;
    const resumable = options.acceptAnyCursor && now === after ? true : cursor >= now.oldestSeq - 1 && cursor <= now.latestSeq;
    if (!resumable) throw new StreamFailure({ code: 'cursor-expired', reason: 'stream: HTTP 410', status: 410 });
    onOpen();
    const message: StreamMessage = { type: 'heartbeat', seq: now.latestSeq, epoch: now.epoch, at: now.clock, intervalMs: 1000 };
    onMessage(message);
    // What the message said may have ended the connection already (as a real transport checks).
    if (signal.aborted) return;
    await new Promise<void>((resolve) => {
      drop = resolve;
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  };
  const stream = startResumableStream({
    cursor: before.latestSeq,
    epoch: before.epoch,
    open,
    takeSnapshot: async () => ({ ok: true, value: { cursor: backend.latestSeq, epoch: backend.epoch, records: [], rejected: [] } }),
    validation: { source: 't', crs: 'wgs84' },
    handlers: {
      onChanges: () => {},
      onStatus: (status) => {
        statuses.push(status);
        if (status.state === 'live' && !live) {
          live = true;
          backend = after;
          // The old backend dies: the connection ends, the next one reaches the new backend.
          queueMicrotask(() => drop?.());
        }
      },
      onResync: (snapshot, { replace, reason }) => resyncs.push({ reason, replace, cursor: snapshot.cursor }),
    },
    heartbeatTimeoutMs: 60_000,
    random: () => 0,
  });
  return { stream, opened, resyncs, statuses };
}
