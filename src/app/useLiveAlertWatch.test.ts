import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import type { Alert } from '../domain/entities/alert';
import type { EntityReader } from '../stores/entityStore';
import type { TickerItem } from '../panels/live/describeAlertTicker';
import { useLiveAlertWatch } from './useLiveAlertWatch';

const alert = (id: string, severity: number, status: Alert['status'] = 'new'): Alert =>
  ({
    id,
    version: 1,
    updatedAt: '2026-11-23T10:00:00Z',
    province: 'zj',
    county: '330822',
    position: [118.35, 28.83],
    source: 'test',
    severity,
    watchlist: '盗抢车辆',
    subject: { type: 'vehicle', plate: '浙H·1****' },
    hit: { at: '2026-11-23T10:00:00Z', via: 'checkpoint', deviceId: 'c', deviceName: '球川卡口' },
    controlSide: 'jx',
    hitSide: 'zj',
    controlStationId: 's',
    status,
    statusTimes: { new: '2026-11-23T10:00:00Z', [status]: '2026-11-23T10:00:00Z' },
  }) as Alert;

function liveStore() {
  const records = new Map<string, Alert>();
  const revision = ref(0);
  const reader = {
    peek: (_kind: string, id: string) => records.get(id),
    each: () => records.values(),
    onDiff: () => () => {},
  } as unknown as EntityReader;
  return {
    reader,
    revision,
    put(...alerts: Alert[]) {
      for (const a of alerts) records.set(a.id, a);
      revision.value += 1;
    },
  };
}

async function settle() {
  await nextTick();
  vi.advanceTimersByTime(1000);
  await nextTick();
}

describe('useLiveAlertWatch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function watchStore(minSeverity: number | null = 4, acknowledgedHere = new Set<string>()) {
    const store = liveStore();
    const arrivals: TickerItem[] = [];
    const scope = effectScope();
    const watch = scope.run(() =>
      useLiveAlertWatch({ live: store.reader, revision: () => store.revision.value, minSeverity: () => minSeverity, acknowledgedHere: (id) => acknowledgedHere.has(id), onArrival: (item) => arrivals.push(item) }),
    )!;
    return { store, arrivals, watch, scope };
  }

  it('counts the backlog on the banner but announces only alerts that arrive afterwards', async () => {
    const { store, arrivals, watch, scope } = watchStore();
    store.put(alert('backlog', 4), alert('minor', 2));
    await settle();
    expect(watch.severe.value.waiting).toBe(1);
    expect(arrivals).toEqual([]);
    store.put(alert('fresh', 4), alert('fresh-minor', 3));
    await settle();
    expect(arrivals.map((a) => a.id)).toEqual(['fresh']);
    expect(watch.severe.value.waiting).toBe(2);
    scope.stop();
  });

  it('announces the most severe of a burst once, and forgets an alert once it is answered', async () => {
    const { store, arrivals, watch, scope } = watchStore(3);
    store.put(alert('first', 1));
    await settle();
    store.put(alert('s3', 3), alert('s4', 4));
    await settle();
    expect(arrivals.map((a) => a.id)).toEqual(['s4']);
    store.put(alert('s4', 4, 'acknowledged'));
    await settle();
    expect(watch.severe.value.items.map((i) => i.id)).toEqual(['s3']);
    expect(arrivals).toHaveLength(1);
    scope.stop();
  });

  it('lets an acknowledgement made on this screen take the alert off the banner', async () => {
    const acked = new Set<string>();
    const { store, watch, scope } = watchStore(4, acked);
    store.put(alert('s4', 4));
    await settle();
    expect(watch.severe.value.waiting).toBe(1);
    acked.add('s4');
    store.put(alert('other', 1));
    await settle();
    expect(watch.severe.value.waiting).toBe(0);
    scope.stop();
  });
});
