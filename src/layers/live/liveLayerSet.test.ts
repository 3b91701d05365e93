import { afterEach, describe, expect, it } from 'vitest';
import { BorderSimulator } from '../../simulator/borderSimulator';
import { loadTestRegion } from '../../../tests/contract/loadTestRegion';
import type { Change, EntityRecord } from '../../adapters/contract';
import type { Alert } from '../../domain/entities/alert';
import type { EntityKind } from '../../domain/entities/entityKinds';
import { EntityState, type StateDiff } from '../../stores/entityState';
import type { GridArea } from './describeGrid';
import type { PartSink } from './liveLayer';
import { type LayerFrames, type LiveLayerSet, type LiveRecords, type MarkLayerId, createLiveLayerSet } from './liveLayerSet';

/** A store as the layers read it, over the plain EntityState, publishing each change's diff. */
function storeOf(state: EntityState) {
  const listeners = new Set<(diff: StateDiff) => void>();
  const reader: LiveRecords = {
    peek: (kind, id) => state.collection(kind).get(id) as never,
    each: (kind) => state.collection(kind).values() as never,
    onDiff(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { reader, apply: (changes: Change[]) => listeners.forEach((l) => l(state.apply(changes, Date.now()))) };
}

/** Sinks that remember what is drawn, per layer and part. */
function recordingSinks() {
  const drawn = new Map<string, Map<string, unknown>>();
  const upserts: string[] = [];
  const sink = (layer: MarkLayerId, part: string): PartSink<unknown> => {
    const held = new Map<string, unknown>();
    drawn.set(`${layer}.${part}`, held);
    return {
      upsert: (id, graphic) => {
        upserts.push(`${layer}.${part}:${id}`);
        held.set(id, graphic);
      },
      remove: (id) => held.delete(id),
      setVisible: () => {},
    };
  };
  return {
    drawn,
    upserts,
    factory: { point: (l: MarkLayerId) => sink(l, 'point'), icon: (l: MarkLayerId) => sink(l, 'icon'), line: (l: MarkLayerId) => sink(l, 'line'), label: (l: MarkLayerId) => sink(l, 'label') },
  };
}

const START = Date.parse('2026-11-23T02:00:00Z');
let set: LiveLayerSet | undefined;
afterEach(() => set?.destroy());

/**
 * A renderer's frames under the test's hand: drains wait until `frame()` runs them, and the work
 * clock moves 0.1 ms each time it is read (every 32 records), so a frame's share is fixed.
 */
function manualFrames() {
  let ms = 0;
  const waiting: (() => void)[] = [];
  const frames: LayerFrames & { waiting: typeof waiting; frame(): boolean } = {
    waiting,
    request: (drain) => void waiting.push(drain),
    clock: () => (ms += 0.1),
    frame: () => {
      const drain = waiting.shift();
      drain?.();
      return drain !== undefined;
    },
  };
  return frames;
}

function setUp(frames?: LayerFrames) {
  const region = loadTestRegion();
  const simulator = new BorderSimulator({ seed: 5, region, start: START });
  const state = new EntityState();
  // The simulator's records are valid by construction: the test skips the ingest gate.
  state.replace(simulator.snapshot().records as EntityRecord[], new Map(), START);
  const store = storeOf(state);
  const sinks = recordingSinks();
  const areas: ReadonlyMap<string, GridArea>[] = [];
  const newAlerts: Alert[] = [];
  set = createLiveLayerSet({
    region,
    entities: store.reader,
    sinks: sinks.factory,
    pixelScale: 1,
    language: 'zh',
    now: () => simulator.now,
    onNewAlert: (alert) => newAlerts.push(alert),
    onGridAreas: (next) => areas.push(next),
    onChange: () => {},
    ...(frames ? { frames } : {}),
  });
  return { simulator, state, store, sinks, areas, newAlerts, set };
}

const countOf = (state: EntityState, kind: EntityKind) => state.count(kind);

describe('the live layer set both map views draw', () => {
  it('draws every record of the store once, in the layers of its kind', () => {
    const { state, sinks, areas, set } = setUp();
    const counts = set.counts();
    expect(counts.alerts).toBe(countOf(state, 'alert'));
    expect(counts.gridEvents).toBe(countOf(state, 'gridEvent'));
    expect(counts.stations + counts.checkpoints).toBe(countOf(state, 'station'));
    expect(counts.grids).toBe(countOf(state, 'grid'));
    expect(counts.alerts).toBeGreaterThan(0);
    expect(sinks.drawn.get('alerts.point')!.size).toBe(counts.alerts);
    expect(areas.at(-1)!.size).toBe(countOf(state, 'grid'));
  });

  it('touches only the records a change names, and tells the view a new alert came', () => {
    const { simulator, store, sinks, newAlerts, set } = setUp();
    sinks.upserts.length = 0;
    const drawsBefore = set.updateTimes().length;
    const changes = simulator.advanceTo(simulator.now + 30 * 60_000);
    const validated = changes.map((c) => ({ ...c })) as unknown as Change[];
    store.apply(validated);
    const named = new Set(validated.map((c) => (c.op === 'upsert' ? (c.record as { id: string }).id : c.id)));
    expect(sinks.upserts.length).toBeGreaterThan(0);
    for (const entry of sinks.upserts) expect(named.has(entry.slice(entry.indexOf(':') + 1))).toBe(true);
    const added = validated.filter((c) => c.kind === 'alert' && c.op === 'upsert' && (c.record as { version: number }).version === 1);
    expect(newAlerts.length).toBe(added.length);
    expect(set.updateTimes().length).toBe(drawsBefore + 1);
  });

  it('stops following the store once destroyed', () => {
    const { simulator, store, sinks, set } = setUp();
    set.destroy();
    sinks.upserts.length = 0;
    store.apply(simulator.advanceTo(simulator.now + 30 * 60_000) as unknown as Change[]);
    expect(sinks.upserts).toEqual([]);
  });

  it('re-describes everything for a new wall scale and language on restyle', () => {
    const { sinks, areas, set } = setUp();
    const sizes = () => [...sinks.drawn.get('stations.icon')!.values()].map((g) => (g as { icon: { sizePixels: number } }).icon.sizePixels);
    const before = sizes();
    set.restyle({ pixelScale: 2, language: 'en' });
    expect(sizes()).toEqual(before.map((size) => size * 2));
    const gridLabels = [...areas.at(-1)!.values()].map((area) => area.label.text);
    expect(gridLabels.some((text) => /[A-Za-z]/.test(text))).toBe(true);
  });

  it('with frames, draws a burst a budget at a time, over several frames, to the same end', async () => {
    const frames = manualFrames();
    const { state, store, sinks, set } = setUp(frames);
    expect(set.counts().alerts).toBe(0);
    while (frames.frame());
    const model = [...state.collection('alert').values()][0] as Alert;
    const burst = Array.from({ length: 3000 }, (_, i) => ({ op: 'upsert', kind: 'alert', record: { ...model, id: `burst-${i}`, version: 1 } }));
    store.apply(burst as unknown as Change[]);
    expect(set.isDrawn('alerts', 'burst-0')).toBe(false);
    let idle = false;
    void set.whenIdle().then(() => (idle = true));
    const timesBefore = set.updateTimes().length;
    let drawn = 0;
    while (frames.frame()) drawn += 1;
    await Promise.resolve();
    expect(idle).toBe(true);
    // 3 ms a frame, the clock read every 32 records at 0.1 ms a read: 960 records a frame.
    expect(drawn).toBe(Math.ceil(3000 / 960));
    // The budget is checked between records, so a frame may overrun it by a check's worth, never past the 4 ms target.
    expect(Math.max(...set.updateTimes().slice(timesBefore))).toBeLessThanOrEqual(4);
    expect(set.counts().alerts).toBe(countOf(state, 'alert'));
    expect(sinks.drawn.get('alerts.point')!.size).toBe(countOf(state, 'alert'));
    expect(set.isDrawn('alerts', 'burst-2999')).toBe(true);
  });

  it('with frames, draws a record changed twice while it waits once, in its newest version, and not at all if it went meanwhile', () => {
    const frames = manualFrames();
    const { state, store, sinks, set } = setUp(frames);
    while (frames.frame());
    const alert = [...state.collection('alert').values()][0] as Alert;
    const other = [...state.collection('alert').values()][1] as Alert;
    sinks.upserts.length = 0;
    store.apply([
      { op: 'upsert', kind: 'alert', record: { ...alert, version: alert.version + 1, severity: 1 } },
      { op: 'upsert', kind: 'alert', record: { ...alert, version: alert.version + 2, severity: 4 } },
      { op: 'upsert', kind: 'alert', record: { ...other, version: other.version + 1 } },
    ] as unknown as Change[]);
    store.apply([{ op: 'remove', kind: 'alert', id: other.id, version: other.version + 2 }] as unknown as Change[]);
    expect(set.isDrawn('alerts', other.id)).toBe(true);
    expect(frames.waiting.length).toBe(1);
    while (frames.frame());
    expect(sinks.upserts.filter((entry) => entry === `alerts.point:${alert.id}`)).toHaveLength(1);
    expect((sinks.drawn.get('alerts.point')!.get(alert.id) as { sizePixels: number }).sizePixels).toBeGreaterThan(0);
    expect(sinks.upserts.some((entry) => entry.endsWith(`:${other.id}`))).toBe(false);
    expect(set.isDrawn('alerts', other.id)).toBe(false);
  });

  it('with frames, asks for no frame while nothing waits', () => {
    const frames = manualFrames();
    const { store, set } = setUp(frames);
    while (frames.frame());
    store.apply([]);
    expect(frames.waiting).toEqual([]);
    void set;
  });
});
