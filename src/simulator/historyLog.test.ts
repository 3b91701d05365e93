import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENTITY_KINDS } from '../domain/entities/entityKinds';
import type { RegionPack } from '../domain/regionPack';
import type { WireChange, WireRecord } from '../domain/wire';
import { loadTestRegion } from '../../tests/contract/loadTestRegion';
import { BorderSimulator } from './borderSimulator';
import { HistoryLog, type HistoryWindow } from './historyLog';
import { HOUR, MINUTE } from './simulationContext';

const T0 = Date.parse('2026-11-23T00:00:00Z');
let seq = 0;
const upsert = (kind: 'station' | 'alert' | 'patrolTrack', id: string, version: number): WireChange => ({ seq: ++seq, kind, op: 'upsert', record: { id, version } });
const remove = (kind: 'station' | 'alert', id: string, version: number): WireChange => ({ seq: ++seq, kind, op: 'delete', id, version });

/** `kind:id` → version, the way a client keys what it holds. */
const versionsOf = (records: readonly WireRecord[]) => new Map(records.map(({ kind, record }) => [`${kind}:${(record as { id: string }).id}`, (record as { version: number }).version]));

/** Base, then every change in order: the state at the window's end. */
function replay(window: HistoryWindow): Map<string, number> {
  const state = versionsOf(window.base);
  for (const { change } of window.changes) {
    if (change.op === 'upsert') state.set(`${change.kind}:${(change.record as { id: string }).id}`, (change.record as { version: number }).version);
    else state.delete(`${change.kind}:${change.id}`);
  }
  return state;
}

describe('HistoryLog', () => {
  it('serves the state at the start of a window and every change after it up to the end, in order', () => {
    const log = new HistoryLog({ startMs: T0 });
    log.append(T0, upsert('station', 'a', 1));
    log.append(T0 + 1 * MINUTE, upsert('station', 'b', 1));
    log.append(T0 + 2 * MINUTE, upsert('station', 'a', 2));
    log.append(T0 + 3 * MINUTE, remove('station', 'b', 2));
    log.append(T0 + 4 * MINUTE, upsert('station', 'c', 1));

    const window = log.window(T0 + 1 * MINUTE, T0 + 3 * MINUTE);
    // A change made exactly at `from` is part of the state then; one exactly at `to` is in the window.
    expect(versionsOf(window.base)).toEqual(new Map([['station:a', 1], ['station:b', 1]]));
    expect(window.changes.map(({ at, change }) => [at - T0, change.op, change.seq])).toEqual([
      [2 * MINUTE, 'upsert', seq - 2],
      [3 * MINUTE, 'delete', seq - 1],
    ]);
    expect(replay(window)).toEqual(new Map([['station:a', 2]]));
    // After the delete, b is gone from the state at the start.
    expect(versionsOf(log.window(T0 + 3 * MINUTE, T0 + 5 * MINUTE).base)).toEqual(new Map([['station:a', 2]]));
  });

  it('gives only the kinds asked for, in the base and in the changes', () => {
    const log = new HistoryLog({ startMs: T0 });
    log.append(T0 + MINUTE, upsert('station', 's', 1));
    log.append(T0 + MINUTE, upsert('alert', 'x', 1));
    log.append(T0 + 3 * MINUTE, upsert('station', 's', 2));
    log.append(T0 + 3 * MINUTE, remove('alert', 'x', 2));
    const window = log.window(T0 + 2 * MINUTE, T0 + 4 * MINUTE, ['alert']);
    expect(versionsOf(window.base)).toEqual(new Map([['alert:x', 1]]));
    expect(window.changes.map(({ change }) => `${change.kind}:${change.op}`)).toEqual(['alert:delete']);
  });

  it('clamps a window to the oldest time it holds, and never ends a window before it starts', () => {
    const log = new HistoryLog({ startMs: T0 });
    log.append(T0, upsert('station', 'a', 1));
    log.append(T0 + MINUTE, upsert('station', 'a', 2));
    const early = log.window(T0 - HOUR, T0 + MINUTE);
    expect(early.fromMs).toBe(T0);
    expect(versionsOf(early.base)).toEqual(new Map([['station:a', 1]]));
    expect(early.changes).toHaveLength(1);
    // Wholly before the history: the state at its oldest time, and nothing after.
    const before = log.window(T0 - 2 * HOUR, T0 - HOUR);
    expect([before.fromMs, before.toMs]).toEqual([T0, T0]);
    expect(versionsOf(before.base)).toEqual(new Map([['station:a', 1]]));
    expect(before.changes).toEqual([]);
  });

  it('folds changes older than the retention into the base, which is the state at the fold boundary', () => {
    const retentionMs = 10 * MINUTE;
    const folded = new HistoryLog({ startMs: T0, retentionMs });
    const reference = new HistoryLog({ startMs: T0, retentionMs: Number.POSITIVE_INFINITY });
    for (let minute = 1; minute <= 120; minute++) {
      const changes = [upsert('station', `s${minute % 7}`, minute), upsert('alert', `a${minute}`, 1)];
      if (minute > 3) changes.push(remove('alert', `a${minute - 3}`, 2));
      for (const change of changes) {
        folded.append(T0 + minute * MINUTE, change);
        reference.append(T0 + minute * MINUTE, change);
      }
    }
    expect(folded.oldestMs).toBe(T0 + 110 * MINUTE);
    // Bounded: only the last 10 minutes' changes are held, 3 a minute.
    expect(folded.size).toBe(30);
    expect(reference.size).toBe(120 * 3 - 3);
    for (const at of [folded.oldestMs, folded.oldestMs + 30_000, T0 + 115 * MINUTE]) {
      const fromFolded = folded.window(at, T0 + 120 * MINUTE);
      const fromReference = reference.window(at, T0 + 120 * MINUTE);
      expect(versionsOf(fromFolded.base)).toEqual(versionsOf(fromReference.base));
      expect(fromFolded.changes).toEqual(fromReference.changes);
    }
    // A time already folded over is served from the boundary.
    expect(folded.window(T0 + 50 * MINUTE, T0 + 120 * MINUTE).fromMs).toBe(folded.oldestMs);
  });

  it('keeps one report of a frequently re-sent record per interval, the last before a pause, and always the latest', () => {
    const log = new HistoryLog({ startMs: T0, thinning: { patrolTrack: 5 * MINUTE } });
    const times: number[] = [];
    // A sortie reporting every 15 s for 20 minutes, a 40-minute pause, then a new sortie for 2 minutes.
    for (let t = 0; t < 20 * MINUTE; t += 15_000) times.push(t);
    for (let t = 60 * MINUTE; t <= 62 * MINUTE; t += 15_000) times.push(t);
    times.forEach((t, index) => log.append(T0 + t, upsert('patrolTrack', 'drone-1', index + 1)));
    // The first report starts the history's base; the rest are changes.
    const window = log.window(T0, T0 + 62 * MINUTE);
    expect(window.changes.map(({ at }) => (at - T0) / MINUTE)).toEqual([5, 10, 15, 19.75, 60, 62]);
    expect(replay(window).get('patrolTrack:drone-1')).toBe(times.length);
    expect(log.size).toBe(6);
  });

  it('refuses a change older than the last, since windows rely on time order', () => {
    const log = new HistoryLog({ startMs: T0 });
    log.append(T0 + MINUTE, upsert('station', 'a', 1));
    expect(() => log.append(T0, upsert('station', 'a', 2))).toThrow(RangeError);
  });
});

