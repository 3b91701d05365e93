/**
 * The duty desk's part in 布控: set a control order for the desk's side, checked on both sides of
 * the border unless the desk says otherwise, and lift (撤控) one its side set. The backend keeps
 * the rules; this offers only what can succeed. Walls and briefings never act.
 */
import { computed } from 'vue';
import type { SetControlOrderInput } from '../adapters/contract';
import type { ControlOrderRow } from '../panels/live/describeControlOrders';
import type { EntityReader } from '../stores/entityStore';
import type { Connections } from './connectDataSources';
import { useDeskAction } from './useDeskAction';

export interface ControlOrderDeskDeps {
  live: EntityReader;
  revision: () => number;
  connections: () => Connections | undefined;
  desk: () => { station: string; officer: string } | null;
  /** Playback: the past is not acted on. */
  readonly: () => boolean;
}

export function useControlOrders(deps: ControlOrderDeskDeps) {
  const { pending, error, run } = useDeskAction('the backend does not take control orders');
  const side = computed(() => {
    void deps.revision();
    const desk = deps.desk();
    // No buttons where the backend does not take control orders: they could only fail.
    if (!desk || deps.readonly() || !deps.connections()?.controlOrders()) return null;
    return deps.live.peek('station', desk.station)?.province ?? null;
  });
  return {
    pending,
    error,
    /** The desk's side when it may act on control orders, else null. */
    side,
    set(input: SetControlOrderInput): Promise<boolean> {
      const desk = deps.desk();
      if (!desk || side.value === null) return Promise.resolve(false);
      return run('new', () => deps.connections()?.controlOrders()?.setControlOrder(input, desk) ?? null);
    },
    lift(row: Pick<ControlOrderRow, 'id'>): Promise<boolean> {
      const desk = deps.desk();
      if (!desk || side.value === null) return Promise.resolve(false);
      // No expectedVersion: a hit counted meanwhile changes the version and is no reason to refuse a lift.
      return run(row.id, () => deps.connections()?.controlOrders()?.liftControlOrder(row.id, {}, desk) ?? null);
    },
  };
}

export type ControlOrderDesk = ReturnType<typeof useControlOrders>;
