/**
 * The two engines the change store runs on, for suites that run once on each: the embedded PGlite
 * the bundled backend uses by default, and a real PostgreSQL server (Debian's, started here) as
 * `DATABASE_URL` deployments use. One database per engine serves a whole file; each store in it
 * works in a schema of its own.
 */
import { openPgliteClient } from '../../server/store/openPgliteClient';
import { openPostgresClient } from '../../server/store/openPostgresClient';
import type { SqlClient } from '../../server/store/sqlClient';
import { type Postgres, postgresMissing, startPostgres } from './startPostgres';

export interface StoreDatabase {
  client(): Promise<SqlClient>;
  done(): Promise<void>;
}

export interface StoreEngine {
  name: string;
  /** Why the engine cannot run here, or undefined when it can. */
  missing(): string | undefined;
  open(): Promise<StoreDatabase>;
}

export const STORE_ENGINES: readonly StoreEngine[] = [
  {
    name: 'PGlite',
    missing: () => undefined,
    async open() {
      const shared = await openPgliteClient();
      // Stores close their client; the file's one in-memory database outlives them.
      return { client: async () => ({ ...shared, close: async () => undefined }), done: () => shared.close() };
    },
  },
  {
    name: 'PostgreSQL',
    missing: postgresMissing,
    async open() {
      const server: Postgres = await startPostgres();
      return { client: () => openPostgresClient(server.url), done: async () => server.stop() };
    },
  },
];
