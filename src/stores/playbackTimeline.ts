/**
 * The state of the border at a moment in the past, for time playback: the history's base state
 * plus its changes up to the playhead. Moving forward applies only the changes passed; moving
 * back rebuilds from the base. Either way listeners get the per-id diff, exactly as from the live
 * store, so layers and panels follow playback with the same incremental updates.
 */
import type { EntityRecord, TimedChange } from '../adapters/contract';
import { ENTITY_KINDS, type EntityByKind, type EntityKind } from '../domain/entities/entityKinds';
import type { EntityReader } from './entityStore';
import { EntityState, type KindDiff, type PrepareRecord, type StateDiff } from './entityState';

export interface PlaybackHistory {
  fromMs: number;
  toMs: number;
  base: readonly EntityRecord[];
  /** In the order the backend made them. */
  changes: readonly TimedChange[];
}

/** The state at `atMs`, built from scratch: the reference the timeline must always agree with. */
export function stateAt(history: PlaybackHistory, atMs: number, prepare?: PrepareRecord): EntityState {
  const state = new EntityState(prepare);
  state.replace(history.base, new Map(), history.fromMs);
  const upTo = history.changes.findIndex((timed) => timed.at > atMs);
  state.apply(history.changes.slice(0, upTo === -1 ? history.changes.length : upTo).map((timed) => timed.change), atMs);
  return state;
}

function versions(state: EntityState): Map<EntityKind, Map<string, number>> {
  return new Map(ENTITY_KINDS.map((kind) => [kind, new Map([...state.collection(kind).values()].map((record) => [record.id, record.version]))]));
}

/** What changed from `before` to `after`, per kind and id. */
function difference(before: Map<EntityKind, Map<string, number>>, after: Map<EntityKind, Map<string, number>>): StateDiff {
  const diff: StateDiff = {};
  for (const kind of ENTITY_KINDS) {
    const old = before.get(kind)!;
    const now = after.get(kind)!;
    const change: KindDiff = { added: [], updated: [], removed: [] };
    for (const [id, version] of now) {
      const previous = old.get(id);
      if (previous === undefined) change.added.push(id);
      else if (previous !== version) change.updated.push(id);
    }
    for (const id of old.keys()) if (!now.has(id)) change.removed.push(id);
    if (change.added.length + change.updated.length + change.removed.length > 0) diff[kind] = change;
  }
  return diff;
}

export class PlaybackTimeline {
  private state: EntityState;
  /** How many of the history's changes the state holds. */
  private applied = 0;
  private playhead: number;
  private readonly listeners = new Set<(diff: StateDiff) => void>();
  /** Read like the live store, so layers and panels take either. */
  readonly reader: EntityReader;

  constructor(
    private readonly history: PlaybackHistory,
    private readonly prepare?: PrepareRecord,
  ) {
    this.playhead = history.fromMs;
    this.state = stateAt(history, history.fromMs, prepare);
    this.applied = this.countUpTo(history.fromMs);
    const peek = <K extends EntityKind>(kind: K, id: string): EntityByKind[K] | undefined => this.state.collection(kind).get(id);
    const each = <K extends EntityKind>(kind: K): IterableIterator<EntityByKind[K]> => this.state.collection(kind).values();
    const onDiff = (listener: (diff: StateDiff) => void) => {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    };
    this.reader = { peek, each, onDiff };
  }

  get fromMs(): number {
    return this.history.fromMs;
  }

  get toMs(): number {
    return this.history.toMs;
  }

  get position(): number {
    return this.playhead;
  }

  private countUpTo(atMs: number): number {
    const index = this.history.changes.findIndex((timed) => timed.at > atMs);
    return index === -1 ? this.history.changes.length : index;
  }

  /** Moves the playhead (clamped to the window) and tells listeners what changed. */
  seek(atMs: number): StateDiff {
    const target = Math.min(this.history.toMs, Math.max(this.history.fromMs, atMs));
    let diff: StateDiff;
    if (target >= this.playhead) {
      const upTo = this.countUpTo(target);
      diff = this.state.apply(this.history.changes.slice(this.applied, upTo).map((timed) => timed.change), target);
      this.applied = upTo;
    } else {
      const before = versions(this.state);
      this.state = stateAt(this.history, target, this.prepare);
      this.applied = this.countUpTo(target);
      diff = difference(before, versions(this.state));
    }
    this.playhead = target;
    if (Object.keys(diff).length > 0) for (const listener of this.listeners) listener(diff);
    return diff;
  }
}
