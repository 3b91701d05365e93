import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change, StreamStatus } from '../contract';
import { reconnectDelayMs } from './reconnectDelay';
import { startResumableStream, type OpenTransport } from './startResumableStream';
import { type StreamMessage, decodeStreamMessage } from './streamMessage';

const station = (id: string, version: number) => ({
  id, version, updatedAt: '2026-11-23T10:00:00Z', province: 'zj', county: '330822', position: [118.35, 28.83], source: 't', stationKind: 'checkpoint', name: id, officersOnDuty: 2,
});

// Simulated time throughout: a busy machine fires real timers late, and these tests count reconnections.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('reconnectDelayMs', () => {
  it('backs off exponentially, jittered, never beyond 10 s', () => {
    expect(reconnectDelayMs(1, () => 1)).toBe(500);
    expect(reconnectDelayMs(3, () => 1)).toBe(2000);
    expect(reconnectDelayMs(20, () => 1)).toBe(10_000);
    expect(reconnectDelayMs(20, () => 0.5)).toBe(5000);
    expect(reconnectDelayMs(5, () => 0)).toBe(125);
  });
});

describe('decodeStreamMessage', () => {
  it('reads the contract’s messages and names what is wrong with anything else', () => {
    expect(decodeStreamMessage('changes', '{"seq":4,"epoch":"e1","changes":[]}')).toEqual({ type: 'changes', seq: 4, epoch: 'e1', changes: [] });
    expect(decodeStreamMessage('heartbeat', '{"seq":4,"at":"2026-11-23T10:00:00Z"}')).toMatchObject({ type: 'heartbeat', seq: 4 });
    expect(decodeStreamMessage('changes', '{"seq":4')).toEqual({ type: 'malformed', reason: 'stream: changes message is not valid JSON' });
    expect(decodeStreamMessage('changes', '{"seq":"4","changes":{}}')).toEqual({ type: 'malformed', reason: 'stream: changes message without a changes array' });
    expect(decodeStreamMessage('gossip', '{}')).toEqual({ type: 'malformed', reason: 'stream: unknown message type "gossip"' });
  });
});

describe('startResumableStream', () => {
  it('resumes after the last sequence number it applied and skips what it already has', async () => {
    const afters: number[] = [];
    let connection = 0;
    const applied: Change[] = [];
    const open: OpenTransport = async (after, signal, onMessage, onOpen) => {
      afters.push(after);
      connection += 1;
      onOpen();
      if (connection === 1) {
        onMessage({ type: 'changes', seq: 2, epoch: undefined, changes: [{ seq: 1, kind: 'station', op: 'upsert', record: station('a', 1) }, { seq: 2, kind: 'station', op: 'upsert', record: station('b', 1) }] });
        throw Object.assign(new Error('reset'), {});
      }
      // The server replays from `after`, and also repeats seq 2: it must not be applied twice.
      onMessage({ type: 'changes', seq: 3, epoch: undefined, changes: [{ seq: 2, kind: 'station', op: 'upsert', record: station('b', 1) }, { seq: 3, kind: 'station', op: 'upsert', record: station('c', 1) }] });
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    };
    const stream = startResumableStream({
      cursor: 0,
      open,
      takeSnapshot: async () => ({ ok: false, error: { code: 'unsupported', reason: 'not here' } }),
      validation: { source: 't', crs: 'wgs84' },
      handlers: { onChanges: (changes) => applied.push(...changes) },
      heartbeatTimeoutMs: 5000,
      random: () => 0,
    });
    await vi.advanceTimersByTimeAsync(400);
    stream.close();
    expect(afters).toEqual([0, 2]);
    expect(applied.map((c) => c.seq)).toEqual([1, 2, 3]);
  });

  it('treats silence longer than the heartbeat timeout as a lost connection and reconnects', async () => {
    const statuses: StreamStatus[] = [];
    let opens = 0;
    const open: OpenTransport = (_after, signal, _onMessage, onOpen) => {
      opens += 1;
      onOpen();
      // A half-open connection: never a byte, never an error.
      return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    };
    const stream = startResumableStream({
      cursor: 0,
      open,
      takeSnapshot: async () => ({ ok: false, error: { code: 'unsupported', reason: 'n/a' } }),
      validation: { source: 't', crs: 'wgs84' },
      handlers: { onChanges: () => {}, onStatus: (status) => statuses.push(status) },
      heartbeatTimeoutMs: 150,
      random: () => 0,
    });
    await vi.advanceTimersByTimeAsync(700);
    stream.close();
    expect(opens).toBeGreaterThanOrEqual(2);
    const lost = statuses.find((s) => s.state === 'reconnecting' && s.lastError);
    expect(lost?.lastError).toMatchObject({ code: 'timeout' });
    expect(statuses[statuses.length - 1]!.state).toBe('closed');
  });
});

