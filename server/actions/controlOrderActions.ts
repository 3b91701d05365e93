/**
 * 布控 from the desks: a desk sets a control order on a person or vehicle for its own side and
 * names the sides that check (both, by default: 一地布控、两域双查); only the setting side lifts
 * it (撤控). Each is one store write with its audit entry, checked against the same contract as
 * every source's records.
 */
import { randomUUID } from 'node:crypto';
import { controlOrderSchema } from '../../src/domain/entities/controlOrder';
import type { AuditEntry } from '../store/auditEntry';
import type { ChangeStore, StoreView, VersionedRecord } from '../store/changeStore';
import { type ActionAnswer, type Actor, refusal } from './actor';

export interface SetControlOrderInput {
  watchlist: string;
  severity: number;
  subject: { type: 'person' | 'vehicle'; name?: string; idNumber?: string; phone?: string; plate?: string; description?: string };
  /** The sides that check; both sides of the border when left out. */
  checkSides?: string[];
  /** How long it runs before it expires. */
  hours: number;
}

export interface LiftControlOrderInput {
  expectedVersion?: number;
}

type Planned = { changes: { at: number; change: { kind: 'controlOrder'; op: 'upsert'; record: VersionedRecord } }[]; result: undefined; audit: AuditEntry };
type Audit = Omit<AuditEntry, 'status' | 'response'>;

function done(audit: Audit, record: VersionedRecord, now: number): Planned {
  const checked = controlOrderSchema.safeParse(record);
  if (!checked.success) throw new Error(`control order ${audit.action} made an invalid record: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  return { changes: [{ at: now, change: { kind: 'controlOrder', op: 'upsert', record } }], result: undefined, audit: { ...audit, status: 200, response: { record } } };
}

function refused(audit: Audit, status: number, error: string, message: string, extra: Record<string, unknown> = {}): Planned {
  return { changes: [], result: undefined, audit: { ...audit, ...refusal(status, error, message, extra) } };
}

function deskOf(view: StoreView, actor: Actor) {
  if (actor.desk === undefined) return 'a control order needs the desk’s station: send X-Desk: <station id>';
  const station = view.get('station', actor.desk);
  return station ? station : `no station ${actor.desk} for X-Desk`;
}

export async function setControlOrder(store: ChangeStore, input: SetControlOrderInput, actor: Actor, now: number): Promise<ActionAnswer> {
  const id = `control-desk-${randomUUID().slice(0, 13)}`;
  const audit: Audit = { at: now, actor: actor.by, screen: actor.screen, kind: 'controlOrder', recordId: id, action: 'set' };
  // The sides a control can be checked on: those with stations on the map.
  const sides = new Set([...store.all('station')].map((station) => String(station.province)));
  const { status, response, replayed } = await store.act(actor.key, (view) => {
    const station = deskOf(view, actor);
    if (typeof station === 'string') return refused(audit, 400, 'bad-request', station);
    const checkSides = [...new Set(input.checkSides ?? [...sides])];
    const unknown = checkSides.find((side) => !sides.has(side));
    if (unknown !== undefined) return refused(audit, 400, 'bad-request', `checkSides: no stations on side ${unknown} (sides: ${[...sides].join(', ')})`);
    const subject = input.subject;
    if (subject.type === 'vehicle' ? !subject.plate : !subject.name && !subject.idNumber) {
      return refused(audit, 400, 'bad-request', subject.type === 'vehicle' ? 'subject.plate: a vehicle is controlled by its plate' : 'subject: a person is controlled by name or ID number');
    }
    const at = new Date(now).toISOString();
    const record: VersionedRecord = {
      id,
      version: 1,
      updatedAt: at,
      province: station.province,
      county: station.county,
      ...(typeof station.town === 'string' ? { town: station.town } : {}),
      position: station.position,
      source: `${String(station.name)} 值班台`.slice(0, 64),
      setStationId: station.id,
      setAt: at,
      setBy: actor.by,
      severity: input.severity,
      watchlist: input.watchlist,
      subject,
      checkSides,
      status: 'active',
      expiresAt: new Date(now + input.hours * 3_600_000).toISOString(),
      hitCount: 0,
      changedBy: actor.by,
    };
    return done(audit, record, now);
  });
  return { status, body: response, replayed };
}

export async function liftControlOrder(store: ChangeStore, id: string, input: LiftControlOrderInput, actor: Actor, now: number): Promise<ActionAnswer> {
  const audit: Audit = { at: now, actor: actor.by, screen: actor.screen, kind: 'controlOrder', recordId: id, action: 'lift' };
  const { status, response, replayed } = await store.act(actor.key, (view) => {
    const order = view.get('controlOrder', id);
    if (!order) return refused(audit, 404, 'not-found', `no control order ${id}`);
    const station = deskOf(view, actor);
    if (typeof station === 'string') return refused(audit, 400, 'bad-request', station);
    // The side first: the other side learns it may not, not how the order changed.
    if (station.province !== order.province) return refused(audit, 403, 'forbidden', `only the side that set control order ${id} may lift it`);
    const who = typeof order.changedBy === 'string' ? order.changedBy : 'the source system';
    if (order.status !== 'active') return refused(audit, 409, 'conflict', `control order ${id} is ${String(order.status)} already`, { changedBy: who, record: order });
    if (typeof order.expiresAt === 'string' && Date.parse(order.expiresAt) <= now) return refused(audit, 409, 'conflict', `control order ${id} expired at ${order.expiresAt}`, { record: order });
    if (input.expectedVersion !== undefined && input.expectedVersion !== order.version) {
      return refused(audit, 409, 'conflict', `control order ${id} was changed by ${who} (version ${order.version}, you acted on ${input.expectedVersion})`, { changedBy: who, record: order });
    }
    const at = new Date(now).toISOString();
    return done(audit, { ...order, version: order.version + 1, updatedAt: at, status: 'lifted', liftedAt: at, liftedBy: actor.by, changedBy: actor.by }, now);
  });
  return { status, body: response, replayed };
}
