/**
 * 跨省协查 as two duty desks run it: one side raises a request to a station across the border,
 * the other accepts or declines it, either side reports progress, the receiving side reports the
 * result (intercepted, located, not found) and the raising side may withdraw it. Each step is one
 * store write with its audit entry; a step taken on a version other than the one the desk saw is
 * refused naming who changed it, and a step only the other side may take is refused naming why.
 */
import { randomUUID } from 'node:crypto';
import { type AssistOutcome, type AssistRequest, assistRequestSchema } from '../../src/domain/entities/assistRequest';
import type { ChangeStore, StoreView, VersionedRecord } from '../store/changeStore';
import type { AuditEntry } from '../store/auditEntry';
import { type ActionAnswer, type Actor, refusal } from './actor';

export type AssistStep = 'accept' | 'decline' | 'progress' | 'complete' | 'withdraw';
export const ASSIST_STEPS: readonly AssistStep[] = ['accept', 'decline', 'progress', 'complete', 'withdraw'];

export interface RaiseAssistInput {
  toStationId: string;
  subject: { type: 'person' | 'vehicle' | 'item'; summary: string; details?: string };
  slaMinutes: number;
}

export interface AssistStepInput {
  /** The version the desk acted on: another one means someone changed it meanwhile. */
  expectedVersion?: number;
  /** What happened (progress), or why (decline, withdraw). */
  note?: string;
  /** `complete`: how it ended. */
  outcome?: AssistOutcome;
}

const OUTCOMES_OF_COMPLETE: readonly AssistOutcome[] = ['intercepted', 'located', 'not-found'];

type Planned = { changes: { at: number; change: { kind: 'assistRequest'; op: 'upsert'; record: VersionedRecord } }[]; result: undefined; audit: AuditEntry };

function deskStation(view: StoreView, actor: Actor) {
  if (actor.desk === undefined) return undefined;
  const station = view.get('station', actor.desk);
  return station ? { id: station.id, province: String(station.province), name: String(station.name) } : undefined;
}

