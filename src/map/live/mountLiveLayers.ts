/**
 * Puts the live layers on the globe and keeps them in step with the entity store: every store
 * diff updates exactly the graphics of the records it names. Once a second the records whose look
 * depends on the clock are re-described; far out, alerts and events give way to clusters.
 */
import { Math as CesiumMath, type Scene } from '@cesium/engine';
import type { Alert } from '../../domain/entities/alert';
import type { EntityKind } from '../../domain/entities/entityKinds';
import { LAYER_IDS, type LayerId } from '../../domain/layerIds';
import type { RegionPack } from '../../domain/regionPack';
import { CLUSTER_ABOVE_METERS, PointClusters } from '../../layers/live/clusterPoints';
import { alertNextChangeAt, describeAlert } from '../../layers/live/describeAlert';
import { assistNextChangeAt, describeAssistRequest } from '../../layers/live/describeAssistRequest';
import { describeGrid, type GridArea } from '../../layers/live/describeGrid';
import { describeGridEvent, gridEventNextChangeAt } from '../../layers/live/describeGridEvent';
import { describePatrolTrack } from '../../layers/live/describePatrolTrack';
import { describeCheckpoint, describeStation } from '../../layers/live/describeStation';
import { LiveLayer } from '../../layers/live/liveLayer';
import type { LiveContext } from '../../layers/live/liveContext';
import { liveTheme } from '../../layers/live/liveTheme';
import type { EntityReader } from '../../stores/entityStore';
import type { StateDiff } from '../../stores/entityState';
import { Animator } from './animator';
import { GridAreaRenderer } from './gridAreaRenderer';
import { createIconSink } from './iconSink';
import { createLabelSink } from './labelSink';
import { createLineSink } from './lineSink';
import { createLiveStage } from './liveStage';
import { type KeyedSink, createPointSink } from './pointSink';
import { createStationPlaces } from './stationPlaces';

export interface LiveLayersOptions {
  scene: Scene;
  region: RegionPack;
  entities: EntityReader;
  pixelScale: number;
  language: 'zh' | 'en';
  visible: readonly LayerId[];
  /** The time the layers show (countdowns, overdue): the wall clock live, the playhead in playback. */
  now?: () => number;
  /** A new alert arrived (after the first load): for the camera to go and look. */
  onNewAlert?(alert: Alert): void;
}

export interface LiveLayers {
  setVisible(layer: LayerId, visible: boolean): void;
  isVisible(layer: LayerId): boolean;
  /** Records drawn, by layer. */
  counts(): Record<LayerId, number>;
  /** Whether a record is on the globe now. */
  isDrawn(layer: LayerId, id: string): boolean;
  /** Clusters drawn (0 when near enough to show every marker). */
  clusterCount(): number;
  /** Marks and text sized for a new wall scale, labels in a new language: everything is re-described once. */
  restyle(style: { pixelScale: number; language: 'zh' | 'en' }): void;
  /** Hover: one record's mark stands out; `null` clears it. */
  highlight(target: { layer: LayerId; id: string } | null): void;
  /** Milliseconds each recent store diff took to reach the primitives, oldest first (bench:render). */
  updateTimes(): number[];
  destroy(): void;
}

type AnyLayer = LiveLayer<{ id: string }>;

