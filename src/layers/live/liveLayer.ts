/**
 * One live layer: turns records into graphic parts and hands them to the renderer's sinks, one
 * record at a time, so a change to one record touches one set of engine objects and never the
 * rest (deck.gl's update triggers, in miniature). Records whose look depends on the clock
 * (countdowns, overdue marks, pulses) are remembered and re-described by `refreshTimeSensitive`.
 */
import type { LayerId } from '../../domain/layerIds';
import { type GraphicParts, PART_NAMES, type PartName } from './graphics';
import type { LiveContext } from './liveContext';

/** The renderer side of one part type of one layer (points, icons, lines or labels). */
export interface PartSink<G> {
  upsert(id: string, graphic: G): void;
  remove(id: string): void;
  setVisible(visible: boolean): void;
}

export type PartSinks = { [P in PartName]?: PartSink<NonNullable<GraphicParts[P]>> };

export interface LiveLayerOptions<R> {
  id: LayerId;
  describe(record: R, context: LiveContext): GraphicParts | null;
  /** Records whose graphics change with time alone. */
  isTimeSensitive?(record: R, context: LiveContext): boolean;
  sinks: PartSinks;
}

export class LiveLayer<R extends { id: string }> {
  readonly id: LayerId;
  private readonly drawn = new Map<string, Set<PartName>>();
  private readonly timeSensitive = new Set<string>();
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

  get isVisible(): boolean {
    return this.visible;
  }

  upsert(record: R, context: LiveContext): void {
    const parts = this.options.describe(record, context);
    if (!parts) {
      this.remove(record.id);
      return;
    }
    const before = this.drawn.get(record.id);
    const now = new Set<PartName>();
    for (const name of PART_NAMES) {
      const graphic = parts[name];
      const sink = this.options.sinks[name] as PartSink<unknown> | undefined;
      if (!sink) continue;
      if (graphic) {
        sink.upsert(record.id, graphic);
        now.add(name);
      } else if (before?.has(name)) {
        sink.remove(record.id);
      }
    }
    this.drawn.set(record.id, now);
    if (this.options.isTimeSensitive?.(record, context)) this.timeSensitive.add(record.id);
    else this.timeSensitive.delete(record.id);
  }

  remove(id: string): void {
    const parts = this.drawn.get(id);
    if (!parts) return;
    for (const name of parts) this.options.sinks[name]?.remove(id);
    this.drawn.delete(id);
    this.timeSensitive.delete(id);
  }

  /** Re-describes the records whose look depends on the clock; returns how many it touched. */
  refreshTimeSensitive(lookup: (id: string) => R | undefined, context: LiveContext): number {
    let touched = 0;
    for (const id of [...this.timeSensitive]) {
      const record = lookup(id);
      if (record) this.upsert(record, context);
      else this.remove(id);
      touched += 1;
    }
    return touched;
  }

  /** Re-describes everything (the wall's scale or language changed, or a record it depends on did). */
  refreshAll(records: Iterable<R>, context: LiveContext): void {
    const seen = new Set<string>();
    for (const record of records) {
      seen.add(record.id);
      this.upsert(record, context);
    }
    for (const id of [...this.drawn.keys()]) if (!seen.has(id)) this.remove(id);
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    for (const name of PART_NAMES) this.options.sinks[name]?.setVisible(visible);
  }
}
