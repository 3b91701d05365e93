/**
 * The HUD side of the live layers: which are shown (toggled from the legend), how many records
 * each draws (read from the globe once a second, for the legend and diagnostics).
 */
import { computed, onScopeDispose, reactive, ref } from 'vue';
import { LAYER_IDS, LAYER_LABELS, type LayerId } from '../domain/layerIds';
import { liveTheme } from '../layers/live/liveTheme';
import type { MapViewApi } from '../layers/mapView';
import type { LegendEntry } from '../panels/MapLegend.vue';
import { diagnostics } from './diagnostics';

export function useLiveLayerControls() {
  const visible = reactive(new Map<LayerId, boolean>());
  const counts = ref<Partial<Record<LayerId, number>>>({});
  let globe: MapViewApi | null = null;
  const timer = setInterval(() => {
    if (globe) counts.value = { ...globe.layerCounts() };
  }, 1000);
  onScopeDispose(() => clearInterval(timer));

  diagnostics.setLayerProbe(() => {
    const live = globe?.layerCounts() ?? {};
    return LAYER_IDS.filter((id) => live[id] !== undefined).map((id) => ({ id, featureCount: live[id]!, visible: visible.get(id) ?? false }));
  });

  return {
    /** The layers shown at start (config or `layers=`). */
    initialise(layers: readonly LayerId[]) {
      for (const id of LAYER_IDS) visible.set(id, layers.includes(id));
    },
    /** The view on screen now, whose counts the legend shows (both views draw `visibleLayers`). */
    attach(api: MapViewApi) {
      globe = api;
      counts.value = { ...api.layerCounts() };
    },
    toggle(id: string) {
      const layer = id as LayerId;
      if (!LAYER_IDS.includes(layer)) return;
      const next = !(visible.get(layer) ?? false);
      visible.set(layer, next);
    },
    /** Exactly these layers shown (a scene of the wall tour or the briefing). */
    show(ids: readonly LayerId[]) {
      for (const id of LAYER_IDS) {
        const next = ids.includes(id);
        if ((visible.get(id) ?? false) !== next) visible.set(id, next);
      }
    },
    visibleLayers: computed(() => LAYER_IDS.filter((id) => visible.get(id))),
    legendEntries: computed<LegendEntry[]>(() =>
      LAYER_IDS.map((id) => ({
        id,
        label: LAYER_LABELS[id].zh,
        color: liveTheme.layerSwatches[id],
        kind: 'dot',
        count: counts.value[id] ?? 0,
        active: visible.get(id) ?? false,
      })),
    ),
  };
}
