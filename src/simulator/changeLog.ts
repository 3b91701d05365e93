/**
 * Every change the simulator emits, in sequence order: what streams replay to a client resuming
 * from its cursor, and what no-loss tests compare the browser with. Bounded, so a mock running
 * for days holds steady memory; a cursor older than the oldest kept change must resync from a
 * snapshot.
 */
import type { WireChange, WireChangeDraft } from '../domain/wire';

export class ChangeLog {
  private readonly entries: WireChange[] = [];
  private nextSeq = 1;

  constructor(private readonly maxEntries = 20_000) {}

  /** The sequence number of the newest change (0 before the first). */
  get latestSeq(): number {
    return this.nextSeq - 1;
  }

  /** The oldest change still kept; resuming after `oldestSeq - 1` or later is possible. */
  get oldestSeq(): number {
    return this.entries[0]?.seq ?? this.nextSeq;
  }

  append(change: WireChangeDraft): WireChange {
    const entry = { ...change, seq: this.nextSeq++ } as WireChange;
    this.entries.push(entry);
    if (this.entries.length > this.maxEntries) this.entries.splice(0, this.entries.length - this.maxEntries);
    return entry;
  }

  /** Whether a client that has applied everything up to `seq` can resume from the log. */
  canResumeAfter(seq: number): boolean {
    return seq >= this.oldestSeq - 1 && seq <= this.latestSeq;
  }

  /** Changes after `seq`, oldest first, at most `limit` of them. */
  after(seq: number, limit = Number.POSITIVE_INFINITY): WireChange[] {
    if (this.entries.length === 0 || seq >= this.latestSeq) return [];
    const start = Math.max(0, seq + 1 - this.oldestSeq);
    return this.entries.slice(start, start + limit);
  }
}
