/**
 * The one interface every backend implements (the shape of Grafana's data-source contract,
 * without its `any`): a snapshot of current state, a live stream of changes carrying a resume
 * cursor, health and capabilities, and optional write-back declared as a capability. Failures
 * are values with a reason the HUD can show, never thrown across this boundary.
 *
 * Everything that leaves an adapter has been validated and converted to WGS84: records that fail
 * are reported as rejections, one by one, and never reach a store.
 */
import type { Alert } from '../domain/entities/alert';
import type { AssistOutcome, AssistRequest } from '../domain/entities/assistRequest';
import type { ControlOrder } from '../domain/entities/controlOrder';
import type { GridEvent } from '../domain/entities/gridEvent';
import type { InstructionStage } from '../domain/entities/instruction';
import type { AnyEntity, EntityKind } from '../domain/entities/entityKinds';

export type FailureCode =
  | 'network'
  | 'http'
  | 'timeout'
  | 'invalid'
  | 'unauthorized'
  | 'not-found'
  | 'conflict'
  | 'cursor-expired'
  /** The backend's history is not the one the client followed (it was reset or replaced). */
  | 'history-changed'
  /** The backend answered with something that is not JSON (an HTML login or proxy error page). */
  | 'not-json'
  | 'unsupported';

export interface Failure {
  code: FailureCode;
  /** Words for diagnostics: what went wrong, with the source named (English, technical). */
  reason: string;
  status?: number;
  /** The server's own words (its error message, or the text of an HTML error page), plain text. */
  detail?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const failure = (code: FailureCode, reason: string, status?: number): Result<never> => ({
  ok: false,
  error: status === undefined ? { code, reason } : { code, reason, status },
});

export interface EntityRecord<K extends EntityKind = EntityKind> {
  kind: K;
  record: AnyEntity;
}

export type Change =
  | { seq: number; kind: EntityKind; op: 'upsert'; record: AnyEntity }
  | { seq: number; kind: EntityKind; op: 'delete'; id: string; version: number };

/** A record the adapter refused, and why, for diagnostics. */
export interface Rejection {
  source: string;
  kind: string | null;
  id: string | null;
  reason: string;
}

export interface SnapshotQuery {
  kinds?: readonly EntityKind[];
  /** west, south, east, north (WGS84 degrees). */
  bbox?: readonly [number, number, number, number];
  /** ISO 8601 window on `updatedAt`. */
  from?: string;
  to?: string;
}

export interface Snapshot {
  /** The change sequence number the snapshot is consistent with: stream from here. */
  cursor: number;
  /**
   * Which history the cursor belongs to. A backend that restarts with a different history (and so
   * with unrelated sequence numbers and versions) announces a new epoch; clients then start over.
   */
  epoch?: string;
  records: EntityRecord[];
  rejected: Rejection[];
}

export interface Capabilities {
  kinds: EntityKind[];
  stream: boolean;
  acknowledgeAlert: boolean;
  history: boolean;
  /** Raising and answering assistance requests from duty screens (AssistWorkflow). */
  assistWorkflow?: boolean;
  /** Each record's audit trail: who acted on it, from which screen, when (AuditReader). */
  audit?: boolean;
  /** Instructions to units on alerts and grid events, followed to feedback (InstructionWorkflow). */
  instructions?: boolean;
  /** Grid events handed across the border and accepted (HandoffWorkflow). */
  handoffs?: boolean;
  /** Control orders (布控) set and lifted from duty screens (ControlOrderWorkflow). */
  controlOrders?: boolean;
}

export interface Health {
  ok: boolean;
  /** The backend's own clock, for freshness checks. */
  time: string | null;
  latestCursor: number | null;
}

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface StreamStatus {
  state: StreamState;
  /** Reconnection attempts since the stream was last live. */
  attempt: number;
  lastError?: Failure;
  /** When the backend last said anything (a change or a heartbeat), ISO 8601. */
  lastMessageAt?: string;
  /** The backend's own clock as its last heartbeat gave it, ISO 8601. */
  backendTime?: string;
  /**
   * Silence longer than this makes the source stale: two of the heartbeat intervals the backend
   * announces, or the configured timeout when it announces none (two poll intervals when polled).
   */
  staleAfterMs?: number;
}

/**
 * Why a stream took a fresh snapshot. `cursor-expired`: the backend no longer keeps changes that
 * old, same history. The others are a restarted backend: another epoch, a sequence number behind
 * the one the client applied, or a clock that went back; what the source delivered before is
 * then replaced by the snapshot, versions included.
 */
export type ResyncReason = 'cursor-expired' | 'new-epoch' | 'sequence-behind' | 'clock-behind';

export interface StreamHandlers {
  /** Validated changes, in sequence order, with the cursor after them. */
  onChanges(changes: Change[], cursor: number): void;
  onRejected?(rejections: Rejection[]): void;
  onStatus?(status: StreamStatus): void;
  /**
   * The stream cannot go on from its cursor: apply this snapshot and carry on. With `replace`, the
   * backend restarted (see ResyncReason): its versions are unrelated to those held, so what this
   * source delivered before is replaced by the snapshot as it is.
   */
  onResync?(snapshot: Snapshot, options: { replace: boolean; reason: ResyncReason }): void;
}

export interface StreamOptions {
  /** Resume after this sequence number (from the snapshot, or the last applied change). */
  cursor: number;
  /** The epoch of the snapshot the cursor came from, when the backend has one. */
  epoch?: string;
  kinds?: readonly EntityKind[];
}

export interface Subscription {
  close(): void;
}

export interface DataSource {
  readonly id: string;
  readonly type: string;
  capabilities(): Promise<Result<Capabilities>>;
  health(): Promise<Result<Health>>;
  snapshot(query?: SnapshotQuery): Promise<Result<Snapshot>>;
  subscribe(handlers: StreamHandlers, options: StreamOptions): Subscription;
  close(): void;
}

export interface HistoryQuery {
  /** ISO 8601 start and end of the window to replay. */
  from: string;
  to: string;
  kinds?: readonly EntityKind[];
}

/** A change as it happened, for time playback. */
export interface TimedChange {
  /** When the backend made the change, epoch milliseconds. */
  at: number;
  change: Change;
}

/**
 * A window of the past: the state at its start and every change in it, in order. `from` is the
 * start the backend could serve (it keeps a bounded history), which may be later than asked.
 */
export interface History {
  from: string;
  to: string;
  base: EntityRecord[];
  changes: TimedChange[];
  rejected: Rejection[];
}

/** Time playback, for backends that declare `history`. */
export interface HistoryReader {
  history(query: HistoryQuery): Promise<Result<History>>;
}

export function canReadHistory(source: DataSource): source is DataSource & HistoryReader {
  return typeof (source as Partial<HistoryReader>).history === 'function';
}

/** Write-back of an acknowledgement, for backends that declare `acknowledgeAlert`. */
export interface AlertAcknowledger {
  acknowledgeAlert(id: string, by: string): Promise<Result<Alert>>;
}

export function canAcknowledgeAlerts(source: DataSource): source is DataSource & AlertAcknowledger {
  return typeof (source as Partial<AlertAcknowledger>).acknowledgeAlert === 'function';
}

/** The duty desk acting: the officer and the station whose side of the border the desk is on. */
export interface DeskIdentity {
  officer: string;
  /** A station id: the unit the desk acts for. */
  station: string;
}

export interface RaiseAssistInput {
  toStationId: string;
  subject: { type: 'person' | 'vehicle' | 'item'; summary: string; details?: string };
  slaMinutes: number;
}

export type AssistStep = 'accept' | 'decline' | 'progress' | 'complete' | 'withdraw';

export interface AssistStepInput {
  /** The version the desk saw: a change made since by someone else is refused (`conflict`). */
  expectedVersion?: number;
  note?: string;
  outcome?: AssistOutcome;
}

/** The assistance-request workflow, for backends that declare `assistWorkflow`. */
export interface AssistWorkflow {
  raiseAssist(input: RaiseAssistInput, desk: DeskIdentity): Promise<Result<AssistRequest>>;
  stepAssist(id: string, step: AssistStep, input: AssistStepInput, desk: DeskIdentity): Promise<Result<AssistRequest>>;
}

export function canRunAssistWorkflow(source: DataSource): source is DataSource & AssistWorkflow {
  return typeof (source as Partial<AssistWorkflow>).stepAssist === 'function';
}

/** One action as the audit trail shows it. */
export interface AuditLine {
  at: string;
  actor: string;
  screen: string;
  action: string;
  /** The answer's HTTP status: 2xx done, 4xx refused. */
  status: number;
}

/** Each record's audit trail, for backends that declare `audit`. */
export interface AuditReader {
  auditTrail(kind: EntityKind, id: string): Promise<Result<AuditLine[]>>;
}

export function canReadAudit(source: DataSource): source is DataSource & AuditReader {
  return typeof (source as Partial<AuditReader>).auditTrail === 'function';
}

export type InstructedKind = 'alert' | 'gridEvent';

/** 指令: a desk instructs a unit about an alert or a grid event; the unit's side reports each step. */
export interface InstructionWorkflow {
  dispatchInstruction(kind: InstructedKind, id: string, input: { unitId: string; text: string; expectedVersion?: number }, desk: DeskIdentity): Promise<Result<Alert | GridEvent>>;
  advanceInstruction(
    kind: InstructedKind,
    id: string,
    instructionId: string,
    stage: Exclude<InstructionStage, 'sent'>,
    input: { note?: string; expectedVersion?: number },
    desk: DeskIdentity,
  ): Promise<Result<Alert | GridEvent>>;
}

export function canInstruct(source: DataSource): source is DataSource & InstructionWorkflow {
  return typeof (source as Partial<InstructionWorkflow>).dispatchInstruction === 'function';
}

/** 跨省交办: the owning side hands a grid event across the border; a desk on the other side accepts it. */
export interface HandoffWorkflow {
  handOffGridEvent(id: string, input: { toSide: string; note?: string }, desk: DeskIdentity): Promise<Result<GridEvent>>;
  acceptHandoff(id: string, index: number, desk: DeskIdentity): Promise<Result<GridEvent>>;
}

export function canHandOff(source: DataSource): source is DataSource & HandoffWorkflow {
  return typeof (source as Partial<HandoffWorkflow>).acceptHandoff === 'function';
}

export interface SetControlOrderInput {
  watchlist: string;
  severity: number;
  subject: ControlOrder['subject'];
  /** The sides that check; both sides of the border when left out. */
  checkSides?: string[];
  /** How long it runs before it expires. */
  hours: number;
}

/** 布控: a desk sets a control order for its side, checked on the sides it names; only that side lifts it. */
export interface ControlOrderWorkflow {
  setControlOrder(input: SetControlOrderInput, desk: DeskIdentity): Promise<Result<ControlOrder>>;
  liftControlOrder(id: string, input: { expectedVersion?: number }, desk: DeskIdentity): Promise<Result<ControlOrder>>;
}

export function canSetControlOrders(source: DataSource): source is DataSource & ControlOrderWorkflow {
  return typeof (source as Partial<ControlOrderWorkflow>).setControlOrder === 'function';
}
