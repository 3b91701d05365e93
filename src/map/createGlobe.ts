/**
 * The page's one Cesium globe. Created once and never re-created: Chrome allows ~16 WebGL
 * contexts and a destroyed Viewer does not give its context back promptly. Callers keep the
 * handle in a plain variable, never in Vue reactivity (proxies around engine objects break
 * picking and multiply memory).
 *
 * CesiumWidget (not Viewer) from @cesium/engine: Viewer lives in @cesium/widgets, whose bundled
 * knockout evaluates code at import and breaks under a CSP without 'unsafe-eval'.
 */
import '@cesium/engine/Source/Widget/CesiumWidget.css';
import { Camera, CesiumWidget, Color, EllipsoidTerrainProvider, Ion, Rectangle, type Scene } from '@cesium/engine';
import type { AppConfig } from '../domain/appConfig';
import type { Bounds } from '../domain/geometrySchemas';
import { darkRegionTheme } from '../layers/region/regionTheme';
import { createBasemapLayers } from './createBasemapLayers';

export interface RendererInfo {
  webgl: string;
  renderer: string;
  webgl2: boolean;
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
  rendererInfo(): RendererInfo;
  destroy(): void;
}

export interface GlobeOptions {
  basemap: AppConfig['basemap'];
  /** Where the camera starts before the region pack arrives, so the first frame is not the whole Earth. */
  initialBounds?: Bounds;
  onRenderError(error: unknown): void;
}


export async function createGlobe(container: HTMLElement, options: GlobeOptions): Promise<GlobeHandle> {
  // No ion: no token, no default imagery, terrain, geocoder or Bing. Nothing may leave the network.
  Ion.defaultAccessToken = '';
  if (options.initialBounds) {
    const { west, south, east, north } = options.initialBounds;
    Camera.DEFAULT_VIEW_RECTANGLE = Rectangle.fromDegrees(west, south, east, north);
    Camera.DEFAULT_VIEW_FACTOR = 0;
  }

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

  for (const layer of await createBasemapLayers(options.basemap)) scene.imageryLayers.add(layer);

  let frames = 0;
  scene.postRender.addEventListener(() => {
    frames += 1;
  });
  scene.renderError.addEventListener((_scene, error) => options.onRenderError(error));

  // The same context Cesium created (getContext returns the existing one for the same type).
  const gl = (widget.canvas.getContext('webgl2') ?? widget.canvas.getContext('webgl')) as WebGLRenderingContext;
  const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
  scene.requestRender();

  return {
    widget,
    scene,
    framesRendered: () => frames,
    rendererInfo: () => ({
      webgl: String(gl.getParameter(gl.VERSION)),
      renderer: String(debugInfo ? gl.getParameter(debugInfo.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)),
      webgl2: typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext,
      drawingBuffer: { width: gl.drawingBufferWidth, height: gl.drawingBufferHeight },
      canvasCss: { width: widget.canvas.clientWidth, height: widget.canvas.clientHeight },
      devicePixelRatio: window.devicePixelRatio,
      requestRenderMode: scene.requestRenderMode,
      msaaSamples: scene.msaaSamples,
      globeTilesLoaded: scene.globe.tilesLoaded,
    }),
    destroy: () => widget.destroy(),
  };
}
