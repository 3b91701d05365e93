import { describe, expect, it } from 'vitest';
import { computed, ref } from 'vue';
import type { AnyEntity, EntityKind } from '../domain/entities/entityKinds';
import type { MapViewApi } from '../layers/mapView';
import type { EntityReader } from '../stores/entityStore';
import { installSafeBorderApi } from './installSafeBorderApi';
import type { SafeBorderApi } from './safeBorderApi';

const reader = (records: Partial<Record<EntityKind, AnyEntity[]>>): EntityReader => ({
  peek: (kind, id) => records[kind]?.find((record) => record.id === id) as never,
  each: (kind) => (records[kind] ?? [])[Symbol.iterator]() as never,
  onDiff: () => () => {},
});

function install(view: MapViewApi | undefined) {
  const target = {} as SafeBorderApi;
  const applied: unknown[] = [];
  installSafeBorderApi(target, {
    mapView: () => view,
    frameTimes: () => [16, 17],
    framesRendered: () => 42,
    viewCounts: () => ({ '3d': { alerts: 1 } }),
    live: reader({ station: [{ id: 's1', version: 3 } as AnyEntity] }),
    applyChanges: (changes) => void applied.push(...changes),
    playback: { active: computed(() => false), reader: computed(() => reader({ alert: [{ id: 'a', version: 1 } as AnyEntity] })), timeline: ref(null) },
  });
  return { target, applied };
}

describe('installSafeBorderApi', () => {
  it('answers for the view on screen, and sensibly when there is none yet', () => {
    const drawn: [string, string][] = [];
    const view = { isDrawn: (layer: string, id: string) => (drawn.push([layer, id]), true), worldToScreen: () => [{ x: 1, y: 2 }], currentView: () => null, layerUpdateTimes: () => [3] } as unknown as MapViewApi;
    const { target } = install(view);
    expect(target.isDrawn('alerts', 'a')).toBe(true);
    expect(target.isDrawn('no-such-layer', 'a')).toBe(false);
    expect(drawn).toEqual([['alerts', 'a']]);
    expect(target.worldToScreen([[118, 28]])).toEqual([{ x: 1, y: 2 }]);
    expect([target.layerUpdateTimes(), target.frameTimes(), target.framesRendered(), target.viewCounts()]).toEqual([[3], [16, 17], 42, { '3d': { alerts: 1 } }]);
    const none = install(undefined).target;
    expect([none.worldToScreen([[118, 28], [119, 29]]), none.currentView(), none.isDrawn('alerts', 'a'), none.layerWriteTimes()]).toEqual([[null, null], null, false, []]);
  });

  it('lists what the live store holds by kind, and what the screen shows in playback', () => {
    const { target } = install(undefined);
    expect(target.held('station')).toEqual([['s1', 3]]);
    expect(target.held('nonsense')).toEqual([]);
    expect(target.playback()).toMatchObject({ active: false, fromMs: null, counts: { alert: 1, station: 0 } });
  });

  it('feeds ingested changes through validation, applying the valid ones and counting the rest', () => {
    const { target, applied } = install(undefined);
    expect(target.ingest([{ seq: 1, kind: 'alert', op: 'upsert', record: { id: 'broken' } }, 'nonsense'])).toEqual({ applied: 0, rejected: 2 });
    expect(applied).toEqual([]);
  });
});
