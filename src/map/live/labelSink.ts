/** Labels of one layer in one LabelCollection, keyed by record id, hidden and reused on removal. */
import {
  Cartesian2,
  Cartesian3,
  DistanceDisplayCondition,
  HorizontalOrigin,
  type Label,
  LabelCollection,
  LabelStyle,
  VerticalOrigin,
} from '@cesium/engine';
import type { LabelGraphic } from '../../layers/live/graphics';
import { cachedColor } from './colorCache';
import type { KeyedSink } from './pointSink';
import { holdBufferUsage } from './holdBufferUsage';
import { registerPickLayer } from './pickTargets';
import type { LiveStage } from './liveStage';

const scratch = new Cartesian3();
const OUTLINE = { css: '#02060d', alpha: 0.9 };

/**
 * Which live names win a crowded spot (the region's county and town names outrank them all):
 * a station's name before an assistance countdown, then a grid event's handoff (跨省交办 → …,
 * which piled up on the border when several were open), a grid's name last. Cluster counts sit
 * on their discs and are never moved.
 */
const PRIORITY: Record<string, number | undefined> = { stations: 50, checkpoints: 50, assists: 45, gridEvents: 42, patrols: 40, grids: 30 };

export function createLabelSink(stage: LiveStage, layerId: string): KeyedSink<LabelGraphic> {
  const collection = stage.primitives.add(holdBufferUsage(new LabelCollection({ scene: stage.scene }))) as LabelCollection;
  registerPickLayer(collection, layerId);
  const priority = PRIORITY[layerId];
  const declutter = priority === undefined ? undefined : stage.declutter;
  declutter?.addLabels(collection, () => priority!);
  const byId = new Map<string, Label>();
  const spare: Label[] = [];
  const ranges = new Map<number, DistanceDisplayCondition>();
  return {
    get size() {
      return byId.size;
    },
    upsert(id, graphic) {
      let label = byId.get(id);
      if (!label) {
        label =
          spare.pop() ??
          collection.add({
            position: Cartesian3.ZERO,
            style: LabelStyle.FILL_AND_OUTLINE,
            outlineWidth: 4,
            outlineColor: cachedColor(OUTLINE),
            horizontalOrigin: HorizontalOrigin.CENTER,
            verticalOrigin: VerticalOrigin.BOTTOM,
            disableDepthTestDistance: Number.POSITIVE_INFINITY,
          });
        label.id = id;
        label.show = true;
        byId.set(id, label);
      }
      declutter?.markDirty();
      label.position = Cartesian3.fromDegrees(graphic.position[0], graphic.position[1], graphic.position[2], undefined, scratch);
      if (label.text !== graphic.text) label.text = graphic.text;
      if (label.font !== graphic.font) label.font = graphic.font;
      label.fillColor = cachedColor(graphic.color);
      if (label.pixelOffset.y !== -graphic.liftPixels) label.pixelOffset = new Cartesian2(0, -graphic.liftPixels);
      const range = graphic.maxRangeMeters;
      // Cesium's typings omit it, but an undefined condition means "always shown".
      if (range === undefined) label.distanceDisplayCondition = undefined as unknown as DistanceDisplayCondition;
      else {
        let condition = ranges.get(range);
        if (!condition) ranges.set(range, (condition = new DistanceDisplayCondition(0, range)));
        label.distanceDisplayCondition = condition;
      }
    },
    remove(id) {
      const label = byId.get(id);
      if (!label) return;
      label.show = false;
      label.id = undefined;
      byId.delete(id);
      spare.push(label);
      declutter?.markDirty();
    },
    setVisible(visible) {
      collection.show = visible;
      declutter?.markDirty();
    },
    destroy() {
      declutter?.remove(collection);
      stage.primitives.remove(collection);
    },
  };
}
