/**
 * The entities, for the whole app. The records live in a plain EntityState (markRaw: no proxy
 * over 100k records); what components react to is a revision counter and a count per kind, and
 * renderers subscribe to the per-change diffs so they update incrementally.
 */
import { defineStore } from 'pinia';
import { markRaw, reactive } from 'vue';
import { type AnyEntity, ENTITY_KINDS, type EntityByKind, type EntityKind } from '../domain/entities/entityKinds';
import type { Change, EntityRecord } from '../adapters/contract';
import { maskRecordForDisplay } from '../domain/maskRecordForDisplay';
import { createStringPool } from '../adapters/stringPool';
import { EntityState, type StateDiff } from './entityState';

/** Closed items stay on the wall this long, then age out (configurable). */
const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;

type DiffListener = (diff: StateDiff) => void;

/** The store as renderers read it: raw records, no reactivity, and the diffs as they happen. */
export interface EntityReader {
  peek<K extends EntityKind>(kind: K, id: string): EntityByKind[K] | undefined;
  each<K extends EntityKind>(kind: K): IterableIterator<EntityByKind[K]>;
  onDiff(listener: DiffListener): () => void;
}

export const useEntityStore = defineStore('entities', () => {
  // Masked unless a duty screen is allowed to show personal data: the safe default. The masked
  // values repeat (a masked plate keeps 3 of its characters), so the store shares them.
  const maskedValues = createStringPool(50_000);
  const mask = (kind: EntityKind, record: AnyEntity) => maskRecordForDisplay(kind, record, maskedValues.intern);
  const state = markRaw(new EntityState(mask));
  const listeners = markRaw(new Set<DiffListener>());
  const counts = reactive(Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, 0])) as Record<EntityKind, number>);
  const revisions = reactive(Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, 0])) as Record<EntityKind, number>);
  let retentionMs = DEFAULT_RETENTION_MS;
  /**
   * Each source's newest clock reading (heartbeats, health): records age by their backend's clock,
   * so a simulator running faster or behind real time ages them as it sees them. Taken from what
   * the backends say their clock is, never from record timestamps: one record stamped 2099 must
   * not age out the rest. Kept per source, so a restarted backend's clock replaces its old one.
   */
  const backendClocks = new Map<string, number>();
  let backendClockMs: number | undefined;
  const referenceNow = () => backendClockMs ?? Date.now();
  const recomputeClock = () => {
    backendClockMs = backendClocks.size === 0 ? undefined : Math.max(...backendClocks.values());
  };

  function publish(diff: StateDiff): StateDiff {
    for (const kind of Object.keys(diff) as EntityKind[]) {
      counts[kind] = state.count(kind);
      revisions[kind] += 1;
    }
    if (Object.keys(diff).length > 0) for (const listener of listeners) listener(diff);
    return diff;
  }

  function noteBackendTime(iso: string, sourceId = 'default'): void {
    const ms = Date.parse(iso);
    if (!Number.isFinite(ms) || ms <= (backendClocks.get(sourceId) ?? Number.NEGATIVE_INFINITY)) return;
    backendClocks.set(sourceId, ms);
    if (backendClockMs === undefined || ms > backendClockMs) backendClockMs = ms;
  }

  /** The source restarted: its clock starts again from what its new backend says. */
  function forgetBackendTime(sourceId: string): void {
    if (backendClocks.delete(sourceId)) recomputeClock();
  }

  function applyChanges(changes: readonly Change[]): StateDiff {
    return publish(state.apply(changes, referenceNow()));
  }

  /** A source's fresh snapshot; `previouslyOwned` are the ids it delivered before (see EntityState.replace). */
  function applySnapshot(records: readonly EntityRecord[], previouslyOwned: ReadonlyMap<EntityKind, ReadonlySet<string>> = new Map(), force = false): StateDiff {
    return publish(state.replace(records, previouslyOwned, referenceNow(), force));
  }

  function prune(nowMs = referenceNow()): StateDiff {
    return publish(state.prune(nowMs, retentionMs));
  }

  /** Set before any data arrives: only a duty screen whose config allows it shows personal data. */
  function showPersonalData(show: boolean): void {
    state.setPrepare(show ? (_kind, record) => record : mask);
  }

  function setRetention(ms: number): void {
    retentionMs = ms;
  }

  function list<K extends EntityKind>(kind: K): EntityByKind[K][] {
    void revisions[kind];
    return [...state.collection(kind).values()];
  }

  function get<K extends EntityKind>(kind: K, id: string): EntityByKind[K] | undefined {
    void revisions[kind];
    return state.collection(kind).get(id);
  }

  /**
   * The same reads without reactivity, for renderers updating thousands of graphics a batch: no
   * proxy, no dependency tracking. Components use `list`/`get`.
   */
  function peek<K extends EntityKind>(kind: K, id: string): EntityByKind[K] | undefined {
    return state.collection(kind).get(id);
  }

  function each<K extends EntityKind>(kind: K): IterableIterator<EntityByKind[K]> {
    return state.collection(kind).values();
  }

  function onDiff(listener: DiffListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /**
   * Renderers' access, held outside Pinia's action wrapping: Pinia wraps every function a store
   * returns (argument copies, two Sets and subscriber calls per call), which at 20k reads per
   * update batch cost more than the update itself.
   */
  const raw: EntityReader = markRaw({ peek, each, onDiff });

  return { counts, revisions, applyChanges, applySnapshot, prune, setRetention, showPersonalData, noteBackendTime, forgetBackendTime, list, get, raw };
});
