/**
 * The flat map's sinks: each layer's parts as features of one GeoJSON source per part, keyed by
 * record id and updated in place. A burst of changes is written to maplibre once per animation
 * frame at most, and no more often than every MIN_WRITE_GAP_MS, not once per record (its worker
 * re-tiles a source on every write), and as a diff of the
 * features that changed (`updateData`), not the whole source: 1 % of 100k records changing each
 * second sends 1k features to the worker, not 100k.
 *
 * Layers are stacked by part, whatever order the sinks are made in: grid areas, then lines, then
 * text, then points and icons, so a mark never hides under an arc. maplibre places symbols from the
 * top layer down, so icons claim their place before any live name: a station's or a grid's name
 * gives way rather than sit on an icon (the region's county and town names, raised above all of
 * these by the view, come first of all).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { FilterSpecification, GeoJSONSource, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { IconGraphic, LabelGraphic, LineGraphic, PointGraphic } from '../layers/live/graphics';
import type { PartSink } from '../layers/live/liveLayer';
import type { LiveSinkFactory, MarkLayerId } from '../layers/live/liveLayerSet';
import { liveTheme } from '../layers/live/liveTheme';
import { cssColor } from '../layers/region/regionTheme';
import { drawIcon } from '../canvas/drawIcon';
import { FLAT_TEXT_FONT, fontSizePixels, liftEms, minZoomForRange } from './flatText';

/** A layer spec without its source (the sink names it), kept a union of the layer types. */
type SourcelessLayer = LayerSpecification extends infer L ? (L extends { source: string } ? Omit<L, 'source'> : never) : never;

type Rank = 'areas' | 'lines' | 'marks' | 'text';
const RANKS: readonly Rank[] = ['areas', 'lines', 'text', 'marks'];

export interface FlatSinks extends LiveSinkFactory {
  /** maplibre layer ids that draw a live layer's marks and lines, for picking. */
  pickLayers(): Map<string, MarkLayerId>;

  /** Milliseconds each recent frame's write to maplibre took, oldest first (bench:render). */
  writeTimes(): number[];
  /** The sources' record counts, by source id (diagnostics). */
  size(sourceId: string): number;
  /** Adds a source whose layers stack at `rank`; returns its writer (the grid areas use it). */
  source(id: string, rank: Rank, layers: SourcelessLayer[], clustered?: boolean): FeatureWriter;
  destroy(): void;
}

export interface FeatureWriter {
  set(id: string, feature: Feature): void;
  remove(id: string): void;
  /** Replaces every feature at once. */
  replace(features: Map<string, Feature>): void;
  setVisible(visible: boolean): void;
  readonly size: number;
}

/**
 * Zoomed out to county scale, a layer's marks along the border merge into counted discs (maplibre's
 * own clustering, supercluster in its worker) instead of a pile of icons; from the corridor's home
 * zoom on, every mark stands alone.
 */
const CLUSTER_OPTIONS = { cluster: true, clusterMaxZoom: 10, clusterRadius: 36, clusterMinPoints: 3 } as const;
const UNCLUSTERED: FilterSpecification = ['!', ['has', 'point_count']];

/** The least time between two writes to maplibre (a write per frame during a burst would re-tile each frame). */
const MIN_WRITE_GAP_MS = 120;

const collection = (features: Iterable<Feature>): FeatureCollection => ({ type: 'FeatureCollection', features: [...features] });

