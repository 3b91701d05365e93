import { describe, expect, it } from 'vitest';
import { GeographicTilingScheme, UrlTemplateImageryProvider, WebMapTileServiceImageryProvider, WebMercatorTilingScheme } from '@cesium/engine';
import { intranetTilesSchema } from '../domain/appConfig';
import { createBasemapLayers, createIntranetProvider } from './createBasemapLayers';

describe('intranet tile sources', () => {
  it('serves an XYZ cache in Web Mercator by default', () => {
    const provider = createIntranetProvider(intranetTilesSchema.parse({ type: 'xyz', url: '/tiles/{z}/{x}/{y}.png', maximumLevel: 16 }));
    expect(provider).toBeInstanceOf(UrlTemplateImageryProvider);
    expect((provider as UrlTemplateImageryProvider).url).toBe('/tiles/{z}/{x}/{y}.png');
    expect(provider.tilingScheme).toBeInstanceOf(WebMercatorTilingScheme);
    expect(provider.maximumLevel).toBe(16);
  });

  it('counts TMS rows from the south and honours a geographic (EPSG:4326) cache', () => {
    const provider = createIntranetProvider(
      intranetTilesSchema.parse({ type: 'tms', url: '/tms/{z}/{x}/{y}.png', tilingScheme: 'geographic' }),
    ) as UrlTemplateImageryProvider;
    expect(provider.url).toBe('/tms/{z}/{x}/{reverseY}.png');
    expect(provider.tilingScheme).toBeInstanceOf(GeographicTilingScheme);
  });

  it('builds a WMTS source from the configured service', () => {
    const provider = createIntranetProvider(
      intranetTilesSchema.parse({ type: 'wmts', url: '/geoserver/gwc/service/wmts', layer: 'vec_c', tileMatrixSetID: 'EPSG:4326', tilingScheme: 'geographic' }),
    ) as WebMapTileServiceImageryProvider;
    expect(provider).toBeInstanceOf(WebMapTileServiceImageryProvider);
    // The GetTile request Cesium will send, key-value style.
    const request = new URL(provider.url, 'http://127.0.0.1');
    expect(request.pathname).toBe('/geoserver/gwc/service/wmts');
    expect(request.searchParams.get('request')).toBe('GetTile');
    expect(request.searchParams.get('layer')).toBe('vec_c');
    expect(request.searchParams.get('style')).toBe('default');
    expect(request.searchParams.get('tilematrixset')).toBe('EPSG:4326');
    expect(provider.format).toBe('image/png');
    expect(provider.tilingScheme).toBeInstanceOf(GeographicTilingScheme);
    expect(provider.maximumLevel).toBe(18);
  });

  it('adds no imagery at all for the dark globe', async () => {
    await expect(createBasemapLayers({ kind: 'dark' })).resolves.toEqual([]);
  });
});
