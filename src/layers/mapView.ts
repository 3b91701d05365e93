/**
 * What the app asks of a map view, whichever renderer draws it: the Cesium globe (src/map) or the
 * maplibre flat map (src/map2d). Both implement it, so the HUD, the modes and the tests drive
 * either one the same way.
 */
import type { AppConfig } from '../domain/appConfig';
import type { Alert } from '../domain/entities/alert';
import type { LayerId } from '../domain/layerIds';
import type { RegionPack } from '../domain/regionPack';
import type { SceneCamera } from '../domain/scenes/sceneDeck';
import type { LiveRecords } from './live/liveLayerSet';
import type { ScreenRect } from './freeMapArea';
import type { WallViewport } from '../domain/wall/wallLayout';

/** A point in CSS pixels from the canvas's top-left corner, or null when it is not on screen. */
export type ScreenPoint = { x: number; y: number } | null;

export type MapViewKind = '3d' | '2d';

/** A record of a live layer under the pointer, as either view reports a click. */
export interface PickTarget {
  layer: LayerId;
  id: string;
}

export interface MapViewApi {
  readonly kind: MapViewKind;
  /** Where WGS84 `[lon, lat, heightMeters]` positions appear on the canvas, for tests and overlays. */
  worldToScreen(positions: readonly (readonly [number, number, number?])[]): ScreenPoint[];
  goHome(): void;
  /** Records drawn by each live layer (empty until the region is drawn). */
  layerCounts(): Partial<Record<LayerId, number>>;
  clusterCount(): number;
  isDrawn(layer: LayerId, id: string): boolean;
  /** Milliseconds recent store diffs took to reach the view, oldest first. */
  layerUpdateTimes(): number[];
  /** Resolves once every change handed to the live layers so far is on them (`performance.now()` of that moment). */
  whenLayersIdle(): Promise<{ drainedAt: number }>;
  /**
   * Milliseconds the view spent handing batched changes to its engine, once per frame, oldest
   * first: the flat map's GeoJSON diffs. The globe writes its primitives within the diff itself,
   * so it has none.
   */
  layerWriteTimes(): number[];
  /** The map's names on screen now, each with the box it covers in CSS pixels (tests check none collide). */
  placedLabels(): { text: string; rect: ScreenRect }[];
  /** Flies to a place (a ticker item, a detail panel). */
  flyTo(position: readonly [number, number]): void;
  /** Flies to a scene's view: looking at lon/lat from `height` metres away, at the given heading and pitch. */
  flyToView(view: SceneCamera): void;
  /** Where the view looks now, in the same form (null when it looks at no ground, e.g. at the sky). */
  currentView(): SceneCamera | null;
}

/** What a map view reports of its renderer for diagnostics, and how many frames it has drawn. */
export interface MapViewProbe {
  rendererInfo(): object;
  framesRendered(): number;
  frameTimes(): number[];
}

/** What the app hands either view: the same configuration, region, store and clock. */
export interface MapViewProps {
  basemap: AppConfig['basemap'];
  region: RegionPack | null;
  pixelScale: number;
  entities: LiveRecords;
  visibleLayers: readonly LayerId[];
  alertFocus: AppConfig['alertFocus'];
  /** The language of the view's own labels (region, grids, flows); backend names stay as sent. */
  language: 'zh' | 'en';
  /** The page's palette (`theme=`): the map's ground, fills and text follow it as the HUD does. */
  theme: AppConfig['theme'];
  /** The time the layers show: the wall clock live, the playhead in playback. */
  now: () => number;
  /** No hover highlight (a wall nobody stands at). */
  hover: boolean;
  /**
   * Whether a new alert may draw the camera: live only. In playback an alert "appearing" at the
   * playhead is history, not news.
   */
  followAlerts: boolean;
  /** One screen of a wall of screens: where it sits in the wall's picture (null: a screen of its own). */
  wallViewport: WallViewport | null;
  /** On screen: a hidden view (the other one is shown) follows no store and flies nowhere. */
  active: boolean;
}

/** What either view tells the app, in the same shapes. */
export interface MapViewEvents {
  /** The view is up: its API, and its renderer's probe for diagnostics. */
  created: [api: MapViewApi, probe: MapViewProbe];
  /** The region is drawn (first time or again), with what it drew. */
  drawn: [counts: Record<string, number>];
  failed: [source: string, error: unknown];
  select: [target: PickTarget | null];
  /** The camera went to look at a new alert (a wall tour pauses meanwhile). */
  alertFocus: [alert: Alert];
  /**
   * The GPU took the WebGL context away: the globe cannot draw again and must be replaced; the flat
   * map is restored by maplibre (writes are held meanwhile).
   */
  contextLost: [];
}
