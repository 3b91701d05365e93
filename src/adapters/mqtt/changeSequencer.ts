/**
 * Puts changes arriving on several broker topics back into one sequence. A broker keeps order
 * within a topic only, and QoS 1 is at-least-once, so changes on `…/changes/alert` and
 * `…/changes/station` may cross and repeat. The contract numbers changes one by one across all
 * kinds (`seq` increases by one per change), so a change is released when every change before it
 * has been; a hole that stays open is the caller's to fill from the REST change log.
 *
 * Raw entries go in, raw entries come out, in order: validation stays with the stream that
 * applies them, so a malformed entry is rejected there with its reason.
 */

/** Changes ready to apply, in sequence order, and the sequence number they bring the stream to. */
export interface Released {
  entries: unknown[];
  seq: number;
}

/** The entry's sequence number, when it has a usable one. */
export function sequenceOf(entry: unknown): number | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const seq = (entry as { seq?: unknown }).seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 ? seq : undefined;
}

export class ChangeSequencer {
  /** Held back until the changes before them arrive: entries by sequence number. */
  private readonly pending = new Map<number, unknown[]>();
  private heldCount = 0;
  /** The newest sequence number the backend is known to have (from a heartbeat or a change). */
  private known: number;

  /** `released`: every change up to here has been handed on. */
  constructor(private released: number) {
    this.known = released;
  }

  /** The sequence number every change up to which has been released. */
  get cursor(): number {
    return this.released;
  }

  /** Entries held back behind a hole. */
  get held(): number {
    return this.heldCount;
  }

  /** Whether a change the backend has made is missing here: held entries, or a heartbeat ahead. */
  get hasGap(): boolean {
    return this.heldCount > 0 || this.known > this.released;
  }

  /** The backend says it has reached `seq` (a heartbeat): anything up to it not seen is a hole. */
  noteLatest(seq: number): void {
    if (seq > this.known) this.known = seq;
  }

  /**
   * Takes one message's entries (already ordered or not). Entries at or before the cursor were
   * released already (a QoS 1 redelivery) and are dropped; so is an exact repeat of a held one.
   * Returns what can now be released, if anything.
   */
  add(entries: readonly unknown[]): Released | undefined {
    for (const entry of entries) {
      const seq = sequenceOf(entry);
      if (seq === undefined || seq <= this.released) continue;
      this.noteLatest(seq);
      const held = this.pending.get(seq);
      if (!held) {
        this.pending.set(seq, [entry]);
        this.heldCount += 1;
      } else if (!held.some((other) => other === entry || JSON.stringify(other) === JSON.stringify(entry))) {
        // Two different entries with one number: the backend's fault, and the gate's to judge.
        held.push(entry);
        this.heldCount += 1;
      }
    }
    return this.drain([]);
  }

  /**
   * A page of the change log covering everything up to `seq` (whether or not its kinds were
   * asked for): what it holds after the cursor is released, and the cursor moves to `seq`.
   */
  fill(entries: readonly unknown[], seq: number): Released | undefined {
    const before = this.released;
    const fresh = entries.filter((entry) => {
      const entrySeq = sequenceOf(entry);
      return entrySeq === undefined || entrySeq > this.released;
    });
    fresh.sort((a, b) => (sequenceOf(a) ?? 0) - (sequenceOf(b) ?? 0));
    if (seq > this.released) {
      this.released = seq;
      this.noteLatest(seq);
      for (const [heldSeq, held] of this.pending) {
        if (heldSeq > seq) continue;
        this.pending.delete(heldSeq);
        this.heldCount -= held.length;
      }
    }
    return this.drain(fresh, this.released > before);
  }

  private drain(ready: unknown[], moved = false): Released | undefined {
    const start = this.released;
    for (let next = this.pending.get(this.released + 1); next; next = this.pending.get(this.released + 1)) {
      this.pending.delete(this.released + 1);
      this.heldCount -= next.length;
      this.released += 1;
      ready.push(...next);
    }
    if (ready.length === 0 && this.released === start && !moved) return undefined;
    return { entries: ready, seq: this.released };
  }
}
