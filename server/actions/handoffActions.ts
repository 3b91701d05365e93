/**
 * 跨省交办: the side that owns a grid event hands it to the other side, and a desk on that side
 * accepts it (接收), after which the event's next stages are that side's. Each is one store write
 * with its audit entry; a handoff by a side that does not own the event, or an accept by the wrong
 * side or of one already accepted, is refused and says why (and who).
 */
import { gridEventSchema } from '../../src/domain/entities/gridEvent';
import type { AuditEntry } from '../store/auditEntry';
import type { ChangeStore, VersionedRecord } from '../store/changeStore';
import { type ActionAnswer, type Actor, refusal } from './actor';

interface Handoff {
  at: string;
  fromSide: string;
  toSide: string;
  note?: string;
  by?: string;
  acceptedAt?: string;
  acceptedBy?: string;
}

type Planned = { changes: { at: number; change: { kind: 'gridEvent'; op: 'upsert'; record: VersionedRecord } }[]; result: undefined; audit: AuditEntry };
type Audit = Omit<AuditEntry, 'status' | 'response'>;

const refused = (audit: Audit, status: number, error: string, message: string): Planned => ({ changes: [], result: undefined, audit: { ...audit, ...refusal(status, error, message) } });

function done(audit: Audit, record: VersionedRecord, now: number): Planned {
  const checked = gridEventSchema.safeParse(record);
  if (!checked.success) throw new Error(`grid event ${audit.action} made an invalid record: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  return { changes: [{ at: now, change: { kind: 'gridEvent', op: 'upsert', record } }], result: undefined, audit: { ...audit, status: 200, response: { record } } };
}

/** The side that owns the event now: the receiving side of its last accepted handoff, else the side of its latest stage. */
function ownerOf(event: VersionedRecord): string {
  const handoffs = (event.handoffs as Handoff[]) ?? [];
  const accepted = [...handoffs].reverse().find((handoff) => handoff.acceptedAt !== undefined);
  const stages = event.stages as { side: string }[];
  return accepted?.toSide ?? stages[stages.length - 1]!.side;
}

export async function handOffGridEvent(store: ChangeStore, id: string, input: { toSide: string; note?: string }, actor: Actor, now: number): Promise<ActionAnswer> {
  // The sides a handoff may go to: those with stations on the map (a handoff to nobody would wait forever).
  const sides = new Set([...store.all('station')].map((station) => String(station.province)));
  const audit: Audit = { at: now, actor: actor.by, screen: actor.screen, kind: 'gridEvent', recordId: id, action: 'handoff' };
  const { status, response, replayed } = await store.act(actor.key, (view) => {
    const event = view.get('gridEvent', id);
    if (!event) return refused(audit, 404, 'not-found', `no grid event ${id}`);
    const desk = actor.desk === undefined ? undefined : view.get('station', actor.desk);
    if (!desk) return refused(audit, 400, 'bad-request', 'a handoff needs the desk’s station: send X-Desk: <station id>');
    if (event.stage === 'closed') return refused(audit, 409, 'conflict', `grid event ${id} is closed`);
    const handoffs = (event.handoffs as Handoff[]) ?? [];
    const pending = handoffs.find((handoff) => handoff.acceptedAt === undefined && handoff.by !== undefined);
    if (pending) return refused(audit, 409, 'conflict', `grid event ${id} was handed to ${pending.toSide} by ${pending.by} and waits to be accepted`);
    const owner = ownerOf(event);
    if (desk.province !== owner) return refused(audit, 403, 'forbidden', `grid event ${id} is ${owner}'s to hand over`);
    if (input.toSide === owner) return refused(audit, 400, 'bad-request', `${input.toSide} already owns grid event ${id}: hand it across the border`);
    if (!sides.has(input.toSide)) return refused(audit, 400, 'bad-request', `no side ${input.toSide} on this map: ${[...sides].join(', ')}`);
    const at = new Date(now).toISOString();
    const handoff: Handoff = { at, fromSide: owner, toSide: input.toSide, by: actor.by, ...(input.note !== undefined ? { note: input.note } : {}) };
    return done(audit, { ...event, version: event.version + 1, updatedAt: at, handoffs: [...handoffs, handoff].slice(-50) }, now);
  });
  return { status, body: response, replayed };
}

export async function acceptHandoff(store: ChangeStore, id: string, index: number, actor: Actor, now: number): Promise<ActionAnswer> {
  const audit: Audit = { at: now, actor: actor.by, screen: actor.screen, kind: 'gridEvent', recordId: id, action: 'accept-handoff' };
  const { status, response, replayed } = await store.act(actor.key, (view) => {
    const event = view.get('gridEvent', id);
    if (!event) return refused(audit, 404, 'not-found', `no grid event ${id}`);
    const handoffs = (event.handoffs as Handoff[]) ?? [];
    const handoff = handoffs[index];
    if (!handoff) return refused(audit, 404, 'not-found', `grid event ${id} has no handoff ${index}`);
    const desk = actor.desk === undefined ? undefined : view.get('station', actor.desk);
    if (!desk) return refused(audit, 400, 'bad-request', 'accepting a handoff needs the desk’s station: send X-Desk: <station id>');
    if (desk.province !== handoff.toSide) return refused(audit, 403, 'forbidden', `only ${handoff.toSide} accepts this handoff`);
    if (handoff.acceptedAt !== undefined) return refused(audit, 409, 'conflict', `handoff ${index} of grid event ${id} was accepted by ${handoff.acceptedBy ?? 'the other side'}`);
    const at = new Date(now).toISOString();
    const accepted = { ...handoff, acceptedAt: at, acceptedBy: actor.by };
    return done(audit, { ...event, version: event.version + 1, updatedAt: at, handoffs: handoffs.map((item, i) => (i === index ? accepted : item)) }, now);
  });
  return { status, body: response, replayed };
}
