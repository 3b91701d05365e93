/**
 * Keeps the globe's names from piling up: before a frame, when the camera has moved or the labels
 * changed (at most every THROTTLE_MS), every shown label's screen box is worked out and
 * `declutterLabels` decides which show and where; the rest are hidden until there is room.
 * Icons are never hidden: they are obstacles names keep clear of. Cluster counts are not handed
 * in (they sit on their disc by design).
 */
import { type BillboardCollection, Cartesian2, Cartesian3, type Label, type LabelCollection, Matrix4, SceneTransforms, type Scene } from '@cesium/engine';
import { type LabelBox, type LabelOffset, declutterLabels, estimateTextBox, labelRect } from '../../layers/declutterLabels';
import type { ScreenRect } from '../../layers/freeMapArea';

/** Re-evaluated no more often than this while the camera moves: placement is cheap, but not free on a wall PC. */
const THROTTLE_MS = 150;

interface PlacedLabel {
  text: string;
  rect: ScreenRect;
}

interface LabelSource {
  collection: LabelCollection;
  priority(label: Label): number;
  keep(label: Label): boolean;
}

export interface LabelDeclutter {
  addLabels(collection: LabelCollection, priority: (label: Label) => number, keep?: (label: Label) => boolean): void;
  addIcons(collection: BillboardCollection): void;
  remove(collection: LabelCollection | BillboardCollection): void;
  /** Labels or icons changed: place again before the next frame. */
  markDirty(): void;
  /** The labels on screen now, with the boxes they cover (tests check none overlap). */
  placed(): PlacedLabel[];
  destroy(): void;
}

const fontPixels = (font: string) => Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 14);

/** Cesium's scaleByDistance, evaluated as the renderer does. */
function scaleAt(label: Label, distance: number): number {
  const scalar = label.scaleByDistance;
  if (!scalar) return label.scale;
  const t = Math.min(1, Math.max(0, (distance - scalar.near) / (scalar.far - scalar.near)));
  return label.scale * (scalar.nearValue + (scalar.farValue - scalar.nearValue) * t);
}

export function createLabelDeclutter(scene: Scene, blocked: () => ScreenRect[]): LabelDeclutter {
  const sources: LabelSource[] = [];
  const icons: BillboardCollection[] = [];
  /** The offset the label's own sink gave it, and the one placing last set: a sink's update resets the former. */
  const base = new WeakMap<Label, Cartesian2>();
  const applied = new WeakMap<Label, Cartesian2>();
  let placedNow: PlacedLabel[] = [];
  let dirty = true;
  let lastRun = 0;
  const lastView = new Matrix4();
  let pending: ReturnType<typeof setTimeout> | undefined;
  const scratch = new Cartesian2();

  function screenOf(position: Cartesian3): Cartesian2 | undefined {
    return SceneTransforms.worldToWindowCoordinates(scene, position, scratch);
  }

  function iconRects(width: number, height: number): ScreenRect[] {
    const rects: ScreenRect[] = [];
    for (const collection of icons) {
      if (!collection.show) continue;
      for (let i = 0; i < collection.length; i++) {
        const billboard = collection.get(i);
        if (!billboard.show || billboard.id === undefined) continue;
        const point = screenOf(billboard.position);
        if (!point || point.x < 0 || point.y < 0 || point.x > width || point.y > height) continue;
        // The icon canvases carry a fifth of their size as padding on each side (drawIcon).
        // Plus its white ring and a hair of air, so a name never touches the tile's edge.
        const half = ((billboard.width ?? 36) / 1.4 / 2) * billboard.scale + 2;
        rects.push({ left: point.x - half, right: point.x + half, top: point.y - half, bottom: point.y + half });
      }
    }
    return rects;
  }

  function place(): void {
    dirty = false;
    lastRun = performance.now();
    Matrix4.clone(scene.camera.viewMatrix, lastView);
    const width = scene.canvas.clientWidth;
    const height = scene.canvas.clientHeight;
    const camera = scene.camera.positionWC;
    const boxes: LabelBox[] = [];
    const byId = new Map<string, { label: Label; text: string }>();
    const offscreen: Label[] = [];
    sources.forEach((source, sourceIndex) => {
      if (!source.collection.show) return;
      for (let i = 0; i < source.collection.length; i++) {
        const label = source.collection.get(i);
        if (label.id === undefined || !label.text) continue;
        const current = label.pixelOffset;
        const last = applied.get(label);
        if (!last || !Cartesian2.equals(last, current)) base.set(label, Cartesian2.clone(current));
        const distance = Cartesian3.distance(camera, label.position);
        const range = label.distanceDisplayCondition;
        const point = screenOf(label.position);
        if ((range && (distance < range.near || distance > range.far)) || !point || point.x < 0 || point.y < 0 || point.x > width || point.y > height) {
          offscreen.push(label);
          continue;
        }
        const scale = scaleAt(label, distance);
        const size = estimateTextBox(label.text, fontPixels(label.font) * scale, label.outlineWidth / 2);
        const id = `${sourceIndex}:${i}`;
        byId.set(id, { label, text: label.text });
        boxes.push({ id, x: point.x, y: point.y, ...size, liftPixels: -(base.get(label)!.y), priority: source.priority(label), keep: source.keep(label) });
      }
    });
    // No name on screen, nothing to keep clear of: projecting 40k icons would be wasted.
    const placements = declutterLabels(boxes, boxes.length === 0 ? [] : iconRects(width, height), blocked());
    const shown: PlacedLabel[] = [];
    for (const box of boxes) {
      const { label, text } = byId.get(box.id)!;
      const offset: LabelOffset | null | undefined = placements.get(box.id);
      label.show = Boolean(offset);
      if (!offset) continue;
      const next = new Cartesian2(offset.x, offset.y);
      if (!Cartesian2.equals(label.pixelOffset, next)) label.pixelOffset = next;
      applied.set(label, next);
      shown.push({ text, rect: labelRect(box, offset) });
    }
    // Out of range or off screen: the renderer hides them anyway; shown again once placed.
    for (const label of offscreen) label.show = true;
    placedNow = shown;
  }

  const removePreRender = scene.preRender.addEventListener(() => {
    const moved = !Matrix4.equalsEpsilon(scene.camera.viewMatrix, lastView, 1e-9);
    if (!dirty && !moved) return;
    const wait = THROTTLE_MS - (performance.now() - lastRun);
    if (wait <= 0) {
      place();
      return;
    }
    // Too soon after the last placing: come back once the throttle allows, even if the camera has stopped.
    clearTimeout(pending);
    pending = setTimeout(() => scene.requestRender(), wait);
  });

  return {
    addLabels(collection, priority, keep = () => false) {
      sources.push({ collection, priority, keep });
      dirty = true;
    },
    addIcons(collection) {
      icons.push(collection);
      dirty = true;
    },
    remove(collection) {
      const at = sources.findIndex((source) => source.collection === collection);
      if (at >= 0) sources.splice(at, 1);
      const icon = icons.indexOf(collection as BillboardCollection);
      if (icon >= 0) icons.splice(icon, 1);
      dirty = true;
    },
    markDirty() {
      dirty = true;
    },
    placed: () => placedNow.map((entry) => ({ text: entry.text, rect: { ...entry.rect } })),
    destroy() {
      clearTimeout(pending);
      removePreRender();
    },
  };
}
