/**
 * Draws the camera to a new high-severity alert and, after a while, back to where it was — unless
 * someone moved the camera in the meantime, in which case it stays where they put it.
 */
import { Cartesian3, HeadingPitchRange, Math as CesiumMath, BoundingSphere, type Scene } from '@cesium/engine';
import type { Alert } from '../../domain/entities/alert';

export interface AlertFocusOptions {
  minSeverity: number | null;
  dwellSeconds: number;
  heightMeters: number;
}

interface SavedView {
  destination: Cartesian3;
  heading: number;
  pitch: number;
  roll: number;
}

export function createAlertFocus(scene: Scene, options: AlertFocusOptions) {
  const camera = scene.camera;
  let saved: SavedView | undefined;
  let arrivedAt: Cartesian3 | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const returnHome = () => {
    timer = undefined;
    const back = saved;
    saved = undefined;
    // Someone took the camera while we looked: leave it with them.
    if (!back || !arrivedAt || Cartesian3.distance(camera.positionWC, arrivedAt) > 50) return;
    camera.flyTo({ destination: back.destination, orientation: { heading: back.heading, pitch: back.pitch, roll: back.roll }, duration: 2 });
  };

  return {
    /** Whether this alert is worth the camera's attention. */
    wants(alert: Alert): boolean {
      return options.minSeverity !== null && alert.severity >= options.minSeverity && alert.status === 'new';
    },
    focus(alert: Alert): void {
      if (!this.wants(alert)) return;
      saved ??= { destination: Cartesian3.clone(camera.positionWC), heading: camera.heading, pitch: camera.pitch, roll: camera.roll };
      clearTimeout(timer);
      const target = new BoundingSphere(Cartesian3.fromDegrees(alert.position[0], alert.position[1], options.heightMeters), 500);
      camera.flyToBoundingSphere(target, {
        offset: new HeadingPitchRange(camera.heading, CesiumMath.toRadians(-50), 18_000),
        duration: 2,
        complete: () => {
          arrivedAt = Cartesian3.clone(camera.positionWC);
          timer = setTimeout(returnHome, options.dwellSeconds * 1000);
        },
      });
      scene.requestRender();
    },
    destroy(): void {
      clearTimeout(timer);
    },
  };
}
