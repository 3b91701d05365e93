import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { type History, type Result, failure, success } from '../adapters/contract';
import type { Alert } from '../domain/entities/alert';
import type { EntityReader } from '../stores/entityStore';
import type { Connections } from './connectDataSources';
import { usePlayback } from './usePlayback';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const HOUR = 3_600_000;
const alert = (version: number, status: Alert['status']): Alert =>
  ({
    id: 'a1', version, updatedAt: '2026-11-23T10:00:00Z', province: 'zj', county: '330822', position: [118.35, 28.83], source: 'test', severity: 3, watchlist: '盗抢车辆',
    subject: { type: 'vehicle', plate: '浙H·12345' }, hit: { at: '2026-11-23T10:00:00Z', via: 'camera', deviceId: 'c', deviceName: 'c' },
    controlSide: 'jx', hitSide: 'zj', controlStationId: 's', status, statusTimes: { new: '2026-11-23T10:00:00Z' },
  }) as Alert;

/** The last day: the alert raised at 10:00, closed at 11:00. */
const day: History = {
  from: new Date(NOW - 24 * HOUR).toISOString(),
  to: new Date(NOW).toISOString(),
  base: [],
  changes: [
    { at: NOW - 2 * HOUR, change: { seq: 1, kind: 'alert', op: 'upsert', record: alert(1, 'new') } },
    { at: NOW - HOUR, change: { seq: 2, kind: 'alert', op: 'upsert', record: alert(2, 'closed') } },
  ],
  rejected: [],
};

const live: EntityReader = { peek: () => undefined, each: () => [][Symbol.iterator]() as never, onDiff: () => () => {} };
const backend = (answer: () => Promise<Result<History>> | null): Connections => ({ acknowledgeAlert: () => null, writesBack: () => false, assistWorkflow: () => null, auditTrail: () => null, instructions: () => null, handoffs: () => null,
    controlOrders: () => null, readHistory: answer, stop() {} });

function setUp(connections: Connections | undefined, showPersonalData = false) {
  const scope = effectScope();
  const playback = scope.run(() => usePlayback({ connections: () => connections, live, showPersonalData: () => showPersonalData }))!;
  return { playback, scope };
}

describe('usePlayback', () => {
  let url: string;
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    url = 'http://127.0.0.1/';
    vi.stubGlobal('window', { location: { get href() { return url; } }, history: { state: null, replaceState: (_s: unknown, _t: string, next: URL) => void (url = String(next)) } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('shows the border as it was at the playhead, masked, and plays forward at its speed', async () => {
    const { playback, scope } = setUp(backend(async () => success(day)));
    expect(await playback.load('24h', NOW - 90 * 60_000)).toBe(true);
    const at = () => [...playback.reader.value.each('alert')].map((a) => [a.status, a.subject.plate]);
    expect(at()).toEqual([['new', '浙H·1****']]);
    expect(new URL(url).searchParams.get('playback')).toBe('24h');
    playback.setSpeed(3600);
    playback.play();
    await vi.advanceTimersByTimeAsync(1000);
    expect(at()).toEqual([['closed', '浙H·1****']]);
    playback.backToLive();
    expect([playback.active.value, playback.reader.value, new URL(url).searchParams.has('playback')]).toEqual([false, live, false]);
    scope.stop();
  });

  it('says why the past cannot be shown: no source keeps history, or the backend refused', async () => {
    const none = setUp(backend(() => null));
    expect(await none.playback.load('24h')).toBe(false);
    expect(none.playback.error.value).toBe('unsupported');
    const refused = setUp(backend(async () => failure('http', 'HTTP 503 history unavailable', 503)));
    expect(await refused.playback.load('24h')).toBe(false);
    expect([refused.playback.error.value, refused.playback.active.value]).toEqual(['HTTP 503 history unavailable', false]);
    none.scope.stop();
    refused.scope.stop();
  });

  it('drops an answer that arrives after the presenter went back to live', async () => {
    let answer!: (value: Result<History>) => void;
    const { playback, scope } = setUp(backend(() => new Promise((resolve) => (answer = resolve))));
    const loading = playback.load('24h');
    playback.backToLive();
    answer(success(day));
    expect(await loading).toBe(false);
    expect(playback.active.value).toBe(false);
    scope.stop();
  });
});
