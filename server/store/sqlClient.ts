/**
 * The little of a PostgreSQL connection the store needs, over either engine: embedded PGlite (the
 * default, nothing to install) or a PostgreSQL server (`DATABASE_URL`). Both speak the same SQL,
 * so the store's statements and its tests are one set.
 */
export interface SqlQueryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

export interface SqlClient extends SqlQueryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Which engine, for logs and benchmarks. */
  readonly engine: 'pglite' | 'postgresql';
  close(): Promise<void>;
}
