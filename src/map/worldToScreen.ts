import { Cartesian3, SceneTransforms, type Scene } from '@cesium/engine';
import type { ScreenPoint } from '../layers/mapView';

/**
 * Where WGS84 positions appear on the canvas. Used by e2e tests to check pixels along the border
 * and by HUD overlays that must point at places on the globe.
 */
export function worldToScreen(scene: Scene, positions: readonly (readonly [number, number, number?])[]): ScreenPoint[] {
  return positions.map(([lon, lat, height]) => {
    const point = SceneTransforms.worldToWindowCoordinates(scene, Cartesian3.fromDegrees(lon, lat, height ?? 0));
    return point ? { x: point.x, y: point.y } : null;
  });
}
