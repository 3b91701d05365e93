/**
 * The HUD before the globe: the map views mount once the HUD's panels have painted the first
 * snapshot's data, or `fallbackMs` after the configuration is applied if no data has come by
 * then (a backend that is down must not leave the screen without its map). Without a GPU driver
 * the globe's start (loading Cesium, its WebGL context, its shader programs) holds the main
 * thread for seconds, and the panels' first paint would wait behind it.
 */
import { computed, onScopeDispose, ref, watch, type ComputedRef, type Ref } from 'vue';

const FALLBACK_MS = 1000;

export interface HudFirstDeps {
  /** The configuration is applied (the data sources have started). */
  configLoaded: Ref<boolean>;
  /** The HUD has painted the first snapshot's data. */
  hudPainted: Ref<boolean>;
  fallbackMs?: number;
}

export function useHudFirst(deps: HudFirstDeps): ComputedRef<boolean> {
  const waitedEnough = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    deps.configLoaded,
    (loaded) => {
      if (loaded && timer === undefined) timer = setTimeout(() => (waitedEnough.value = true), deps.fallbackMs ?? FALLBACK_MS);
    },
    { immediate: true },
  );
  onScopeDispose(() => clearTimeout(timer));
  // Neither goes back to false: once mounted, the maps stay.
  return computed(() => deps.hudPainted.value || waitedEnough.value);
}
