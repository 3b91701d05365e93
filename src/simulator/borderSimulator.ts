/**
 * A deterministic, seeded discrete-event simulation of the Changshan–Yushan border (or any region
 * pack): stations and grids, control orders and their watchlist hits, grid events, assistance requests, patrols and KPIs.
 * It runs on simulated time: `advanceTo(t)` processes every event due by `t`, whatever the tick,
 * so the same seed gives the same records in the same order in Node and in the browser.
 */
import { ENTITY_KINDS, type EntityKind } from '../domain/entities/entityKinds';
import type { RegionPack } from '../domain/regionPack';
import type { WireChange, WireRecord } from '../domain/wire';
import { buildWorld } from './buildWorld';
import { ChangeLog } from './changeLog';
import { EventQueue } from './eventQueue';
import { HistoryLog, type HistoryWindow } from './historyLog';
import { SeededRandom } from './seededRandom';
import { type DraftRecord, HOUR, MINUTE, type SimRecord, type SimulationContext } from './simulationContext';
import { startAlerts } from './simulateAlerts';
import { startAssistRequests } from './simulateAssistRequests';
import { startControlOrders } from './simulateControlOrders';
import { startGridEvents } from './simulateGridEvents';
import { startPatrols } from './simulatePatrols';
import { putKpis, putStationsAndGrids } from './simulateStations';

export interface BorderSimulatorOptions {
  seed: number;
  region: RegionPack;
  /** Simulated time at which the simulation is "now", epoch milliseconds. */
  start: number;
  /** How much simulated history to generate before `start`, so the wall is not empty at launch. */
  warmUpMs?: number;
  /** How many changes the log keeps for clients resuming from a cursor. */
  logLimit?: number;
  /** How far back time playback may reach (7 days unless set). */
  historyRetentionMs?: number;
  source?: string;
}

export type AcknowledgeResult =
  | { ok: true; record: SimRecord }
  | { ok: false; code: 'not-found' | 'conflict'; message: string };

export class BorderSimulator {
  readonly log: ChangeLog;
  /** Every change with the simulated time it was made, for time playback. */
  readonly history: HistoryLog;
  private current: number;
  private readonly queue = new EventQueue();
  private readonly records = new Map<EntityKind, Map<string, SimRecord>>(ENTITY_KINDS.map((kind) => [kind, new Map()]));
  private readonly listeners = new Set<(changes: WireChange[]) => void>();
  private pending: WireChange[] = [];
  private readonly context: SimulationContext;
  private readonly raiseAlert: (severity: number) => SimRecord | undefined;
  private readonly raiseAssistRequest: () => string | undefined;

  constructor(options: BorderSimulatorOptions) {
    const random = new SeededRandom(options.seed);
    const world = buildWorld(options.region, random);
    const source = options.source ?? '演练模拟数据';
    this.log = new ChangeLog(options.logLimit);
    this.current = options.start - (options.warmUpMs ?? 24 * HOUR);
    this.history = new HistoryLog({ startMs: this.current, ...(options.historyRetentionMs !== undefined ? { retentionMs: options.historyRetentionMs } : {}) });
    const records = this.records;
    const put = (kind: EntityKind, draft: DraftRecord): SimRecord => {
      const previous = records.get(kind)!.get(draft.id);
      const record: SimRecord = { ...draft, version: (previous?.version ?? 0) + 1, updatedAt: new Date(this.current).toISOString(), source };
      records.get(kind)!.set(record.id, record);
      this.logChange(this.log.append({ kind, op: 'upsert', record }));
      return record;
    };
    const remove = (kind: EntityKind, id: string): void => {
      const previous = records.get(kind)!.get(id);
      if (!previous) return;
      records.get(kind)!.delete(id);
      this.logChange(this.log.append({ kind, op: 'delete', id, version: previous.version + 1 }));
    };
    this.context = {
      random,
      world,
      now: () => this.current,
      iso: (ms) => new Date(ms ?? this.current).toISOString(),
      schedule: (at, run) => this.queue.schedule(Math.max(at, this.current), run),
      put,
      remove,
      get: (kind, id) => records.get(kind)!.get(id),
      all: (kind) => records.get(kind)!.values(),
    };
    putStationsAndGrids(this.context);
    putKpis(this.context);
    // Drills (injected alerts and requests) draw on a stream of their own, so the seeded border is
    // the same with or without them: rebuilt from its seed after a restart, it makes the same records.
    const drills: SimulationContext = { ...this.context, random: new SeededRandom(options.seed ^ 0x5a5a5a5a) };
    startControlOrders(this.context);
    this.raiseAlert = startAlerts(this.context, drills);
    startGridEvents(this.context);
    this.raiseAssistRequest = startAssistRequests(this.context, options.start, drills);
    // Patrols only for the last minutes of the warm-up: their reports dominate the log otherwise.
    startPatrols(this.context, options.start - 10 * MINUTE);
    this.advanceTo(options.start);
  }

