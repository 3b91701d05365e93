/**
 * The globe's imagery, never from the internet: nothing (the dark globe),
 * Cesium's bundled NaturalEarthII (served from /cesium/Assets, levels 0–2 only), or the
 * deployment's own tile cache on its network.
 */
import {
  GeographicTilingScheme,
  ImageryLayer,
  type ImageryProvider,
  TileMapServiceImageryProvider,
  UrlTemplateImageryProvider,
  WebMapTileServiceImageryProvider,
  WebMercatorTilingScheme,
  buildModuleUrl,
} from '@cesium/engine';
import type { AppConfig, IntranetTiles } from '../domain/appConfig';

const tilingSchemeOf = (kind: IntranetTiles['tilingScheme']) =>
  kind === 'geographic' ? new GeographicTilingScheme() : new WebMercatorTilingScheme();

/** Builds the provider for an intranet tile source. Exported for tests of the mapping. */
export function createIntranetProvider(tiles: IntranetTiles): ImageryProvider {
  switch (tiles.type) {
    case 'xyz':
    case 'tms':
      return new UrlTemplateImageryProvider({
        // TMS counts rows from the south; Cesium's {reverseY} is exactly that.
        url: tiles.type === 'tms' ? tiles.url.replace('{y}', '{reverseY}') : tiles.url,
        tilingScheme: tilingSchemeOf(tiles.tilingScheme),
        minimumLevel: tiles.minimumLevel,
        maximumLevel: tiles.maximumLevel,
        ...(tiles.type === 'xyz' && tiles.subdomains ? { subdomains: tiles.subdomains } : {}),
      });
    case 'wmts':
      return new WebMapTileServiceImageryProvider({
        url: tiles.url,
        layer: tiles.layer,
        style: tiles.style,
        format: tiles.format,
        tileMatrixSetID: tiles.tileMatrixSetID,
        tilingScheme: tilingSchemeOf(tiles.tilingScheme),
        maximumLevel: tiles.maximumLevel,
        ...(tiles.tileMatrixLabels ? { tileMatrixLabels: tiles.tileMatrixLabels } : {}),
      });
  }
}

/** Imagery layers for the configured base map, bottom first. */
export async function createBasemapLayers(basemap: AppConfig['basemap']): Promise<ImageryLayer[]> {
  switch (basemap.kind) {
    case 'dark':
      // The globe's own base colour is the dark backdrop; a graticule was tried and read as stray lines.
      return [];
    case 'natural-earth': {
      const provider = await TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII'));
      const layer = new ImageryLayer(provider);
      // Dimmed and desaturated so it stays a backdrop for the command-center palette.
      layer.brightness = 0.45;
      layer.saturation = 0.5;
      layer.contrast = 1.1;
      return [layer];
    }
    case 'intranet':
      if (!basemap.intranet) return [];
      return [new ImageryLayer(createIntranetProvider(basemap.intranet))];
  }
}
