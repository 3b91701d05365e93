// What `npm start` and `npm test` do before anything else, so both work straight after a fresh
// clone: install the locked npm dependencies when missing or stale, and (for tests) find a
// Chromium with Chinese fonts, a Mosquitto broker and a PostgreSQL server, installing Debian's packages when running as root.
// Plain Node with no dependencies: it runs before node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** @param {string} command @param {string[]} args */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`setup: \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

/**
 * Whether node_modules holds what package-lock.json asks for, by content, not by file dates: a
 * fresh checkout (a git worktree, a clone) has a newer lock file than an install that is right.
 * @param {string} installed npm's record of the install (node_modules/.package-lock.json)
 * @param {string} lock package-lock.json
 */
function installMatchesLock(installed, lock) {
  try {
    const wanted = JSON.parse(readFileSync(lock, 'utf8')).packages ?? {};
    const have = JSON.parse(readFileSync(installed, 'utf8')).packages ?? {};
    // Optional packages (other platforms' binaries) are rightly absent.
    return Object.entries(wanted).every(([path, entry]) => path === '' || entry.optional || have[path]?.version === entry.version);
  } catch {
    return false;
  }
}

/** `npm ci` when node_modules is missing or differs from package-lock.json. */
export function ensureDependencies() {
  const modules = join(root, 'node_modules');
  const installed = join(modules, '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(installed) && installMatchesLock(installed, lock)) return;
  // A shared install (a worktree's node_modules linked to another checkout's) is its owner's to
  // change: npm ci through the link would empty it under everyone using it.
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
    console.warn('setup: node_modules is a link to another install that differs from package-lock.json; run npm ci where it lives');
    return;
  }
  console.log('setup: installing npm dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Debian's Chromium (or CHROME_PATH): shared with the e2e tests, which launch it. */
export function findChromium() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path));
}

function hasChineseFont() {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

const canApt = () => existsSync('/etc/debian_version') && typeof process.getuid === 'function' && process.getuid() === 0;

/** A Chromium for the e2e tests, and a CJK font so Chinese text is not drawn as boxes. */
export function ensureBrowser() {
  const missing = [];
  if (!findChromium()) missing.push('chromium');
  if (!hasChineseFont()) missing.push('fonts-wqy-zenhei');
  if (missing.length === 0) return;
  if (canApt()) {
    console.log(`setup: installing ${missing.join(' ')} with apt-get…`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing]);
    return;
  }
  if (missing.includes('chromium')) {
    console.error(
      'setup: the end-to-end tests need Chromium. On Debian/Ubuntu run `sudo apt-get install -y chromium fonts-wqy-zenhei`,\n' +
        'or point CHROME_PATH at a Chromium or Chrome binary.',
    );
    process.exit(1);
  }
  console.warn('setup: no Chinese font found (install fonts-wqy-zenhei); Chinese text will render as boxes in screenshots.');
}

/** Debian's Mosquitto: the mqtt adapter's tests start brokers of their own (tests/contract/startMosquitto.ts). */
export function findMosquitto() {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'mosquitto'));
  return ['/usr/sbin/mosquitto', ...onPath].find((path) => existsSync(path));
}

/** A broker for the mqtt adapter's unit and e2e tests; without one they are skipped (and fail in CI). */
export function ensureMosquitto() {
  if (findMosquitto()) return;
  if (canApt()) {
    console.log('setup: installing mosquitto with apt-get…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'mosquitto']);
    return;
  }
  console.warn('setup: mosquitto is not installed (sudo apt-get install -y mosquitto): the mqtt adapter tests against a real broker will be skipped.');
}

/** Debian's PostgreSQL: the store's suites start throwaway servers of their own (tests/contract/startPostgres.ts). */
export function ensurePostgres() {
  if (existsSync('/usr/lib/postgresql') && spawnSync('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb'], { stdio: 'ignore' }).status === 0) return;
  if (canApt()) {
    console.log('setup: installing postgresql with apt-get…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql']);
    return;
  }
  console.warn('setup: PostgreSQL is not installed (sudo apt-get install -y postgresql): the store tests against a real server will be skipped.');
}
