/**
 * One screen of a wall of screens, drawn as its part of one picture: an off-centre frustum whose
 * window is where the screen sits in the wall, bezels included, so the globe seen across all the
 * screens is one camera's view and a line crossing a bezel comes out where it would have been.
 *
 * Cesium's PerspectiveFrustum takes its off-centre shift (`xOffset`, `yOffset`) in near-plane units,
 * but the scene renders with working copies whose near plane moves every frame (and per frustum
 * slice), and its `clone` drops the shift. So the shift is kept per unit of near distance and the
 * copies are given it as a getter of their own near plane: the window stays put at any depth.
 */
import { Math as CesiumMath, PerspectiveFrustum, type Camera } from '@cesium/engine';
import type { WallViewport } from '../domain/wall/wallLayout';

/** The shift of the window's centre, in near-plane units per unit of near distance. */
interface ShiftPerNear {
  x: number;
  y: number;
}

const SHIFT = Symbol('wallShiftPerNear');
type ShiftedFrustum = PerspectiveFrustum & { [SHIFT]?: ShiftPerNear };

function giveShift(frustum: ShiftedFrustum, shift: ShiftPerNear | undefined): void {
  if (frustum[SHIFT] === shift) return;
  frustum[SHIFT] = shift;
  if (shift === undefined) {
    Object.defineProperty(frustum, 'xOffset', { value: 0, writable: true, configurable: true, enumerable: true });
    Object.defineProperty(frustum, 'yOffset', { value: 0, writable: true, configurable: true, enumerable: true });
    return;
  }
  Object.defineProperty(frustum, 'xOffset', { get: () => frustum.near * shift.x, set: () => {}, configurable: true, enumerable: true });
  Object.defineProperty(frustum, 'yOffset', { get: () => frustum.near * shift.y, set: () => {}, configurable: true, enumerable: true });
}

let clonePatched = false;
/** Copies keep the shift (Cesium's own `clone` leaves it behind). Harmless for frustums without one. */
function patchClone(): void {
  if (clonePatched) return;
  clonePatched = true;
  const clone = PerspectiveFrustum.prototype.clone;
  PerspectiveFrustum.prototype.clone = function (this: ShiftedFrustum, result?: PerspectiveFrustum): PerspectiveFrustum {
    const copy = clone.call(this, result) as ShiftedFrustum;
    giveShift(copy, this[SHIFT]);
    return copy;
  };
}

/** Cesium's field of view across the wider side of a canvas of this aspect. */
const DEFAULT_FOV = CesiumMath.PI_OVER_THREE;
const verticalFov = (aspect: number) => (aspect <= 1 ? DEFAULT_FOV : 2 * Math.atan(Math.tan(DEFAULT_FOV / 2) / aspect));

/**
 * Each screen keeps the vertical field its own shape would have alone, so the wall's picture is
 * as tall as one screen's per row and as wide as the screens and bezels together.
 * Returns the wall's field across its wider side, for framing the corridor into the whole wall.
 */
export function applyWallFrustum(camera: Camera, viewport: WallViewport | null): number {
  patchClone();
  const frustum = camera.frustum as ShiftedFrustum;
  if (!(frustum instanceof PerspectiveFrustum)) return DEFAULT_FOV;
  if (viewport === null) {
    giveShift(frustum, undefined);
    frustum.fov = DEFAULT_FOV;
    return DEFAULT_FOV;
  }
  const { width, height, wallWidth, wallHeight } = viewport;
  const tanPerPixel = Math.tan(verticalFov(width / height) / 2) / (height / 2);
  frustum.aspectRatio = width / height;
  frustum.fov = width >= height ? 2 * Math.atan(tanPerPixel * (width / 2)) : 2 * Math.atan(tanPerPixel * (height / 2));
  giveShift(frustum, {
    x: tanPerPixel * (viewport.x + width / 2 - wallWidth / 2),
    y: tanPerPixel * (wallHeight / 2 - (viewport.y + height / 2)),
  });
  const wider = Math.max(wallWidth, wallHeight);
  return 2 * Math.atan(tanPerPixel * (wider / 2));
}
