/**
 * The live layers of one view, whatever draws them: the same layers, fed from the same store by
 * the same diffs, for the Cesium globe and the maplibre flat map. A renderer hands in a factory of
 * its sinks (points, icons, lines, labels) and draws the grid areas it is given; everything else
 * (which records a diff touches, when a record's look changes with the clock, which alerts are new)
 * is decided here once.
 */
import type { Alert } from '../../domain/entities/alert';
import type { EntityByKind, EntityKind } from '../../domain/entities/entityKinds';
import type { LayerId } from '../../domain/layerIds';
import type { RegionPack } from '../../domain/regionPack';
import type { StateDiff } from '../../stores/entityState';
import { alertNextChangeAt, describeAlert } from './describeAlert';
import { assistNextChangeAt, describeAssistRequest } from './describeAssistRequest';
import { type GridArea, describeGrid } from './describeGrid';
import { describeGridEvent, gridEventNextChangeAt } from './describeGridEvent';
import { createHandoffReceiver } from './handoffReceiver';
import { describePatrolTrack } from './describePatrolTrack';
import { describeCheckpoint, describeStation } from './describeStation';
import type { IconGraphic, LabelGraphic, LineGraphic, PointGraphic } from './graphics';
import { LiveLayer, type PartSink } from './liveLayer';
import type { LiveContext } from './liveContext';
import { createStationPlaces } from './stationPlaces';

/** The store as the layers read it: records by id, all of one kind, and the diffs of each change. */
export interface LiveRecords {
  peek<K extends EntityKind>(kind: K, id: string): EntityByKind[K] | undefined;
  each<K extends EntityKind>(kind: K): IterableIterator<EntityByKind[K]>;
  onDiff(listener: (diff: StateDiff) => void): () => void;
}

/** The layers drawn as marks, lines and labels; `grids` are areas the renderer draws itself. */
export type MarkLayerId = Exclude<LayerId, 'grids'>;

/** A renderer's sinks, one of each part type per layer. */
export interface LiveSinkFactory {
  point(layer: MarkLayerId): PartSink<PointGraphic>;
  icon(layer: MarkLayerId): PartSink<IconGraphic>;
  line(layer: MarkLayerId): PartSink<LineGraphic>;
  label(layer: MarkLayerId): PartSink<LabelGraphic>;
}

export interface LiveLayerSetOptions {
  region: RegionPack;
  entities: LiveRecords;
  sinks: LiveSinkFactory;
  pixelScale: number;
  language: 'zh' | 'en';
  /** The time the layers show (countdowns, overdue): the wall clock live, the playhead in playback. */
  now?: () => number;
  /** A new alert arrived (after the first load): for the camera to go and look. */
  onNewAlert?(alert: Alert): void;
  /** The cross-province grids as shaded areas, whenever their events or outlines change. */
  onGridAreas(areas: ReadonlyMap<string, GridArea>): void;
  /** What is drawn changed: a frame is due. `marks` when alerts or events came, went or moved (clusters). */
  onChange(what: { marks: boolean }): void;
}

export interface LiveLayerSet {
  layer(id: MarkLayerId): LiveLayer<{ id: string }>;
  context(): LiveContext;
  /** Records drawn, by layer (grids: the areas last handed to the renderer). */
  counts(): Record<LayerId, number>;
  isDrawn(layer: LayerId, id: string): boolean;
  /** Milliseconds each recent store diff took to reach the sinks, oldest first (bench:render). */
  updateTimes(): number[];
  /** Resolves once every change handed over so far is on the sinks, with `performance.now()` of that moment. */
  whenIdle(): Promise<{ drainedAt: number }>;
  /** Marks and text sized for a new wall scale, labels in a new language: everything is re-described once. */
  restyle(style: { pixelScale: number; language: 'zh' | 'en' }): void;
  /** Stops following the store and the clock (the renderer destroys its own sinks). */
  destroy(): void;
}

type AnyLayer = LiveLayer<{ id: string }>;

/** How many recent diff timings are kept for benchmarks. */
const UPDATE_TIMES_KEPT = 600;

