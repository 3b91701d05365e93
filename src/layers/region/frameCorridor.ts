import { destination, distance } from '@turf/turf';
import type { MapPadding } from '../freeMapArea';
import type { BoundsDegrees } from './corridorBounds';

export interface FrameInput {
  bounds: BoundsDegrees;
  widthPixels: number;
  heightPixels: number;
  /** The HUD's cover at each canvas edge: the box is framed into what is left. */
  padding: MapPadding;
  /** The camera's field of view: across the width on landscape canvases, the height on portrait ones (Cesium's rule). */
  fovRadians: number;
  headingDegrees: number;
  pitchDegrees: number;
}

export interface CorridorFrame {
  target: [number, number];
  rangeMeters: number;
}

/** A little air around the corridor, so its outermost grid edges do not touch the HUD. */
const MARGIN = 1.12;

/**
 * Where a camera at the given heading and pitch looks, and from how far, so the box fills the free
 * area between the HUD's panels. The range fits the box's extent across and along the view (the
 * depth foreshortened by the pitch); the target is then shifted so the box's centre lands on the
 * free area's centre, not the canvas's.
 */
export function frameCorridor(input: FrameInput): CorridorFrame {
  const [west, south, east, north] = input.bounds;
  const centre: [number, number] = [(west + east) / 2, (south + north) / 2];
  const eastWest = distance([west, centre[1]], [east, centre[1]], { units: 'meters' });
  const northSouth = distance([centre[0], south], [centre[0], north], { units: 'meters' });
  const heading = (input.headingDegrees * Math.PI) / 180;
  const across = Math.abs(eastWest * Math.cos(heading)) + Math.abs(northSouth * Math.sin(heading));
  const along = Math.abs(eastWest * Math.sin(heading)) + Math.abs(northSouth * Math.cos(heading));
  const tilt = Math.max(0.1, Math.sin((Math.abs(input.pitchDegrees) * Math.PI) / 180));

  const { widthPixels: width, heightPixels: height, padding } = input;
  const aspect = width / Math.max(1, height);
  const halfTan = Math.tan(input.fovRadians / 2);
  const tanX = aspect >= 1 ? halfTan : halfTan * aspect;
  const tanY = aspect >= 1 ? halfTan / aspect : halfTan;
  const freeWidth = Math.max(1, width - padding.left - padding.right);
  const freeHeight = Math.max(1, height - padding.top - padding.bottom);
  const rangeMeters = MARGIN * Math.max(across / (2 * tanX * (freeWidth / width)), (along * tilt) / (2 * tanY * (freeHeight / height)));

  const metersPerPixel = (2 * rangeMeters * tanX) / width;
  const rightPixels = padding.left + freeWidth / 2 - width / 2;
  const downPixels = padding.top + freeHeight / 2 - height / 2;
  const sideways = destination(centre, (-rightPixels * metersPerPixel) / 1000, input.headingDegrees + 90);
  const shifted = destination(sideways, (downPixels * metersPerPixel) / tilt / 1000, input.headingDegrees);
  const [lon, lat] = shifted.geometry.coordinates as [number, number];
  return { target: [lon, lat], rangeMeters };
}
