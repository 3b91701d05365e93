import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Alert } from '../domain/entities/alert';
import type { Station } from '../domain/entities/station';
import { type DataSource, type StreamHandlers, failure, success } from '../adapters/contract';
import { registerAdapter } from '../adapters/registry';
import { useEntityStore } from '../stores/entityStore';
import { useSourceStore } from '../stores/sourceStore';
import { connectDataSources } from './connectDataSources';

const station = (id: string, version = 1): Station => ({
  id, version, updatedAt: '2026-11-23T10:00:00Z', province: 'zj', county: '330822', position: [118.35, 28.83], source: 'fake', stationKind: 'checkpoint', name: id, officersOnDuty: 2,
});

/** A source whose backend may or may not take acknowledgements, and whose stream the test drives. */
function fakeSource(acknowledges: boolean) {
  let handlers: StreamHandlers | undefined;
  const source: DataSource & { acknowledgeAlert(id: string): Promise<ReturnType<typeof success<Alert>>> } = {
    id: 'fake',
    type: 'mock',
    capabilities: async () => success({ kinds: ['station'], stream: true, acknowledgeAlert: acknowledges, history: false }),
    health: async () => success({ ok: true, time: null, latestCursor: 0 }),
    snapshot: async () => success({ cursor: 2, records: [{ kind: 'station', record: station('a') }, { kind: 'station', record: station('b') }], rejected: [] }),
    subscribe(next) {
      handlers = next;
      return { close() {} };
    },
    acknowledgeAlert: async () => success({} as Alert),
    close() {},
  };
  return { source, stream: () => handlers! };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('connectDataSources', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('writes an acknowledgement back only through a source whose backend declares it takes them', async () => {
    for (const acknowledges of [false, true]) {
      const fake = fakeSource(acknowledges);
      registerAdapter('mock', async () => fake.source);
      const connections = connectDataSources([{ type: 'mock', id: 'fake', seed: 1, speed: 1 }], useEntityStore(), useSourceStore(), { region: () => Promise.reject(new Error('unused')) });
      await wait(20);
      expect(connections.acknowledgeAlert('x', 'me') !== null, `acknowledgeAlert: ${acknowledges}`).toBe(acknowledges);
      connections.stop();
    }
  });

  it('asks a backend that did not answer its capabilities at start again, and writes back once it has, the data shown meanwhile', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeSource(true);
      const declared = fake.source.capabilities;
      let asked = 0;
      // The backend is too busy to answer the first two times (a wall of pages starting at once).
      fake.source.capabilities = async () => (++asked <= 2 ? failure('timeout', 'no answer within 15 s') : declared());
      registerAdapter('mock', async () => fake.source);
      const entities = useEntityStore();
      const connections = connectDataSources([{ type: 'mock', id: 'fake', seed: 1, speed: 1 }], entities, useSourceStore(), { region: () => Promise.reject(new Error('unused')) });
      await vi.advanceTimersByTimeAsync(0);
      expect(entities.raw.peek('station', 'a')).toBeDefined();
      expect(connections.acknowledgeAlert('x', 'me')).toBeNull();
      await vi.advanceTimersByTimeAsync(30_000);
      expect(asked).toBe(3);
      expect(connections.acknowledgeAlert('x', 'me')).not.toBeNull();
      connections.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('replaces what a source delivered when its history restarts, and leaves stale versions out', async () => {
    const fake = fakeSource(false);
    registerAdapter('mock', async () => fake.source);
    const entities = useEntityStore();
    const connections = connectDataSources([{ type: 'mock', id: 'fake', seed: 1, speed: 1 }], entities, useSourceStore(), { region: () => Promise.reject(new Error('unused')) });
    await wait(20);
    fake.stream().onChanges([{ seq: 3, kind: 'station', op: 'upsert', record: station('a', 9) }], 3);
    expect(entities.raw.peek('station', 'a')?.version).toBe(9);
    // A new history: its version 1 of `a` must replace version 9, and `b` (gone from it) must go.
    fake.stream().onResync!({ cursor: 1, epoch: 'new', records: [{ kind: 'station', record: station('a', 1) }], rejected: [] }, { replace: true, reason: 'new-epoch' });
    expect(entities.raw.peek('station', 'a')?.version).toBe(1);
    expect(entities.raw.peek('station', 'b')).toBeUndefined();
    connections.stop();
  });

  it('records a restart for the HUD and diagnostics, and lets the new backend’s clock, not the old one, age records', async () => {
    const fake = fakeSource(false);
    registerAdapter('mock', async () => fake.source);
    const entities = useEntityStore();
    const sources = useSourceStore();
    const connections = connectDataSources([{ type: 'mock', id: 'fake', seed: 1, speed: 1 }], entities, sources, { region: () => Promise.reject(new Error('unused')) });
    await wait(20);
    // The old backend ran a simulation two days ahead of the records' time...
    fake.stream().onStatus!({ state: 'live', attempt: 0, backendTime: '2026-11-25T10:00:00Z' });
    // ...the new one starts where the records are, and lists a closed track from an hour before.
    const track = { ...station('t'), updatedAt: '2026-11-23T09:00:00Z', patrolKind: 'drone', name: 'x', unitStationId: 's', active: false, points: [] };
    fake.stream().onResync!({ cursor: 1, epoch: 'new', records: [{ kind: 'patrolTrack', record: track as never }], rejected: [] }, { replace: true, reason: 'sequence-behind' });
    fake.stream().onStatus!({ state: 'live', attempt: 0, backendTime: '2026-11-23T10:00:00Z' });
    entities.prune();
    expect(entities.raw.peek('patrolTrack', 't')).toBeDefined();
    expect(sources.sources.fake).toMatchObject({ restarts: 1, lastResync: { reason: 'sequence-behind', replaced: true, records: 1 } });
    connections.stop();
  });

  it('ages records by the backend’s clock, not by a record stamped far in the future', async () => {
    const entities = useEntityStore();
    const closed = (id: string, updatedAt: string) => ({ ...station(id), updatedAt }) as unknown as Alert;
    entities.applyChanges([
      { seq: 1, kind: 'patrolTrack', op: 'upsert', record: { ...closed('old', '2000-01-01T00:00:00Z'), patrolKind: 'drone', name: 'x', unitStationId: 's', active: false, points: [] } as never },
      { seq: 2, kind: 'patrolTrack', op: 'upsert', record: { ...closed('recent', new Date().toISOString()), patrolKind: 'drone', name: 'x', unitStationId: 's', active: false, points: [] } as never },
      { seq: 3, kind: 'patrolTrack', op: 'upsert', record: { ...closed('future', '2099-01-01T00:00:00Z'), patrolKind: 'drone', name: 'x', unitStationId: 's', active: true, points: [] } as never },
    ]);
    entities.prune();
    expect([...entities.raw.each('patrolTrack')].map((t) => t.id).sort()).toEqual(['future', 'recent']);
    // A backend that says its clock is two days ahead (a simulator at speed) ages the recent one too.
    entities.noteBackendTime(new Date(Date.now() + 2 * 24 * 3_600_000).toISOString());
    entities.prune();
    expect([...entities.raw.each('patrolTrack')].map((t) => t.id)).toEqual(['future']);
  });
});
