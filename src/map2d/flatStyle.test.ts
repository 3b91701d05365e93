import { describe, expect, it } from 'vitest';
import { loadTestRegion } from '../../tests/contract/loadTestRegion';
import { describeRegionScene } from '../layers/region/describeRegionScene';
import { checkFlatStyle } from './checkFlatStyle';
import { describeFlatBasemap, flatTileUrls } from './flatBasemap';
import { BORDER_LAYER_ID, describeFlatRegion } from './flatRegionStyle';
import { FLAT_TEXT_FONT, fontSizePixels, liftEms, minZoomForRange } from './flatText';

describe('the region on the flat map', () => {
  const pack = loadTestRegion();
  const parts = describeFlatRegion(describeRegionScene(pack, { opaqueTops: true }));
  const features = (id: string) => (parts.sources[id]!.data as GeoJSON.FeatureCollection).features;

  it('draws every county, border line, town and label of the pack, nothing fetched', () => {
    expect(features('region-counties')).toHaveLength(pack.counties.length);
    expect(features('region-borders')).toHaveLength(pack.borderLines.length);
    expect(features('region-towns')).toHaveLength(pack.towns.length);
    expect(features('region-labels')).toHaveLength(pack.labels.length);
    for (const source of Object.values(parts.sources)) expect(typeof source.data).toBe('object');
    expect(parts.layers.map((l) => l.id)).toContain(BORDER_LAYER_ID);
  });

  it('fills focus counties in their province colour and dims the context', () => {
    const zhejiang = features('region-counties').find((f) => f.properties!.id === pack.counties.find((c) => c.role === 'focus' && c.provinceId === 'zj')!.id)!;
    const context = features('region-counties').find((f) => f.properties!.role === 'context')!;
    expect(zhejiang.properties!.edge).toBe('rgba(47, 180, 255, 1)');
    expect(zhejiang.properties!.fill).not.toBe(context.properties!.fill);
  });

  it('keeps town names for near zooms and province names always, each in a layer of its own', () => {
    const labelLayers = parts.layers.filter((l) => l.type === 'symbol');
    expect(labelLayers.map((l) => l.minzoom ?? 0)).toContain(0);
    expect(Math.max(...labelLayers.map((l) => l.minzoom ?? 0))).toBeGreaterThan(0);
    const town = features('region-labels').find((f) => f.properties!.kind === 'town')!;
    const province = features('region-labels').find((f) => f.properties!.kind === 'province')!;
    expect(town.properties!.minZoom).toBeGreaterThan(province.properties!.minZoom);
  });
});

describe('flat text', () => {
  it('reads sizes from CSS font shorthands and maps ranges to zooms', () => {
    expect(fontSizePixels('600 15px "Microsoft YaHei", sans-serif')).toBe(15);
    expect(fontSizePixels('bold serif')).toBe(14);
    expect(minZoomForRange(undefined)).toBe(0);
    expect(minZoomForRange(45_000)).toBeGreaterThan(minZoomForRange(450_000));
    expect(liftEms({ liftPixels: 20, font: '600 10px x' })).toEqual([0, -2]);
    expect(FLAT_TEXT_FONT).toContain('WenQuanYi Zen Hei');
    expect(FLAT_TEXT_FONT.every((name) => !name.includes('"'))).toBe(true);
  });
});

describe('the flat base map', () => {
  const tiles = { url: '/tiles/{z}/{x}/{y}.png', tilingScheme: 'web-mercator', minimumLevel: 0, maximumLevel: 18 } as const;

  it('draws an intranet XYZ or TMS cache as raster tiles from this server', () => {
    const xyz = describeFlatBasemap({ kind: 'intranet', intranet: { type: 'xyz', ...tiles } });
    expect(xyz.problem).toBeNull();
    expect(xyz.sources['basemap-tiles']).toMatchObject({ type: 'raster', tiles: ['/tiles/{z}/{x}/{y}.png'], scheme: 'xyz', maxzoom: 18 });
    expect(flatTileUrls({ type: 'tms', ...tiles })).toEqual({ urls: ['/tiles/{z}/{x}/{y}.png'], scheme: 'tms' });
    expect(flatTileUrls({ type: 'xyz', ...tiles, url: '/t{s}/{z}/{x}/{y}.png', subdomains: ['1', '2'] })).toEqual({ urls: ['/t1/{z}/{x}/{y}.png', '/t2/{z}/{x}/{y}.png'], scheme: 'xyz' });
  });

  it('turns a WMTS layer into a GetTile template, RESTful or KVP', () => {
    const wmts = { type: 'wmts', layer: 'vec', style: 'default', tileMatrixSetID: 'w', format: 'image/png', tilingScheme: 'web-mercator', maximumLevel: 18 } as const;
    expect(flatTileUrls({ ...wmts, url: '/wmts/{TileMatrix}/{TileRow}/{TileCol}.png' })).toEqual({ urls: ['/wmts/{z}/{y}/{x}.png'], scheme: 'xyz' });
    const kvp = flatTileUrls({ ...wmts, url: '/wmts' });
    expect('urls' in kvp && kvp.urls[0]).toBe('/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=image%2Fpng&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}');
  });

  it('keeps the dark backdrop and says why for what it cannot draw flat', () => {
    const geographic = describeFlatBasemap({ kind: 'intranet', intranet: { type: 'xyz', ...tiles, tilingScheme: 'geographic' } });
    expect(geographic.sources).toEqual({});
    expect(geographic.problem).toMatch(/Web Mercator.*geographic/);
    expect(describeFlatBasemap({ kind: 'natural-earth' }).problem).toMatch(/natural-earth/);
    expect(describeFlatBasemap({ kind: 'dark' })).toMatchObject({ sources: {}, problem: null });
  });
});

describe('an intranet maplibre style', () => {
  const style = { version: 8, sources: { omt: { type: 'vector', tiles: ['/tiles/{z}/{x}/{y}.pbf'] } }, layers: [{ id: 'roads', type: 'symbol', layout: { 'text-font': ['Noto Sans Regular'] } }] };

  it('is used when everything it loads is on this server, and the dashboard writes in its fonts', () => {
    expect(checkFlatStyle({ ...style, glyphs: '/fonts/{fontstack}/{range}.pbf' }, 's')).toMatchObject({ ok: true, textFont: ['Noto Sans Regular'] });
    expect(checkFlatStyle(style, 's')).toMatchObject({ ok: true, textFont: FLAT_TEXT_FONT });
  });

  it('is refused, naming the field, when it points anywhere else', () => {
    const foreign = checkFlatStyle({ ...style, sources: { omt: { type: 'vector', url: 'https://tiles.example.com/omt.json' } } }, 'basemap.style2d /s.json');
    expect(foreign).toEqual({ ok: false, problem: expect.stringContaining('sources.omt.url: https://tiles.example.com/omt.json') });
    expect(checkFlatStyle({ ...style, sprite: 'mapbox://sprites/x' }, 's')).toMatchObject({ ok: false, problem: expect.stringContaining('sprite') });
    expect(checkFlatStyle({ ...style, version: 7 }, 's')).toMatchObject({ ok: false, problem: expect.stringContaining('version must be 8') });
    expect(checkFlatStyle('<html>', 's')).toMatchObject({ ok: false });
  });
});
