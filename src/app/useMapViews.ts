/**
 * The two map views as the app hosts them: which one is on screen, each made on first use and
 * then kept (hidden) for the page's life, one WebGL context each; the camera carried across a
 * switch; diagnostics and the legend following the view on screen; a globe whose WebGL context
 * was lost replaced by a new one; the views' failures shown in words.
 */
import { ref } from 'vue';
import { describeError } from '../domain/describeError';
import type { SceneCamera } from '../domain/scenes/sceneDeck';
import type { MapViewApi, MapViewKind, MapViewProbe } from '../layers/mapView';
import type { DiagnosticsHub } from './diagnostics';

/** How the globe looks down at what the flat map showed: oblique, as a wall's globe does. */
const GLOBE_PITCH_FROM_FLAT_DEGREES = -55;
/** Failures with a label of their own on screen; others are named by their source. */
const SCENE_ERRORS = ['globe', 'render', 'basemap', 'region', 'map2d'];

export interface MapViewsDeps {
  diagnostics: Pick<DiagnosticsHub, 'recordError' | 'setReady' | 'setRendererProbe' | 'setLayer'>;
  /** The live layers' visibility, applied to whichever view is shown. */
  liveLayers: { attach(api: MapViewApi): void };
  /** The page's `data-*` marks tests and the wall's watchdog read (`ready`, `view`). */
  marks: Record<string, string | undefined>;
  /** Keeps the view in the URL (`view=2d`), so a reload opens the same one. */
  rememberView(view: MapViewKind): void;
  /** The region is drawn (first time or again): the screen is ready. */
  onRegionDrawn(): void;
  translate(key: string, values?: Record<string, unknown>): string;
  /** Runs after the current task: a lost globe is unmounted before its replacement is mounted. */
  defer?(run: () => void): void;
}

export function useMapViews(deps: MapViewsDeps) {
  const apis: Partial<Record<MapViewKind, MapViewApi>> = {};
  const probes: Partial<Record<MapViewKind, MapViewProbe>> = {};
  const drawn = new Set<MapViewKind>();
  let carriedView: SceneCamera | null = null;
  let replacingGlobe = false;
  /** The view on screen (`view=`, or the HUD's 2D/3D switch), and the views mounted so far. */
  const view = ref<MapViewKind>('3d');
  const mounted = ref(new Set<MapViewKind>());
  /** Bumped to replace the globe after the GPU took its context away. */
  const globeGeneration = ref(0);
  /** The newest failure of a view itself (render loop, base map, drawing): shown, never only logged. */
  const sceneError = ref<string | null>(null);
  const defer = deps.defer ?? ((run: () => void) => void setTimeout(run, 0));

  const shown = (): MapViewApi | undefined => apis[view.value];

  /** Diagnostics, the legend and `window.safeBorder` follow the view on screen. */
  function attachShown(): void {
    const api = apis[view.value];
    const probe = probes[view.value];
    if (!api || !probe) return;
    deps.diagnostics.setRendererProbe(() => ({ view: api.kind, ...probe.rendererInfo() }), () => probe.framesRendered());
    deps.liveLayers.attach(api);
  }

  function applyCarriedView(): void {
    if (carriedView) apis[view.value]?.flyToView(carriedView);
    carriedView = null;
  }

  function markNotReady(): void {
    deps.diagnostics.setReady(false);
    deps.marks.ready = 'false';
  }

  return {
    view,
    mounted,
    globeGeneration,
    sceneError,
    shown,
    /** The view the page opens with. */
    open(initial: MapViewKind): void {
      view.value = initial;
      mounted.value = new Set([initial]);
      deps.marks.view = initial;
    },
    /** Shows the other map: made on first use, then kept; layers, region and store are the same. */
    setView(next: MapViewKind): void {
      if (next === view.value) return;
      // The other view opens looking where this one did (the globe at its own oblique angle).
      const looking = apis[view.value]?.currentView();
      carriedView = looking ? { ...looking, flightSeconds: 0, ...(next === '3d' ? { pitch: GLOBE_PITCH_FROM_FLAT_DEGREES, heading: 0 } : {}) } : null;
      view.value = next;
      mounted.value = new Set(mounted.value).add(next);
      deps.marks.view = next;
      deps.rememberView(next);
      attachShown();
      if (drawn.has(next)) applyCarriedView();
    },
    created(kind: MapViewKind, api: MapViewApi, probe: MapViewProbe): void {
      // A replacement globe: what the lost one reported while it died is history (still in diagnostics).
      if (kind === '3d' && replacingGlobe) sceneError.value = null;
      if (kind === '3d') replacingGlobe = false;
      apis[kind] = api;
      probes[kind] = probe;
      if (view.value === kind) attachShown();
    },
    /** A view drew its region; one made on its first switch then looks where the other one did. */
    drawnRegion(kind: MapViewKind, counts: Record<string, number>): void {
      drawn.add(kind);
      for (const [id, featureCount] of Object.entries(counts)) deps.diagnostics.setLayer({ id, featureCount, visible: true });
      deps.diagnostics.setReady(true);
      deps.marks.ready = 'true';
      deps.onRegionDrawn();
      if (kind === view.value) applyCarriedView();
    },
    /**
     * A lost WebGL context. maplibre gets its context back by itself; the screen is not ready until
     * the region is drawn again. Cesium's globe cannot be drawn into again: it is replaced, and the
     * new one draws the region and every layer from the stores.
     */
    contextLost(kind: MapViewKind): void {
      if (kind === '2d') {
        deps.diagnostics.recordError('webgl', 'the 2D map lost its WebGL context; it is drawn again when the GPU gives it back');
        markNotReady();
        return;
      }
      deps.diagnostics.recordError('webgl', 'the WebGL context was lost; the globe is being rebuilt');
      markNotReady();
      delete apis['3d'];
      replacingGlobe = true;
      defer(() => (globeGeneration.value += 1));
    },
    failed(source: string, error: unknown): void {
      deps.diagnostics.recordError(source, error);
      // The lost context's last frames fail to render; the new globe is already on its way.
      if (source === 'render' && replacingGlobe) return;
      const label = SCENE_ERRORS.includes(source) ? deps.translate(`sceneErrors.${source}`) : source;
      sceneError.value = deps.translate('sceneErrors.format', { label, error: describeError(error) });
    },
    frameTimes: (): number[] => probes[view.value]?.frameTimes() ?? [],
    framesRendered: (): number => probes[view.value]?.framesRendered() ?? 0,
    /** Records drawn per live layer by each view made so far, read at the same moment. */
    counts: () => Object.fromEntries(Object.entries(apis).map(([kind, api]) => [kind, api.layerCounts()])),
  };
}

export type MapViews = ReturnType<typeof useMapViews>;