describe('HistoryLog in the BorderSimulator', () => {
  const START = Date.parse('2026-11-23T02:00:00Z');
  let region: RegionPack;
  beforeAll(() => {
    region = loadTestRegion();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives, for any time it still holds, the state the simulator had then, long after older changes were folded', () => {
    const simulator = new BorderSimulator({ seed: 12, region, start: START, historyRetentionMs: 6 * HOUR });
    const live = new Map<number, Map<string, number>>();
    for (let t = START; t <= START + 18 * HOUR; t += 30 * MINUTE) {
      simulator.advanceTo(t);
      live.set(t, versionsOf(simulator.snapshot().records));
    }
    const now = simulator.now;
    expect(simulator.history.oldestMs).toBeGreaterThan(now - 6 * HOUR - MINUTE);
    const withoutPatrols = (versions: Map<string, number>) => new Map([...versions].filter(([key]) => !key.startsWith('patrolTrack:')));
    let compared = 0;
    for (const [t, versions] of live) {
      if (t < simulator.history.oldestMs) continue;
      const window = simulator.historyWindow(t, now);
      expect(window.fromMs).toBe(t);
      expect(withoutPatrols(versionsOf(window.base))).toEqual(withoutPatrols(versions));
      // Patrol reports are thinned in history: the same tracks, at most one interval behind.
      expect([...versionsOf(window.base).keys()].sort()).toEqual([...versions.keys()].sort());
      // However thinned, a replay to now ends at the live state, every kind.
      expect(replay(window)).toEqual(versionsOf(simulator.snapshot().records));
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(12);
  });

  it('folds into its base exactly the state an unbounded history holds at the fold boundary', () => {
    // Every change the simulator hands its history, to feed a history that never folds.
    const append = vi.spyOn(HistoryLog.prototype, 'append');
    const simulator = new BorderSimulator({ seed: 13, region, start: START, historyRetentionMs: 4 * HOUR });
    simulator.advanceTo(START + 12 * HOUR);
    const reference = new HistoryLog({ startMs: START - 24 * HOUR, retentionMs: Number.POSITIVE_INFINITY, thinning: {} });
    for (const [at, change] of append.mock.calls.filter((_, index) => append.mock.contexts[index] === simulator.history)) reference.append(at, change);
    const oldest = simulator.history.oldestMs;
    expect(oldest).toBeGreaterThan(START + 7 * HOUR);
    const folded = simulator.historyWindow(oldest, simulator.now);
    const unfolded = reference.window(oldest, simulator.now);
    // Patrol reports are thinned in one and not the other: compared by what every track is.
    const others = (records: readonly WireRecord[]) => versionsOf(records.filter((r) => r.kind !== 'patrolTrack'));
    expect(others(folded.base)).toEqual(others(unfolded.base));
    expect(folded.changes.filter(({ change }) => change.kind !== 'patrolTrack')).toEqual(unfolded.changes.filter(({ change }) => change.kind !== 'patrolTrack'));
    expect(new Set(folded.base.map((r) => r.kind))).toEqual(new Set(ENTITY_KINDS));
    expect(replay(folded)).toEqual(replay(unfolded));
  });

  it('never serves a window past the simulator’s now', () => {
    const simulator = new BorderSimulator({ seed: 14, region, start: START });
    const window = simulator.historyWindow(START - HOUR, START + 5 * HOUR, ['alert']);
    expect(window.toMs).toBe(START);
    expect(new Set(window.base.map((r) => r.kind))).toEqual(new Set(['alert']));
    expect(replay(window)).toEqual(versionsOf(simulator.snapshot(['alert']).records));
  });
});