export function createFlatSinks(map: MaplibreMap, requestRepaint: () => void, textFont: string[] = FLAT_TEXT_FONT): FlatSinks {
  const stacked: { id: string; rank: number }[] = [];
  const writers = new Map<string, FeatureWriter>();
  const pickLayers = new Map<string, MarkLayerId>();
  /** Icon looks this sink has drawn. */
  const images = new Set<string>();
  /** Per source, what changed since the last write: a feature, or null for one removed. */
  const pending = new Map<string, Map<string, Feature | null>>();
  /** Sources to write whole (a replace). */
  const rewrite = new Set<string>();
  const features = new Map<string, Map<string, Feature>>();
  let frame: number | undefined;
  let writeDelay: ReturnType<typeof setTimeout> | undefined;
  let lastWrite = Number.NEGATIVE_INFINITY;

  const writeTimes: number[] = [];

  function flush(): void {
    frame = undefined;
    const started = performance.now();
    for (const [sourceId, changes] of pending) {
      const target = map.getSource(sourceId) as GeoJSONSource | undefined;
      if (!target) continue;
      if (rewrite.has(sourceId)) {
        void target.setData(collection(features.get(sourceId)!.values()));
        continue;
      }
      // Removed first, then added: an id in both is an update.
      const add: Feature[] = [];
      for (const feature of changes.values()) if (feature) add.push(feature);
      void target.updateData({ remove: [...changes.keys()], add });
    }
    pending.clear();
    rewrite.clear();
    requestRepaint();
    lastWrite = performance.now();
    writeTimes.push(lastWrite - started);
    if (writeTimes.length > 600) writeTimes.shift();
  }

  function touch(sourceId: string, featureId: string | null, feature: Feature | null): void {
    let changes = pending.get(sourceId);
    if (!changes) pending.set(sourceId, (changes = new Map()));
    if (featureId === null) rewrite.add(sourceId);
    else changes.set(featureId, feature);
    if (frame !== undefined || writeDelay !== undefined) return;
    // Each write re-tiles the source in maplibre's worker (all of it, for clustered sources), and
    // the layers hand a burst over a few frames: writes at most every MIN_WRITE_GAP_MS gather them.
    const wait = lastWrite + MIN_WRITE_GAP_MS - performance.now();
    if (wait <= 0) frame = requestAnimationFrame(flush);
    else
      writeDelay = setTimeout(() => {
        writeDelay = undefined;
        frame = requestAnimationFrame(flush);
      }, wait);
  }

  /** Adds a layer above every layer of its rank and below the first of a higher one. */
  function addStacked(layer: LayerSpecification, rank: Rank): void {
    const value = RANKS.indexOf(rank);
    const before = stacked.find((entry) => entry.rank > value)?.id;
    map.addLayer(layer, before);
    const at = stacked.findIndex((entry) => entry.rank > value);
    stacked.splice(at === -1 ? stacked.length : at, 0, { id: layer.id, rank: value });
  }

  function source(id: string, rank: Rank, layers: SourcelessLayer[], clustered = false): FeatureWriter {
    const held = new Map<string, Feature>();
    features.set(id, held);
    // Features are found by their record id (properties.id), which updateData's diffs name.
    map.addSource(id, { type: 'geojson', data: collection([]), promoteId: 'id', ...(clustered ? CLUSTER_OPTIONS : {}) });
    for (const layer of layers) addStacked({ ...layer, source: id } as LayerSpecification, rank);
    const writer: FeatureWriter = {
      set(featureId, feature) {
        held.set(featureId, feature);
        touch(id, featureId, feature);
      },
      remove(featureId) {
        if (held.delete(featureId)) touch(id, featureId, null);
      },
      replace(next) {
        held.clear();
        for (const [featureId, feature] of next) held.set(featureId, feature);
        touch(id, null, null);
      },
      setVisible(visible) {
        for (const layer of layers) map.setLayoutProperty(layer.id, 'visibility', visible ? 'visible' : 'none');
        requestRepaint();
      },
      get size() {
        return held.size;
      },
    };
    writers.set(id, writer);
    return writer;
  }

  /** The counted disc a cluster draws, in the layer's legend colour. */
  const clusterLayers = (id: string, color: string): SourcelessLayer[] => [
    {
      id: `${id}-clusters`,
      type: 'circle',
      filter: ['has', 'point_count'],
      paint: { 'circle-color': color, 'circle-opacity': 0.8, 'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 3, 13, 30, 22], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
    {
      id: `${id}-cluster-counts`,
      type: 'symbol',
      filter: ['has', 'point_count'],
      layout: { 'text-field': ['to-string', ['get', 'point_count']], 'text-font': textFont, 'text-size': 14, 'text-allow-overlap': true },
      paint: { 'text-color': '#02101f' },
    },
  ];
  const point = (coordinates: readonly number[]): Geometry => ({ type: 'Point', coordinates: [coordinates[0]!, coordinates[1]!] });
  const sink = <G>(writer: FeatureWriter, toFeature: (id: string, graphic: G) => Feature): PartSink<G> => ({
    upsert: (id, graphic) => writer.set(id, toFeature(id, graphic)),
    remove: (id) => writer.remove(id),
    setVisible: (visible) => writer.setVisible(visible),
  });

  return {
    point(layer) {
      const id = `live-${layer}-points`;
      pickLayers.set(id, layer);
      const writer = source(id, 'marks', [
        // A new high-severity alert wears a halo for as long as the globe would pulse it.
        {
          id: `${id}-pulse`,
          type: 'circle',
          filter: ['==', ['get', 'pulse'], true],
          paint: { 'circle-color': ['get', 'color'], 'circle-radius': ['*', ['get', 'radius'], 2.2], 'circle-opacity': 0.3 },
        },
        {
          id,
          type: 'circle',
          filter: UNCLUSTERED,
          paint: { 'circle-color': ['get', 'color'], 'circle-radius': ['get', 'radius'], 'circle-stroke-color': ['get', 'outline'], 'circle-stroke-width': ['get', 'outlineWidth'] },
        },
        ...clusterLayers(id, liveTheme.layerSwatches[layer]),
      ], true);
      return sink<PointGraphic>(writer, (recordId, g) => ({
        type: 'Feature',
        geometry: point(g.position),
        properties: { id: recordId, color: cssColor(g.color), outline: cssColor(g.outline), outlineWidth: g.outlineWidthPixels, radius: g.sizePixels / 2, pulse: g.pulse },
      }));
    },
    icon(layer) {
      const id = `live-${layer}-icons`;
      pickLayers.set(id, layer);
      const writer = source(id, 'marks', [
        // Every icon shows (allow-overlap), and each keeps its square clear of later names (no ignore-placement).
        { id, type: 'symbol', filter: UNCLUSTERED, layout: { 'icon-image': ['get', 'icon'], 'icon-allow-overlap': true, 'icon-ignore-placement': false } },
        // Patrols are a handful of moving heads, each its own story: never merged.
        ...(layer === 'patrols' ? [] : clusterLayers(id, liveTheme.layerSwatches[layer])),
      ], layer !== 'patrols');
      return sink<IconGraphic>(writer, (recordId, g) => {
        // Each distinct look is drawn once and held by the map's sprite atlas, as on the globe
        // (the keys carry no countdown, so there are a bounded number of them).
        if (!images.has(g.icon.key)) {
          const canvas = drawIcon(g.icon, liveTheme.fontFamily);
          const image = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          images.add(g.icon.key);
          // The map keeps images across sinks: live layers made again (playback, a hidden view
          // shown, a restored context) find their looks there already.
          if (!map.hasImage(g.icon.key)) map.addImage(g.icon.key, image);
        }
        return { type: 'Feature', geometry: point(g.position), properties: { id: recordId, icon: g.icon.key, pulse: g.pulse } };
      });
    },
    line(layer) {
      const id = `live-${layer}-lines`;
      pickLayers.set(id, layer);
      const writer = source(id, 'lines', [
        {
          id: `${id}-glow`,
          type: 'line',
          filter: ['in', ['get', 'style'], ['literal', ['glow', 'flow']]],
          layout: { 'line-cap': 'round', 'line-join': 'round' },
          paint: { 'line-color': ['get', 'color'], 'line-width': ['*', ['get', 'width'], 3], 'line-blur': ['get', 'width'], 'line-opacity': 0.4 },
        },
        {
          id,
          type: 'line',
          filter: ['!=', ['get', 'style'], 'dash'],
          layout: { 'line-cap': 'round', 'line-join': 'round' },
          paint: { 'line-color': ['get', 'color'], 'line-width': ['get', 'width'] },
        },
        { id: `${id}-dash`, type: 'line', filter: ['==', ['get', 'style'], 'dash'], paint: { 'line-color': ['get', 'color'], 'line-width': ['get', 'width'], 'line-dasharray': [2, 1.5] } },
      ]);
      return sink<LineGraphic>(writer, (recordId, g) => ({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: g.positions.map((p) => [p[0], p[1]]) },
        properties: { id: recordId, color: cssColor(g.color), width: g.widthPixels, style: g.style },
      }));
    },
    label(layer) {
      const id = `live-${layer}-labels`;
      const text = (suffix: string, minzoom: number, filter: FilterSpecification): SourcelessLayer => ({
          id: `${id}${suffix}`,
          type: 'symbol',
          minzoom,
          filter,
          // A flat map declutters: where names would overlap, maplibre drops some until one zooms in.
        layout: { 'text-field': ['get', 'text'], 'text-font': textFont, 'text-size': ['get', 'size'], 'text-offset': ['get', 'offset'], 'text-padding': 3 },
        paint: { 'text-color': ['get', 'color'], 'text-halo-color': cssColor(liveTheme.outline), 'text-halo-width': 1.5 },
      });
      // Names and countdowns only near enough to read, as on the globe; the rest always.
      const near = minZoomForRange(liveTheme.labelMaxRangeMeters);
      const writer = source(id, 'text', [text('', 0, ['!', ['get', 'near']]), text('-near', near, ['get', 'near'])]);
      return sink<LabelGraphic>(writer, (recordId, g) => ({
        type: 'Feature',
        geometry: point(g.position),
        properties: { id: recordId, text: g.text, size: fontSizePixels(g.font), color: cssColor(g.color), offset: liftEms(g), near: g.maxRangeMeters !== undefined },
      }));
    },
    pickLayers: () => pickLayers,
    writeTimes: () => [...writeTimes],
    size: (sourceId) => writers.get(sourceId)?.size ?? 0,
    source,
    destroy() {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(writeDelay);
    },
  };
}
