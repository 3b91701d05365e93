/**
 * Keeps a Cesium point, billboard or label collection from rewriting all its marks when the set
 * of properties that change shifts. Cesium marks each vertex attribute STREAM if it changed since
 * the last full rewrite and STATIC otherwise, and any flip rebuilds every vertex of the collection
 * (`computeNewBuffersUsage`, consulted each frame): with 60k alerts a burst that moved points
 * after one that recoloured them rewrote all 60k (55 ms in one frame, bench:render). With the
 * usage held, a change writes only the marks that changed. It is a private hook of Cesium 24
 * (pinned); holdBufferUsage.test.ts fails if an upgrade drops it.
 */
import type { BillboardCollection, LabelCollection, PointPrimitiveCollection } from '@cesium/engine';

interface UsageHook {
  computeNewBuffersUsage?: () => boolean;
}

interface LabelInternals {
  _glyphBillboardCollection?: BillboardCollection;
  _backgroundBillboardCollection?: BillboardCollection;
}

function hold(collection: UsageHook | undefined): void {
  if (!collection || typeof collection.computeNewBuffersUsage !== 'function') {
    throw new Error('holdBufferUsage: this Cesium has no computeNewBuffersUsage on its collections; check the pinned version');
  }
  collection.computeNewBuffersUsage = () => false;
}

export function holdBufferUsage<C extends PointPrimitiveCollection | BillboardCollection | LabelCollection>(collection: C): C {
  const label = collection as LabelInternals;
  if ('_glyphBillboardCollection' in label) {
    hold(label._glyphBillboardCollection as UsageHook | undefined);
    hold(label._backgroundBillboardCollection as UsageHook | undefined);
  } else hold(collection as UsageHook);
  return collection;
}
