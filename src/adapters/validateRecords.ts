/**
 * The gate every record passes on its way in: the envelope is checked, the record is validated
 * against its kind's schema and converted to WGS84 from the CRS the source declared. A bad
 * record is rejected alone, with a reason; the rest of its batch goes on.
 */
import { type CrsId, needsConversion, toWgs84 } from '../domain/crs';
import { ENTITY_FINALIZERS, ENTITY_RULES, ENTITY_SCHEMAS, type AnyEntity, type EntityKind, isEntityKind } from '../domain/entities/entityKinds';
import * as compiledValidators from '../domain/generated/entityValidators';
import { formatIssuePath } from '../domain/formatIssues';
import type { LonLat } from '../domain/geometrySchemas';
import type { z } from '../domain/z';
import type { Change, EntityRecord, Rejection } from './contract';
import { createStringPool, poolRepeatedFields } from './stringPool';

export interface ValidationContext {
  source: string;
  crs: CrsId;
}

/**
 * One reason per problem, with array indexes folded (`stages[].at`), so reasons stay few and
 * countable however many records share the problem.
 */
function reasonOf(kind: string, error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = formatIssuePath(issue.path).replace(/\[\d+\]/g, '[]');
  return boundedReason(`${kind}: ${path}: ${issue.message}`);
}

/** Reasons quote the input at times (an unknown key); a hostile 100 kB key must not become a 100 kB reason. */
export const MAX_REASON_LENGTH = 200;
export function boundedReason(reason: string): string {
  return reason.length <= MAX_REASON_LENGTH ? reason : `${reason.slice(0, MAX_REASON_LENGTH - 1)}…`;
}

const idOf = (value: unknown): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id.slice(0, 128) : null;
};

function convert(kind: EntityKind, record: AnyEntity, crs: CrsId): AnyEntity {
  if (!needsConversion(crs)) return record;
  const position = (p: LonLat): LonLat => toWgs84(p, crs) as LonLat;
  const converted = { ...record, position: position(record.position) } as AnyEntity;
  if (kind === 'grid') {
    const grid = converted as Extract<AnyEntity, { gridWorkers: unknown }>;
    return { ...grid, geometry: grid.geometry.map((ring) => ring.map(position)) };
  }
  if (kind === 'patrolTrack') {
    const track = converted as Extract<AnyEntity, { points: unknown }>;
    return { ...track, points: track.points.map((p) => ({ ...p, position: position(p.position) })) };
  }
  return converted;
}

const COMPILED: Record<EntityKind, (data: unknown) => boolean> = compiledValidators;

/** One pool for the page: every adapter's records share their repeated strings. */
const sharedPool = createStringPool();

/**
 * The fast path: the compiled structural check (which strips unknown keys in place, as zod
 * does), then the cross-field rules, then what zod's transforms would add. Only records it
 * refuses go through zod, for the precise reason.
 */
function acceptFast(kind: EntityKind, raw: unknown): AnyEntity | undefined {
  if (!COMPILED[kind](raw)) return undefined;
  const rules = ENTITY_RULES[kind];
  for (let index = 0; index < rules.length; index++) if (!rules[index]!.holds(raw as never)) return undefined;
  const finalize = ENTITY_FINALIZERS[kind];
  return finalize ? finalize(raw as never) : (raw as AnyEntity);
}

/**
 * The record ready to store, or undefined with its rejection pushed onto `rejected`. Batches
 * call this directly: at 100k records a second, a result object per record is garbage the
 * collector pauses for.
 */
function acceptRecord(kind: EntityKind, raw: unknown, context: ValidationContext, rejected: Rejection[]): AnyEntity | undefined {
  let record = acceptFast(kind, raw);
  if (!record) {
    const parsed = ENTITY_SCHEMAS[kind].safeParse(raw);
    if (!parsed.success) {
      rejected.push({ source: context.source, kind, id: idOf(raw), reason: reasonOf(kind, parsed.error) });
      return undefined;
    }
    record = parsed.data;
  }
  poolRepeatedFields(kind, record, sharedPool);
  return convert(kind, record, context.crs);
}

const unknownKind = (kind: unknown, raw: unknown, context: ValidationContext): Rejection => ({
  source: context.source,
  kind: null,
  id: idOf(raw),
  reason: `unknown kind ${JSON.stringify(kind)?.slice(0, 40)}`,
});

export function validateRecord(
  kind: unknown,
  raw: unknown,
  context: ValidationContext,
): { ok: true; value: EntityRecord } | { ok: false; rejection: Rejection } {
  if (!isEntityKind(kind)) return { ok: false, rejection: unknownKind(kind, raw, context) };
  const rejected: Rejection[] = [];
  const record = acceptRecord(kind, raw, context, rejected);
  return record ? { ok: true, value: { kind, record } } : { ok: false, rejection: rejected[0]! };
}

/** Validates a list of `{ kind, record }` entries (a snapshot). */
export function validateRecords(entries: readonly unknown[], context: ValidationContext): { records: EntityRecord[]; rejected: Rejection[] } {
  const records: EntityRecord[] = [];
  const rejected: Rejection[] = [];
  for (const entry of entries) {
    const { kind, record: raw } = (typeof entry === 'object' && entry !== null ? entry : {}) as { kind?: unknown; record?: unknown };
    if (!isEntityKind(kind)) {
      rejected.push(unknownKind(kind, raw, context));
      continue;
    }
    const record = acceptRecord(kind, raw, context, rejected);
    if (record) records.push({ kind, record });
  }
  return { records, rejected };
}

const isSequence = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Validates a list of wire changes (one stream message or a page of /changes). */
export function validateChanges(entries: readonly unknown[], context: ValidationContext): { changes: Change[]; rejected: Rejection[] } {
  const changes: Change[] = [];
  const rejected: Rejection[] = [];
  const reject = (kind: string | null, id: string | null, reason: string) => rejected.push({ source: context.source, kind, id, reason });
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) {
      reject(null, null, 'change: not an object');
      continue;
    }
    const { seq, kind, op } = entry as { seq?: unknown; kind?: unknown; op?: unknown };
    if (!isSequence(seq)) {
      reject(isEntityKind(kind) ? kind : null, null, 'change: seq must be a whole number ≥ 0');
      continue;
    }
    if (op === 'delete') {
      const { id, version } = entry as { id?: unknown; version?: unknown };
      if (!isEntityKind(kind)) reject(null, null, `unknown kind ${JSON.stringify(kind)?.slice(0, 40)}`);
      else if (typeof id !== 'string' || id === '' || id.length > 128) reject(kind, null, `${kind}: delete: id must be a non-empty string`);
      else if (!isSequence(version)) reject(kind, id, `${kind}: delete: version must be a whole number ≥ 0`);
      else changes.push({ seq, kind, op: 'delete', id, version });
      continue;
    }
    if (op !== 'upsert') {
      reject(isEntityKind(kind) ? kind : null, null, `change: op must be "upsert" or "delete"`);
      continue;
    }
    const raw = (entry as { record?: unknown }).record;
    if (!isEntityKind(kind)) {
      rejected.push(unknownKind(kind, raw, context));
      continue;
    }
    const record = acceptRecord(kind, raw, context, rejected);
    if (record) changes.push({ seq, kind, op: 'upsert', record });
  }
  return { changes, rejected };
}
