/**
 * The wire format of the HTTP contract (REST, SSE and WebSocket all carry the same envelopes).
 * Every change has a sequence number from the backend's change log: a client resumes after the
 * last one it applied, so a reconnect neither misses nor repeats a change. Records are checked
 * against their kind's schema separately, so one bad record is rejected alone.
 */
import { z } from './z';
import { ENTITY_KINDS, type EntityKind } from './entities/entityKinds';

const sequenceSchema = z.number().int().nonnegative();

/**
 * A change and a record as they travel: the envelope only. Each record is checked against its
 * kind's schema on arrival (adapters/validateRecords.ts), so one bad record is rejected alone.
 */
export type WireChange =
  | { seq: number; kind: EntityKind; op: 'upsert'; record: unknown }
  | { seq: number; kind: EntityKind; op: 'delete'; id: string; version: number };

export interface WireRecord {
  kind: EntityKind;
  record: unknown;
}

/**
 * Which history a sequence number belongs to. A backend whose change log restarts (a new
 * database, a mock restarted with another seed) gives a new epoch, and clients start over from a
 * snapshot instead of mixing two histories' sequence numbers and versions. Optional: a backend
 * whose log never restarts need not send it.
 */
const epochSchema = z.string().min(1).max(64);

/** GET /snapshot: the current state and the sequence number it is consistent with. */
export const snapshotResponseSchema = z.object({ seq: sequenceSchema, epoch: epochSchema.optional(), records: z.array(z.unknown()) });

/** GET /changes, and one SSE `changes` event or WebSocket `changes` message. */
export const changesResponseSchema = z.object({ seq: sequenceSchema, epoch: epochSchema.optional(), changes: z.array(z.unknown()) });

/**
 * GET /history: a window of the past, for time playback. `records` is the state at `from` and
 * `changes` every change after it up to `to`, in sequence order, each with the time the backend
 * made it. `from` is the start the backend could serve (it keeps a bounded history), so it may
 * be later than asked. As in a snapshot and a change log, each record and change is checked on
 * its own: one bad record is rejected alone.
 */
export const historyResponseSchema = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  epoch: epochSchema.optional(),
  records: z.array(z.unknown()),
  changes: z.array(z.object({ at: z.iso.datetime({ offset: true }), change: z.unknown() })),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  time: z.iso.datetime({ offset: true }),
  seq: sequenceSchema,
  /** The oldest change still in the log: resuming from before it needs a fresh snapshot. */
  oldestSeq: sequenceSchema,
  epoch: epochSchema.optional(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const capabilitiesResponseSchema = z.object({
  kinds: z.array(z.enum(ENTITY_KINDS)),
  streams: z.array(z.enum(['sse', 'websocket'])),
  acknowledgeAlert: z.boolean(),
  history: z.boolean(),
  /** POST /assistRequests and /assistRequests/{id}/{step}. */
  assistWorkflow: z.boolean().optional(),
  /** GET /audit/{kind}/{id}. */
  audit: z.boolean().optional(),
  /** POST /{alerts|gridEvents}/{id}/instructions and …/instructions/{instructionId}/{stage}. */
  instructions: z.boolean().optional(),
  /** POST /gridEvents/{id}/handoff and /gridEvents/{id}/handoffs/{index}/accept. */
  handoffs: z.boolean().optional(),
  /** POST /controlOrders and /controlOrders/{id}/lift. */
  controlOrders: z.boolean().optional(),
  crs: z.enum(['wgs84', 'cgcs2000', 'gcj02', 'bd09']),
});
export type CapabilitiesResponse = z.infer<typeof capabilitiesResponseSchema>;

/** GET /audit/{kind}/{id}: who acted on a record, from which screen, when, and how it went. */
export const auditResponseSchema = z.object({
  entries: z
    .array(z.object({ at: z.iso.datetime({ offset: true }), actor: z.string().max(200), screen: z.string().max(40), action: z.string().max(40), status: z.number().int() }))
    .max(10_000),
});

/**
 * The body of every error response: a code a client can act on and words a person can read.
 * `forbidden` and `unsupported-media-type` refuse a write that is not same-origin JSON (the
 * defence against another site's page posting to the backend through an operator's browser).
 */
export const errorResponseSchema = z.object({
  error: z.enum(['bad-request', 'unauthorized', 'forbidden', 'not-found', 'conflict', 'unsupported-media-type', 'cursor-expired', 'internal']),
  message: z.string(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** A change before the log has given it a sequence number. */
export type WireChangeDraft = WireChange extends infer Change ? (Change extends WireChange ? Omit<Change, 'seq'> : never) : never;
