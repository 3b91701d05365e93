import { Cartesian3, HeadingPitchRange, Math as CesiumMath, Matrix4, type Camera } from '@cesium/engine';
import type { HomeCamera } from '../domain/regionPack';

/**
 * Points the camera at the region's home view. On portrait screens Cesium's field of view
 * applies to the height, so the range grows by the aspect ratio to keep the width in view.
 */
export function setHomeView(camera: Camera, home: HomeCamera, targetHeightMeters: number, aspectRatio: number): void {
  const target = Cartesian3.fromDegrees(home.target[0], home.target[1], targetHeightMeters);
  const range = aspectRatio < 1 ? home.rangeMeters / aspectRatio : home.rangeMeters;
  camera.lookAt(target, new HeadingPitchRange(CesiumMath.toRadians(home.headingDegrees), CesiumMath.toRadians(home.pitchDegrees), range));
  // lookAt locks the camera to the target frame; release it so the operator can pan freely.
  camera.lookAtTransform(Matrix4.IDENTITY);
}
