/**
 * The record picked on the globe, as a detail view kept current: if the record changes (an alert
 * is acknowledged), the panel shows it; if it goes away, the panel closes.
 */
import { computed, type Ref, ref } from 'vue';
import type { EntityKind } from '../domain/entities/entityKinds';
import type { LayerId } from '../domain/layerIds';
import type { RegionPack } from '../domain/regionPack';
import type { PickTarget } from '../layers/mapView';
import { type DetailView, describeDetails } from '../panels/details/describeDetails';
import type { EntityReader } from '../stores/entityStore';

export const KIND_OF_LAYER: Record<LayerId, EntityKind> = {
  stations: 'station',
  checkpoints: 'station',
  alerts: 'alert',
  gridEvents: 'gridEvent',
  assists: 'assistRequest',
  grids: 'grid',
  patrols: 'patrolTrack',
};

/**
 * `read` gives the store the screen shows (live, or the playback timeline) and must touch whatever
 * reactive tick follows that store's changes, so the view is recomputed when it changes.
 */
export function useSelectedRecord(read: () => EntityReader, region: Ref<RegionPack | null>, now: Ref<Date>, language: Ref<'zh' | 'en'>, sourceName: (id: string) => string = (id) => id) {
  const selected = ref<PickTarget | null>(null);
  const view = computed<DetailView | null>(() => {
    const target = selected.value;
    if (!target) return null;
    const kind = KIND_OF_LAYER[target.layer];
    const entities = read();
    const record = entities.peek(kind, target.id);
    if (!record) return null;
    const pack = region.value;
    const l = language.value;
    return describeDetails(kind, record, {
      now: now.value.getTime(),
      language: l,
      sourceName,
      provinceName: (id) => pack?.provinces.find((p) => p.id === id)?.name[l] ?? id,
      countyName: (id) => pack?.counties.find((c) => c.id === id)?.name[l] ?? id,
      townName: (id) => pack?.towns.find((t) => t.id === id)?.name[l] ?? '',
      stationName: (id) => entities.peek('station', id)?.name ?? id,
      gridName: (id) => entities.peek('grid', id)?.name[l] ?? id,
      openEventsInGrid: (id) => {
        let open = 0;
        for (const event of entities.each('gridEvent')) if (event.gridId === id && event.stage !== 'closed') open += 1;
        return open;
      },
    });
  });
  return {
    selected,
    view,
    select(target: PickTarget | null) {
      selected.value = target;
    },
  };
}
