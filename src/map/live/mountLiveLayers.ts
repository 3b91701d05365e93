/**
 * Puts the live layers (src/layers/live/liveLayerSet.ts, shared with the flat map) on the globe
 * with Cesium sinks: every store diff updates exactly the primitives of the records it names. Far
 * out, alerts and events give way to clusters; hovering a mark makes it stand out.
 */
import { Math as CesiumMath, type Scene } from '@cesium/engine';
import type { Alert } from '../../domain/entities/alert';
import { LAYER_IDS, type LayerId } from '../../domain/layerIds';
import type { RegionPack } from '../../domain/regionPack';
import { CLUSTER_ABOVE_METERS, PointClusters } from '../../layers/live/clusterPoints';
import { type LiveRecords, createLiveLayerSet } from '../../layers/live/liveLayerSet';
import { liveTheme } from '../../layers/live/liveTheme';
import { Animator } from './animator';
import { GridAreaRenderer } from './gridAreaRenderer';
import { createIconSink } from './iconSink';
import { createLabelSink } from './labelSink';
import { createLineSink } from './lineSink';
import { createLiveStage } from './liveStage';
import type { LabelDeclutter } from './labelDeclutter';
import { type KeyedSink, createPointSink } from './pointSink';

export interface LiveLayersOptions {
  scene: Scene;
  region: RegionPack;
  entities: LiveRecords;
  pixelScale: number;
  language: 'zh' | 'en';
  visible: readonly LayerId[];
  /** The time the layers show (countdowns, overdue): the wall clock live, the playhead in playback. */
  now?: () => number;
  /** A new alert arrived (after the first load): for the camera to go and look. */
  onNewAlert?(alert: Alert): void;
  /** Keeps the live names apart from each other, the icons and the region's names. */
  declutter?: LabelDeclutter;
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
  whenIdle(): Promise<{ drainedAt: number }>;
  destroy(): void;
}

export function mountLiveLayers(options: LiveLayersOptions): LiveLayers {
  const { scene, entities } = options;
  const animator = new Animator(scene);
  const stage = createLiveStage(scene, options.declutter);
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
  // Made when the layer set first hands over grid areas, after every layer's sinks: among marks
  // drawn without depth testing the first added wins, on screen and for picks, so grid names and
  // clusters must come after the stations, checkpoints and patrols they would otherwise cover.
  let gridAreaRenderer: GridAreaRenderer | undefined;
  const gridAreas = () => (gridAreaRenderer ??= new GridAreaRenderer(stage, animator));
  const visible = new Set<LayerId>(options.visible);

  const clusters = new PointClusters();
  let clusterIds: string[] = [];
  let clustersDirty = true;
  let clustered = false;
  let clusterTimer: ReturnType<typeof setTimeout> | undefined;

  function scheduleClusters(): void {
    clearTimeout(clusterTimer);
    clusterTimer = setTimeout(() => {
      updateClusters();
      scene.requestRender();
    }, 300);
  }

  // Changes are drawn a few milliseconds a frame, early in Cesium's frame (preUpdate runs on every
  // tick of its loop, before it decides whether to render), so the frame that draws them shows them.
  let drainDue: (() => void) | undefined;
  const removePreUpdate = scene.preUpdate.addEventListener(() => {
    const drain = drainDue;
    drainDue = undefined;
    drain?.();
  });
  let renderStarted = 0;
  let lastFrameMs = 0;
  const removePreRender = scene.preRender.addEventListener(() => (renderStarted = performance.now()));
  const removePostRender = scene.postRender.addEventListener(() => (lastFrameMs = performance.now() - renderStarted));

  const layerSet = createLiveLayerSet({
    region: options.region,
    entities,
    pixelScale: options.pixelScale,
    language: options.language,
    ...(options.now ? { now: options.now } : {}),
    ...(options.onNewAlert ? { onNewAlert: options.onNewAlert } : {}),
    sinks: {
      point: (layer) => mark(layer, createPointSink(stage, layer, animator)),
      icon: (layer) => mark(layer, createIconSink(stage, layer, animator)),
      line: (layer) => keep(createLineSink(stage, layer, animator)),
      label: (layer) => keep(createLabelSink(stage, layer)),
    },
    frames: {
      request(drain) {
        drainDue = drain;
        scene.requestRender();
      },
      lastFrameMs: () => lastFrameMs,
    },
    onGridAreas: (areas) => gridAreas().update(areas),
    onChange({ marks }) {
      if (marks) {
        clustersDirty = true;
        // Never during the first drawing: nothing is clustered before updateClusters first runs.
        if (clustered) scheduleClusters();
      }
      scene.requestRender();
    },
  });
  const clusterPoints = keep(createPointSink(stage, 'clusters', animator));
  const clusterLabels = keep(createLabelSink(stage, 'clusters'));

  /** Far out, alerts and events become clusters; near, every marker shows. */
  function updateClusters(): void {
    const height = scene.camera.positionCartographic.height;
    const shouldCluster = height > CLUSTER_ABOVE_METERS;
    if (shouldCluster !== clustered) {
      clustered = shouldCluster;
      for (const id of ['alerts', 'gridEvents'] as const) layerSet.layer(id).setVisible(visible.has(id) && !clustered);
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
    const pixelScale = layerSet.context().pixelScale;
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

  updateClusters();
  scene.requestRender();
  for (const id of LAYER_IDS) if (!visible.has(id)) setVisible(id, false);
  const removeCameraListener = scene.camera.moveEnd.addEventListener(scheduleClusters);

  function setVisible(layer: LayerId, show: boolean): void {
    if (show) visible.add(layer);
    else visible.delete(layer);
    if (layer === 'grids') gridAreas().setVisible(show);
    else layerSet.layer(layer).setVisible(show && !((layer === 'alerts' || layer === 'gridEvents') && clustered));
    if (layer === 'alerts' || layer === 'gridEvents') {
      clustersDirty = true;
      updateClusters();
    }
    scene.requestRender();
  }

  return {
    setVisible,
    isVisible: (layer) => visible.has(layer),
    counts: () => layerSet.counts(),
    clusterCount: () => clusterIds.length,
    updateTimes: () => layerSet.updateTimes(),
    whenIdle: () => layerSet.whenIdle(),
    isDrawn: (layer, id) => (layer === 'grids' ? gridAreas().count > 0 : layerSet.isDrawn(layer, id)),
    highlight(target) {
      for (const [layer, sink] of markSinks) sink.highlight?.(target && target.layer === layer ? target.id : null);
      scene.requestRender();
    },
    restyle: (next) => layerSet.restyle(next),
    destroy() {
      layerSet.destroy();
      removePreUpdate();
      removePreRender();
      removePostRender();
      removeCameraListener();
      clearTimeout(clusterTimer);
      animator.destroy();
      gridAreaRenderer?.destroy();
      for (const sink of sinks) sink.destroy();
      stage.destroy();
    },
  };
}
