/**
 * Embedded PostgreSQL (PGlite, Postgres compiled to WebAssembly) in a data folder, or in memory
 * when none is given. A commit is written through to the folder's files before it resolves, so a
 * `kill -9` of the process keeps every committed change (not a power cut: no fsync guarantee).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient } from './sqlClient';

export async function openPgliteClient(dataDir?: string): Promise<SqlClient> {
  // PGlite makes its own folder but not the ones above it (`.data/` on a fresh clone).
  if (dataDir !== undefined) mkdirSync(dirname(resolve(dataDir)), { recursive: true });
  const db = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  return {
    engine: 'pglite',
    query: async (sql, params) => db.query(sql, params as unknown[] | undefined),
    transaction: (work) => db.transaction((tx) => work({ query: async (sql, params) => tx.query(sql, params as unknown[] | undefined) })),
    close: () => db.close(),
  };
}
