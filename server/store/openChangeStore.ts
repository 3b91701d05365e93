/**
 * Where the bundled backend keeps its log: a PostgreSQL server (`databaseUrl`, from
 * DATABASE_URL), an embedded PGlite database in a folder (`dataDir`), or, with neither, an
 * in-memory one that ends with the process (tests, throwaway runs). In-memory stores share one
 * embedded database per process, each in a schema of its own: opening PGlite costs seconds.
 */
import { ChangeStore } from './changeStore';
import { openPgliteClient } from './openPgliteClient';
import { openPostgresClient } from './openPostgresClient';
import type { SqlClient } from './sqlClient';

export interface StoreLocation {
  databaseUrl?: string;
  dataDir?: string;
}

let scratch: Promise<SqlClient> | undefined;
let scratchSchemas = 0;

export async function openChangeStore(location: StoreLocation = {}): Promise<ChangeStore> {
  if (location.databaseUrl) return ChangeStore.open(await openPostgresClient(location.databaseUrl));
  if (location.dataDir) return ChangeStore.open(await openPgliteClient(location.dataDir));
  scratch ??= openPgliteClient();
  const shared = await scratch;
  // The shared database outlives each store: closing one leaves the others theirs.
  return ChangeStore.open({ ...shared, close: async () => undefined }, { schema: `scratch_${process.pid}_${++scratchSchemas}` });
}
