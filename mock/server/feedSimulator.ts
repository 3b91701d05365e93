/**
 * The simulator as one feeder among source systems: its history and every change it makes go
 * through the backend's validated ingest (server/ingestChanges.ts), as a deployment's own
 * systems would send them over `POST /api/v1/ingest`. Replacing the simulator with real sources
 * replaces this file, not the backend.
 *
 * Officers' actions are the store's, not the simulator's: when one changes a record (an alert
 * acknowledged), the simulator adopts that record, so its simulated follow-ups (dispatched,
 * settled) build on the officer's version instead of writing over it. A change of the simulator's
 * the store refuses as stale means another writer got there first: the simulator adopts the
 * stored record and goes on from it.
 */
import { ingestChanges } from '../../server/ingestChanges';
import type { ChangeStore } from '../../server/store/changeStore';
import type { EntityKind } from '../../src/domain/entities/entityKinds';
import type { WireChange } from '../../src/domain/wire';
import type { BorderSimulator } from '../../src/simulator/borderSimulator';
import type { SimRecord } from '../../src/simulator/simulationContext';

export interface SimulatorFeeder {
  /** Resolves once everything the simulator has made so far is committed. */
  settled(): Promise<void>;
  stop(): void;
}

const BATCH = 1000;

const withoutSeq = (change: WireChange) => {
  const { seq: _seq, ...draft } = change;
  return draft;
};

/**
 * A simulated hit on a control order the store holds as ended before the hit. A desk lifted it; a
 * simulator replaying its seed after a restart learns of the lift only once it has caught up, and
 * would otherwise raise the hits the running one had dropped.
 */
function hitsEndedOrder(store: ChangeStore, change: { [field: string]: unknown }): boolean {
  const record = change.record as { controlOrderId?: unknown; hit?: { at?: unknown } } | undefined;
  if (change.kind !== 'alert' || typeof record?.controlOrderId !== 'string') return false;
  const order = store.get('controlOrder', record.controlOrderId);
  const endedAt = order?.status === 'lifted' ? order.liftedAt : order?.status === 'expired' ? order.expiresAt : undefined;
  return typeof endedAt === 'string' && Date.parse(endedAt) <= Date.parse(String(record.hit?.at));
}

export function feedSimulator(simulator: BorderSimulator, store: ChangeStore, onError: (error: unknown) => void): SimulatorFeeder {
  let chain: Promise<void> = Promise.resolve();
  const send = (sent: { at?: string; [field: string]: unknown }[]) => {
    chain = chain.then(async () => {
      const changes = sent.filter((change) => !hitsEndedOrder(store, change));
      for (let i = 0; i < changes.length; i += BATCH) {
        const outcome = await ingestChanges(store, { changes: changes.slice(i, i + BATCH) });
        // The simulator's records always pass the contract; a rejection here is a simulator bug.
        if (outcome.rejected.length > 0) onError(new Error(`the store rejected ${outcome.rejected.length} simulated changes: ${outcome.rejected[0]!.reason}`));
        for (const { kind, id } of outcome.stale) adopt(kind, id);
      }
    }).catch(onError);
  };
  const adopt = (kind: EntityKind, id: string) => {
    const stored = store.get(kind, id);
    if (stored) simulator.adopt(kind, stored as unknown as SimRecord);
  };

  // What the simulator made before it was handed over (its warm-up): the state where its history
  // begins, then each change at its simulated time. On a database that already holds them (a
  // restart), they are stale and change nothing.
  const past = simulator.historyWindow(Number.NEGATIVE_INFINITY, simulator.now);
  const at = (ms: number) => new Date(ms).toISOString();
  send([
    ...past.base.map(({ kind, record }) => ({ at: at(past.fromMs), kind, op: 'upsert', record })),
    ...past.changes.map(({ at: ms, change }) => ({ at: at(ms), ...withoutSeq(change) })),
  ]);
  // Records the store holds at a newer version than the simulator's (officers' actions before a
  // restart; the simulator has run up to the store's latest time by now) are its starting point.
  for (const { kind, record } of store.snapshot().records) {
    const { id, version } = record as { id: string; version: number };
    if ((simulator.get(kind, id)?.version ?? Number.POSITIVE_INFINITY) < version) simulator.adopt(kind, record as SimRecord);
  }

  // An upsert is placed at its record's updatedAt (the moment the simulated event ran, not the end
  // of the tick that ran it); a delete, which carries no time, at the simulator's now.
  const stopSimulator = simulator.onChanges((changes) => send(changes.map((change) => (change.op === 'upsert' ? withoutSeq(change) : { at: at(simulator.now), ...withoutSeq(change) }))));
  const stopStore = store.onChanges((changes) => {
    for (const change of changes) {
      if (change.op !== 'upsert') continue;
      const record = change.record as SimRecord;
      if ((simulator.get(change.kind, record.id)?.version ?? Number.POSITIVE_INFINITY) < record.version) simulator.adopt(change.kind, record);
    }
  });
  return {
    settled: () => chain,
    stop() {
      stopSimulator();
      stopStore();
    },
  };
}
