/**
 * 指令 on the picked alert or grid event: the instructions given to units and where each stands,
 * and, on a duty desk, giving one and reporting the next step for units on the desk's side.
 * Read from the live store on the record's own changes, so a step reported on the other desk shows
 * at once; nothing is acted on in playback or on a screen without a desk.
 */
import { computed, ref, watch, type Ref } from 'vue';
import type { Failure, InstructedKind } from '../adapters/contract';
import { type AlertStatus, isAlertOpen } from '../domain/entities/alert';
import { type Instruction, nextInstructionStage } from '../domain/entities/instruction';
import type { InstructionRow } from '../panels/details/instructionRow';
import type { PickTarget } from '../layers/mapView';
import type { EntityReader } from '../stores/entityStore';
import type { Connections } from './connectDataSources';

export interface InstructionDeps {
  live: EntityReader;
  selected: Ref<PickTarget | null>;
  revision: () => number;
  connections: () => Connections | undefined;
  desk: () => { station: string; officer: string } | null;
  readonly: () => boolean;
}

const KIND_OF: Partial<Record<PickTarget['layer'], InstructedKind>> = { alerts: 'alert', gridEvents: 'gridEvent' };

export function useInstructions(deps: InstructionDeps) {
  const pending = ref(false);
  const error = ref<string | null>(null);
  // Another pick: the last one's refusal is not this record's.
  watch(deps.selected, () => (error.value = null));

  const target = computed(() => {
    const picked = deps.selected.value;
    const kind = picked ? KIND_OF[picked.layer] : undefined;
    return picked && kind ? { kind, id: picked.id } : null;
  });
  const record = computed(() => {
    void deps.revision();
    const picked = target.value;
    return picked ? (deps.live.peek(picked.kind, picked.id) as { version: number; status?: string; stage?: string; instructions?: Instruction[] } | undefined) : undefined;
  });
  const deskSide = computed(() => {
    void deps.revision();
    const desk = deps.desk();
    return desk ? (deps.live.peek('station', desk.station)?.province ?? null) : null;
  });
  const unitOf = (id: string) => {
    const station = deps.live.peek('station', id);
    if (station) return { name: station.name, province: station.province };
    const patrol = deps.live.peek('patrolTrack', id);
    return patrol ? { name: patrol.name, province: patrol.province } : { name: id, province: null };
  };
  const rows = computed((): InstructionRow[] =>
    (record.value?.instructions ?? []).map((instruction) => {
      const unit = unitOf(instruction.unitId);
      const next = nextInstructionStage(instruction.stage);
      return {
        id: instruction.id,
        unitName: unit.name,
        text: instruction.text,
        by: instruction.by,
        stage: instruction.stage,
        times: instruction.times,
        feedback: instruction.feedback ?? null,
        next: next !== null && next !== 'sent' && !deps.readonly() && deskSide.value !== null && unit.province === deskSide.value ? next : null,
      };
    }),
  );
  /** The units a desk can instruct: its own side's first. */
  const units = computed(() => {
    void deps.revision();
    const own = deskSide.value;
    const all = [...deps.live.each('station')].map((s) => ({ id: s.id, name: s.name, own: s.province === own }));
    return all.sort((a, b) => Number(b.own) - Number(a.own) || a.name.localeCompare(b.name, 'zh'));
  });

  async function run(submit: () => ReturnType<NonNullable<ReturnType<Connections['instructions']>>['dispatchInstruction']> | null): Promise<boolean> {
    error.value = null;
    pending.value = true;
    const unsupported: Failure = { code: 'unsupported', reason: 'the backend does not take instructions' };
    const result = await (submit() ?? Promise.resolve({ ok: false as const, error: unsupported }));
    pending.value = false;
    if (!result.ok) error.value = result.error.detail ?? result.error.reason;
    return result.ok;
  }

  return {
    rows,
    units,
    pending,
    error,
    /** Whether this screen may give instructions on the picked record. */
    canDispatch: computed(() => {
      const current = record.value;
      const ended = current === undefined || current.stage === 'closed' || (current.status !== undefined && !isAlertOpen(current.status as AlertStatus));
      return target.value !== null && !ended && deps.desk() !== null && !deps.readonly();
    }),
    dispatch(unitId: string, text: string): Promise<boolean> {
      const desk = deps.desk();
      const picked = target.value;
      if (!desk || !picked || record.value === undefined) return Promise.resolve(false);
      // No expected version: an instruction adds to the record, it cannot undo what the source changed meanwhile.
      return run(() => deps.connections()?.instructions()?.dispatchInstruction(picked.kind, picked.id, { unitId, text }, desk) ?? null);
    },
    advance(row: InstructionRow, note?: string): Promise<boolean> {
      const desk = deps.desk();
      const picked = target.value;
      if (!desk || !picked || row.next === null) return Promise.resolve(false);
      const stage = row.next;
      // The backend checks the step is the next one, so a step reported twice is refused without a version.
      return run(() => deps.connections()?.instructions()?.advanceInstruction(picked.kind, picked.id, row.id, stage, note ? { note } : {}, desk) ?? null);
    },
  };
}
