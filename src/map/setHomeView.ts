import { Cartesian3, HeadingPitchRange, Math as CesiumMath, Matrix4, PerspectiveFrustum, type Camera } from '@cesium/engine';
import type { HomeCamera } from '../domain/regionPack';
import type { MapPadding } from '../layers/freeMapArea';
import type { BoundsDegrees } from '../layers/region/corridorBounds';
import { frameCorridor } from '../layers/region/frameCorridor';

export interface HomeFrame {
  /** The border corridor the view frames. */
  bounds: BoundsDegrees;
  widthPixels: number;
  heightPixels: number;
  /** What the HUD covers at each edge of the canvas. */
  padding: MapPadding;
  /** The field of view to frame with, when it is not the camera's own (a wall's picture is wider than its screen). */
  fovRadians?: number;
}

/**
 * Points the camera at the border corridor from the region's home heading and pitch, near enough
 * that the corridor fills the map area the HUD leaves free, whatever the wall's aspect.
 */
export function setHomeView(camera: Camera, home: HomeCamera, targetHeightMeters: number, frame: HomeFrame): void {
  const fovRadians = frame.fovRadians ?? (camera.frustum instanceof PerspectiveFrustum && camera.frustum.fov !== undefined ? camera.frustum.fov : CesiumMath.PI_OVER_THREE);
  const { target, rangeMeters } = frameCorridor({ ...frame, fovRadians, headingDegrees: home.headingDegrees, pitchDegrees: home.pitchDegrees });
  camera.lookAt(
    Cartesian3.fromDegrees(target[0], target[1], targetHeightMeters),
    new HeadingPitchRange(CesiumMath.toRadians(home.headingDegrees), CesiumMath.toRadians(home.pitchDegrees), rangeMeters),
  );
  // lookAt locks the camera to the target frame; release it so the operator can pan freely.
  camera.lookAtTransform(Matrix4.IDENTITY);
}
