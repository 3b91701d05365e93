/**
 * The deck.gl peer of the live layers, for bench:render to measure against: the same wire
 * changes (JSON text parsed in the page), drawn as one ScatterplotLayer per kind over a plain
 * MapView, with no validation, store or masking (what a deck.gl dashboard typically does).
 * `?mode=objects` keeps an object per item and hands deck.gl a new data array per burst, so it
 * recomputes every attribute (the usual way); `?mode=binary` writes typed attribute arrays by
 * slot and hands over a new attribute descriptor per burst, so deck.gl uploads them as they are
 * (its documented fast path). The page offers the same calls bench:render uses on the app.
 */
import { Deck, MapView } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';

type Rgba = [number, number, number, number];
interface Item {
  id: string;
  position: [number, number];
  color: Rgba;
}
interface Kind {
  id: string;
  /** objects mode */
  items: Map<string, Item>;
  /** binary mode: each id's slot in the typed columns */
  slots: Map<string, number>;
  positions: Float64Array;
  colors: Uint8Array;
}

const mode = new URLSearchParams(location.search).get('mode') === 'binary' ? 'binary' : 'objects';
const SEVERITY: Record<number, Rgba> = { 1: [120, 144, 156, 255], 2: [255, 213, 79, 255], 3: [255, 152, 0, 255], 4: [244, 67, 54, 255] };
const EVENT_COLOR: Rgba = [255, 183, 77, 255];
const kinds: Record<string, Kind> = {};
const UPDATE_TIMES_KEPT = 600;
const updateTimes: number[] = [];
const frameTimes: number[] = [];
let frames = 0;
let frameStart = 0;
const errors: string[] = [];

function kindOf(name: string): Kind {
  return (kinds[name] ??= { id: name, items: new Map(), slots: new Map(), positions: new Float64Array(3 * 1024), colors: new Uint8Array(4 * 1024) });
}

/** Doubles a kind's columns when full: amortised, as any growable column store does. */
function slotFor(kind: Kind, id: string): number {
  let slot = kind.slots.get(id);
  if (slot !== undefined) return slot;
  slot = kind.slots.size;
  kind.slots.set(id, slot);
  if (kind.colors.length < 4 * (slot + 1)) {
    const positions = new Float64Array(kind.positions.length * 2);
    positions.set(kind.positions);
    kind.positions = positions;
    const colors = new Uint8Array(kind.colors.length * 2);
    colors.set(kind.colors);
    kind.colors = colors;
  }
  return slot;
}

function layerOf(kind: Kind): ScatterplotLayer {
  const common = { id: kind.id, radiusUnits: 'pixels' as const, getRadius: kind.id === 'alert' ? 5 : 8, stroked: false };
  if (mode === 'objects') {
    return new ScatterplotLayer<Item>({ ...common, data: [...kind.items.values()], getPosition: (item) => item.position, getFillColor: (item) => item.color });
  }
  const length = kind.slots.size;
  return new ScatterplotLayer({
    ...common,
    // ScatterplotLayer keeps positions as float64 × 3: a column of that shape is used as it is,
    // anything else is re-packed row by row on the CPU.
    data: { length, attributes: { getPosition: { value: kind.positions.subarray(0, 3 * length), size: 3 }, getFillColor: { value: kind.colors.subarray(0, 4 * length), size: 4, normalized: true } } },
  });
}

const deck = new Deck({
  parent: document.getElementById('deck') as HTMLDivElement,
  views: new MapView(),
  initialViewState: { longitude: 118.35, latitude: 28.8, zoom: 9 },
  controller: false,
  layers: [],
  onBeforeRender: () => {
    frameStart = performance.now();
  },
  onAfterRender: () => {
    frames += 1;
    frameTimes.push(performance.now() - frameStart);
    if (frameTimes.length > UPDATE_TIMES_KEPT) frameTimes.shift();
  },
  onError: (error) => {
    errors.push(String(error));
  },
  // luma.gl makes its device asynchronously: the page is ready once deck.gl can draw.
  onLoad: () => {
    document.documentElement.dataset.ready = 'true';
  },
});

/** Applies wire changes (upserts of alerts and grid events); returns what was applied. */
function ingest(changes: unknown[]): { applied: number; rejected: number } {
  const started = performance.now();
  const touched = new Set<Kind>();
  for (const change of changes as { kind: string; op: string; record: { id: string; position: [number, number]; severity?: number } }[]) {
    if (change.op !== 'upsert') continue;
    const kind = kindOf(change.kind);
    touched.add(kind);
    const { id, position, severity } = change.record;
    const color = severity === undefined ? EVENT_COLOR : SEVERITY[severity]!;
    if (mode === 'objects') {
      const item = kind.items.get(id);
      if (item) {
        item.position = position;
        item.color = color;
      } else kind.items.set(id, { id, position, color });
      continue;
    }
    const slot = slotFor(kind, id);
    kind.positions[3 * slot] = position[0];
    kind.positions[3 * slot + 1] = position[1];
    kind.colors.set(color, 4 * slot);
  }
  if (touched.size > 0) deck.setProps({ layers: Object.values(kinds).map(layerOf) });
  updateTimes.push(performance.now() - started);
  if (updateTimes.length > UPDATE_TIMES_KEPT) updateTimes.shift();
  return { applied: changes.length, rejected: 0 };
}

declare global {
  interface Window {
    deckBench?: {
      ingest(changes: unknown[]): { applied: number; rejected: number };
      framesRendered(): number;
      frameTimes(): number[];
      whenLayersIdle(): Promise<{ drainedAt: number }>;
      layerUpdateTimes(): number[];
      /** WebGL 2 or not (luma.gl 9 needs it), and deck.gl's errors so far. */
      facts(): { webgl2: boolean; errors: string[] };
    };
  }
}

window.deckBench = {
  ingest,
  framesRendered: () => frames,
  frameTimes: () => [...frameTimes],
  // deck.gl takes the new layers whole on the next frame: there is no queue to wait for.
  whenLayersIdle: () => Promise.resolve({ drainedAt: performance.now() }),
  layerUpdateTimes: () => [...updateTimes],
  facts: () => ({ webgl2: document.querySelector('canvas')?.getContext('webgl2') != null, errors: [...errors] }),
};
