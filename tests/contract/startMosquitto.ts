/**
 * A real Mosquitto broker for a test file: Debian's package, a plain MQTT listener on 127.0.0.1 at
 * a free port, from a temporary config, killed in teardown. No WebSocket listener: Debian's
 * mosquitto 2.0.11 binds that one to every interface whatever the config says (upstream #3045);
 * tests put ./startWebSocketRelay.ts in front instead, bound to loopback.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from '../e2e/freePort';

const MOSQUITTO_INSTALL = 'apt-get install -y --no-install-recommends mosquitto';

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The broker binary: Debian puts it in /usr/sbin, often not on a user's PATH. */
function findMosquitto(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'mosquitto'));
  return ['/usr/sbin/mosquitto', ...onPath].find(executable);
}

/**
 * Why the broker tests cannot run here, or undefined when they can. In CI a missing broker is an
 * error, not a skip: a suite that silently skips proves nothing.
 */
export function mosquittoMissing(): string | undefined {
  if (findMosquitto()) return undefined;
  const message = `mosquitto is not installed, so the MQTT adapter's tests against a real broker cannot run (${MOSQUITTO_INSTALL}, as root; .ci/run and npm test do it when run as root)`;
  if (process.env.CI) throw new Error(message);
  return message;
}

export interface Mosquitto {
  port: number;
  /** `mqtt://127.0.0.1:<port>`, for publishers. */
  url: string;
  /** What the broker has logged: connections (with clean start and keepalive) and subscriptions (with QoS). */
  log(): string;
  stop(): Promise<void>;
}

export interface MosquittoOptions {
  /** Messages queued per client beyond those in flight; Mosquitto drops what comes past it. */
  maxQueuedMessages?: number;
  /** Only these users may connect (anonymous clients are refused), instead of anyone on loopback. */
  users?: Record<string, string>;
}

const MAX_LOG_CHARS = 1_000_000;

export async function startMosquitto(options: MosquittoOptions = {}): Promise<Mosquitto> {
  const binary = findMosquitto();
  if (!binary) throw new Error(mosquittoMissing() ?? 'mosquitto not found');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'safe-border-mosquitto-'));
  const config = join(dir, 'mosquitto.conf');
  const passwords = join(dir, 'passwords');
  for (const [index, [user, password]] of Object.entries(options.users ?? {}).entries()) {
    // mosquitto_passwd comes with Debian's mosquitto package and hashes the password.
    execFileSync('mosquitto_passwd', [...(index === 0 ? ['-c'] : []), '-b', passwords, user, password], { stdio: 'ignore' });
  }
  // Started as root, mosquitto reads the password file after switching to its own user.
  if (options.users) {
    chmodSync(dir, 0o755);
    chmodSync(passwords, 0o644);
  }
  writeFileSync(
    config,
    [
      `listener ${port} 127.0.0.1`,
      // Anonymous on loopback only: nothing else can reach this listener.
      ...(options.users ? ['allow_anonymous false', `password_file ${passwords}`] : ['allow_anonymous true']),
      'persistence false',
      `max_queued_messages ${options.maxQueuedMessages ?? 100_000}`,
      'log_dest stderr',
      ...['error', 'warning', 'notice', 'information', 'subscribe'].map((type) => `log_type ${type}`),
      'connection_messages true',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(binary, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    if (log.length < MAX_LOG_CHARS) log += text;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let alive = true;
  void exited.then(() => {
    alive = false;
  });
  const stop = async () => {
    if (alive) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (!alive) {
      await stop();
      throw new Error(`mosquitto exited at start:\n${log}`);
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`mosquitto did not accept connections on 127.0.0.1:${port} within 10 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { port, url: `mqtt://127.0.0.1:${port}`, log: () => log, stop };
}