  /** Simulated now, epoch milliseconds. */
  get now(): number {
    return this.current;
  }

  get world() {
    return this.context.world;
  }

  /** Runs every event due by `time` and returns the changes they made, in sequence order. */
  advanceTo(time: number): WireChange[] {
    for (let event = this.queue.takeDue(time); event; event = this.queue.takeDue(time)) {
      this.current = Math.max(this.current, event.at);
      event.run();
    }
    this.current = Math.max(this.current, time);
    return this.flush();
  }

  /** Current state, consistent with the log up to `seq`. */
  snapshot(kinds: readonly EntityKind[] = ENTITY_KINDS): { seq: number; records: WireRecord[] } {
    const records: WireRecord[] = [];
    for (const kind of kinds) for (const record of this.records.get(kind)!.values()) records.push({ kind, record });
    return { seq: this.log.latestSeq, records };
  }

  /** The state at `fromMs` and every change up to `toMs`, neither later than now (see HistoryLog.window). */
  historyWindow(fromMs: number, toMs: number, kinds: readonly EntityKind[] = ENTITY_KINDS): HistoryWindow {
    return this.history.window(Math.min(fromMs, this.current), Math.min(toMs, this.current), kinds);
  }

  get(kind: EntityKind, id: string): SimRecord | undefined {
    return this.records.get(kind)!.get(id);
  }

  count(kind: EntityKind): number {
    return this.records.get(kind)!.size;
  }

  /** Write-back from a duty officer: `new` → `acknowledged`. */
  acknowledgeAlert(id: string, by: string): AcknowledgeResult {
    const alert = this.get('alert', id);
    if (!alert) return { ok: false, code: 'not-found', message: `no alert ${id}` };
    if (alert.status !== 'new') return { ok: false, code: 'conflict', message: `alert ${id} is ${String(alert.status)}, not new` };
    const statusTimes = { ...(alert.statusTimes as Record<string, string>), acknowledged: this.context.iso() };
    const record = this.context.put('alert', { ...alert, status: 'acknowledged', statusTimes, acknowledgedBy: by });
    this.flush();
    return { ok: true, record };
  }

  /**
   * Takes a record as another writer left it (an officer's action stored by the backend), so the
   * simulated follow-ups build on it instead of overwriting it. Nothing is logged: the change is
   * the other writer's.
   */
  adopt(kind: EntityKind, record: SimRecord): void {
    const current = this.get(kind, record.id);
    if (current && current.version >= record.version) return;
    this.records.get(kind)!.set(record.id, record);
  }

  /** Raises a watchlist hit now, outside the seeded schedule (a drill, or a test); undefined when no order is active. */
  injectAlert(severity: number): SimRecord | undefined {
    const alert = this.raiseAlert(Math.min(4, Math.max(1, Math.round(severity))));
    this.flush();
    return alert;
  }

  /** Raises a cross-border assistance request now; undefined when the region has one side only. */
  injectAssistRequest(): SimRecord | undefined {
    const id = this.raiseAssistRequest();
    this.flush();
    return id === undefined ? undefined : this.get('assistRequest', id);
  }

  /** Called with every batch of changes as it is made. */
  onChanges(listener: (changes: WireChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private logChange(change: WireChange): void {
    this.history.append(this.current, change);
    this.pending.push(change);
  }

  private flush(): WireChange[] {
    const changes = this.pending;
    this.pending = [];
    if (changes.length > 0) for (const listener of this.listeners) listener(changes);
    return changes;
  }
}
