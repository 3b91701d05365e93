/**
 * A PostgreSQL server through node-postgres, for deployments (`DATABASE_URL`). A small pool: the
 * store writes from one queue, reads (history, resumes) may overlap it.
 */
import pg from 'pg';
import type { SqlClient } from './sqlClient';

// Sequence numbers and versions are bigint in the tables; they stay well inside 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export async function openPostgresClient(connectionString: string): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString, max: 4 });
  // An idle connection the server drops (a restart, a failover) is replaced at the next query;
  // unhandled, its error would end the process.
  pool.on('error', (error) => console.warn(`PostgreSQL: an idle connection was closed (${error.message}); the next query opens another`));
  // Fail at start, naming the server, rather than at the first request.
  const probe = await pool.connect().catch((error: unknown) => {
    void pool.end();
    throw new Error(`cannot reach the PostgreSQL server of DATABASE_URL (${redact(connectionString)}): ${error instanceof Error ? error.message : String(error)}`);
  });
  probe.release();
  return {
    engine: 'postgresql',
    query: async <Row>(sql: string, params?: readonly unknown[]) => (await pool.query(sql, params as unknown[] | undefined)) as unknown as { rows: Row[] },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async <Row>(sql: string, params?: readonly unknown[]) => (await client.query(sql, params as unknown[] | undefined)) as unknown as { rows: Row[] } });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'not a URL';
  }
}
