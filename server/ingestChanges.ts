/**
 * The one way records enter the backend from source systems, the simulator included
 * (`POST /api/v1/ingest`, docs/integrating.md): a batch of changes, each checked against its
 * kind's schema. A bad change is rejected alone with a reason naming it; the rest of the batch is
 * committed in one transaction. A change not newer than the stored record (a retry, a late
 * delivery) is reported as stale, so a source can resend a batch safely.
 */
import { ENTITY_RULES, ENTITY_SCHEMAS, type EntityKind, isEntityKind } from '../src/domain/entities/entityKinds';
import * as compiledValidators from '../src/domain/generated/entityValidators';
import { formatIssuePath } from '../src/domain/formatIssues';
import type { WireChangeDraft } from '../src/domain/wire';
import type { ChangeStore, TimedChangeDraft, WriteOutcome } from './store/changeStore';

const MAX_INGEST_BATCH = 5000;

interface IngestRejection {
  /** The change's place in the batch. */
  index: number;
  id?: string;
  reason: string;
}

export interface IngestOutcome {
  /** The store's sequence after the batch. */
  seq: number;
  applied: number;
  stale: WriteOutcome<undefined>['stale'];
  rejected: IngestRejection[];
}

const COMPILED: Record<EntityKind, (data: unknown) => boolean> = compiledValidators;

/** The generated structural check (it strips unknown keys in place, as zod would) and the cross-field rules. */
function passesFast(kind: EntityKind, record: unknown): boolean {
  return COMPILED[kind](record) && ENTITY_RULES[kind].every((rule) => rule.holds(record as never));
}

const MAX_REASON = 200;
const bounded = (text: string) => (text.length <= MAX_REASON ? text : `${text.slice(0, MAX_REASON - 1)}…`);

/** Checks one change of a batch: a draft for the store, or why not. */
function checkChange(value: unknown, index: number, now: number): TimedChangeDraft | IngestRejection {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { index, reason: 'a change is an object: {kind, op, record} or {kind, op: "delete", id, version}' };
  const change = value as { kind?: unknown; op?: unknown; record?: unknown; id?: unknown; version?: unknown; at?: unknown };
  const id = typeof change.id === 'string' ? change.id : typeof (change.record as { id?: unknown } | undefined)?.id === 'string' ? (change.record as { id: string }).id : undefined;
  const reject = (reason: string): IngestRejection => ({ index, ...(id !== undefined ? { id: id.slice(0, 128) } : {}), reason: bounded(reason) });
  if (!isEntityKind(change.kind)) return reject(`kind ${JSON.stringify(String(change.kind).slice(0, 40))} is not one of the contract's kinds`);
  let at = now;
  if (change.at !== undefined) {
    at = typeof change.at === 'string' ? Date.parse(change.at) : Number.NaN;
    if (Number.isNaN(at)) return reject('at is an ISO 8601 time (when the change was made at its source)');
  }
  if (change.op === 'delete') {
    if (typeof change.id !== 'string' || change.id === '') return reject('a delete names the record: id');
    if (!Number.isInteger(change.version) || (change.version as number) < 1) return reject('a delete carries the version it makes (an integer above the stored one)');
    return { at, change: { kind: change.kind, op: 'delete', id: change.id, version: change.version as number } };
  }
  if (change.op !== 'upsert') return reject('op is "upsert" or "delete"');
  // The compiled check (as the dashboard's adapters use it) first; zod only for a refused record's reason.
  const parsed = passesFast(change.kind, change.record) ? { success: true as const } : ENTITY_SCHEMAS[change.kind].safeParse(change.record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return reject(`${change.kind}: ${formatIssuePath(issue.path)}: ${issue.message}`);
  }
  if (change.at === undefined) {
    const updated = Date.parse(String((change.record as { updatedAt?: unknown }).updatedAt));
    if (!Number.isNaN(updated)) at = updated;
  }
  // What was sent is what is served: the schema's output (a derived field) stays the reader's.
  return { at, change: { kind: change.kind, op: 'upsert', record: change.record } as WireChangeDraft };
}

/**
 * Validates `body` (`{changes: [...]}`) and commits the valid changes. Throws (a 400 for the
 * caller) only when the body itself is not a batch.
 */
export async function ingestChanges(store: ChangeStore, body: unknown, now = Date.now()): Promise<IngestOutcome> {
  const changes = (body as { changes?: unknown } | null)?.changes;
  if (!Array.isArray(changes)) throw new Error('the body is {"changes": [...]}, a batch of changes');
  if (changes.length > MAX_INGEST_BATCH) throw new Error(`a batch holds at most ${MAX_INGEST_BATCH} changes, not ${changes.length}: split it`);
  const drafts: TimedChangeDraft[] = [];
  const rejected: IngestRejection[] = [];
  changes.forEach((value, index) => {
    const checked = checkChange(value, index, now);
    if ('reason' in checked) rejected.push(checked);
    else drafts.push(checked);
  });
  const outcome = await store.append(drafts);
  return { seq: store.latestSeq, applied: outcome.applied.length, stale: outcome.stale, rejected };
}
