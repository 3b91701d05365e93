/**
 * 一键指令: a duty desk gives a unit (a station, a checkpoint, a patrol) an instruction about an
 * alert or a grid event, and the unit's side reports it through received → en-route → handled →
 * feedback. Giving one moves the record along too: an alert not yet dispatched becomes
 * `dispatched`, a grid event still being discovered or analysed reaches its `command` stage. Each
 * step is one store write with its audit entry; a step out of order, by the wrong side, or on a
 * version other than the one the desk saw is refused and says why (and who changed it).
 */
import { randomUUID } from 'node:crypto';
import { alertSchema, canTransitionAlert, isAlertOpen, type AlertStatus } from '../../src/domain/entities/alert';
import { gridEventSchema, GRID_EVENT_STAGES } from '../../src/domain/entities/gridEvent';
import { type Instruction, type InstructionStage, MAX_INSTRUCTIONS, nextInstructionStage } from '../../src/domain/entities/instruction';
import type { AuditEntry } from '../store/auditEntry';
import type { ChangeStore, StoreView, VersionedRecord } from '../store/changeStore';
import { type ActionAnswer, type Actor, refusal } from './actor';

export type InstructedKind = 'alert' | 'gridEvent';

export interface DispatchInput {
  unitId: string;
  text: string;
  expectedVersion?: number;
}

export interface AdvanceInput {
  stage: InstructionStage;
  /** At `feedback`: what the unit reports. */
  note?: string;
  expectedVersion?: number;
}

type Planned = { changes: { at: number; change: { kind: InstructedKind; op: 'upsert'; record: VersionedRecord } }[]; result: undefined; audit: AuditEntry };
type Audit = Omit<AuditEntry, 'status' | 'response'>;

const refused = (audit: Audit, status: number, error: string, message: string, extra: Record<string, unknown> = {}): Planned => ({ changes: [], result: undefined, audit: { ...audit, ...refusal(status, error, message, extra) } });

