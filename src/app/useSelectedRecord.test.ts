import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { computed, ref } from 'vue';
import { loadTestRegion } from '../../tests/contract/loadTestRegion';
import type { Station } from '../domain/entities/station';
import { useEntityStore } from '../stores/entityStore';
import { useSelectedRecord } from './useSelectedRecord';

const station = (version: number, officersOnDuty: number): Station => ({
  id: 'st-qiuchuan', version, updatedAt: '2026-11-23T10:00:00Z', province: 'zj', county: '330822', position: [118.35, 28.83], source: 'test', stationKind: 'police-station', name: '球川派出所', officersOnDuty,
});

describe('useSelectedRecord', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('shows the picked record as it is now, and closes when it goes away', () => {
    const entities = useEntityStore();
    entities.applyChanges([{ seq: 1, kind: 'station', op: 'upsert', record: station(1, 2) }]);
    const revision = computed(() => entities.revisions.station);
    const selection = useSelectedRecord(() => (void revision.value, entities.raw), ref(loadTestRegion()), ref(new Date('2026-11-23T10:05:00Z')), ref('zh'));
    expect(selection.view.value).toBeNull();
    selection.select({ layer: 'stations', id: 'st-qiuchuan' });
    const first = JSON.stringify(selection.view.value);
    expect(first).toContain('球川派出所');
    entities.applyChanges([{ seq: 2, kind: 'station', op: 'upsert', record: station(2, 5) }]);
    expect(JSON.stringify(selection.view.value)).not.toBe(first);
    entities.applyChanges([{ seq: 3, kind: 'station', op: 'delete', id: 'st-qiuchuan', version: 3 }]);
    expect(selection.view.value).toBeNull();
  });
});
