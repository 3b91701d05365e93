/**
 * Scheduled simulator events in time order (a binary min-heap). Events at the same instant run in
 * the order they were scheduled, which keeps a seeded run identical however the clock is ticked.
 */
export interface ScheduledEvent {
  at: number;
  run(): void;
}

interface Entry extends ScheduledEvent {
  order: number;
}

export class EventQueue {
  private readonly heap: Entry[] = [];
  private scheduled = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(at: number, run: () => void): void {
    this.heap.push({ at, run, order: this.scheduled++ });
    this.siftUp(this.heap.length - 1);
  }

  /** The next event due at or before `time`, removed from the queue; undefined when none is due. */
  takeDue(time: number): ScheduledEvent | undefined {
    const first = this.heap[0];
    if (!first || first.at > time) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return first;
  }

  private before(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }

  private siftUp(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.before(this.heap[child]!, this.heap[parent]!)) return;
      [this.heap[child], this.heap[parent]] = [this.heap[parent]!, this.heap[child]!];
      child = parent;
    }
  }

  private siftDown(index: number): void {
    let parent = index;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < this.heap.length && this.before(this.heap[left]!, this.heap[smallest]!)) smallest = left;
      if (right < this.heap.length && this.before(this.heap[right]!, this.heap[smallest]!)) smallest = right;
      if (smallest === parent) return;
      [this.heap[parent], this.heap[smallest]] = [this.heap[smallest]!, this.heap[parent]!];
      parent = smallest;
    }
  }
}
