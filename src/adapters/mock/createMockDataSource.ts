/**
 * The `mock` adapter: the same seeded simulator as the mock server, running in the page, for a
 * static deployment with no server at all. Its records go through the same validation as any
 * backend's: the simulator is a source like the others, not a special case.
 */
import type { MockSourceSettings } from '../../domain/appConfig';
import type { Alert } from '../../domain/entities/alert';
import { ENTITY_KINDS } from '../../domain/entities/entityKinds';
import type { RegionPack } from '../../domain/regionPack';
import { BorderSimulator } from '../../simulator/borderSimulator';
import { SimulationClock, driveSimulation } from '../../simulator/simulationClock';
import { advanceCursor } from '../advanceCursor';
import { parseHistoryWindow } from '../../domain/parseHistoryWindow';
import { type AlertAcknowledger, type DataSource, type HistoryReader, type Result, type Snapshot, type SnapshotQuery, failure, success } from '../contract';
import { validateHistory } from '../validateHistory';
import { matchesSnapshotQuery } from '../../domain/matchesSnapshotQuery';
import { validateChanges, validateRecord, validateRecords } from '../validateRecords';

/** As the mock server's default. */
const HEARTBEAT_MS = 5000;

export interface MockDataSourceOptions {
  start?: number;
  /** A simulator driven by the caller (tests); without one the adapter runs its own in real time. */
  simulator?: BorderSimulator;
}

export function createMockDataSource(settings: MockSourceSettings, region: RegionPack, options: MockDataSourceOptions = {}): DataSource & AlertAcknowledger & HistoryReader {
  const start = options.start ?? Date.now();
  const simulator = options.simulator ?? new BorderSimulator({ seed: settings.seed, region, start, source: settings.id });
  const stopDriving = options.simulator ? () => {} : driveSimulation(simulator, new SimulationClock(start, settings.speed), 250);
  const validation = { source: settings.id, crs: 'wgs84' as const };
  const takeSnapshot = (query: SnapshotQuery): Snapshot => {
    const snapshot = simulator.snapshot(query.kinds);
    const { records, rejected } = validateRecords(snapshot.records, validation);
    return { cursor: snapshot.seq, records: records.filter((r) => matchesSnapshotQuery(r, query)), rejected };
  };

  return {
    id: settings.id,
    type: 'mock',
    async capabilities() {
      return success({ kinds: [...ENTITY_KINDS], stream: true, acknowledgeAlert: true, history: true });
    },
    async health() {
      return success({ ok: true, time: new Date(simulator.now).toISOString(), latestCursor: simulator.log.latestSeq });
    },
    snapshot: async (query = {}) => success(takeSnapshot(query)),
    async history(query) {
      // The server's rules, so a window the mock server refuses is refused here too.
      const window = parseHistoryWindow(query.from, query.to);
      if ('error' in window) return failure('invalid', `${settings.id} history: ${window.error}`);
      const served = simulator.historyWindow(window.fromMs, window.toMs, query.kinds);
      const iso = (ms: number) => new Date(ms).toISOString();
      return success(validateHistory({ from: iso(served.fromMs), to: iso(served.toMs), records: served.base, changes: served.changes }, validation));
    },
    subscribe(handlers, options) {
      const kinds = options.kinds ? new Set(options.kinds) : undefined;
      let cursor = options.cursor;
      const deliver = (raw: readonly unknown[]) => {
        const { changes, rejected } = validateChanges(raw, validation);
        if (rejected.length > 0) handlers.onRejected?.(rejected);
        const advanced = advanceCursor(cursor, kinds ? changes.filter((change) => kinds.has(change.kind)) : changes, raw.length > 0 ? (raw[raw.length - 1] as { seq?: number }).seq : undefined);
        cursor = advanced.cursor;
        if (advanced.fresh.length > 0) handlers.onChanges(advanced.fresh, cursor);
      };
      // Anything logged between the snapshot and now first, then live; if the log no longer
      // reaches back that far, start again from a fresh snapshot rather than skip what was missed.
      if (simulator.log.canResumeAfter(cursor)) deliver(simulator.log.after(cursor));
      else {
        const fresh = takeSnapshot({ ...(options.kinds ? { kinds: options.kinds } : {}) });
        cursor = fresh.cursor;
        handlers.onResync?.(fresh, { replace: false, reason: 'cursor-expired' });
      }
      const stop = simulator.onChanges(deliver);
      // A heartbeat as the server's: a quiet spell of the simulation is not a stale source.
      const beat = () =>
        handlers.onStatus?.({ state: 'live', attempt: 0, lastMessageAt: new Date().toISOString(), staleAfterMs: 2 * HEARTBEAT_MS, backendTime: new Date(simulator.now).toISOString() });
      beat();
      const heartbeat = setInterval(beat, HEARTBEAT_MS);
      return {
        close() {
          clearInterval(heartbeat);
          stop();
          handlers.onStatus?.({ state: 'closed', attempt: 0 });
        },
      };
    },
    async acknowledgeAlert(id, by): Promise<Result<Alert>> {
      const result = simulator.acknowledgeAlert(id, by);
      if (!result.ok) return failure(result.code, `${settings.id}: ${result.message}`);
      const checked = validateRecord('alert', result.record, validation);
      return checked.ok ? success(checked.value.record as Alert) : failure('invalid', checked.rejection.reason);
    },
    close() {
      stopDriving();
    },
  };
}