function done(kind: InstructedKind, audit: Audit, record: VersionedRecord, now: number): Planned {
  const checked = (kind === 'alert' ? alertSchema : gridEventSchema).safeParse(record);
  if (!checked.success) throw new Error(`instruction ${audit.action} made an invalid ${kind}: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  return { changes: [{ at: now, change: { kind, op: 'upsert', record } }], result: undefined, audit: { ...audit, status: 200, response: { record } } };
}

/** The unit told: a station (police station, checkpoint, workstation) or a patrol. */
function unitOf(view: StoreView, id: string): { province: string } | undefined {
  const unit = view.get('station', id) ?? view.get('patrolTrack', id);
  return unit ? { province: String(unit.province) } : undefined;
}

const instructionsOf = (record: VersionedRecord): Instruction[] => (Array.isArray(record.instructions) ? (record.instructions as Instruction[]) : []);
const lastActor = (record: VersionedRecord): string => {
  const instructions = instructionsOf(record);
  const latest = instructions[instructions.length - 1];
  return latest?.changedBy ?? latest?.by ?? (typeof record.acknowledgedBy === 'string' ? record.acknowledgedBy : 'the source system');
};

function checkVersion(record: VersionedRecord, expected: number | undefined, audit: Audit, what: string): Planned | undefined {
  if (expected === undefined || expected === record.version) return undefined;
  const who = lastActor(record);
  return refused(audit, 409, 'conflict', `${what} was changed by ${who} (version ${record.version}, you acted on ${expected})`, { changedBy: who, record });
}

/** The record moved along by an instruction given: alerts to `dispatched`, grid events to `command`. */
function movedOn(kind: InstructedKind, record: VersionedRecord, at: string): VersionedRecord {
  if (kind === 'alert') {
    const status = record.status as AlertStatus;
    if (status === 'dispatched' || !canTransitionAlert(status, 'dispatched')) return record;
    return { ...record, status: 'dispatched', statusTimes: { ...(record.statusTimes as Record<string, string>), dispatched: at } };
  }
  const stage = String(record.stage);
  if (GRID_EVENT_STAGES.indexOf(stage as never) >= GRID_EVENT_STAGES.indexOf('command')) return record;
  // The command stage is the owning side's, whichever desk gave the instruction.
  const stages = record.stages as { side: string }[];
  return { ...record, stage: 'command', stages: [...stages, { stage: 'command', at, side: stages[stages.length - 1]!.side }] };
}

export async function dispatchInstruction(store: ChangeStore, kind: InstructedKind, id: string, input: DispatchInput, actor: Actor, now: number): Promise<ActionAnswer> {
  const audit: Audit = { at: now, actor: actor.by, screen: actor.screen, kind, recordId: id, action: 'instruct' };
  const { status, response, replayed } = await store.act(actor.key, (view) => {
    const record = view.get(kind, id);
    if (!record) return refused(audit, 404, 'not-found', `no ${kind} ${id}`);
    const desk = actor.desk === undefined ? undefined : view.get('station', actor.desk);
    if (!desk) return refused(audit, 400, 'bad-request', actor.desk === undefined ? 'an instruction needs the desk’s station: send X-Desk: <station id>' : `no station ${actor.desk} for X-Desk`);
    const unit = unitOf(view, input.unitId);
    if (!unit) return refused(audit, 400, 'bad-request', `no unit ${input.unitId} (a station, checkpoint or patrol) to instruct`);
    const conflict = checkVersion(record, input.expectedVersion, audit, `${kind} ${id}`);
    if (conflict) return conflict;
    const ended = kind === 'alert' ? !isAlertOpen(record.status as AlertStatus) : record.stage === 'closed';
    if (ended) return refused(audit, 409, 'conflict', `${kind} ${id} is ${String(record.status ?? record.stage)}: it takes no more instructions`);
    const instructions = instructionsOf(record);
    if (instructions.length >= MAX_INSTRUCTIONS) return refused(audit, 409, 'conflict', `${kind} ${id} already has ${MAX_INSTRUCTIONS} instructions`);
    const at = new Date(now).toISOString();
    const instruction: Instruction = { id: `ins-${randomUUID().slice(0, 13)}`, unitId: input.unitId, unitSide: unit.province, text: input.text, by: actor.by, side: String(desk.province), stage: 'sent', times: { sent: at } };
    const next = movedOn(kind, { ...record, version: record.version + 1, updatedAt: at, instructions: [...instructions, instruction] }, at);
    return done(kind, audit, next, now);
  });
  return { status, body: response, replayed };
}

export async function advanceInstruction(store: ChangeStore, kind: InstructedKind, id: string, instructionId: string, input: AdvanceInput, actor: Actor, now: number): Promise<ActionAnswer> {
  const audit: Audit = { at: now, actor: actor.by, screen: actor.screen, kind, recordId: id, action: `instruction-${input.stage}` };
  const { status, response, replayed } = await store.act(actor.key, (view) => {
    const record = view.get(kind, id);
    if (!record) return refused(audit, 404, 'not-found', `no ${kind} ${id}`);
    const instructions = instructionsOf(record);
    const index = instructions.findIndex((instruction) => instruction.id === instructionId);
    const instruction = instructions[index];
    if (!instruction) return refused(audit, 404, 'not-found', `no instruction ${instructionId} on ${kind} ${id}`);
    const desk = actor.desk === undefined ? undefined : view.get('station', actor.desk);
    if (!desk) return refused(audit, 400, 'bad-request', actor.desk === undefined ? 'reporting on an instruction needs the desk’s station: send X-Desk: <station id>' : `no station ${actor.desk} for X-Desk`);
    // The unit's side as it is now, or as it was when instructed if the unit is gone since.
    const unitSide = unitOf(view, instruction.unitId)?.province ?? instruction.unitSide;
    if (unitSide !== desk.province) return refused(audit, 403, 'forbidden', `only the instructed unit’s side (${unitSide ?? 'unknown'}) reports on instruction ${instructionId}`);
    const conflict = checkVersion(record, input.expectedVersion, audit, `${kind} ${id}`);
    if (conflict) return conflict;
    const expected = nextInstructionStage(instruction.stage);
    if (input.stage !== expected) {
      return refused(audit, 409, 'conflict', expected === null ? `instruction ${instructionId} is finished (feedback given by ${instruction.changedBy ?? instruction.by})` : `instruction ${instructionId} is ${instruction.stage}: the next step is ${expected}, not ${input.stage}`);
    }
    if (input.stage === 'feedback' && input.note === undefined) return refused(audit, 400, 'bad-request', 'feedback needs a note: what the unit reports');
    const at = new Date(now).toISOString();
    const moved: Instruction = { ...instruction, stage: input.stage, times: { ...instruction.times, [input.stage]: at }, changedBy: actor.by, ...(input.stage === 'feedback' ? { feedback: input.note! } : {}) };
    const next = { ...record, version: record.version + 1, updatedAt: at, instructions: instructions.map((item, i) => (i === index ? moved : item)) };
    return done(kind, audit, next, now);
  });
  return { status, body: response, replayed };
}
