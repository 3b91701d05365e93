/**
 * The difference between what a source held and the full list a poll just read, for sources
 * that cannot push (GeoJSON exports, OGC API – Features): an item whose content fingerprint is
 * the one held is unchanged; a new or changed one is taken if `accept` validates it (a refused
 * one keeps what was held rather than vanishing); a second item with an id already delivered
 * this poll is a duplicate; what was held and is no longer listed is gone.
 */

export interface PolledItem {
  id: string | undefined;
  /** The item's content as read, serialised: equal fingerprints, no change. */
  fingerprint: string;
}

export interface HeldItem {
  fingerprint: string;
  record: { id: string };
}

export interface PollDiffOptions<T extends PolledItem, H extends HeldItem> {
  /** A new or changed item, validated: what to hold, or undefined when it is refused. */
  accept(item: T, previous: H | undefined): H | undefined;
  onDuplicate(item: T, deliveredBy: string): void;
  /**
   * Ids delivered this poll, by who delivered them: shared between lists polled together (OGC
   * collections feeding one kind), so an id two of them list is delivered once.
   */
  delivered?: Map<string, string>;
  /** Who delivers this list, as `delivered` records it. */
  deliverer?: string;
  /** Only what changed was read: what is not listed is unchanged, not gone. */
  partial?: boolean;
}

export interface PollDiff<H extends HeldItem> {
  /** What to hold from now on, by id. */
  held: Map<string, H>;
  /** New or changed, in the order listed. */
  upserted: H[];
  /** Held before and no longer listed, as they were held. */
  gone: H[];
}

export function diffPolledList<T extends PolledItem, H extends HeldItem>(before: ReadonlyMap<string, H>, polled: Iterable<T>, options: PollDiffOptions<T, H>): PollDiff<H> {
  const delivered = options.delivered ?? new Map<string, string>();
  const deliverer = options.deliverer ?? '';
  const held = options.partial ? new Map(before) : new Map<string, H>();
  const upserted: H[] = [];
  const keep = (id: string, item: H) => {
    delivered.set(id, deliverer);
    held.set(id, item);
  };
  for (const item of polled) {
    const { id } = item;
    const owner = id === undefined ? undefined : delivered.get(id);
    if (owner !== undefined) {
      options.onDuplicate(item, owner);
      continue;
    }
    const previous = id === undefined ? undefined : before.get(id);
    if (previous && previous.fingerprint === item.fingerprint) {
      keep(id!, previous);
      continue;
    }
    const accepted = options.accept(item, previous);
    if (accepted) {
      keep(accepted.record.id, accepted);
      upserted.push(accepted);
    } else if (previous) keep(id!, previous);
  }
  const gone = options.partial ? [] : [...before].filter(([id]) => !held.has(id)).map(([, item]) => item);
  return { held, upserted, gone };
}
