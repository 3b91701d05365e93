/**
 * 跨省交办 on the picked grid event, for a duty desk: hand it across the border when the desk's
 * side owns it, and accept a handoff waiting for the desk's side. The backend checks the same
 * rules; this only offers the steps that can succeed.
 */
import { computed, ref, watch, type Ref } from 'vue';
import type { Failure } from '../adapters/contract';
import type { GridEvent } from '../domain/entities/gridEvent';
import type { PickTarget } from '../layers/mapView';
import type { EntityReader } from '../stores/entityStore';
import type { Connections } from './connectDataSources';

export interface HandoffDeps {
  live: EntityReader;
  selected: Ref<PickTarget | null>;
  revision: () => number;
  connections: () => Connections | undefined;
  desk: () => { station: string; officer: string } | null;
  readonly: () => boolean;
}

export function useHandoffs(deps: HandoffDeps) {
  const pending = ref(false);
  const error = ref<string | null>(null);
  // Another pick: the last one's refusal is not this record's.
  watch(deps.selected, () => (error.value = null));
  const event = computed((): GridEvent | undefined => {
    void deps.revision();
    const picked = deps.selected.value;
    return picked?.layer === 'gridEvents' ? deps.live.peek('gridEvent', picked.id) : undefined;
  });
  const deskSide = computed(() => {
    void deps.revision();
    const desk = deps.desk();
    return desk && !deps.readonly() ? (deps.live.peek('station', desk.station)?.province ?? null) : null;
  });
  const owner = computed(() => {
    const current = event.value;
    if (!current) return null;
    const accepted = [...current.handoffs].reverse().find((handoff) => handoff.acceptedAt !== undefined);
    return accepted?.toSide ?? current.stages[current.stages.length - 1]!.side;
  });
  /** The side across the border: the province of any station not on the desk's side. */
  const otherSide = computed(() => {
    const own = deskSide.value;
    if (own === null) return null;
    for (const station of deps.live.each('station')) if (station.province !== own) return station.province;
    return null;
  });
  const waiting = computed(() => (event.value?.handoffs ?? []).findIndex((handoff) => handoff.acceptedAt === undefined && handoff.by !== undefined));

  async function run(submit: () => Promise<{ ok: boolean; error?: Failure }> | null): Promise<void> {
    error.value = null;
    pending.value = true;
    const unsupported = { ok: false, error: { code: 'unsupported', reason: 'the backend does not take handoffs' } as Failure };
    const result = await (submit() ?? Promise.resolve(unsupported));
    pending.value = false;
    if (!result.ok && result.error) error.value = result.error.detail ?? result.error.reason;
  }

  return {
    pending,
    error,
    /** The side the desk may hand the event to, when it may. */
    canHandTo: computed(() => (event.value && event.value.stage !== 'closed' && waiting.value === -1 && deskSide.value !== null && deskSide.value === owner.value ? otherSide.value : null)),
    /** The index of a handoff waiting for this desk's side to accept, else -1. */
    acceptable: computed(() => {
      const index = waiting.value;
      return index !== -1 && event.value?.handoffs[index]?.toSide === deskSide.value ? index : -1;
    }),
    handOff(note: string): Promise<void> {
      const desk = deps.desk();
      const id = event.value?.id;
      const toSide = otherSide.value;
      if (!desk || !id || !toSide) return Promise.resolve();
      return run(() => deps.connections()?.handoffs()?.handOffGridEvent(id, { toSide, ...(note ? { note } : {}) }, desk) ?? null);
    },
    accept(index: number): Promise<void> {
      const desk = deps.desk();
      const id = event.value?.id;
      if (!desk || !id) return Promise.resolve();
      return run(() => deps.connections()?.handoffs()?.acceptHandoff(id, index, desk) ?? null);
    },
  };
}
