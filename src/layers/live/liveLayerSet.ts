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
import { ApplyQueue } from './applyQueue';
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
  /**
   * The renderer's frames, to draw changes a few milliseconds a frame. Without it every change is
   * drawn at once, within the store's change (unit tests, tools).
   */
  frames?: LayerFrames;
}

/** A renderer's frame loop as the layer set uses it. */
export interface LayerFrames {
  /** Calls `drain` once, early in an upcoming frame (before it renders); asked again while work remains. */
  request(drain: () => void): void;
  /** The clock a frame's work is timed with (tests pin it); `performance.now` by default. */
  clock?: () => number;
  /**
   * How long the renderer's last frame took, where it knows: a frame that takes seconds (a
   * software renderer, an 8K wall on a weak GPU) may take a share of that for the layers too,
   * rather than string a burst out over several such frames.
   */
  lastFrameMs?: () => number;
}

export interface LiveLayerSet {
  layer(id: MarkLayerId): LiveLayer<{ id: string }>;
  context(): LiveContext;
  /** Records drawn, by layer (grids: the areas last handed to the renderer). */
  counts(): Record<LayerId, number>;
  isDrawn(layer: LayerId, id: string): boolean;
  /** Milliseconds of layer work in each recent frame that drew changes (or each change, without frames), oldest first (bench:render). */
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
/** Layer work a frame may take while changes wait (the target: ≤ 4 ms at p95). */
const FRAME_BUDGET_MS = 3;
/** …and more once changes have waited long, or frames are slow: this share of the wait, or of the last frame. */
const CATCH_UP_SHARE = 0.2;
/** Kinds in the order they are drawn: stations first, as lines of the others end at them. */
const DRAW_ORDER: readonly EntityKind[] = ['station', 'alert', 'gridEvent', 'assistRequest', 'patrolTrack'];

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

  // What waits to be drawn, applied in `drain`: by each frame's budget with `options.frames`, at once without.
  let drawContext = context();
  let marksChanged = false;
  let gridsChanged = false;
  let drainedAt = 0;
  let idleWaiters: ((idle: { drainedAt: number }) => void)[] = [];
  let drainRequested = false;
  let stopped = false;
  const workClock = options.frames?.clock ?? (() => performance.now());
  const queue = new ApplyQueue<EntityKind>(DRAW_ORDER, (kind, id) => {
    const record = entities.peek(kind, id);
    const list = kindLayers[kind];
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      if (record) list[i]!.upsert(record, drawContext);
      else list[i]!.remove(id);
    }
  }, workClock);

  function drain(budgetMs: number): void {
    drainRequested = false;
    // A frame asked for before the view took the layers down.
    if (stopped) return;
    const started = workClock();
    drawContext = context();
    queue.drain(budgetMs);
    // Grid areas follow their open events' count: once the events are drawn, not at every frame of it.
    if (queue.size === 0 && gridsChanged) {
      gridsChanged = false;
      updateGridAreas();
    }
    updateTimes.push(workClock() - started);
    if (updateTimes.length > UPDATE_TIMES_KEPT) updateTimes.shift();
    options.onChange({ marks: marksChanged });
    marksChanged = false;
    if (queue.size > 0) {
      schedule();
      return;
    }
    drainedAt = workClock();
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve({ drainedAt });
  }

  function schedule(): void {
    if (!options.frames) {
      drain(Number.POSITIVE_INFINITY);
      return;
    }
    if (drainRequested) return;
    drainRequested = true;
    const frames = options.frames;
    frames.request(() => drain(Math.max(queue.budget(FRAME_BUDGET_MS, CATCH_UP_SHARE), (frames.lastFrameMs?.() ?? 0) * CATCH_UP_SHARE)));
  }

  /** Every record of a kind again: those in the store, and those drawn that it no longer holds. */
  function queueKind(kind: EntityKind): void {
    for (const record of entities.each(kind)) queue.add(kind, record.id);
    for (const layer of kindLayers[kind] ?? []) for (const id of layer.ids()) queue.add(kind, id);
  }

  function applyDiff(diff: StateDiff): void {
    const now = clock();
    for (const [kind, change] of Object.entries(diff) as [EntityKind, NonNullable<StateDiff[EntityKind]>][]) {
      if (kind === 'alert' && initialised) {
        // At once, not when drawn: the camera may set off for a new alert while the burst is drawn.
        for (const id of change.added) {
          firstSeen.set(id, now);
          const alert = entities.peek('alert', id);
          if (alert) options.onNewAlert?.(alert);
        }
      }
      if (kindLayers[kind]) {
        // Plain indexed loops: a 10k-item burst runs these 10k times.
        for (const ids of [change.added, change.updated, change.removed]) for (let i = 0; i < ids.length; i++) queue.add(kind, ids[i]!);
      }
      if (kind === 'alert') for (const id of change.removed) firstSeen.delete(id);
    }
    // Alert lines and assistance arcs end at stations: redraw them when a station comes, goes or
    // moves, not when only its officers on duty or checkpoint tally change (most station updates).
    if (diff.station && stationPlaces.moved(diff.station)) for (const kind of ['alert', 'assistRequest', 'gridEvent'] as const) queueKind(kind);
    if (diff.gridEvent || diff.grid) gridsChanged = true;
    if (diff.alert || diff.gridEvent) marksChanged = true;
    if (queue.size > 0 || gridsChanged) schedule();
  }

  function redrawAll(): void {
    stationPlaces.seed(entities.each('station'));
    for (const kind of DRAW_ORDER) queueKind(kind);
    gridsChanged = true;
    marksChanged = true;
    schedule();
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
    whenIdle: () => (queue.size === 0 && !drainRequested ? Promise.resolve({ drainedAt }) : new Promise((resolve) => idleWaiters.push(resolve))),
    restyle(next) {
      if (next.pixelScale === pixelScale && next.language === language) return;
      pixelScale = next.pixelScale;
      language = next.language;
      redrawAll();
    },
    destroy() {
      stopped = true;
      stopDiffs();
      clearInterval(ticker);
    },
  };
}
