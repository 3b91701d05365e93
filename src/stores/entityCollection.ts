/**
 * One kind's records, normalized by id. A newer version replaces an older one; an older or equal
 * version is ignored, so duplicate and out-of-order delivery converge on the same state. A
 * delete leaves a tombstone so a late, older upsert cannot bring the record back. Closed records
 * and old tombstones age out, so a wall that runs for months holds steady memory.
 */
export interface Versioned {
  id: string;
  version: number;
  updatedAt: string;
}

export type UpsertOutcome = 'added' | 'updated' | 'ignored';

export class EntityCollection<T extends Versioned> {
  private readonly items = new Map<string, T>();
  private readonly tombstones = new Map<string, { version: number; removedAtMs: number }>();

  get size(): number {
    return this.items.size;
  }

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  values(): IterableIterator<T> {
    return this.items.values();
  }

  /**
   * Keeps the record if it is newer than the one held and than any delete. `prepare` (the
   * privacy mask) runs only on a record kept, so a redelivered or stale one costs a lookup, not
   * a scan of its text; it must keep the record's id and version.
   */
  upsert(record: T, prepare?: (record: T) => T): UpsertOutcome {
    const current = this.items.get(record.id);
    if (current && current.version >= record.version) return 'ignored';
    const tombstone = this.tombstones.get(record.id);
    if (tombstone && tombstone.version >= record.version) return 'ignored';
    if (tombstone) this.tombstones.delete(record.id);
    this.items.set(record.id, prepare ? prepare(record) : record);
    return current ? 'updated' : 'added';
  }

  /**
   * Takes the record whatever the versions say: its source restarted, so the version held and
   * the version coming belong to different histories.
   */
  put(record: T, prepare?: (record: T) => T): Exclude<UpsertOutcome, 'ignored'> {
    const held = this.items.has(record.id);
    this.tombstones.delete(record.id);
    this.items.set(record.id, prepare ? prepare(record) : record);
    return held ? 'updated' : 'added';
  }

  /** Removes the record unless a newer version than the delete is held. */
  remove(id: string, version: number, nowMs: number): boolean {
    const current = this.items.get(id);
    if (current && current.version > version) return false;
    const tombstone = this.tombstones.get(id);
    if (!tombstone || tombstone.version < version) this.tombstones.set(id, { version, removedAtMs: nowMs });
    return this.items.delete(id);
  }

  /** Drops a record and its tombstone: its source's history restarted, its versions mean nothing now. */
  forget(id: string): boolean {
    this.tombstones.delete(id);
    return this.items.delete(id);
  }

  /** Drops every tombstone: the deletes they remember belong to a history that is gone. */
  clearTombstones(): void {
    this.tombstones.clear();
  }

  /**
   * Ages out closed records last updated before `cutoffMs`, and tombstones older than it.
   * Returns the ids removed.
   */
  prune(cutoffMs: number, isClosed: (record: T) => boolean): string[] {
    const removed: string[] = [];
    for (const [id, record] of this.items) {
      if (isClosed(record) && Date.parse(record.updatedAt) < cutoffMs) {
        this.items.delete(id);
        removed.push(id);
      }
    }
    for (const [id, tombstone] of this.tombstones) if (tombstone.removedAtMs < cutoffMs) this.tombstones.delete(id);
    return removed;
  }

  get tombstoneCount(): number {
    return this.tombstones.size;
  }
}