const failingSnapshot = async () => ({ ok: false as const, error: { code: 'unsupported' as const, reason: 'n/a' } });

describe('startResumableStream, when things go wrong', () => {
  it('backs off further each time a server accepts and drops at once', async () => {
    const opened: number[] = [];
    const open: OpenTransport = async (_after, _signal, _onMessage, onOpen) => {
      opened.push(Date.now());
      onOpen();
      throw new Error('reset by peer');
    };
    const statuses: StreamStatus[] = [];
    const stream = startResumableStream({
      cursor: 0,
      open,
      takeSnapshot: failingSnapshot,
      validation: { source: 't', crs: 'wgs84' },
      handlers: { onChanges: () => {}, onStatus: (s) => statuses.push(s) },
      heartbeatTimeoutMs: 5000,
      random: () => 1,
    });
    // Simulated time: real timers fire late on a busy machine and would make fewer attempts.
    await vi.advanceTimersByTimeAsync(4000);
    stream.close();
    const attempts = [...new Set(statuses.filter((s) => s.state === 'reconnecting').map((s) => s.attempt))];
    expect(attempts.slice(0, 3)).toEqual([1, 2, 3]);
    // 0.5 s, 1 s, 2 s: three or four connections in four seconds, not eight.
    expect(opened.length).toBeLessThanOrEqual(4);
  });

  it('starts over from a snapshot, replacing what it had, when the backend’s history changes', async () => {
    const resyncs: { replace: boolean; cursor: number }[] = [];
    let connections = 0;
    let snapshots = 0;
    const open: OpenTransport = async (_after, signal, onMessage, onOpen) => {
      connections += 1;
      onOpen();
      onMessage({ type: 'heartbeat', seq: 5, epoch: connections === 1 ? 'one' : 'two', at: undefined });
      if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    };
    const stream = startResumableStream({
      cursor: 5,
      epoch: 'zero',
      open,
      takeSnapshot: async () => {
        snapshots += 1;
        return { ok: true, value: { cursor: 9, epoch: 'one', records: [], rejected: [] } };
      },
      validation: { source: 't', crs: 'wgs84' },
      handlers: { onChanges: () => {}, onResync: (snapshot, { replace }) => resyncs.push({ replace, cursor: snapshot.cursor }) },
      heartbeatTimeoutMs: 5000,
      random: () => 0,
    });
    await vi.advanceTimersByTimeAsync(300);
    stream.close();
    expect(resyncs[0]).toEqual({ replace: true, cursor: 9 });
    // The backend keeps changing its mind (epoch two): backoff, not a tight loop of snapshots.
    expect(snapshots).toBeLessThanOrEqual(3);
  });

  it('ignores what a closing connection still delivers', async () => {
    let deliver: ((message: StreamMessage) => void) | undefined;
    const applied: Change[] = [];
    const stream = startResumableStream({
      cursor: 0,
      open: async (_after, signal, onMessage, onOpen) => {
        deliver = onMessage;
        onOpen();
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      },
      takeSnapshot: failingSnapshot,
      validation: { source: 't', crs: 'wgs84' },
      handlers: { onChanges: (changes) => applied.push(...changes) },
      heartbeatTimeoutMs: 5000,
    });
    await vi.advanceTimersByTimeAsync(50);
    stream.close();
    deliver!({ type: 'changes', seq: 1, epoch: undefined, changes: [{ seq: 1, kind: 'station', op: 'upsert', record: station('late', 1) }] });
    expect(applied).toEqual([]);
  });
});
