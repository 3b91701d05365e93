/**
 * The records the screen shows, live or the playback timeline, read on a throttled tick: panels
 * follow the store at most once a second however fast it changes (and on each playback step),
 * and read it raw, never copying 100k records into Vue's reactivity.
 */
import { computed, type ComputedRef } from 'vue';
import { ENTITY_KINDS, type EntityKind } from '../domain/entities/entityKinds';
import type { EntityReader } from '../stores/entityStore';
import { useThrottledTick } from './useThrottledTick';

export interface ShownRecordsDeps {
  /** Bumped by the live store on every change, per kind. */
  revisions: Readonly<Record<EntityKind, number>>;
  playback: { revision: { value: number }; reader: { value: EntityReader } };
  intervalMs?: number;
}

export interface ShownRecords {
  /** The shown store; a computed that calls it recomputes on the throttled tick. */
  read(): EntityReader;
  /** A computed over the shown store. */
  live<T>(derive: (entities: EntityReader) => T): ComputedRef<T>;
}

export function useShownRecords(deps: ShownRecordsDeps): ShownRecords {
  const tick = useThrottledTick(() => `${ENTITY_KINDS.map((kind) => deps.revisions[kind]).join()}|${deps.playback.revision.value}`, deps.intervalMs ?? 1000);
  const read = (): EntityReader => {
    void tick.value;
    return deps.playback.reader.value;
  };
  return { read, live: (derive) => computed(() => derive(read())) };
}
