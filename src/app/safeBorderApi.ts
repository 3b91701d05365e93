import type { ScreenPoint } from '../map/worldToScreen';
import type { DiagnosticsSnapshot } from './diagnostics';

/** `window.safeBorder`: what tests, benchmarks and an operator at the console can call. */
export interface SafeBorderApi {
  diagnostics(): DiagnosticsSnapshot;
  /** CSS-pixel canvas positions of WGS84 `[lon, lat, heightMeters]`, null when off screen. */
  worldToScreen(positions: readonly (readonly [number, number, number?])[]): ScreenPoint[];
  /** Flies nowhere: jumps the camera back to the region's home view. */
  goHome(): void;
  /** Whether a record is drawn on the globe now (tests and benchmarks). */
  isDrawn(layer: string, id: string): boolean;
}

declare global {
  interface Window {
    safeBorder?: SafeBorderApi;
  }
}
