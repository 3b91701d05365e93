/**
 * `startApp` wired to this page: the configuration from config.json and the URL, the stores, the
 * page's `data-*` marks, the HUD scale, the keys (Ctrl+Shift+D for diagnostics, the duty queue's
 * and the clicker's), `window.safeBorder`, and the data sources.
 */
import type { Ref } from 'vue';
import type { DutyFilters } from '../panels/duty/describeDutyQueue';
import type { useAppConfigStore } from '../stores/appConfigStore';
import type { useEntityStore } from '../stores/entityStore';
import type { useRegionStore } from '../stores/regionStore';
import { diagnostics } from './diagnostics';
import { installHudScale } from './hudScale';
import { setLanguage } from './i18n';
import { installSafeBorderApi } from './installSafeBorderApi';
import { loadAppConfig } from './loadAppConfig';
import { type StartedApp, startApp } from './startApp';
import { startData } from './startData';
import { markStartup } from '../domain/startupMarks';
import type { useLiveLayerControls } from './useLiveLayerControls';
import type { useMapViews } from './useMapViews';
import type { Playback } from './usePlayback';

export interface PageParts {
  configStore: ReturnType<typeof useAppConfigStore>;
  regionStore: ReturnType<typeof useRegionStore>;
  entityStore: ReturnType<typeof useEntityStore>;
  playback: Playback;
  views: ReturnType<typeof useMapViews>;
  liveLayers: ReturnType<typeof useLiveLayerControls>;
  marks: Record<string, string | undefined>;
  hudScale: Ref<number>;
  diagOpen: Ref<boolean>;
  /** Set once the configuration is applied: the map views may mount. */
  configLoaded: Ref<boolean>;
  dutyFilters: Ref<DutyFilters>;
  /** Keys for the duty queue and the briefing's clicker. */
  dutyKeys(event: KeyboardEvent): void;
  briefingKeys(event: KeyboardEvent): void;
}

export function startPage(parts: PageParts): StartedApp {
  const { configStore, regionStore, entityStore, playback, views, marks } = parts;
  const onKeydown = (event: KeyboardEvent): void => {
    if (event.ctrlKey && event.shiftKey && (event.key === 'D' || event.key === 'd')) {
      parts.diagOpen.value = !parts.diagOpen.value;
      event.preventDefault();
    } else if (configStore.config.mode === 'duty') parts.dutyKeys(event);
    else if (configStore.config.mode === 'briefing') parts.briefingKeys(event);
  };
  return startApp({
    loadConfig: () => loadAppConfig(new URLSearchParams(window.location.search)),
    configure(resolved) {
      const { config } = resolved;
      configStore.apply(resolved);
      setLanguage(config.language);
      marks.theme = config.theme;
      marks.mode = config.mode;
      parts.dutyFilters.value = { ...config.duty };
      parts.diagOpen.value = config.diag;
      window.addEventListener('keydown', onKeydown);
      installSafeBorderApi(window.safeBorder!, {
        mapView: views.shown,
        frameTimes: views.frameTimes,
        framesRendered: views.framesRendered,
        viewCounts: views.counts,
        live: entityStore.raw,
        applyChanges: (changes) => entityStore.applyChanges(changes),
        playback,
      });
      views.open(config.view);
      parts.liveLayers.initialise(config.layers);
      parts.configLoaded.value = true;
      diagnostics.setRegion(config.region);
      markStartup('config');
    },
    loadRegion: (id) =>
      regionStore.load(id).then(() => {
        if (regionStore.pack) markStartup('region');
      }),
    regionPack: () => regionStore.pack,
    regionError: () => regionStore.error,
    startData,
    openPlayback: (window, at, speed) => void playback.loadWhenReady(window, at).then(() => playback.setSpeed(speed)),
    recordError: (source, error) => diagnostics.recordError(source, error),
    listen: () => [installHudScale(window, (scale) => (parts.hudScale.value = scale)), () => window.removeEventListener('keydown', onKeydown)],
    reload: () => window.location.reload(),
  });
}
