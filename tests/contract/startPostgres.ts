/**
 * A throwaway PostgreSQL server for a test file: Debian's `postgresql` binaries, a new cluster in
 * a temporary folder, listening on 127.0.0.1 at a free port, trusted on loopback. `initdb` refuses
 * to run as root, so as root the cluster belongs to the `postgres` user the package creates.
 * `crash()` stops it as a power-less crash would (`pg_ctl -m immediate`), `start()` recovers it.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../e2e/freePort';

const POSTGRES_INSTALL = 'apt-get install -y --no-install-recommends postgresql';

/** The newest installed server's bin folder (Debian: /usr/lib/postgresql/<major>/bin). */
function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return majors[0] === undefined ? undefined : join(root, majors[0], 'bin');
}

/**
 * Why the PostgreSQL suites cannot run here, or undefined when they can. In CI a missing server
 * is an error, not a skip: a suite that silently skips proves nothing.
 */
export function postgresMissing(): string | undefined {
  if (findPostgresBin()) return undefined;
  const message = `PostgreSQL is not installed, so the store's tests against a real server cannot run (${POSTGRES_INSTALL}, as root; .ci/run and npm test do it when run as root)`;
  if (process.env.CI) throw new Error(message);
  return message;
}

export interface Postgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  /** Stops it at once, without a checkpoint: what a crash leaves. */
  crash(): void;
  /** Starts it again on the same folder and port (recovering from the WAL after a crash). */
  start(): void;
  stop(): void;
}

export async function startPostgres(): Promise<Postgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(postgresMissing() ?? 'PostgreSQL not found');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'safe-border-postgres-'));
  const data = join(dir, 'data');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const run = (program: string, args: string[]) => {
    const command = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
    execFileSync(command[0] as string, command[1] as string[], { stdio: 'pipe', timeout: 60_000 });
  };
  if (asRoot) {
    chmodSync(dir, 0o777);
  }
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
  let running = false;
  start();
  running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    crash() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      running = false;
    },
    start() {
      start();
      running = true;
    },
    stop() {
      if (running) run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
