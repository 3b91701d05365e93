/**
 * The duty officer's desk: the alert queue and its filters (kept in the URL), acknowledgements
 * written back where the backend takes them (else kept on this screen and marked so), and the
 * chime for new alerts that pass the filters.
 */
import { type Ref, ref } from 'vue';
import type { Alert } from '../domain/entities/alert';
import { type DutyFilters, type DutyRow, describeDutyQueue, matchesDutyFilters } from '../panels/duty/describeDutyQueue';
import type { Connections } from './connectDataSources';
import type { ShownRecords } from './useShownRecords';

export interface DutyDeskDeps {
  shown: ShownRecords;
  connections: () => Connections | undefined;
  /** Who acknowledges, as written back. */
  officer: () => string;
  rememberFilters(params: Record<string, string | null>): void;
  /** The chime, told which new alerts the officer wants to hear of. */
  chime(wanted: (alert: Alert) => boolean): { armed: Ref<boolean>; muted: Ref<boolean>; ring(severity: number): void };
}

export function useDutyDesk(deps: DutyDeskDeps) {
  const filters = ref<DutyFilters>({ minSeverity: 1, sides: [], towns: [] });
  const localAcks = ref(new Set<string>());
  const pending = ref(new Set<string>());
  const error = ref<string | null>(null);
  const writesBack = ref(true);
  const chime = deps.chime((alert) => matchesDutyFilters(alert, filters.value));

  return {
    filters,
    pending,
    error,
    writesBack,
    /** The chime sounds only once the officer has clicked (browsers' rule), and can be muted. */
    soundArmed: chime.armed,
    muted: chime.muted,
    /** The desk's chime, for other news than alerts. */
    ring: (severity: number): void => chime.ring(severity),
    mute(value: boolean): void {
      chime.muted.value = value;
    },
    /** Acknowledged on this screen only (a backend that takes no write-back). */
    acknowledgedHere: (id: string): boolean => localAcks.value.has(id),
    rows: deps.shown.live((entities) => describeDutyQueue(entities.each('alert'), filters.value, localAcks.value)),
    setFilters(next: DutyFilters): void {
      filters.value = next;
      deps.rememberFilters({ severity: next.minSeverity > 1 ? String(next.minSeverity) : null, sides: next.sides.join(','), towns: next.towns.join(',') });
    },
    async acknowledge(row: DutyRow): Promise<void> {
      error.value = null;
      const connections = deps.connections();
      const request = connections?.acknowledgeAlert(row.id, deps.officer());
      writesBack.value = connections?.writesBack() ?? false;
      if (!request) {
        localAcks.value = new Set(localAcks.value).add(row.id);
        return;
      }
      pending.value = new Set(pending.value).add(row.id);
      const result = await request;
      const still = new Set(pending.value);
      still.delete(row.id);
      pending.value = still;
      if (!result.ok) error.value = result.error.reason;
    },
  };
}

export type DutyDesk = ReturnType<typeof useDutyDesk>;
