/**
 * Clicks and hovers on the globe, turned into "which record of which layer": every live graphic
 * carries the id `<layer>:<record id>`. The canvas is never inside a CSS transform, so the
 * browser's event coordinates are the canvas's own and picking is right at any wall size.
 */
import { type Cartesian2, type Scene, ScreenSpaceEventHandler, ScreenSpaceEventType, defined } from '@cesium/engine';
import { LAYER_IDS, type LayerId } from '../../domain/layerIds';

export interface PickTarget {
  layer: LayerId;
  id: string;
}

export function parsePickId(value: unknown): PickTarget | null {
  const id = typeof value === 'string' ? value : typeof (value as { id?: unknown } | undefined)?.id === 'string' ? (value as { id: string }).id : null;
  if (!id) return null;
  const separator = id.indexOf(':');
  const layer = id.slice(0, separator) as LayerId;
  if (separator <= 0 || !LAYER_IDS.includes(layer)) return null;
  return { layer, id: id.slice(separator + 1) };
}

export function pickAt(scene: Scene, position: Cartesian2): PickTarget | null {
  const picked = scene.pick(position) as { id?: unknown } | undefined;
  return defined(picked) ? parsePickId(picked.id) : null;
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
