import { BillboardCollection, Cartesian3, Color, LabelCollection, PointPrimitiveCollection } from '@cesium/engine';
import { describe, expect, it } from 'vitest';
import { holdBufferUsage } from './holdBufferUsage';

/** What the collection would do on its next frame: rewrite all its marks (true) or only the changed ones. */
const wouldRewriteAll = (collection: object) => (collection as { computeNewBuffersUsage(): boolean }).computeNewBuffersUsage();

describe('holdBufferUsage', () => {
  it('stops a collection rewriting all its points when a different property starts changing', () => {
    const fresh = new PointPrimitiveCollection();
    const held = holdBufferUsage(new PointPrimitiveCollection());
    for (const collection of [fresh, held]) {
      const point = collection.add({ position: Cartesian3.fromDegrees(118.4, 28.9) });
      point.color = Color.RED;
    }
    // Cesium's own rule, still in this version: a newly changing property flips its buffer's usage.
    expect(wouldRewriteAll(fresh)).toBe(true);
    expect(wouldRewriteAll(held)).toBe(false);
  });

  it('holds billboards and the glyphs and backgrounds inside a label collection', () => {
    const billboards = holdBufferUsage(new BillboardCollection());
    const labels = holdBufferUsage(new LabelCollection());
    const inner = labels as unknown as { _glyphBillboardCollection: object; _backgroundBillboardCollection: object };
    for (const collection of [billboards, inner._glyphBillboardCollection, inner._backgroundBillboardCollection]) {
      (collection as { _propertiesChanged: number[] })._propertiesChanged.fill(1);
      expect(wouldRewriteAll(collection)).toBe(false);
    }
  });
});
