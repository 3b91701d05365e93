import type { SceneCamera } from '../domain/scenes/sceneDeck';
import type { MapViewApi, MapViewKind, ScreenPoint } from '../layers/mapView';
import type { DiagnosticsSnapshot } from '../stores/diagnosticsSnapshot';

/** `window.safeBorder`: what tests, benchmarks and an operator at the console can call. */
export interface SafeBorderApi {
  diagnostics(): DiagnosticsSnapshot;
  /** CSS-pixel canvas positions of WGS84 `[lon, lat, heightMeters]`, null when off screen. */
  worldToScreen(positions: readonly (readonly [number, number, number?])[]): ScreenPoint[];
  /** The map's names on screen now and the boxes they cover (CSS pixels from the canvas's corner). */
  placedLabels(): ReturnType<MapViewApi['placedLabels']>;
  /** Where the view on screen looks: the point at its centre, the distance to it, heading and pitch. */
  currentView(): SceneCamera | null;
  /** Flies nowhere: jumps the camera back to the region's home view. */
  goHome(): void;
  /** Whether a record is drawn on the globe now (tests and benchmarks). */
  isDrawn(layer: string, id: string): boolean;
  /**
   * Feeds wire-format changes through the same gate and store as any backend's (validation,
   * normalisation, layers): for benchmarks and drills. Returns what was applied and rejected.
   */
  ingest(changes: unknown[]): { applied: number; rejected: number };
  /** Main-thread milliseconds of the most recent frames, oldest first. */
  frameTimes(): number[];
  /** Frames the view on screen has rendered so far: cheap, for benchmarks to poll (diagnostics() copies everything). */
  framesRendered(): number;
  /**
   * Resolves once every change handed to the view's layers so far is on them (the layers apply
   * bursts over several frames), with the time it happened (`performance.now()`).
   */
  whenLayersIdle(): Promise<{ drainedAt: number }>;
  /** Milliseconds recent store changes took to reach the view's layers, oldest first. */
  layerUpdateTimes(): number[];
  /** Milliseconds the view spent per frame handing batched changes to its engine (the flat map's), oldest first. */
  layerWriteTimes(): number[];
  /** The live store's records of one kind as `[id, version]`, for tests comparing it with a backend's log. */
  held(kind: string): [string, number][];
  /** Records drawn per live layer by each map view made so far (`2d`, `3d`), read at the same moment. */
  viewCounts(): Partial<Record<MapViewKind, Partial<Record<string, number>>>>;
  /** Time playback: whether it is on, its window and playhead (epoch ms), and what the screen's store holds. */
  playback(): { active: boolean; fromMs: number | null; toMs: number | null; position: number | null; counts: Record<string, number> };
}

declare global {
  interface Window {
    safeBorder?: SafeBorderApi;
  }
}
