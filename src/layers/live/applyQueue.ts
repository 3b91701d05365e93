/**
 * Records waiting to be drawn, by kind, applied a few milliseconds at a time: a reconnect's 10k
 * burst reaches the map over a few frames instead of freezing one. Each id waits once however
 * often it changes meanwhile (the store holds its newest version, so what is drawn is always the
 * newest), and a record removed while it waits is removed when its turn comes.
 */

/** Check the clock after this many records: about 50 µs of work at today's cost per record. */
const CLOCK_EVERY = 32;

export class ApplyQueue<K extends string> {
  private readonly pending = new Map<K, Set<string>>();
  private waiting = 0;
  /** When the oldest change still waiting came. */
  private since: number | undefined;

  /** `order`: kinds drawn first come first (stations, which other layers' lines end at). */
  constructor(
    order: readonly K[],
    private readonly apply: (kind: K, id: string) => void,
    private readonly clock: () => number = () => performance.now(),
  ) {
    for (const kind of order) this.pending.set(kind, new Set());
  }

  get size(): number {
    return this.waiting;
  }

  add(kind: K, id: string): void {
    const ids = this.pending.get(kind);
    if (!ids || ids.has(id)) return;
    ids.add(id);
    this.waiting += 1;
    this.since ??= this.clock();
  }

  /**
   * How long the next drain may take: at least `minMs`, and `share` of the time the oldest change
   * has waited. On a fast screen a burst goes out a few ms a frame; where frames take long (a
   * software renderer, a busy wall PC) each frame takes more, so a burst is never strung out over
   * many slow frames.
   */
  budget(minMs: number, share: number): number {
    return this.since === undefined ? minMs : Math.max(minMs, (this.clock() - this.since) * share);
  }

  /** Applies waiting records in kind order until `budgetMs` is spent; returns how many it applied. */
  drain(budgetMs: number): number {
    const started = this.clock();
    let applied = 0;
    for (const [kind, ids] of this.pending) {
      // Deleting the entry just visited is safe while iterating a Set.
      for (const id of ids) {
        ids.delete(id);
        this.waiting -= 1;
        this.apply(kind, id);
        applied += 1;
        if (applied % CLOCK_EVERY === 0 && this.waiting > 0 && this.clock() - started >= budgetMs) return applied;
      }
    }
    this.since = undefined;
    return applied;
  }
}
