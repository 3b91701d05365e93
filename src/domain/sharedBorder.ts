/**
 * Derives the border two neighbouring areas share from their polygons, so a region pack's border
 * line always agrees with its county shapes instead of being digitised by hand.
 */
import { cleanCoords, length, lineOverlap, lineString } from '@turf/turf';
import type { LonLat, MultiPolygonCoordinates } from './geometrySchemas';

export interface SharedBorder {
  coordinates: LonLat[];
  lengthMeters: number;
}

const samePoint = (a: LonLat, b: LonLat, toleranceDegrees: number) =>
  Math.abs(a[0] - b[0]) <= toleranceDegrees && Math.abs(a[1] - b[1]) <= toleranceDegrees;

/**
 * Joins overlap pieces end to end. lineOverlap reports one piece per run of shared segments, and a
 * run that crosses a ring's start vertex comes back as two pieces, so they are stitched here.
 */
function chainPieces(pieces: LonLat[][], toleranceDegrees: number): LonLat[][] {
  const chains = pieces.map((piece) => [...piece]);
  let joined = true;
  while (joined) {
    joined = false;
    for (let i = 0; i < chains.length && !joined; i++) {
      for (let j = 0; j < chains.length && !joined; j++) {
        if (i === j) continue;
        const head = chains[i]!;
        let tail = chains[j]!;
        const headEnd = head[head.length - 1]!;
        if (!samePoint(headEnd, tail[0]!, toleranceDegrees)) {
          if (!samePoint(headEnd, tail[tail.length - 1]!, toleranceDegrees)) continue;
          tail = [...tail].reverse();
        }
        chains[i] = [...head, ...tail.slice(1)];
        chains.splice(j, 1);
        joined = true;
      }
    }
  }
  return chains;
}

/**
 * The longest continuous line along which the outer rings of `a` and `b` coincide within
 * `toleranceMeters`. Both inputs must be in the same CRS.
 *
 * @throws Error when the two areas share no border at all.
 */
export function deriveSharedBorder(
  a: MultiPolygonCoordinates,
  b: MultiPolygonCoordinates,
  toleranceMeters = 10,
): SharedBorder {
  const pieces: LonLat[][] = [];
  for (const polygonA of a) {
    for (const polygonB of b) {
      const ringA = cleanCoords(lineString(polygonA[0]!));
      const ringB = cleanCoords(lineString(polygonB[0]!));
      const overlap = lineOverlap(ringA, ringB, { tolerance: toleranceMeters / 1000 });
      for (const feature of overlap.features) pieces.push(feature.geometry.coordinates as LonLat[]);
    }
  }
  const toleranceDegrees = toleranceMeters / 111_000;
  const chains = chainPieces(pieces, toleranceDegrees)
    .map((coordinates) => ({ coordinates, lengthMeters: length(lineString(coordinates), { units: 'meters' }) }))
    .sort((x, y) => y.lengthMeters - x.lengthMeters);
  const longest = chains[0];
  if (!longest) throw new Error('the two areas share no border');
  return longest;
}
