/**
 * Scenes on screen: the wall's tour and the briefing's deck, each scene setting the camera, the
 * layers, the panel that glows, the alert filters and a time window played through. A new alert
 * that takes the wall's camera holds the tour until the camera is back.
 */
import { type Ref, ref, watch } from 'vue';
import type { WallState } from '../domain/wall/wallState';
import type { AppConfig } from '../domain/appConfig';
import type { LayerId } from '../domain/layerIds';
import type { PanelId, Scene } from '../domain/scenes/sceneDeck';
import type { MapViewApi } from '../layers/mapView';
import type { DutyFilters } from '../panels/duty/describeDutyQueue';
import type { DeckLoad } from './loadDeck';
import type { Playback } from './usePlayback';
import { useBriefing } from './useBriefing';
import { useWallTour } from './useWallTour';

/** A window in a scene plays through at an hour a second. */
const SCENE_PLAYBACK_SPEED = 3600;
/** The tour waits this long after the alert's own dwell before it takes the camera back. */
const TOUR_RESUME_MARGIN_MS = 5000;
/** A wall screen whose tour's deck did not load asks again this often. */
const DECK_RETRY_MS = 15_000;

export interface SceneDirectionDeps {
  config: () => AppConfig;
  mapView: () => MapViewApi | undefined;
  liveLayers: { show(ids: readonly LayerId[]): void; visibleLayers: { value: readonly LayerId[] } };
  playback: Pick<Playback, 'active' | 'load' | 'setSpeed' | 'play' | 'backToLive'>;
  /** A scene names a metric: the trend shows it. */
  chooseMetric(metricId: string): void;
  /** The page's `data-scene` mark. */
  marks: Record<string, string | undefined>;
  loadDeck(id: string): Promise<DeckLoad>;
  recordError(source: string, error: unknown): void;
  /** A wall of screens' shared state, when this page follows one (a wall screen or its console). */
  wall?: { follows(): boolean; state: Ref<WallState | null>; serverNow(): number };
}

