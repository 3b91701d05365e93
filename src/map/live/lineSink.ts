/**
 * Lines of one layer in one PolylineCollection, keyed by record id. A line keeps its material
 * while its style and colour stay the same; flowing lines are handed to the Animator.
 */
import { Cartesian3, Material, type Polyline, PolylineCollection } from '@cesium/engine';
import type { LineGraphic } from '../../layers/live/graphics';
import type { Animator } from './animator';
import { cachedColor } from './colorCache';
import { createFlowMaterial } from './flowMaterial';
import type { KeyedSink } from './pointSink';
import { registerPickLayer } from './pickTargets';
import type { LiveStage } from './liveStage';

function materialFor(graphic: LineGraphic): Material {
  const color = cachedColor(graphic.color);
  switch (graphic.style) {
    case 'solid':
      return Material.fromType(Material.ColorType, { color });
    case 'dash':
      return Material.fromType(Material.PolylineDashType, { color, dashLength: 14 });
    case 'glow':
      return Material.fromType(Material.PolylineGlowType, { color, glowPower: 0.22, taperPower: 1 });
    case 'flow':
      return createFlowMaterial(color);
  }
}

export function createLineSink(stage: LiveStage, layerId: string, animator: Animator): KeyedSink<LineGraphic> {
  const collection = stage.primitives.add(new PolylineCollection()) as PolylineCollection;
  registerPickLayer(collection, layerId);
  const byId = new Map<string, { polyline: Polyline; materialKey: string }>();
  return {
    get size() {
      return byId.size;
    },
    upsert(id, graphic) {
      const positions = graphic.positions.map(([lon, lat, height]) => Cartesian3.fromDegrees(lon, lat, height));
      const materialKey = `${graphic.style}/${graphic.color.css}/${graphic.color.alpha}`;
      let entry = byId.get(id);
      if (!entry) {
        entry = { polyline: collection.add({ id, positions, width: graphic.widthPixels }), materialKey: '' };
        byId.set(id, entry);
      } else {
        entry.polyline.positions = positions;
        entry.polyline.width = graphic.widthPixels;
      }
      if (entry.materialKey !== materialKey) {
        if (entry.polyline.material) animator.flow(entry.polyline.material, false);
        entry.polyline.material = materialFor(graphic);
        entry.materialKey = materialKey;
        if (graphic.style === 'flow') animator.flow(entry.polyline.material, true);
      }
    },
    remove(id) {
      const entry = byId.get(id);
      if (!entry) return;
      animator.flow(entry.polyline.material, false);
      collection.remove(entry.polyline);
      byId.delete(id);
    },
    setVisible(visible) {
      collection.show = visible;
    },
    destroy() {
      stage.primitives.remove(collection);
    },
  };
}
