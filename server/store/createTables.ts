/**
 * The store's tables, created when missing. `at` is epoch milliseconds as the source gave it (the
 * simulator's clock may run fast), `body` the change or record as JSON text, served as it was
 * received.
 */
import type { SqlClient } from './sqlClient';

export async function createTables(client: SqlClient, schema: string): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.meta (key text PRIMARY KEY, value text NOT NULL)`);
  // Each record's current version and the change that made it (its body is that change's);
  // `deleted` keeps a tombstone with the last version.
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${schema}.current_records (kind text NOT NULL, id text NOT NULL, version bigint NOT NULL, seq bigint NOT NULL, deleted boolean NOT NULL DEFAULT false, PRIMARY KEY (kind, id))`,
  );
  await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.changes (seq bigint PRIMARY KEY, at bigint NOT NULL, kind text NOT NULL, id text NOT NULL, op text NOT NULL, body text NOT NULL)`);
  // lz4 compresses the JSON bodies (a patrol track's is ~4 KB) at several times pglz's speed:
  // ingest 10–28 % faster on a PostgreSQL server (docs/benchmarks.md). New values only, so it is
  // safe on a table that holds data. It is a speed-up, never a reason not to start: a server
  // without lz4 or before PostgreSQL 14, or a role that does not own the table, keeps pglz.
  if (client.engine === 'postgresql') {
    await client.query(`ALTER TABLE ${schema}.changes ALTER COLUMN body SET COMPRESSION lz4`).catch((error: unknown) => {
      console.warn(`PostgreSQL: the change log keeps pglz compression (lz4: ${error instanceof Error ? error.message : String(error)})`);
    });
  }
  // Officers' actions: the audit trail, and the answers idempotency keys replay.
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${schema}.actions (id bigserial PRIMARY KEY, key text UNIQUE, at bigint NOT NULL, actor text NOT NULL, screen text NOT NULL, kind text NOT NULL, record_id text NOT NULL, action text NOT NULL, status integer NOT NULL, response text NOT NULL)`,
  );
  await client.query(`CREATE INDEX IF NOT EXISTS actions_by_record ON ${schema}.actions (kind, record_id, at)`);
  await client.query(`CREATE INDEX IF NOT EXISTS actions_by_time ON ${schema}.actions (at)`);
  // Playback asks "each record's last change by then" and "every change in a window".
  await client.query(`CREATE INDEX IF NOT EXISTS changes_by_record ON ${schema}.changes (kind, id, seq)`);
  await client.query(`CREATE INDEX IF NOT EXISTS changes_by_time ON ${schema}.changes (at)`);
}