function done(audit: Omit<AuditEntry, 'status' | 'response'>, record: VersionedRecord, now: number): Planned {
  // An action's record passes the same contract as every source's, or it is not written.
  const checked = assistRequestSchema.safeParse(record);
  if (!checked.success) throw new Error(`assistance ${audit.action} made an invalid record: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  return { changes: [{ at: now, change: { kind: 'assistRequest', op: 'upsert', record } }], result: undefined, audit: { ...audit, status: 200, response: { record } } };
}

function refused(audit: Omit<AuditEntry, 'status' | 'response'>, status: number, error: string, message: string, extra: Record<string, unknown> = {}): Planned {
  return { changes: [], result: undefined, audit: { ...audit, ...refusal(status, error, message, extra) } };
}

export async function raiseAssist(store: ChangeStore, input: RaiseAssistInput, actor: Actor, now: number): Promise<ActionAnswer> {
  const id = `assist-desk-${randomUUID().slice(0, 13)}`;
  const audit = { at: now, actor: actor.by, screen: actor.screen, kind: 'assistRequest' as const, recordId: id, action: 'raise' };
  const { status, response, replayed } = await store.act(actor.key, (view) => {
    const from = deskStation(view, actor);
    if (!from) return refused(audit, 400, 'bad-request', actor.desk === undefined ? 'raising a request needs the desk’s station: send X-Desk: <station id>' : `no station ${actor.desk} for X-Desk`);
    const to = view.get('station', input.toStationId);
    if (!to) return refused(audit, 400, 'bad-request', `no station ${input.toStationId} to ask`);
    if (to.province === from.province) return refused(audit, 400, 'bad-request', `${input.toStationId} is on the desk’s own side: assistance is asked across the border`);
    const at = new Date(now).toISOString();
    const record: VersionedRecord = {
      id,
      version: 1,
      updatedAt: at,
      province: to.province,
      county: to.county,
      ...(typeof to.town === 'string' ? { town: to.town } : {}),
      position: to.position,
      // The detail panel names the source: the desk that raised it, in words.
      source: `${from.name} 值班台`.slice(0, 64),
      fromStationId: from.id,
      toStationId: to.id,
      fromSide: from.province,
      toSide: to.province,
      subject: input.subject,
      requestedAt: at,
      slaMinutes: input.slaMinutes,
      status: 'open',
      raisedBy: actor.by,
      changedBy: actor.by,
    };
    return done(audit, record, now);
  });
  return { status, body: response, replayed };
}

/** Which side may take a step, and from which statuses. */
const STEP_RULES: Record<AssistStep, { side: 'to' | 'from' | 'either'; from: readonly AssistRequest['status'][] }> = {
  accept: { side: 'to', from: ['open'] },
  decline: { side: 'to', from: ['open'] },
  progress: { side: 'either', from: ['open', 'responded'] },
  complete: { side: 'to', from: ['responded'] },
  withdraw: { side: 'from', from: ['open', 'responded'] },
};

function applyStep(request: VersionedRecord, step: AssistStep, input: AssistStepInput, actor: Actor, side: string, at: string): VersionedRecord | string {
  const next: VersionedRecord = { ...request, version: request.version + 1, updatedAt: at, changedBy: actor.by };
  const notes = Array.isArray(request.notes) ? (request.notes as unknown[]) : [];
  if (input.note !== undefined) next.notes = [...notes, { at, side, by: actor.by, text: input.note }].slice(-50);
  switch (step) {
    case 'accept':
      return { ...next, status: 'responded', respondedAt: at, respondedBy: actor.by };
    case 'decline':
      if (input.note === undefined) return 'a decline needs a note saying why';
      return { ...next, status: 'declined', respondedAt: at, respondedBy: actor.by };
    case 'progress':
      if (input.note === undefined) return 'progress needs a note';
      return next;
    case 'complete':
      if (input.outcome === undefined || !OUTCOMES_OF_COMPLETE.includes(input.outcome)) return `complete needs an outcome: ${OUTCOMES_OF_COMPLETE.join(', ')}`;
      return { ...next, status: 'completed', completedAt: at, completedBy: actor.by, outcome: input.outcome };
    case 'withdraw':
      return { ...next, status: 'completed', completedAt: at, completedBy: actor.by, outcome: 'withdrawn' };
  }
}

export async function stepAssist(store: ChangeStore, id: string, step: AssistStep, input: AssistStepInput, actor: Actor, now: number): Promise<ActionAnswer> {
  const audit = { at: now, actor: actor.by, screen: actor.screen, kind: 'assistRequest' as const, recordId: id, action: step };
  const { status, response, replayed } = await store.act(actor.key, (view) => {
    const request = view.get('assistRequest', id);
    if (!request) return refused(audit, 404, 'not-found', `no assistance request ${id}`);
    const desk = deskStation(view, actor);
    if (!desk) return refused(audit, 400, 'bad-request', actor.desk === undefined ? 'acting on a request needs the desk’s station: send X-Desk: <station id>' : `no station ${actor.desk} for X-Desk`);
    const who = typeof request.changedBy === 'string' ? request.changedBy : 'the source system';
    if (input.expectedVersion !== undefined && input.expectedVersion !== request.version) {
      return refused(audit, 409, 'conflict', `request ${id} was changed by ${who} (version ${request.version}, you acted on ${input.expectedVersion})`, { changedBy: who, record: request });
    }
    const rule = STEP_RULES[step];
    const status = request.status as AssistRequest['status'];
    if (!rule.from.includes(status)) return refused(audit, 409, 'conflict', `request ${id} is ${status} (last changed by ${who}): it cannot be ${step === 'progress' ? 'updated' : `${step}ed`} now`, { changedBy: who, record: request });
    const sideOk = rule.side === 'either' ? desk.province === request.fromSide || desk.province === request.toSide : desk.province === request[rule.side === 'to' ? 'toSide' : 'fromSide'];
    if (!sideOk) return refused(audit, 403, 'forbidden', `only the ${rule.side === 'to' ? 'receiving' : rule.side === 'from' ? 'raising' : 'two'} side${rule.side === 'either' ? 's' : ''} may ${step} request ${id}`);
    const next = applyStep(request, step, input, actor, desk.province, new Date(now).toISOString());
    if (typeof next === 'string') return refused(audit, 400, 'bad-request', next);
    return done(audit, next, now);
  });
  return { status, body: response, replayed };
}
