/**
 * Where the live layers' primitives go: one collection at the bottom of the scene's list, so it is
 * drawn before the region scene (county slabs, town markers, town names).
 *
 * Why first: marks and names that float over everything (disableDepthTestDistance) are all put on
 * the near plane, and Cesium's opaque pass tests depth with LESS, so among them the one drawn
 * first wins. Drawn first, a station beside a town keeps its icon over the town's name, and a
 * click there picks the station. The region scene can be drawn again at any time (a new language
 * or wall scale) and lands above this collection, which is what keeps the order.
 */
import { PrimitiveCollection, type Scene } from '@cesium/engine';
import type { LabelDeclutter } from './labelDeclutter';

export interface LiveStage {
  scene: Scene;
  primitives: PrimitiveCollection;
  /** Where the sinks hand their labels and icons to be kept apart on screen, if the globe does that. */
  declutter: LabelDeclutter | undefined;
  destroy(): void;
}

export function createLiveStage(scene: Scene, declutter?: LabelDeclutter): LiveStage {
  const primitives = scene.primitives.add(new PrimitiveCollection()) as PrimitiveCollection;
  scene.primitives.lowerToBottom(primitives);
  return {
    scene,
    primitives,
    declutter,
    destroy() {
      scene.primitives.remove(primitives);
    },
  };
}
