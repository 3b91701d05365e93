/**
 * Icon markers of one layer as billboards in sharded collections. Each distinct icon is drawn once
 * per shard and stored in that shard's texture atlas (keyed by the icon's key), however many
 * billboards show it. Removed billboards are hidden and reused, as in pointSink.
 */
import { type Billboard, BillboardCollection, Cartesian3 } from '@cesium/engine';
import type { IconGraphic } from '../../layers/live/graphics';
import { liveTheme } from '../../layers/live/liveTheme';
import type { Animator } from './animator';
import { drawIcon } from '../../canvas/drawIcon';
import type { KeyedSink } from './pointSink';
import { holdBufferUsage } from './holdBufferUsage';
import { ShardedCollection } from './shardedCollection';
import type { LiveStage } from './liveStage';

const scratch = new Cartesian3();

export function createIconSink(stage: LiveStage, layerId: string, animator: Animator): KeyedSink<IconGraphic> {
  const collection = new ShardedCollection(
    stage.primitives,
    layerId,
    () => holdBufferUsage(new BillboardCollection({ scene: stage.scene })),
    (shard) => stage.declutter?.addIcons(shard),
  );
  const byId = new Map<string, { billboard: Billboard; iconKey: string }>();
  const spare: Billboard[] = [];
  let highlighted: Billboard | undefined;
  return {
    get size() {
      return byId.size;
    },
    upsert(id, graphic) {
      let entry = byId.get(id);
      if (!entry) {
        const billboard = spare.pop() ?? collection.add({ position: Cartesian3.ZERO, disableDepthTestDistance: Number.POSITIVE_INFINITY });
        billboard.id = id;
        billboard.show = true;
        entry = { billboard, iconKey: '' };
        byId.set(id, entry);
      }
      const { billboard } = entry;
      const position = Cartesian3.fromDegrees(graphic.position[0], graphic.position[1], graphic.position[2], undefined, scratch);
      // Names keep clear of icons, so they are placed again only when an icon came, went, moved
      // or changed look (its size is in the key): events updated in place ask nothing of it.
      const moved = entry.iconKey !== graphic.icon.key || !Cartesian3.equals(billboard.position, position);
      billboard.position = position;
      if (entry.iconKey !== graphic.icon.key) {
        // A callback, not a canvas: the atlas calls it only for a key it does not hold yet, and
        // drops the canvas once copied. Keeping canvases here held one DOM node per icon look
        // ever seen (up to 132 for grid events), which the soak's DOM counter showed as growth.
        const icon = graphic.icon;
        billboard.setImage(icon.key, () => drawIcon(icon, liveTheme.fontFamily));
        entry.iconKey = graphic.icon.key;
      }
      animator.pulseBillboard(billboard, graphic.pulse);
      if (moved) stage.declutter?.markDirty();
    },
    remove(id) {
      const entry = byId.get(id);
      if (!entry) return;
      animator.pulseBillboard(entry.billboard, false);
      entry.billboard.show = false;
      entry.billboard.id = undefined;
      byId.delete(id);
      spare.push(entry.billboard);
      stage.declutter?.markDirty();
    },
    highlight(id) {
      if (highlighted) highlighted.scale = 1;
      highlighted = id === null ? undefined : byId.get(id)?.billboard;
      if (highlighted) highlighted.scale = 1.35;
    },
    setVisible(visible) {
      collection.setVisible(visible);
      stage.declutter?.markDirty();
    },
    destroy() {
      for (const shard of collection.collections) stage.declutter?.remove(shard);
      collection.removeFrom(stage.primitives);
    },
  };
}
