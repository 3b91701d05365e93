/**
 * The globe's camera as the alert-focus policy (layers/live/followAlerts.ts) drives it: an
 * oblique look at the alert from 18 km, and back. A newer flight cancels an older one, whose
 * `complete` then never runs.
 */
import { BoundingSphere, Cartesian3, HeadingPitchRange, Math as CesiumMath, type Scene } from '@cesium/engine';
import type { AlertCamera } from '../../layers/live/followAlerts';

interface SavedView {
  destination: Cartesian3;
  heading: number;
  pitch: number;
  roll: number;
}

/** Further than this from where the flight landed, someone has taken the camera. */
const MOVED_METERS = 50;

export function createGlobeAlertCamera(scene: Scene, heightMeters: number): AlertCamera<SavedView, Cartesian3> {
  const camera = scene.camera;
  return {
    where: () => ({ destination: Cartesian3.clone(camera.positionWC), heading: camera.heading, pitch: camera.pitch, roll: camera.roll }),
    flyToAlert(alert, arrived) {
      const target = new BoundingSphere(Cartesian3.fromDegrees(alert.position[0], alert.position[1], heightMeters), 500);
      camera.flyToBoundingSphere(target, {
        offset: new HeadingPitchRange(camera.heading, CesiumMath.toRadians(-50), 18_000),
        duration: 2,
        complete: () => arrived(Cartesian3.clone(camera.positionWC)),
      });
      scene.requestRender();
    },
    movedSince: (landed) => Cartesian3.distance(camera.positionWC, landed) > MOVED_METERS,
    flyBack(back) {
      camera.flyTo({ destination: back.destination, orientation: { heading: back.heading, pitch: back.pitch, roll: back.roll }, duration: 2 });
      scene.requestRender();
    },
  };
}
