/**
 * The region on the flat map: the same description the globe draws (describeRegionScene), as
 * GeoJSON sources and maplibre layers. Counties are filled in their province colour, context
 * counties dimmed, the provincial border glows, towns are rings with their names.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { RegionSceneDescription } from '../layers/region/describeRegionScene';
import { cssColor } from '../layers/region/regionTheme';
import { FLAT_TEXT_FONT, fontSizePixels, liftEms, minZoomForRange } from './flatText';

export interface FlatStyleParts {
  sources: Record<string, GeoJSONSourceSpecification>;
  /** Bottom first. */
  layers: LayerSpecification[];
}

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const feature = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry, properties });
const source = (features: Feature[]): GeoJSONSourceSpecification => ({ type: 'geojson', data: collection(features) });

/** The ids of the region's layers that draw its border lines (tests read their pixels). */
export const BORDER_LAYER_ID = 'region-border';

export function describeFlatRegion(scene: RegionSceneDescription, textFont: string[] = FLAT_TEXT_FONT): FlatStyleParts {
  const counties = scene.slabs.map((slab) =>
    feature({ type: 'MultiPolygon', coordinates: slab.polygons as number[][][][] }, { id: slab.id, role: slab.role, fill: cssColor(slab.fill), edge: cssColor(slab.edge) }),
  );
  const borders = scene.borders.map((border) =>
    feature({ type: 'LineString', coordinates: border.positions as number[][] }, { id: border.id, color: cssColor(border.color), width: border.widthPixels }),
  );
  const towns = scene.towns.map((town) =>
    feature({ type: 'Point', coordinates: [...town.position] }, { id: town.id, color: cssColor(town.color), outline: cssColor(town.outline), radius: town.sizePixels / 2, outlineWidth: town.outlinePixels }),
  );
  const labels = scene.labels.map((label) =>
    feature(
      { type: 'Point', coordinates: [...label.position] },
      { id: label.id, kind: label.kind, text: label.text, size: fontSizePixels(label.font), color: cssColor(label.color), offset: liftEms(label), minZoom: minZoomForRange(label.maxRangeMeters) },
    ),
  );
  // One symbol layer per label range: maplibre's minzoom is per layer, not per feature.
  const labelZooms = [...new Set(labels.map((label) => label.properties!.minZoom as number))].sort((a, b) => a - b);
  return {
    sources: {
      'region-counties': source(counties),
      'region-borders': source(borders),
      'region-towns': source(towns),
      'region-labels': source(labels),
    },
    layers: [
      { id: 'region-county-fill', type: 'fill', source: 'region-counties', paint: { 'fill-color': ['get', 'fill'] } },
      {
        id: 'region-county-edge',
        type: 'line',
        source: 'region-counties',
        paint: { 'line-color': ['get', 'edge'], 'line-width': ['match', ['get', 'role'], 'focus', 2, 1] },
      },
      {
        id: 'region-border-glow',
        type: 'line',
        source: 'region-borders',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': ['get', 'color'], 'line-width': ['*', ['get', 'width'], 2.5], 'line-blur': ['get', 'width'], 'line-opacity': 0.45 },
      },
      {
        id: BORDER_LAYER_ID,
        type: 'line',
        source: 'region-borders',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': ['get', 'color'], 'line-width': ['get', 'width'] },
      },
      {
        id: 'region-town',
        type: 'circle',
        source: 'region-towns',
        paint: { 'circle-color': ['get', 'color'], 'circle-radius': ['get', 'radius'], 'circle-stroke-color': ['get', 'outline'], 'circle-stroke-width': ['get', 'outlineWidth'] },
      },
      ...labelZooms.map(
        (minzoom): LayerSpecification => ({
          id: `region-labels-${minzoom}`,
          type: 'symbol',
          source: 'region-labels',
          minzoom,
          filter: ['==', ['get', 'minZoom'], minzoom],
          layout: {
            'text-field': ['get', 'text'],
            'text-font': textFont,
            'text-size': ['get', 'size'],
            'text-offset': ['get', 'offset'],
            // Every name gives way rather than overlap: province, county and border names come first
            // (sort key), and the view keeps all of them clear of the HUD's panels.
            'text-allow-overlap': false,
            'symbol-sort-key': ['match', ['get', 'kind'], 'province', 0, 'county', 1, 'border', 2, 3],
          },
          paint: { 'text-color': ['get', 'color'], 'text-halo-color': cssColor(scene.labelOutline), 'text-halo-width': 1.5 },
        }),
      ),
    ],
  };
}
