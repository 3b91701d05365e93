/**
 * The flat map's base, never from the internet: the dark backdrop, or the deployment's own tile
 * cache as a raster source. maplibre draws Web Mercator tiles only, so a geographic (EPSG:4326)
 * cache and Cesium's bundled NaturalEarthII (geographic too) cannot be drawn flat: the map then
 * keeps the dark backdrop and says why, instead of drawing tiles in the wrong places.
 */
import type { LayerSpecification, RasterSourceSpecification } from 'maplibre-gl';
import type { AppConfig, IntranetTiles } from '../domain/appConfig';
import { darkRegionTheme } from '../layers/region/regionTheme';

export interface FlatBasemap {
  sources: Record<string, RasterSourceSpecification>;
  /** Bottom first: the background, then any tiles. */
  layers: LayerSpecification[];
  /** Why the configured base map is not drawn flat, when it is not. */
  problem: string | null;
}

const TILE_SOURCE = 'basemap-tiles';

/** A tile URL template for maplibre (`{z}/{x}/{y}`), or why this cache cannot be drawn flat. */
export function flatTileUrls(tiles: IntranetTiles): { urls: string[]; scheme: 'xyz' | 'tms' } | { problem: string } {
  if (tiles.tilingScheme !== 'web-mercator') {
    return { problem: `the 2D view draws Web Mercator tiles only; basemap.intranet is ${tiles.tilingScheme} (the 3D view draws it)` };
  }
  switch (tiles.type) {
    case 'xyz':
      if (tiles.url.includes('{s}')) {
        const subdomains = tiles.subdomains ?? ['a', 'b', 'c'];
        return { urls: subdomains.map((s) => tiles.url.replaceAll('{s}', s)), scheme: 'xyz' };
      }
      return { urls: [tiles.url], scheme: 'xyz' };
    case 'tms':
      return { urls: [tiles.url], scheme: 'tms' };
    case 'wmts': {
      if (tiles.tileMatrixLabels) return { problem: 'the 2D view cannot draw a WMTS layer with custom tileMatrixLabels (the 3D view draws it)' };
      // RESTful WMTS carries its own template; KVP is the GetTile request with the zoom as the matrix.
      if (tiles.url.includes('{TileMatrix}')) {
        return { urls: [tiles.url.replaceAll('{TileMatrix}', '{z}').replaceAll('{TileRow}', '{y}').replaceAll('{TileCol}', '{x}')], scheme: 'xyz' };
      }
      const query = new URLSearchParams({
        SERVICE: 'WMTS',
        REQUEST: 'GetTile',
        VERSION: '1.0.0',
        LAYER: tiles.layer,
        STYLE: tiles.style,
        TILEMATRIXSET: tiles.tileMatrixSetID,
        FORMAT: tiles.format,
      });
      const separator = tiles.url.includes('?') ? '&' : '?';
      return { urls: [`${tiles.url}${separator}${query.toString()}&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}`], scheme: 'xyz' };
    }
  }
}

export function describeFlatBasemap(basemap: AppConfig['basemap'], backdropCss = darkRegionTheme.globeBase): FlatBasemap {
  const background: LayerSpecification = { id: 'basemap-background', type: 'background', paint: { 'background-color': backdropCss } };
  const dark: FlatBasemap = { sources: {}, layers: [background], problem: null };
  switch (basemap.kind) {
    case 'dark':
      return dark;
    case 'natural-earth':
      return { ...dark, problem: 'basemap "natural-earth" is geographic imagery the 2D view cannot draw; showing the dark base map' };
    case 'intranet': {
      if (!basemap.intranet) return dark;
      const tiles = flatTileUrls(basemap.intranet);
      if ('problem' in tiles) return { ...dark, problem: `${tiles.problem}; showing the dark base map` };
      const minimumLevel = 'minimumLevel' in basemap.intranet ? basemap.intranet.minimumLevel : 0;
      return {
        sources: {
          [TILE_SOURCE]: { type: 'raster', tiles: tiles.urls, scheme: tiles.scheme, tileSize: 256, minzoom: minimumLevel, maxzoom: basemap.intranet.maximumLevel },
        },
        // Dimmed like the globe's imagery, so it stays a backdrop for the command-center palette.
        layers: [background, { id: 'basemap-tiles', type: 'raster', source: TILE_SOURCE, paint: { 'raster-brightness-max': 0.55, 'raster-saturation': -0.5 } }],
        problem: null,
      };
    }
  }
}
