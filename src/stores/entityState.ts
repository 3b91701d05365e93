/**
 * All entities the dashboard knows, one EntityCollection per kind, and the differences each
 * change makes: layers redraw only what changed (added, updated, removed ids per kind) instead of
 * rebuilding everything. Plain TypeScript, so it is fast and tested without Vue; the Pinia store
 * wraps it.
 */
import { isAlertOpen } from '../domain/entities/alert';
import { ENTITY_KINDS, type AnyEntity, type EntityByKind, type EntityKind } from '../domain/entities/entityKinds';
import type { Change, EntityRecord } from '../adapters/contract';
import { EntityCollection } from './entityCollection';

export interface KindDiff {
  added: string[];
  updated: string[];
  removed: string[];
}

export type StateDiff = Partial<Record<EntityKind, KindDiff>>;

/** Records that are finished and may age out; stations, grids and KPIs never do. */
export function isClosedRecord(kind: EntityKind, record: AnyEntity): boolean {
  switch (kind) {
    case 'alert':
      return !isAlertOpen((record as EntityByKind['alert']).status);
    case 'gridEvent':
      return (record as EntityByKind['gridEvent']).stage === 'closed';
    case 'assistRequest':
      return (record as EntityByKind['assistRequest']).status === 'completed';
    case 'controlOrder':
      return (record as EntityByKind['controlOrder']).status !== 'active';
    case 'patrolTrack':
      return !(record as EntityByKind['patrolTrack']).active;
    default:
      return false;
  }
}

const emptyDiff = (): KindDiff => ({ added: [], updated: [], removed: [] });

/** What a record becomes before it is kept: privacy masking (see maskRecordForDisplay). */
export type PrepareRecord = (kind: EntityKind, record: AnyEntity) => AnyEntity;

export class EntityState {
  private readonly collections = new Map<EntityKind, EntityCollection<AnyEntity>>(ENTITY_KINDS.map((kind) => [kind, new EntityCollection()]));
  /** `prepare` bound to each kind once, not a closure per record. */
  private preparers = new Map<EntityKind, (record: AnyEntity) => AnyEntity>();

  /**
   * Every record kept, by change or by snapshot, passes through `prepare` first; records the
   * versions turn away are never prepared.
   */
  constructor(prepare: PrepareRecord = (_kind, record) => record) {
    this.setPrepare(prepare);
  }

  setPrepare(prepare: PrepareRecord): void {
    this.preparers = new Map(ENTITY_KINDS.map((kind) => [kind, (record: AnyEntity) => prepare(kind, record)]));
  }

  collection<K extends EntityKind>(kind: K): EntityCollection<EntityByKind[K]> {
    return this.collections.get(kind) as unknown as EntityCollection<EntityByKind[K]>;
  }

  count(kind: EntityKind): number {
    return this.collections.get(kind)!.size;
  }

  apply(changes: readonly Change[], nowMs: number): StateDiff {
    const diff: StateDiff = {};
    const of = (kind: EntityKind) => (diff[kind] ??= emptyDiff());
    for (const change of changes) {
      const collection = this.collections.get(change.kind)!;
      if (change.op === 'upsert') {
        const outcome = collection.upsert(change.record, this.preparers.get(change.kind));
        if (outcome !== 'ignored') of(change.kind)[outcome].push(change.record.id);
      } else if (collection.remove(change.id, change.version, nowMs)) {
        of(change.kind).removed.push(change.id);
      }
    }
    return diff;
  }

  /**
   * Applies a fresh snapshot from one source: its records are upserted by version, and records the
   * source delivered before (`previouslyOwned`) but no longer has are removed. Records from other
   * sources are left alone. `force` (the source restarted) takes the snapshot as it is, whatever
   * the versions, and forgets the deletes remembered for the kinds it delivered: those versions
   * belong to a history that is gone. A record held before and in the snapshot counts as updated,
   * not removed and added again, so a resync does not make old alerts look new.
   */
  replace(records: readonly EntityRecord[], previouslyOwned: ReadonlyMap<EntityKind, ReadonlySet<string>>, nowMs: number, force = false): StateDiff {
    const diff: StateDiff = {};
    if (force) {
      const kinds = new Set<EntityKind>([...previouslyOwned.keys(), ...records.map(({ kind }) => kind)]);
      for (const kind of kinds) this.collections.get(kind)!.clearTombstones();
    }
    const present = new Map<EntityKind, Set<string>>();
    for (const { kind, record } of records) {
      (present.get(kind) ?? present.set(kind, new Set()).get(kind)!).add(record.id);
      const collection = this.collections.get(kind)!;
      const prepare = this.preparers.get(kind);
      const outcome = force ? collection.put(record, prepare) : collection.upsert(record, prepare);
      if (outcome !== 'ignored') (diff[kind] ??= emptyDiff())[outcome].push(record.id);
    }
    for (const [kind, ids] of previouslyOwned) {
      const collection = this.collections.get(kind)!;
      for (const id of ids) {
        const held = collection.get(id);
        if (present.get(kind)?.has(id) || !held) continue;
        const removed = force ? collection.forget(id) : collection.remove(id, held.version, nowMs);
        if (removed) (diff[kind] ??= emptyDiff()).removed.push(id);
      }
    }
    return diff;
  }

  /** Ages out records closed longer than `retentionMs` ago. */
  prune(nowMs: number, retentionMs: number): StateDiff {
    const diff: StateDiff = {};
    for (const [kind, collection] of this.collections) {
      const removed = collection.prune(nowMs - retentionMs, (record) => isClosedRecord(kind, record));
      if (removed.length > 0) diff[kind] = { ...emptyDiff(), removed };
    }
    return diff;
  }
}
