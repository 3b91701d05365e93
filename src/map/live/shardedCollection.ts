/**
 * One layer's points or billboards split over collections of at most SHARD_SIZE each, inside one
 * nested collection made with the sink (so the layer keeps its place in the stage's draw order).
 * Adding to a Cesium collection rebuilds all its vertices on the next frame: with 60k alerts in
 * one collection, each frame of a burst of new alerts rewrote all 60k (about 55 ms). Here an add
 * rebuilds its shard only; marks removed are hidden and reused by the sinks, never removed.
 */
import { PrimitiveCollection } from '@cesium/engine';
import { registerPickLayer } from './pickTargets';

/** A rebuild of 4096 marks is about 4 ms here (0.9 µs a mark, bench:render): within a frame. */
export const SHARD_SIZE = 4096;

interface MarkCollection {
  readonly length: number;
  show: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each collection's own options type
  add(options?: any): unknown;
}

export class ShardedCollection<C extends MarkCollection> {
  readonly container: PrimitiveCollection;
  private readonly shards: C[] = [];
  private visible = true;

  /** `make` returns a new, empty collection for one shard; `onShard` hears of each (the declutter). */
  constructor(
    parent: PrimitiveCollection,
    private readonly layerId: string,
    private readonly make: () => C,
    private readonly onShard: (shard: C) => void = () => {},
  ) {
    this.container = parent.add(new PrimitiveCollection()) as PrimitiveCollection;
  }

  /** Every shard, in the order they were made. */
  get collections(): readonly C[] {
    return this.shards;
  }

  /** A new mark in the newest shard, or in a new one when that is full. */
  add(options: Parameters<C['add']>[0]): ReturnType<C['add']> {
    let shard = this.shards.at(-1);
    if (!shard || shard.length >= SHARD_SIZE) {
      shard = this.make();
      shard.show = this.visible;
      this.container.add(shard);
      registerPickLayer(shard, this.layerId);
      this.shards.push(shard);
      this.onShard(shard);
    }
    return shard.add(options) as ReturnType<C['add']>;
  }

  /** Shown or hidden shard by shard: the declutter asks each shard whether its icons show. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    for (const shard of this.shards) shard.show = visible;
  }

  /** Takes the shards off the stage (the parent destroys them). */
  removeFrom(parent: PrimitiveCollection): void {
    parent.remove(this.container);
  }
}
