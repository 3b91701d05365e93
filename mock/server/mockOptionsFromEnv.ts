import type { MockBackendOptions } from './createMockBackend';

/**
 * The mock's settings from the environment: SIM_SEED (default 20240430), SIM_SPEED (simulated
 * seconds per real second, default 1), MOCK_HEARTBEAT_MS (default 5000), MOCK_TOKEN (require
 * `Authorization: Bearer <token>`),
 * MOCK_START (the simulated start, ISO 8601: a restart with the same seed and start replays the
 * same history, so clients resume instead of starting over), MOCK_WARMUP_HOURS (simulated history
 * before the start, default 168: a week, so time playback of the last 7 days has something to
 * show from the first minute; it costs about 0.3 s at start), MOCK_CONTROL (`on` or `off`: the
 * /control endpoint; left out, each way of running decides: on for `npm run mock`, off inside
 * `npm start` and `npm run dev`), DATABASE_URL (keep the log in that PostgreSQL server) or else
 * DATA_DIR (the embedded database's folder, default `.data/pglite`; `:memory:` keeps nothing),
 * INGEST_TOKEN (lets source systems POST /api/v1/ingest with `X-Ingest-Token: <token>`),
 * AUTH_USER_HEADER (the header the deployment's sign-in sets with the officer's name) and
 * AUTH_DESK_HEADER (the one it sets with the officer's station id).
 */
export function mockOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Omit<MockBackendOptions, 'region'> {
  const number = (name: string, fallback: number) => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(text)}`);
    return value;
  };
  const startText = env.MOCK_START;
  const start = startText ? Date.parse(startText) : undefined;
  if (start !== undefined && Number.isNaN(start)) throw new Error(`MOCK_START must be an ISO 8601 time, not ${JSON.stringify(startText)}`);
  const controlText = env.MOCK_CONTROL;
  if (controlText !== undefined && controlText !== '' && controlText !== 'on' && controlText !== 'off') {
    throw new Error(`MOCK_CONTROL must be on or off, not ${JSON.stringify(controlText)}`);
  }
  return {
    ...(start !== undefined ? { start } : {}),
    ...(controlText === 'on' || controlText === 'off' ? { control: controlText === 'on' } : {}),
    seed: number('SIM_SEED', 20_240_430),
    speed: number('SIM_SPEED', 1),
    heartbeatMs: number('MOCK_HEARTBEAT_MS', 5000),
    warmUpMs: number('MOCK_WARMUP_HOURS', 7 * 24) * 3_600_000,
    ...(env.MOCK_TOKEN ? { token: env.MOCK_TOKEN } : {}),
    ...(env.INGEST_TOKEN ? { ingestToken: env.INGEST_TOKEN } : {}),
    ...(env.AUTH_USER_HEADER ? { authUserHeader: env.AUTH_USER_HEADER } : {}),
    ...(env.AUTH_DESK_HEADER ? { authDeskHeader: env.AUTH_DESK_HEADER } : {}),
    storage: env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : env.DATA_DIR === ':memory:' ? {} : { dataDir: env.DATA_DIR || '.data/pglite' },
  };
}
