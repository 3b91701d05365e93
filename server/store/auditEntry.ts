/**
 * One officer's action as the audit trail keeps it: who, from which screen, when, on what, with
 * what outcome, and the answer given, so a retried submit (same idempotency key) gets the same
 * answer instead of acting twice. Kept in the `actions` table, written in the same transaction as
 * the changes the action made.
 */
import type { EntityKind } from '../../src/domain/entities/entityKinds';
import type { SqlQueryable } from './sqlClient';

export interface AuditEntry {
  /** The client's idempotency key, when it sent one. */
  key?: string;
  at: number;
  /** The acting officer, as the desk's identity names them (unit and officer). */
  actor: string;
  /** Which screen acted (`duty`, `console`, …). */
  screen: string;
  kind: EntityKind;
  recordId: string;
  /** What was done: `acknowledge`, `dispatch`, … */
  action: string;
  /** The HTTP status answered: 2xx done, 4xx refused (a conflict is audited too). */
  status: number;
  /** The body answered, replayed for a retry with the same key. */
  response: unknown;
}

export async function insertAuditEntry(tx: SqlQueryable, schema: string, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO ${schema}.actions (key, at, actor, screen, kind, record_id, action, status, response) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [entry.key ?? null, entry.at, entry.actor, entry.screen, entry.kind, entry.recordId, entry.action, entry.status, JSON.stringify(entry.response)],
  );
}

export async function findByKey(client: SqlQueryable, schema: string, key: string): Promise<{ status: number; response: unknown } | undefined> {
  const rows = await client.query<{ status: number; response: string }>(`SELECT status, response FROM ${schema}.actions WHERE key = $1`, [key]);
  const row = rows.rows[0];
  return row ? { status: Number(row.status), response: JSON.parse(row.response) as unknown } : undefined;
}

/** At most this many of a record's latest actions are listed (a record hammered by a script stays readable). */
const AUDIT_LINES = 200;

/** A record's latest actions, oldest first, for the detail panel. */
export async function auditTrailOf(client: SqlQueryable, schema: string, kind: EntityKind, recordId: string): Promise<Omit<AuditEntry, 'response' | 'key'>[]> {
  const rows = await client.query<{ at: number; actor: string; screen: string; action: string; status: number }>(
    `SELECT at, actor, screen, action, status FROM (SELECT id, at, actor, screen, action, status FROM ${schema}.actions WHERE kind = $1 AND record_id = $2 ORDER BY at DESC, id DESC LIMIT ${AUDIT_LINES}) latest ORDER BY at, id`,
    [kind, recordId],
  );
  return rows.rows.map((row) => ({ at: Number(row.at), actor: row.actor, screen: row.screen, kind, recordId, action: row.action, status: Number(row.status) }));
}
