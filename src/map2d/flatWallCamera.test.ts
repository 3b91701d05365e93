import { MercatorCoordinate } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { screenViewport, wallLayoutSchema } from '../domain/wall/wallLayout';
import { fitWall, screenCentre } from './flatWallCamera';

const layout = wallLayoutSchema.parse({ id: 'w', columns: 3, rows: 1, screen: { width: 960, height: 540 }, bezel: { x: 12, y: 0 } });
const screens = [0, 1, 2].map((column) => screenViewport(layout, { column, row: 0 }));

/** Where a place lands in the wall's picture, seen from one screen whose map centres on `centre`. */
function onWall(column: number, centre: [number, number], zoom: number, place: [number, number]): { x: number; y: number } {
  const scale = 512 * 2 ** zoom;
  const c = MercatorCoordinate.fromLngLat({ lng: centre[0], lat: centre[1] });
  const p = MercatorCoordinate.fromLngLat({ lng: place[0], lat: place[1] });
  const screen = screens[column]!;
  return { x: screen.x + screen.width / 2 + (p.x - c.x) * scale, y: screen.y + screen.height / 2 + (p.y - c.y) * scale };
}

describe('the flat map across a wall of screens', () => {
  it('puts a place at one wall position whichever screen draws it, bezels included', () => {
    const wallCentre: [number, number] = [118.3, 28.85];
    const zoom = 10.4;
    const place: [number, number] = [118.52, 28.79];
    const seen = [0, 1, 2].map((column) => onWall(column, screenCentre(screens[column]!, wallCentre, zoom), zoom, place));
    for (const point of seen) {
      expect(point.x).toBeCloseTo(seen[0]!.x, 6);
      expect(point.y).toBeCloseTo(seen[0]!.y, 6);
    }
    // The wall's centre is the middle of the whole picture.
    const middle = onWall(1, screenCentre(screens[1]!, wallCentre, zoom), zoom, wallCentre);
    expect(middle.x).toBeCloseTo(screens[1]!.wallWidth / 2, 6);
  });

  it('fits a box into the whole wall, not one screen', () => {
    const bounds: [[number, number], [number, number]] = [
      [118.1, 28.7],
      [118.5, 28.95],
    ];
    const wall = fitWall(screens[0]!, bounds, 0);
    const west = onWall(1, screenCentre(screens[1]!, wall.centre, wall.zoom), wall.zoom, [118.1, 28.825]);
    const east = onWall(1, screenCentre(screens[1]!, wall.centre, wall.zoom), wall.zoom, [118.5, 28.825]);
    const north = onWall(1, screenCentre(screens[1]!, wall.centre, wall.zoom), wall.zoom, [118.3, 28.95]);
    const south = onWall(1, screenCentre(screens[1]!, wall.centre, wall.zoom), wall.zoom, [118.3, 28.7]);
    // The box is taller than the 2,904 × 540 wall is wide for it: it fills the height, centred across.
    expect(south.y - north.y).toBeCloseTo(540, 3);
    expect(east.x - west.x).toBeLessThan(2904);
    expect((west.x + east.x) / 2).toBeCloseTo(1452, 3);
  });
});
