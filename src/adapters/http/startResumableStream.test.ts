import { describe, expect, it } from 'vitest';
import type { Change, StreamStatus } from '../contract';
import { reconnectDelayMs } from './reconnectDelay';
import { startResumableStream, type OpenTransport } from './startResumableStream';
import { decodeStreamMessage } from './streamMessage';

const station = (id: string, version: number) => ({
  id, version, updatedAt: '2026-11-23T10:00:00Z', province: 'zj', county: '330822', position: [118.35, 28.83], source: 't', stationKind: 'checkpoint', name: id, officersOnDuty: 2,
});
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    expect(decodeStreamMessage('changes', '{"seq":4,"changes":[]}')).toEqual({ type: 'changes', seq: 4, changes: [] });
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
        onMessage({ type: 'changes', seq: 2, changes: [{ seq: 1, kind: 'station', op: 'upsert', record: station('a', 1) }, { seq: 2, kind: 'station', op: 'upsert', record: station('b', 1) }] });
        throw Object.assign(new Error('reset'), {});
      }
      // The server replays from `after`, and also repeats seq 2: it must not be applied twice.
      onMessage({ type: 'changes', seq: 3, changes: [{ seq: 2, kind: 'station', op: 'upsert', record: station('b', 1) }, { seq: 3, kind: 'station', op: 'upsert', record: station('c', 1) }] });
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
    await wait(400);
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
    await wait(700);
    stream.close();
    expect(opens).toBeGreaterThanOrEqual(2);
    const lost = statuses.find((s) => s.state === 'reconnecting' && s.lastError);
    expect(lost?.lastError).toMatchObject({ code: 'timeout' });
    expect(statuses[statuses.length - 1]!.state).toBe('closed');
  });
});