export function mountLiveLayers(options: LiveLayersOptions): LiveLayers {
  const { scene, region, entities } = options;
  const clock = options.now ?? Date.now;
  const animator = new Animator(scene);
  const stage = createLiveStage(scene);
  const sinks: KeyedSink<unknown>[] = [];
  const markSinks = new Map<string, KeyedSink<unknown>>();
  const keep = <T extends KeyedSink<never>>(sink: T): T => {
    sinks.push(sink as unknown as KeyedSink<unknown>);
    return sink;
  };
  /** The sink holding a layer's marks (points or icons), for hover highlights. */
  const mark = <T extends KeyedSink<never>>(layer: LayerId, sink: T): T => {
    markSinks.set(layer, sink as unknown as KeyedSink<unknown>);
    return keep(sink);
  };
  const provinceColor = new Map(region.provinces.map((p) => [p.id, p.color]));
  const firstSeen = new Map<string, number>();
  const openByGrid = new Map<string, number>();
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

  const layers = {
    stations: new LiveLayer({ id: 'stations', describe: describeStation, sinks: { icon: mark('stations', createIconSink(stage, 'stations', animator)), label: keep(createLabelSink(stage, 'stations')) } }),
    checkpoints: new LiveLayer({
      id: 'checkpoints',
      describe: describeCheckpoint,
      sinks: { icon: mark('checkpoints', createIconSink(stage, 'checkpoints', animator)), label: keep(createLabelSink(stage, 'checkpoints')) },
    }),
    alerts: new LiveLayer({
      id: 'alerts',
      describe: describeAlert,
      nextChangeAt: alertNextChangeAt,
      sinks: { point: mark('alerts', createPointSink(stage, 'alerts', animator)), line: keep(createLineSink(stage, 'alerts', animator)) },
    }),
    gridEvents: new LiveLayer({
      id: 'gridEvents',
      describe: describeGridEvent,
      nextChangeAt: gridEventNextChangeAt,
      sinks: { icon: mark('gridEvents', createIconSink(stage, 'gridEvents', animator)) },
    }),
    assists: new LiveLayer({
      id: 'assists',
      describe: describeAssistRequest,
      nextChangeAt: assistNextChangeAt,
      sinks: { line: keep(createLineSink(stage, 'assists', animator)), label: keep(createLabelSink(stage, 'assists')) },
    }),
    patrols: new LiveLayer({
      id: 'patrols',
      describe: describePatrolTrack,
      sinks: { line: keep(createLineSink(stage, 'patrols', animator)), icon: mark('patrols', createIconSink(stage, 'patrols', animator)), label: keep(createLabelSink(stage, 'patrols')) },
    }),
  };
  const gridAreas = new GridAreaRenderer(stage, animator);
  const visible = new Set<LayerId>(options.visible);
  const kindLayers: Partial<Record<EntityKind, AnyLayer[]>> = {
    station: [layers.stations, layers.checkpoints] as AnyLayer[],
    alert: [layers.alerts] as AnyLayer[],
    gridEvent: [layers.gridEvents] as AnyLayer[],
    assistRequest: [layers.assists] as AnyLayer[],
    patrolTrack: [layers.patrols] as AnyLayer[],
  };

  const clusters = new PointClusters();
  const clusterPoints = keep(createPointSink(stage, 'clusters', animator));
  const clusterLabels = keep(createLabelSink(stage, 'clusters'));
  let clusterIds: string[] = [];
  let clustersDirty = true;
  let clustered = false;

  function updateGridAreas(): void {
    openByGrid.clear();
    for (const event of entities.each('gridEvent')) if (event.stage !== 'closed') openByGrid.set(event.gridId, (openByGrid.get(event.gridId) ?? 0) + 1);
    const areas = new Map<string, GridArea>();
    const now = context();
    for (const grid of entities.each('grid')) areas.set(grid.id, describeGrid(grid, now));
    gridAreas.update(areas);
  }

  /** Far out, alerts and events become clusters; near, every marker shows. */
  function updateClusters(): void {
    const height = scene.camera.positionCartographic.height;
    const shouldCluster = height > CLUSTER_ABOVE_METERS;
    if (shouldCluster !== clustered) {
      clustered = shouldCluster;
      for (const id of ['alerts', 'gridEvents'] as const) layers[id].setVisible(visible.has(id) && !clustered);
    }
    for (const id of clusterIds) {
      clusterPoints.remove(id);
      clusterLabels.remove(id);
    }
    clusterIds = [];
    if (!clustered) return;
    if (clustersDirty) {
      const points = [];
      if (visible.has('alerts')) for (const a of entities.each('alert')) points.push({ id: a.id, lon: a.position[0], lat: a.position[1] });
      if (visible.has('gridEvents')) for (const e of entities.each('gridEvent')) points.push({ id: e.id, lon: e.position[0], lat: e.position[1] });
      clusters.load(points);
      clustersDirty = false;
    }
    const view = scene.camera.computeViewRectangle();
    const bounds = view
      ? ([CesiumMath.toDegrees(view.west), CesiumMath.toDegrees(view.south), CesiumMath.toDegrees(view.east), CesiumMath.toDegrees(view.north)] as const)
      : ([-180, -85, 180, 85] as const);
    for (const mark of clusters.marks(bounds, height, liveTheme.heightMeters)) {
      const size = Math.round((12 + Math.min(24, Math.sqrt(mark.count) * 3)) * pixelScale);
      clusterPoints.upsert(mark.id, { position: mark.position, color: { css: '#35e0ff', alpha: 0.75 }, outline: liveTheme.white, outlineWidthPixels: 2, sizePixels: size, pulse: false });
      clusterLabels.upsert(mark.id, {
        position: mark.position,
        text: String(mark.count),
        font: `700 ${Math.round(13 * pixelScale)}px ${liveTheme.fontFamily}`,
        color: liveTheme.white,
        liftPixels: -Math.round(7 * pixelScale),
        maxRangeMeters: undefined,
      });
      clusterIds.push(mark.id);
    }
  }

  // The last 600 diffs' cost: how long the layers held the main thread per update.
  const updateTimes: number[] = [];
  const stationPlaces = createStationPlaces((id) => entities.peek('station', id));

  function applyDiff(diff: StateDiff): void {
    const started = performance.now();
    applyDiffToLayers(diff);
    updateTimes.push(performance.now() - started);
    if (updateTimes.length > 600) updateTimes.shift();
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
    }
    if (diff.gridEvent || diff.grid) updateGridAreas();
    if (diff.alert || diff.gridEvent) {
      clustersDirty = true;
      if (clustered) scheduleClusters();
    }
    scene.requestRender();
  }

  let clusterTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleClusters(): void {
    clearTimeout(clusterTimer);
    clusterTimer = setTimeout(() => {
      updateClusters();
      scene.requestRender();
    }, 300);
  }

  function redrawAll(): void {
    const now = context();
    stationPlaces.seed(entities.each('station'));
    for (const [kind, list] of Object.entries(kindLayers) as [EntityKind, AnyLayer[]][]) {
      for (const layer of list) layer.refreshAll(entities.each(kind) as IterableIterator<{ id: string }>, now);
    }
    updateGridAreas();
    clustersDirty = true;
    updateClusters();
    scene.requestRender();
  }

  redrawAll();
  initialised = true;
  for (const id of LAYER_IDS) if (!visible.has(id)) setVisible(id, false);
  const stopDiffs = entities.onDiff(applyDiff);
  const removeCameraListener = scene.camera.moveEnd.addEventListener(scheduleClusters);
  const ticker = setInterval(() => {
    const now = context();
    let touched = 0;
    touched += layers.alerts.refreshDue((id) => entities.peek('alert', id), now);
    touched += layers.gridEvents.refreshDue((id) => entities.peek('gridEvent', id), now);
    touched += layers.assists.refreshDue((id) => entities.peek('assistRequest', id), now);
    if (touched > 0) scene.requestRender();
  }, 1000);

  function setVisible(layer: LayerId, show: boolean): void {
    if (show) visible.add(layer);
    else visible.delete(layer);
    if (layer === 'grids') gridAreas.setVisible(show);
    else layers[layer].setVisible(show && !((layer === 'alerts' || layer === 'gridEvents') && clustered));
    if (layer === 'alerts' || layer === 'gridEvents') {
      clustersDirty = true;
      updateClusters();
    }
    scene.requestRender();
  }

  return {
    setVisible,
    isVisible: (layer) => visible.has(layer),
    counts: () => ({
      stations: layers.stations.count,
      checkpoints: layers.checkpoints.count,
      alerts: layers.alerts.count,
      gridEvents: layers.gridEvents.count,
      assists: layers.assists.count,
      grids: gridAreas.count,
      patrols: layers.patrols.count,
    }),
    clusterCount: () => clusterIds.length,
    updateTimes: () => [...updateTimes],
    isDrawn: (layer, id) => (layer === 'grids' ? gridAreas.count > 0 : layers[layer].has(id)),
    highlight(target) {
      for (const [layer, sink] of markSinks) sink.highlight?.(target && target.layer === layer ? target.id : null);
      scene.requestRender();
    },
    restyle(next) {
      if (next.pixelScale === pixelScale && next.language === language) return;
      pixelScale = next.pixelScale;
      language = next.language;
      redrawAll();
    },
    destroy() {
      stopDiffs();
      removeCameraListener();
      clearInterval(ticker);
      clearTimeout(clusterTimer);
      animator.destroy();
      gridAreas.destroy();
      for (const sink of sinks) sink.destroy();
      stage.destroy();
    },
  };
}
