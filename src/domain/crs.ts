/**
 * Coordinate reference systems used by Chinese geodata, and conversion to WGS84.
 *
 * Cesium and maplibre draw in WGS84. Chinese sources arrive in:
 * - `gcj02`: the obfuscated "Mars" datum of Amap/Gaode, DataV GeoAtlas, Tencent maps;
 * - `bd09`: Baidu's further offset of GCJ-02;
 * - `wgs84` / `cgcs2000`: GPS and Tianditu. CGCS2000 differs from WGS84 by centimetres, far below
 *   what a county-scale dashboard can show, so it is treated as identical.
 * Unconverted GCJ-02 lands about 500–600 m away from the truth along the Zhejiang–Jiangxi border.
 *
 * The maths is gcoord's (MIT), the de-facto library for these datums; its GCJ-02 → WGS84 inverse
 * iterates to 1e-6° (about 0.1 m). Like every GCJ-02 implementation it decides "inside China" by a
 * bounding box (lon 72.004–137.8347, lat 0.8293–55.8271): outside it, points pass unchanged.
 */
import gcoord from 'gcoord';

export const CRS_IDS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
export type CrsId = (typeof CRS_IDS)[number];

/** A position as GeoJSON orders it: longitude, latitude, optional height in metres. */
export type Position = readonly [number, number] | readonly [number, number, number];

const GCOORD_CRS = {
  wgs84: gcoord.WGS84,
  cgcs2000: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
} as const;

/** True when the CRS differs from WGS84 enough to need a conversion. */
export function needsConversion(crs: CrsId): boolean {
  return crs === 'gcj02' || crs === 'bd09';
}

/**
 * Converts one position from `crs` to WGS84. Height, when present, is kept as it is.
 * Non-finite input is returned unchanged so that validation downstream can name it.
 */
export function toWgs84(position: Position, crs: CrsId): Position {
  return convert(position, crs, 'wgs84');
}

/** Converts one WGS84 position to `crs` (used by tests and by exports to Chinese base maps). */
export function fromWgs84(position: Position, crs: CrsId): Position {
  return convert(position, 'wgs84', crs);
}

function convert(position: Position, from: CrsId, to: CrsId): Position {
  const [lon, lat] = position;
  if (GCOORD_CRS[from] === GCOORD_CRS[to] || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return position;
  }
  const [x, y] = gcoord.transform([lon, lat], GCOORD_CRS[from], GCOORD_CRS[to]);
  return position.length === 3 ? [x, y, position[2]] : [x, y];
}
