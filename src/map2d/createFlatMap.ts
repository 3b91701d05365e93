/**
 * The page's flat map (maplibre-gl, the mapbox-gl API without Mapbox's token or servers: ADR
 * 0005). Offline by construction: the style is built here (or is the deployment's own, checked to
 * stay on this server), has no `glyphs` URL so text is drawn from local fonts, no sprite (icons are
 * drawn on canvases), and the worker is a file of this build. Callers keep the handle in a plain
 * variable, never in Vue reactivity.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { AppConfig } from '../domain/appConfig';
import type { MapViewProbe } from '../layers/mapView';
import { checkFlatStyle } from './checkFlatStyle';
import { describeFlatBasemap } from './flatBasemap';
import { FLAT_TEXT_FONT } from './flatText';

maplibregl.setWorkerUrl(workerUrl);

/** An intranet style that does not come within this long is given up for the dark base map. */
const STYLE_TIMEOUT_MS = 15_000;

export interface FlatMapHandle extends MapViewProbe {
  readonly map: maplibregl.Map;
  /** The font list the dashboard's text uses on this style. */
  readonly textFont: string[];
  /** Why the configured base map is not what is drawn, if it is not. */
  readonly basemapProblem: string | null;
  destroy(): void;
}

export interface FlatMapOptions {
  basemap: AppConfig['basemap'];
  /** A backdrop colour for the dark base map (the theme's). */
  backdropCss?: string;
  onError(source: string, error: unknown): void;
}

async function loadStyle(options: FlatMapOptions): Promise<{ style: maplibregl.StyleSpecification; textFont: string[]; problem: string | null }> {
  const base = describeFlatBasemap(options.basemap, options.backdropCss);
  const built = (problem: string | null) => ({
    style: { version: 8 as const, sources: base.sources, layers: base.layers },
    textFont: FLAT_TEXT_FONT,
    problem,
  });
  const url = options.basemap.style2d;
  if (!url) return built(base.problem);
  try {
    const response = await fetch(url, { cache: 'no-cache', signal: AbortSignal.timeout(STYLE_TIMEOUT_MS) });
    if (!response.ok) return built(`basemap.style2d ${url}: HTTP ${response.status}; showing the dark base map`);
    const checked = checkFlatStyle(await response.json(), `basemap.style2d ${url}`);
    if (!checked.ok) return built(`${checked.problem}; showing the dark base map`);
    return { style: checked.style, textFont: checked.textFont, problem: null };
  } catch (error) {
    return built(`basemap.style2d ${url}: ${error instanceof Error ? error.message : String(error)}; showing the dark base map`);
  }
}

export async function createFlatMap(container: HTMLElement, options: FlatMapOptions): Promise<FlatMapHandle> {
  const { style, textFont, problem } = await loadStyle(options);
  const map = new maplibregl.Map({
    container,
    style,
    attributionControl: false,
    // CJK text from the fonts on this machine, the same families the globe's labels use.
    localIdeographFontFamily: FLAT_TEXT_FONT.join(', '),
    // A flat map: no tilt, no spin, so north stays up for the duty officer.
    maxPitch: 0,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    fadeDuration: 0,
    center: [118.5, 28.9],
    zoom: 8,
  });
  map.touchZoomRotate.disableRotation();
  let frames = 0;
  let lastFrameAt = 0;
  const frameTimes: number[] = [];
  map.on('render', () => {
    frames += 1;
    const now = performance.now();
    // maplibre has no per-frame work timer: the gap between frames while it animates stands in.
    if (lastFrameAt > 0 && now - lastFrameAt < 1000) frameTimes.push(now - lastFrameAt);
    if (frameTimes.length > 600) frameTimes.shift();
    lastFrameAt = now;
  });
  // A failing tile cache is the base map's problem, said once, not a broken map on every tile.
  let basemapReported = false;
  map.on('error', (event) => {
    const sourceId = (event as { sourceId?: unknown }).sourceId;
    if (typeof sourceId === 'string' && sourceId.startsWith('basemap')) {
      if (!basemapReported) options.onError('basemap', event.error ?? new Error(`tiles of ${sourceId} failed`));
      basemapReported = true;
      return;
    }
    options.onError('map2d', event.error ?? new Error('maplibre error'));
  });
  // The style, not its tiles: a slow tile cache must not hold back the region and the live layers.
  await new Promise<void>((resolve) => map.once('style.load', () => resolve()));
  const canvas = map.getCanvas();
  return {
    map,
    textFont,
    basemapProblem: problem,
    framesRendered: () => frames,
    frameTimes: () => [...frameTimes],
    rendererInfo: () => ({
      renderer: `maplibre-gl ${maplibregl.getVersion()}`,
      view: '2d',
      drawingBuffer: { width: canvas.width, height: canvas.height },
      canvasCss: { width: canvas.clientWidth, height: canvas.clientHeight },
      devicePixelRatio: window.devicePixelRatio,
    }),
    destroy: () => map.remove(),
  };
}
