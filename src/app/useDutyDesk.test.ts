import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { computed, effectScope, nextTick, ref } from 'vue';
import { type Result, failure, success } from '../adapters/contract';
import type { Alert } from '../domain/entities/alert';
import { useEntityStore } from '../stores/entityStore';
import type { Connections } from './connectDataSources';
import { useDutyDesk } from './useDutyDesk';
import { useShownRecords } from './useShownRecords';

const alert = (id: string, severity: Alert['severity'], hitSide: 'zj' | 'jx'): Alert =>
  ({
    id, version: 1, updatedAt: '2026-11-23T10:00:00Z', province: hitSide, county: '330822', town: 'qiuchuan', position: [118.35, 28.83], source: 'test', severity, watchlist: '在逃人员',
    subject: { type: 'vehicle', plate: '赣E·A1234' }, hit: { at: '2026-11-23T10:00:00Z', via: 'camera', deviceId: 'c', deviceName: '球川卡口' },
    controlSide: 'jx', hitSide, controlStationId: 's', status: 'new', statusTimes: { new: '2026-11-23T10:00:00Z' },
  }) as Alert;

function setUp(connections: Connections | undefined) {
  const entities = useEntityStore();
  entities.applyChanges([alert('a', 4, 'zj'), alert('b', 2, 'jx')].map((record, i) => ({ seq: i + 1, kind: 'alert' as const, op: 'upsert' as const, record })));
  const remembered: Record<string, string | null>[] = [];
  let wanted: ((alert: Alert) => boolean) | undefined;
  const scope = effectScope();
  const desk = scope.run(() =>
    useDutyDesk({
      shown: useShownRecords({ revisions: entities.revisions, playback: { revision: ref(0), reader: computed(() => entities.raw) } }),
      connections: () => connections,
      officer: () => '值班员',
      rememberFilters: (params) => void remembered.push(params),
      chime: (filter) => {
        wanted = filter;
        return { armed: ref(false), muted: ref(false), ring: () => undefined };
      },
    }),
  )!;
  return { desk, remembered, wanted: (a: Alert) => wanted!(a), scope };
}

const connections = (answer: ReturnType<Connections['acknowledgeAlert']>, writesBack = true): Connections & { calls: [string, string][] } => {
  const calls: [string, string][] = [];
  return { calls, acknowledgeAlert: (id, by) => (calls.push([id, by]), answer), writesBack: () => writesBack, assistWorkflow: () => null, auditTrail: () => null, instructions: () => null, handoffs: () => null,
    controlOrders: () => null, readHistory: () => null, stop() {} };
};

describe('useDutyDesk', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('filters the queue and the chime alike, and keeps the filters in the URL', async () => {
    const { desk, remembered, wanted, scope } = setUp(undefined);
    expect(desk.rows.value.map((row) => row.id)).toEqual(['a', 'b']);
    desk.setFilters({ minSeverity: 3, sides: ['zj'], towns: [] });
    await nextTick();
    expect(desk.rows.value.map((row) => row.id)).toEqual(['a']);
    expect(remembered).toEqual([{ severity: '3', sides: 'zj', towns: '' }]);
    expect([wanted(alert('x', 4, 'zj')), wanted(alert('y', 2, 'zj')), wanted(alert('z', 4, 'jx'))]).toEqual([true, false, false]);
    scope.stop();
  });

  it('writes an acknowledgement back as the officer, pending until the backend answers, and shows its refusal', async () => {
    let answer!: (value: Result<Alert>) => void;
    const backend = connections(new Promise<Result<Alert>>((resolve) => (answer = resolve)));
    const { desk, scope } = setUp(backend);
    const row = desk.rows.value[0]!;
    const done = desk.acknowledge(row);
    expect([...desk.pending.value]).toEqual(['a']);
    expect(backend.calls).toEqual([['a', '值班员']]);
    answer(failure('conflict', '已被对方签收'));
    await done;
    expect([...desk.pending.value]).toEqual([]);
    expect(desk.error.value).toBe('已被对方签收');
    const again = connections(Promise.resolve(success({} as Alert)));
    scope.stop();
    const second = setUp(again);
    await second.desk.acknowledge(second.desk.rows.value[0]!);
    expect(second.desk.error.value).toBeNull();
    second.scope.stop();
  });

  it('keeps an acknowledgement on this screen, marked so, where no backend takes it', async () => {
    const { desk, scope } = setUp(undefined);
    await desk.acknowledge(desk.rows.value[0]!);
    vi.advanceTimersByTime(1000);
    expect(desk.writesBack.value).toBe(false);
    expect(desk.rows.value.find((row) => row.id === 'a')?.acknowledged).toBe('local');
    scope.stop();
  });
});
