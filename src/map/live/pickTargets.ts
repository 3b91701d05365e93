/**
 * Clicks and hovers on the globe, turned into "which record of which layer". A live graphic's id
 * is its bare record id (the string the store already holds: 100k marks cost no id strings of
 * their own) and the layer comes from the collection or primitive it was picked from, registered
 * here by the sinks. The canvas is never inside a CSS transform, so the browser's event
 * coordinates are the canvas's own and picking is right at any wall size.
 */
import { type Cartesian2, type Scene, ScreenSpaceEventHandler, ScreenSpaceEventType, defined } from '@cesium/engine';
import { LAYER_IDS, type LayerId } from '../../domain/layerIds';
import type { PickTarget } from '../../layers/mapView';

const layerOf = new WeakMap<object, LayerId>();

/** Declares that what `owner` (a collection or primitive) draws belongs to `layer`; other layers (clusters) stay unpickable. */
export function registerPickLayer(owner: object, layer: string): void {
  if ((LAYER_IDS as readonly string[]).includes(layer)) layerOf.set(owner, layer as LayerId);
}

/** What `scene.pick` returned, as a record of a live layer, or null for anything else (the region, clusters, nothing). */
export function resolvePick(picked: unknown): PickTarget | null {
  if (!defined(picked) || typeof picked !== 'object') return null;
  const { id, collection, primitive } = picked as { id?: unknown; collection?: unknown; primitive?: unknown };
  if (typeof id !== 'string') return null;
  const layer = (typeof collection === 'object' && collection !== null ? layerOf.get(collection) : undefined) ?? (typeof primitive === 'object' && primitive !== null ? layerOf.get(primitive) : undefined);
  return layer ? { layer, id } : null;
}

function pickAt(scene: Scene, position: Cartesian2): PickTarget | null {
  return resolvePick(scene.pick(position));
}

/** Calls `onSelect` on click and `onHover` when the hovered record changes; returns the stop function. */
export function listenForPicks(scene: Scene, onSelect: (target: PickTarget | null) => void, onHover: (target: PickTarget | null) => void): () => void {
  const handler = new ScreenSpaceEventHandler(scene.canvas);
  let hovered: string | null = null;
  let pending: Cartesian2 | undefined;
  let frame = 0;
  handler.setInputAction((event: { position: Cartesian2 }) => onSelect(pickAt(scene, event.position)), ScreenSpaceEventType.LEFT_CLICK);
  // Picking renders a frame of its own: at most one per animation frame, however fast the mouse.
  handler.setInputAction((event: { endPosition: Cartesian2 }) => {
    pending = event.endPosition;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!pending) return;
      const target = pickAt(scene, pending);
      const key = target ? `${target.layer}:${target.id}` : null;
      scene.canvas.style.cursor = target ? 'pointer' : '';
      if (key !== hovered) {
        hovered = key;
        onHover(target);
      }
    });
  }, ScreenSpaceEventType.MOUSE_MOVE);
  return () => {
    cancelAnimationFrame(frame);
    handler.destroy();
  };
}