export function useSceneDirection(deps: SceneDirectionDeps) {
  /** The panel a scene points at glows. */
  const highlightedPanel = ref<PanelId | null>(null);
  const sceneFilters = ref<DutyFilters | null>(null);
  /** Why a deck could not be used, in words, instead of a wall that silently does nothing. */
  const deckProblems = ref<{ id: string; problems: string[] } | null>(null);
  let started = false;

  function apply(scene: Scene): void {
    deps.marks.scene = scene.id;
    // A held wall pointed at an alert stays on it (a screen joining it applies the scene too).
    const held = deps.wall?.state.value;
    if (!(held?.paused && held.focus)) deps.mapView()?.flyToView(scene.camera);
    // A console's choice of layers stands over every scene's own.
    const layers = deps.wall?.state.value?.layers ?? scene.layers;
    if (layers) deps.liveLayers.show(layers);
    highlightedPanel.value = scene.highlight?.panel ?? null;
    if (scene.highlight?.kpi) deps.chooseMetric(scene.highlight.kpi);
    sceneFilters.value = scene.filters ? { minSeverity: scene.filters.minSeverity ?? 1, sides: scene.filters.sides ?? [], towns: scene.filters.towns ?? [] } : null;
    const { playback } = deps;
    // A replay the console started stands over the scenes' own until the console returns to live.
    if (deps.wall?.state.value?.playback) return;
    if (scene.window) {
      // The window plays through while the scene is up; the next scene without one returns to live.
      const range = 'last' in scene.window ? scene.window.last : `${scene.window.from}~${scene.window.to}`;
      void playback.load(range, undefined, { keepOutOfUrl: true }).then((loaded) => {
        if (!loaded) return;
        playback.setSpeed(SCENE_PLAYBACK_SPEED);
        playback.play();
      });
    } else if (playback.active.value) playback.backToLive();
  }

  function leave(): void {
    highlightedPanel.value = null;
    sceneFilters.value = null;
    delete deps.marks.scene;
    if (deps.playback.active.value) deps.playback.backToLive();
    deps.mapView()?.goHome();
  }

  /** A new alert took the camera: the tour holds its scene until the camera is back. */
function alertFocused(): void {
    const config = deps.config();
    if (config.mode !== 'wall') return;
    tour.interrupt(config.alertFocus.dwellSeconds * 1000 + TOUR_RESUME_MARGIN_MS);
    // The scene may have hidden alerts; the one the camera went to must be on screen. The tour's
    // scene, re-applied when it resumes, sets its own layers again.
    const visible = deps.liveLayers.visibleLayers.value;
    if (!visible.includes('alerts')) deps.liveLayers.show([...visible, 'alerts']);
  }

  const tour = useWallTour(apply);

  /** Follows the wall's shared state: its tour's deck, where the tour stands, the console's layers. */
  function followWall(wall: NonNullable<SceneDirectionDeps['wall']>): void {
    let deckId: string | null = null;
    let deck: Parameters<typeof tour.follow>[0] | null = null;
    let loading: Promise<void> | null = null;
    const sync = async (state: WallState | null) => {
      if (!state) return;
      if (state.tour !== deckId) {
        deckId = state.tour;
        deck = null;
        const load = (loading = deps.loadDeck(state.tour).then((loaded) => {
          if (loading !== load) return;
          if (!loaded.ok) {
            deckProblems.value = { id: state.tour, problems: loaded.problems };
            for (const problem of loaded.problems) deps.recordError('deck', `${state.tour}: ${problem}`);
            // A fetch that failed once (the server restarting) is tried again, not given up for good.
            deckId = null;
            setTimeout(() => void sync(wall.state.value), DECK_RETRY_MS);
            return;
          }
          deckProblems.value = null;
          deck = loaded.deck;
        }));
        await load;
      } else if (loading) await loading;
      const current = wall.state.value;
      if (deck && current && current.tour === deckId) tour.follow(deck, current, () => wall.serverNow());
    };
    watch(wall.state, (state, before) => {
      void sync(state);
      // Layers changed alone: the scene stays, the layers follow the console (or the scene's again).
      if (state && before && JSON.stringify(state.layers) !== JSON.stringify(before.layers) && state.anchorMs === before.anchorMs) {
        const layers = state.layers ?? tour.scene.value?.layers;
        if (layers) deps.liveLayers.show(layers);
      }
    });
    void sync(wall.state.value);
  }
  const briefing = useBriefing(apply, leave);

  return {
    highlightedPanel,
    sceneFilters,
    deckProblems,
    tour,
    briefing,
    /** Once the region is first drawn: the wall starts its tour, the briefing opens its deck (once). */
    async start(): Promise<void> {
      const config = deps.config();
      if (started) return;
      if (deps.wall?.follows()) {
        started = true;
        return followWall(deps.wall);
      }
      if (config.mode !== 'wall' && config.mode !== 'briefing') return;
      started = true;
      const id = config.mode === 'wall' ? config.tour : config.deck;
      const loaded = await deps.loadDeck(id);
      if (!loaded.ok) {
        deckProblems.value = { id, problems: loaded.problems };
        for (const problem of loaded.problems) deps.recordError('deck', `${id}: ${problem}`);
        return;
      }
      if (config.mode === 'wall') tour.start(loaded.deck, config.dwellSeconds, (config.slide ?? 1) - 1);
      else briefing.start(loaded.deck, config.slide);
    },
    /**
     * A severe alert arrived live while the screen may be replaying. A wall goes back to live and
     * looks at it (the map views follow only live alerts, so a replaying wall would otherwise
     * never turn); a briefing keeps its slide and shows the banner only; live screens leave the
     * camera to the map view, which follows alerts itself.
     */
    liveAlertArrived(alert: { severity: number; position: readonly [number, number] }): void {
      const config = deps.config();
      const focus = config.alertFocus.minSeverity;
      if (config.mode !== 'wall' || !deps.playback.active.value || focus === null || alert.severity < focus) return;
      deps.playback.backToLive();
      deps.mapView()?.flyTo(alert.position);
      alertFocused();
    },
    /** A new alert took the camera: the tour holds its scene until the camera is back. */
    alertFocused,
  };
}
