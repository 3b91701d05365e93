import { PointPrimitiveCollection, PrimitiveCollection } from '@cesium/engine';
import { describe, expect, it } from 'vitest';
import { resolvePick } from './pickTargets';
import { SHARD_SIZE, ShardedCollection } from './shardedCollection';

/** Whether a collection will rebuild all its vertices on its next frame (Cesium 24's flag). */
const rebuildsAll = (collection: PointPrimitiveCollection) => (collection as unknown as { _createVertexArray: boolean })._createVertexArray;

describe('ShardedCollection', () => {
  it('puts a new mark in a new shard once the newest is full, so the full one is not rebuilt', () => {
    const stage = new PrimitiveCollection();
    const points = new ShardedCollection(stage, 'alerts', () => new PointPrimitiveCollection());
    for (let i = 0; i < SHARD_SIZE; i++) points.add({});
    expect(points.collections).toHaveLength(1);
    const [first] = points.collections;
    // As after the frame that drew it.
    (first as unknown as { _createVertexArray: boolean })._createVertexArray = false;
    points.add({});
    expect(points.collections).toHaveLength(2);
    expect(rebuildsAll(first!)).toBe(false);
    expect(rebuildsAll(points.collections[1]!)).toBe(true);
    expect(stage.length).toBe(1);
  });

  it('names its layer for picks on every shard, and shows or hides them all', () => {
    const points = new ShardedCollection(new PrimitiveCollection(), 'alerts', () => new PointPrimitiveCollection());
    for (let i = 0; i < SHARD_SIZE; i++) points.add({});
    points.setVisible(false);
    // A shard made while the layer is hidden starts hidden.
    points.add({});
    expect(points.collections.map((shard) => shard.show)).toEqual([false, false]);
    expect(points.collections.map((shard) => resolvePick({ id: 'alert:1', collection: shard }))).toEqual([
      { layer: 'alerts', id: 'alert:1' },
      { layer: 'alerts', id: 'alert:1' },
    ]);
  });
});
