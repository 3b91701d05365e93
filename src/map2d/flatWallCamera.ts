/**
 * The flat map on one screen of a wall of screens. The wall has one camera (a centre and a zoom,
 * north up); each screen centres its own map where its part of the wall's picture is, the same
 * number of pixels away as the screen sits from the wall's centre, bezels included. maplibre's
 * padding cannot move the centre off the canvas, so the screen's centre is worked out in Web
 * Mercator pixels instead, which at one zoom are the same on every screen.
 */
import { MercatorCoordinate } from 'maplibre-gl';
import type { WallViewport } from '../domain/wall/wallLayout';

/** maplibre's world is 512 pixels wide at zoom 0. */
const TILE = 512;

/** The centre this screen gives its map for the wall's centre `[lon, lat]` at `zoom`. */
export function screenCentre(wall: WallViewport, centre: readonly [number, number], zoom: number): [number, number] {
  const scale = TILE * 2 ** zoom;
  const point = MercatorCoordinate.fromLngLat({ lng: centre[0], lat: centre[1] });
  const x = point.x + (wall.x + wall.width / 2 - wall.wallWidth / 2) / scale;
  const y = point.y + (wall.y + wall.height / 2 - wall.wallHeight / 2) / scale;
  const lngLat = new MercatorCoordinate(x, y).toLngLat();
  return [lngLat.lng, lngLat.lat];
}

/** The wall's centre and zoom that fit `bounds` into the whole wall, `air` (a share) kept free at each edge. */
export function fitWall(wall: WallViewport, bounds: [[number, number], [number, number]], air = 0.06): { centre: [number, number]; zoom: number } {
  const [[west, south], [east, north]] = bounds;
  const sw = MercatorCoordinate.fromLngLat({ lng: west, lat: south });
  const ne = MercatorCoordinate.fromLngLat({ lng: east, lat: north });
  const width = Math.max(1e-9, ne.x - sw.x);
  const height = Math.max(1e-9, sw.y - ne.y);
  const freeWidth = wall.wallWidth * (1 - 2 * air);
  const freeHeight = wall.wallHeight * (1 - 2 * air);
  const zoom = Math.log2(Math.min(freeWidth / (width * TILE), freeHeight / (height * TILE)));
  const middle = new MercatorCoordinate((sw.x + ne.x) / 2, (sw.y + ne.y) / 2).toLngLat();
  return { centre: [middle.lng, middle.lat], zoom };
}