export function createLiveLayerSet(options: LiveLayerSetOptions): LiveLayerSet {
  const { region, entities, sinks } = options;
  const clock = options.now ?? Date.now;
  const provinceColor = new Map(region.provinces.map((p) => [p.id, p.color]));
  const firstSeen = new Map<string, number>();
  const openByGrid = new Map<string, number>();
  let gridAreaCount = 0;
  let pixelScale = options.pixelScale;
  let language = options.language;
  let initialised = false;

  const context = (): LiveContext => ({
    now: clock(),
    language,
    pixelScale,
    provinceColor: (id) => provinceColor.get(id) ?? '#ffffff',
    station: (id) => entities.peek('station', id),
    firstSeen: (id) => firstSeen.get(id),
    openEventsInGrid: (id) => openByGrid.get(id) ?? 0,
  });

  const handoffReceiver = createHandoffReceiver(() => entities.each('station'));
  const layers: Record<MarkLayerId, AnyLayer> = {
    stations: new LiveLayer({ id: 'stations', describe: describeStation, sinks: { icon: sinks.icon('stations'), label: sinks.label('stations') } }),
    checkpoints: new LiveLayer({ id: 'checkpoints', describe: describeCheckpoint, sinks: { icon: sinks.icon('checkpoints'), label: sinks.label('checkpoints') } }),
    alerts: new LiveLayer({ id: 'alerts', describe: describeAlert, nextChangeAt: alertNextChangeAt, sinks: { point: sinks.point('alerts'), line: sinks.line('alerts') } }),
    gridEvents: new LiveLayer({
      id: 'gridEvents',
      describe: (event: EntityByKind['gridEvent'], now: LiveContext) => describeGridEvent(event, now, handoffReceiver),
      nextChangeAt: gridEventNextChangeAt,
      sinks: { icon: sinks.icon('gridEvents'), line: sinks.line('gridEvents'), label: sinks.label('gridEvents') },
    }),
    assists: new LiveLayer({
      id: 'assists',
      describe: describeAssistRequest,
      nextChangeAt: assistNextChangeAt,
      sinks: { line: sinks.line('assists'), label: sinks.label('assists') },
    }),
    patrols: new LiveLayer({
      id: 'patrols',
      describe: describePatrolTrack,
      sinks: { line: sinks.line('patrols'), icon: sinks.icon('patrols'), label: sinks.label('patrols') },
    }),
  } as Record<MarkLayerId, AnyLayer>;
  const kindLayers: Partial<Record<EntityKind, AnyLayer[]>> = {
    station: [layers.stations, layers.checkpoints],
    alert: [layers.alerts],
    gridEvent: [layers.gridEvents],
    assistRequest: [layers.assists],
    patrolTrack: [layers.patrols],
  };
  const stationPlaces = createStationPlaces((id) => entities.peek('station', id));
  const updateTimes: number[] = [];

  function updateGridAreas(): void {
    openByGrid.clear();
    for (const event of entities.each('gridEvent')) if (event.stage !== 'closed') openByGrid.set(event.gridId, (openByGrid.get(event.gridId) ?? 0) + 1);
    const areas = new Map<string, GridArea>();
    const now = context();
    for (const grid of entities.each('grid')) areas.set(grid.id, describeGrid(grid, now));
    gridAreaCount = areas.size;
    options.onGridAreas(areas);
  }

  function applyDiff(diff: StateDiff): void {
    const started = performance.now();
    applyDiffToLayers(diff);
    updateTimes.push(performance.now() - started);
    if (updateTimes.length > UPDATE_TIMES_KEPT) updateTimes.shift();
  }

  function applyDiffToLayers(diff: StateDiff): void {
    const now = context();
    for (const [kind, change] of Object.entries(diff) as [EntityKind, NonNullable<StateDiff[EntityKind]>][]) {
      if (kind === 'alert' && initialised) {
        for (const id of change.added) {
          firstSeen.set(id, now.now);
          const alert = entities.peek('alert', id);
          if (alert) options.onNewAlert?.(alert);
        }
      }
      // Plain indexed loops: a 10k-item burst runs this body 10k times per layer, and spreading
      // the id lists into a new array or iterating with iterators showed in its profile.
      for (const layer of kindLayers[kind] ?? []) {
        for (const ids of [change.added, change.updated]) {
          for (let i = 0; i < ids.length; i++) {
            const record = entities.peek(kind, ids[i]!);
            if (record) layer.upsert(record, now);
          }
        }
        for (const id of change.removed) layer.remove(id);
      }
      if (kind === 'alert') for (const id of change.removed) firstSeen.delete(id);
    }
    // Alert lines and assistance arcs end at stations: redraw them when a station comes, goes or
    // moves, not when only its officers on duty or checkpoint tally change (most station updates).
    if (diff.station && stationPlaces.moved(diff.station)) {
      layers.alerts.refreshAll(entities.each('alert'), now);
      layers.assists.refreshAll(entities.each('assistRequest'), now);
      layers.gridEvents.refreshAll(entities.each('gridEvent'), now);
    }
    if (diff.gridEvent || diff.grid) updateGridAreas();
    options.onChange({ marks: Boolean(diff.alert || diff.gridEvent) });
  }

  function redrawAll(): void {
    const now = context();
    stationPlaces.seed(entities.each('station'));
    for (const [kind, list] of Object.entries(kindLayers) as [EntityKind, AnyLayer[]][]) {
      for (const layer of list) layer.refreshAll(entities.each(kind) as IterableIterator<{ id: string }>, now);
    }
    updateGridAreas();
    options.onChange({ marks: true });
  }

  redrawAll();
  initialised = true;
  const stopDiffs = entities.onDiff(applyDiff);
  const ticker = setInterval(() => {
    const now = context();
    let touched = 0;
    touched += layers.alerts.refreshDue((id) => entities.peek('alert', id), now);
    touched += layers.gridEvents.refreshDue((id) => entities.peek('gridEvent', id), now);
    touched += layers.assists.refreshDue((id) => entities.peek('assistRequest', id), now);
    if (touched > 0) options.onChange({ marks: false });
  }, 1000);

  return {
    layer: (id) => layers[id],
    context,
    counts: () => ({
      stations: layers.stations.count,
      checkpoints: layers.checkpoints.count,
      alerts: layers.alerts.count,
      gridEvents: layers.gridEvents.count,
      assists: layers.assists.count,
      grids: gridAreaCount,
      patrols: layers.patrols.count,
    }),
    isDrawn: (layer, id) => (layer === 'grids' ? gridAreaCount > 0 : layers[layer].has(id)),
    updateTimes: () => [...updateTimes],
    // Diffs are applied as they come, so there is never anything left to wait for.
    whenIdle: () => Promise.resolve({ drainedAt: performance.now() }),
    restyle(next) {
      if (next.pixelScale === pixelScale && next.language === language) return;
      pixelScale = next.pixelScale;
      language = next.language;
      redrawAll();
    },
    destroy() {
      stopDiffs();
      clearInterval(ticker);
    },
  };
}
