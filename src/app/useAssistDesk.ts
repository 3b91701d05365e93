/**
 * The duty desk's part in cross-border assistance: raise a request to a station across the
 * border, and accept, decline, report progress on and settle those asked of this side, through
 * the backend's workflow (idempotent submits, refused with who changed it when another desk got
 * there first). A new request for this side chimes; one that runs past its answer time chimes
 * again. Walls and briefings never get here: the desk exists on a duty screen with a station.
 */
import { isoMs } from '../domain/isoMs';
import { computed, onScopeDispose, ref } from 'vue';
import type { AssistStep, AssistStepInput, RaiseAssistInput } from '../adapters/contract';
import type { EntityReader } from '../stores/entityStore';
import { describeAssistDesk, type AssistDeskRow } from '../panels/duty/describeAssistDesk';
import type { Connections } from './connectDataSources';
import { useDeskAction } from './useDeskAction';

export interface AssistDeskDeps {
  live: EntityReader;
  /** Bumped on every assistance-request change: the desk follows them at once, not on the HUD's 1 s tick. */
  revision: () => number;
  connections: () => Connections | undefined;
  /** The desk's station and officer; null when this screen is not a desk (no station configured). */
  desk: () => { station: string; officer: string } | null;
  stationName: (id: string) => string;
  /** Stations of the map, for the side of the desk and the targets across the border. */
  stations: () => Iterable<{ id: string; name: string; province: string; stationKind: string }>;
  now: () => Date;
  ring: (severity: number) => void;
  /** Playback: the past is not acted on. */
  readonly: () => boolean;
}

/** Requests older than this when first seen (a snapshot, a reconnect) are not news: no chime. */
const FRESH_MS = 2 * 60_000;

export function useAssistDesk(deps: AssistDeskDeps) {
  const { pending, error, run } = useDeskAction('the backend does not take assistance requests');
  const chimes = ref(0);

  const side = computed(() => {
    const desk = deps.desk();
    if (!desk) return null;
    void deps.revision();
    for (const station of deps.stations()) if (station.id === desk.station) return station.province;
    return null;
  });
  const rows = computed((): AssistDeskRow[] => {
    void deps.revision();
    // The countdowns move with the clock as well as with the records.
    const now = deps.now();
    return side.value === null ? [] : describeAssistDesk(deps.live.each('assistRequest'), side.value, deps.stationName, now);
  });
  const targets = computed(() => {
    void deps.revision();
    const own = side.value;
    return own === null ? [] : [...deps.stations()].filter((s) => s.province !== own && s.stationKind !== 'checkpoint').map((s) => ({ id: s.id, name: s.name }));
  });

  // News for this side: a request asked of it, and one of its own that ran past the answer time.
  const overdueSeen = new Set<string>();
  const stop = deps.live.onDiff((diff) => {
    const own = side.value;
    if (own === null || deps.readonly()) return;
    const nowMs = deps.now().getTime();
    let ring = false;
    for (const id of diff.assistRequest?.added ?? []) {
      const request = deps.live.peek('assistRequest', id);
      if (request && request.toSide === own && request.status === 'open' && nowMs - isoMs(request.requestedAt) < FRESH_MS) ring = true;
    }
    if (ring) {
      chimes.value += 1;
      deps.ring(3);
    }
  });
  const overdueWatch = setInterval(() => {
    for (const row of rows.value) {
      if (!row.overdue || overdueSeen.has(row.id)) continue;
      overdueSeen.add(row.id);
      if (row.direction === 'incoming') {
        chimes.value += 1;
        deps.ring(4);
      }
    }
  }, 15_000);
  onScopeDispose(() => {
    stop();
    clearInterval(overdueWatch);
  });

  return {
    rows,
    targets,
    side,
    pending,
    error,
    /** How many times the desk chimed for assistance (shown for tests and the officer's log). */
    chimes,
    enabled: computed(() => side.value !== null),
    raise(input: RaiseAssistInput): Promise<boolean> {
      const desk = deps.desk();
      if (!desk || deps.readonly()) return Promise.resolve(false);
      return run('new', () => deps.connections()?.assistWorkflow()?.raiseAssist(input, desk) ?? null);
    },
    step(row: Pick<AssistDeskRow, 'id' | 'version'>, step: AssistStep, input: Omit<AssistStepInput, 'expectedVersion'> = {}): Promise<boolean> {
      const desk = deps.desk();
      if (!desk || deps.readonly()) return Promise.resolve(false);
      return run(row.id, () => deps.connections()?.assistWorkflow()?.stepAssist(row.id, step, { ...input, expectedVersion: row.version }, desk) ?? null);
    },
  };
}

export type AssistDesk = ReturnType<typeof useAssistDesk>;
