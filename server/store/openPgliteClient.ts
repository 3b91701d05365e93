/**
 * Embedded PostgreSQL (PGlite, Postgres compiled to WebAssembly) in a data folder, or in memory
 * when none is given. A commit is written through to the folder's files before it resolves, so a
 * `kill -9` of the process keeps every committed change (not a power cut: no fsync guarantee).
 */
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient } from './sqlClient';

export async function openPgliteClient(dataDir?: string): Promise<SqlClient> {
  const db = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  return {
    engine: 'pglite',
    query: async (sql, params) => db.query(sql, params as unknown[] | undefined),
    transaction: (work) => db.transaction((tx) => work({ query: async (sql, params) => tx.query(sql, params as unknown[] | undefined) })),
    close: () => db.close(),
  };
}
