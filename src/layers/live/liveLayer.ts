/**
 * One live layer: turns records into graphic parts and hands them to the renderer's sinks, one
 * record at a time, so a change to one record touches one set of engine objects and never the
 * rest (deck.gl's update triggers, in miniature). A record whose look will change with time alone
 * (a countdown's next minute, an event falling due, a pulse ending) says when; `refreshDue`
 * re-describes exactly those whose time has come, so an idle wall renders nothing.
 */
import type { LayerId } from '../../domain/layerIds';
import type { GraphicParts, PartName } from './graphics';
import type { LiveContext } from './liveContext';

/** The renderer side of one part type of one layer (points, icons, lines or labels). */
export interface PartSink<G> {
  upsert(id: string, graphic: G): void;
  remove(id: string): void;
  setVisible(visible: boolean): void;
}

type PartSinks = { [P in PartName]?: PartSink<NonNullable<GraphicParts[P]>> };

export interface LiveLayerOptions<R> {
  id: LayerId;
  describe(record: R, context: LiveContext): GraphicParts | null;
  /** When this record's look next changes with time alone (epoch ms), or undefined if never. */
  nextChangeAt?(record: R, context: LiveContext): number | undefined;
  sinks: PartSinks;
}

/** Parts as bits: one small number per record instead of a set. */
const PART_BITS: readonly (readonly [PartName, number])[] = [
  ['point', 1],
  ['icon', 2],
  ['line', 4],
  ['label', 8],
];

export class LiveLayer<R extends { id: string }> {
  readonly id: LayerId;
  private readonly drawn = new Map<string, number>();
  private readonly due = new Map<string, number>();
  /**
   * No record is due before this: the once-a-second refresh returns at once until then, instead
   * of scanning 40k open events due next week. Only ever too early (a removed record's time may
   * linger), never too late; each scan makes it exact again.
   */
  private earliestDue = Number.POSITIVE_INFINITY;
  private visible = true;

  constructor(private readonly options: LiveLayerOptions<R>) {
    this.id = options.id;
  }

  /** How many records the layer currently draws. */
  get count(): number {
    return this.drawn.size;
  }

  has(id: string): boolean {
    return this.drawn.has(id);
  }

  /** The ids of the records drawn. */
  ids(): IterableIterator<string> {
    return this.drawn.keys();
  }

  get isVisible(): boolean {
    return this.visible;
  }

  upsert(record: R, context: LiveContext): void {
    const parts = this.options.describe(record, context);
    if (!parts) {
      this.remove(record.id);
      return;
    }
    const before = this.drawn.get(record.id) ?? 0;
    let now = 0;
    // An indexed loop, no iterator or destructuring: this runs for every record of a 10k burst.
    for (let i = 0; i < PART_BITS.length; i++) {
      const part = PART_BITS[i]!;
      const name = part[0];
      const bit = part[1];
      const graphic = parts[name];
      const sink = this.options.sinks[name] as PartSink<unknown> | undefined;
      if (!sink) continue;
      if (graphic) {
        sink.upsert(record.id, graphic);
        now |= bit;
      } else if (before & bit) {
        sink.remove(record.id);
      }
    }
    this.drawn.set(record.id, now);
    const next = this.options.nextChangeAt?.(record, context);
    if (next === undefined) {
      this.due.delete(record.id);
    } else {
      this.due.set(record.id, next);
      if (next < this.earliestDue) this.earliestDue = next;
    }
  }

  remove(id: string): void {
    const parts = this.drawn.get(id);
    if (parts === undefined) return;
    for (const [name, bit] of PART_BITS) if (parts & bit) this.options.sinks[name]?.remove(id);
    this.drawn.delete(id);
    this.due.delete(id);
  }

  /** Re-describes the records whose look has changed with the clock since; returns how many. */
  refreshDue(lookup: (id: string) => R | undefined, context: LiveContext): number {
    if (context.now < this.earliestDue) return 0;
    const ready: string[] = [];
    let earliest = Number.POSITIVE_INFINITY;
    for (const [id, at] of this.due) {
      if (at <= context.now) ready.push(id);
      else if (at < earliest) earliest = at;
    }
    this.earliestDue = earliest;
    for (const id of ready) {
      const record = lookup(id);
      if (record) this.upsert(record, context);
      else this.remove(id);
    }
    return ready.length;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    for (const [name] of PART_BITS) this.options.sinks[name]?.setVisible(visible);
  }
}
