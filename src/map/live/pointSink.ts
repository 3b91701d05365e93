/**
 * Point markers of one layer in sharded PointPrimitiveCollections, keyed by record id and updated
 * in place. Removed points are hidden and reused rather than removed: removing from a collection
 * rebuilds its whole vertex array on the next frame, which at 100k points costs a frame or more.
 */
import { Cartesian3, type PointPrimitive, PointPrimitiveCollection } from '@cesium/engine';
import type { PartSink } from '../../layers/live/liveLayer';
import type { PointGraphic } from '../../layers/live/graphics';
import type { Animator } from './animator';
import { cachedColor } from './colorCache';
import { holdBufferUsage } from './holdBufferUsage';
import { ShardedCollection } from './shardedCollection';
import type { LiveStage } from './liveStage';

export interface KeyedSink<G> extends PartSink<G> {
  readonly size: number;
  /** Makes one record's mark stand out (hover); `null` clears it. */
  highlight?(id: string | null): void;
  destroy(): void;
}

const scratch = new Cartesian3();

export function createPointSink(stage: LiveStage, layerId: string, animator: Animator): KeyedSink<PointGraphic> {
  const collection = new ShardedCollection(stage.primitives, layerId, () => holdBufferUsage(new PointPrimitiveCollection()));
  const byId = new Map<string, PointPrimitive>();
  const spare: PointPrimitive[] = [];
  let highlighted: { point: PointPrimitive; width: number } | undefined;
  return {
    get size() {
      return byId.size;
    },
    upsert(id, graphic) {
      let point = byId.get(id);
      if (!point) {
        point = spare.pop() ?? collection.add({ disableDepthTestDistance: Number.POSITIVE_INFINITY });
        point.id = id;
        point.show = true;
        byId.set(id, point);
      }
      point.position = Cartesian3.fromDegrees(graphic.position[0], graphic.position[1], graphic.position[2], undefined, scratch);
      point.color = cachedColor(graphic.color);
      point.outlineColor = cachedColor(graphic.outline);
      point.outlineWidth = graphic.outlineWidthPixels;
      point.pixelSize = graphic.sizePixels;
      animator.pulsePoint(point, graphic.sizePixels, graphic.pulse);
    },
    remove(id) {
      const point = byId.get(id);
      if (!point) return;
      animator.pulsePoint(point, point.pixelSize, false);
      point.show = false;
      point.id = undefined;
      byId.delete(id);
      spare.push(point);
    },
    highlight(id) {
      if (highlighted) highlighted.point.outlineWidth = highlighted.width;
      highlighted = undefined;
      const point = id === null ? undefined : byId.get(id);
      if (point) {
        highlighted = { point, width: point.outlineWidth };
        point.outlineWidth = highlighted.width + 3;
      }
    },
    setVisible(visible) {
      collection.setVisible(visible);
    },
    destroy() {
      collection.removeFrom(stage.primitives);
    },
  };
}
