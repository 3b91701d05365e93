/**
 * The page's one Cesium globe. Created once and re-created only when the GPU takes its WebGL
 * context away (a driver reset, a GPU switch): Chrome allows ~16 WebGL contexts and a destroyed
 * widget does not give its context back promptly, so never for anything less. Callers keep the
 * handle in a plain variable, never in Vue reactivity (proxies around engine objects break
 * picking and multiply memory).
 *
 * CesiumWidget (not Viewer) from @cesium/engine: Viewer lives in @cesium/widgets, whose bundled
 * knockout evaluates code at import and breaks under a CSP without 'unsafe-eval'.
 */
import '@cesium/engine/Source/Widget/CesiumWidget.css';
import { CesiumWidget, Color, EllipsoidTerrainProvider, Ion, type Scene } from '@cesium/engine';
import type { AppConfig } from '../domain/appConfig';
import { darkRegionTheme } from '../layers/region/regionTheme';
import { createBasemapLayers } from './createBasemapLayers';
import { type RendererFacts, rendererProbe } from './rendererProbe';

interface RendererInfo extends RendererFacts {
  drawingBuffer: { width: number; height: number };
  canvasCss: { width: number; height: number };
  devicePixelRatio: number;
  requestRenderMode: boolean;
  msaaSamples: number;
  /** False while the globe still streams tiles in (it renders until they are all in). */
  globeTilesLoaded: boolean;
}

export interface GlobeHandle {
  readonly widget: CesiumWidget;
  readonly scene: Scene;
  framesRendered(): number;
  /** Main-thread milliseconds of the most recent frames (update to render end), oldest first. */
  frameTimes(): number[];
  rendererInfo(): RendererInfo;
  destroy(): void;
}

export interface GlobeOptions {
  basemap: AppConfig['basemap'];
  /** Failures that do not stop the globe (`basemap`) or stop it until restarted (`render`). */
  onError(source: 'basemap' | 'render', error: unknown): void;
}

/**
 * Cesium stops its render loop on a render error. A transient one (a driver hiccup) should not
 * freeze a wall for good, so the loop is restarted a few times before the error is left standing.
 */
const MAX_RENDER_RESTARTS = 3;

export function createGlobe(container: HTMLElement, options: GlobeOptions): GlobeHandle {
  // No ion: no token, no default imagery, terrain, geocoder or Bing. Nothing may leave the network.
  Ion.defaultAccessToken = '';

  const widget = new CesiumWidget(container, {
    baseLayer: false,
    terrainProvider: new EllipsoidTerrainProvider(),
    skyBox: false,
    skyAtmosphere: false,
    requestRenderMode: true,
    maximumRenderTimeChange: Number.POSITIVE_INFINITY,
    // Render at the device's full pixel ratio: text and lines stay sharp on 4K and 8K walls.
    useBrowserRecommendedResolution: false,
    showRenderLoopErrors: false,
    scene3DOnly: true,
    contextOptions: { webgl: { alpha: false, antialias: true, powerPreference: 'high-performance' } },
  });
  const { scene } = widget;
  scene.backgroundColor = Color.fromCssColorString(darkRegionTheme.background);
  scene.globe.baseColor = Color.fromCssColorString(darkRegionTheme.globeBase);
  scene.globe.showGroundAtmosphere = false;
  scene.globe.enableLighting = false;
  scene.fog.enabled = false;
  if (scene.sun) scene.sun.show = false;
  if (scene.moon) scene.moon.show = false;
  scene.screenSpaceCameraController.minimumZoomDistance = 800;
  scene.screenSpaceCameraController.maximumZoomDistance = 3_000_000;

  // Imagery arrives when it arrives; a base map that fails leaves the dark globe, never no globe.
  createBasemapLayers(options.basemap).then(
    (layers) => {
      if (widget.isDestroyed()) return;
      for (const layer of layers) scene.imageryLayers.add(layer);
      scene.requestRender();
    },
    (error: unknown) => options.onError('basemap', error),
  );

  let frames = 0;
  // The last 600 frames' main-thread time: what the diagnostics overlay and bench:render read.
  const frameTimes: number[] = [];
  let frameStart = 0;
  scene.preUpdate.addEventListener(() => {
    frameStart = performance.now();
  });
  scene.postRender.addEventListener(() => {
    frames += 1;
    frameTimes.push(performance.now() - frameStart);
    if (frameTimes.length > 600) frameTimes.shift();
  });
  let restarts = 0;
  scene.renderError.addEventListener((_scene, error) => {
    options.onError('render', error);
    if (restarts >= MAX_RENDER_RESTARTS) return;
    restarts += 1;
    setTimeout(() => {
      if (widget.isDestroyed()) return;
      widget.useDefaultRenderLoop = true;
      scene.requestRender();
    }, 1000 * restarts);
  });

  // The same context Cesium created (getContext returns the existing one for the same type).
  const gl = (widget.canvas.getContext('webgl2') ?? widget.canvas.getContext('webgl')) as WebGLRenderingContext;
  const rendererInfo = rendererProbe(gl, () => ({
    drawingBuffer: { width: gl.drawingBufferWidth, height: gl.drawingBufferHeight },
    canvasCss: { width: widget.canvas.clientWidth, height: widget.canvas.clientHeight },
    devicePixelRatio: window.devicePixelRatio,
    requestRenderMode: scene.requestRenderMode,
    msaaSamples: scene.msaaSamples,
    globeTilesLoaded: scene.globe.tilesLoaded,
  }));
  scene.requestRender();

  return {
    widget,
    scene,
    framesRendered: () => frames,
    frameTimes: () => [...frameTimes],
    rendererInfo,
    destroy: () => widget.destroy(),
  };
}
