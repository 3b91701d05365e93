/**
 * A backend as operators run it: its own process (`npm run mock`, as a deployment runs its
 * backend), behind a front server that serves the built dashboard and proxies /api to it, as
 * nginx does. The backend can be killed with SIGKILL (no goodbye, no flushed sockets) and started
 * again on the same port, on the same database or a new one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { freePort } from './freePort';

const root = resolve(import.meta.dirname, '..', '..');
const dist = resolve(root, 'dist');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.wasm': 'application/wasm' };

/** What nginx answers when its upstream is down: the page must read this as text. */
const BAD_GATEWAY = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export interface BackendProcessOptions {
  port: number;
  seed: number;
  /** The simulated start, ISO 8601, for a new database (one fed before goes on with its own). */
  start: string;
  /** The embedded database's folder: the same folder is the same history (epoch), a new one another. */
  dataDir: string;
  speed: number;
  heartbeatMs: number;
}

export interface BackendProcess {
  pid: number;
  /** The backend's own API, straight (not through the front server). */
  api(path: string, init?: { method?: string; body?: unknown }): Promise<unknown>;
  /** SIGKILL: the process ends at once, mid-stream. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: a hung backend, its sockets open and silent, and its recovery. */
  freeze(): void;
  thaw(): void;
}

/** `npm run mock`'s entry, run by Node with tsx's loader, so the pid is the server itself. */
export async function startBackendProcess(options: BackendProcessOptions): Promise<BackendProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'mock/cli.ts'], {
    cwd: root,
    env: {
      ...process.env,
      MOCK_PORT: String(options.port),
      SIM_SEED: String(options.seed),
      SIM_SPEED: String(options.speed),
      MOCK_START: options.start,
      MOCK_HEARTBEAT_MS: String(options.heartbeatMs),
      MOCK_WARMUP_HOURS: '1',
      DATA_DIR: options.dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolveStarted, reject) => {
    const timer = setTimeout(() => reject(new Error(`the backend did not start within 60 s: ${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('mock backend on')) {
        clearTimeout(timer);
        resolveStarted();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the backend exited (${code}) before it served: ${output}`));
    });
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const base = `http://127.0.0.1:${options.port}/api/v1`;
  return {
    pid: child.pid!,
    async api(path, init = {}) {
      const response = await fetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body), headers: { 'Content-Type': 'application/json' } }),
      });
      if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${response.status} ${await response.text()}`);
      return response.json();
    },
    async kill() {
      // A frozen process still dies at SIGKILL; nothing is left running after a failed test.
      child.kill('SIGKILL');
      await exited;
    },
    freeze: () => void child.kill('SIGSTOP'),
    thaw: () => void child.kill('SIGCONT'),
  };
}

export interface FrontServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves dist/ and passes /api to the backend's port, streams included; 502 while it is down. */
export async function startFrontServer(backendPort: number): Promise<FrontServer> {
  const proxy = (request: IncomingMessage, response: ServerResponse) => {
    const upstream = httpRequest({ host: '127.0.0.1', port: backendPort, path: request.url, method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
      // The backend died mid-stream: end the client's connection too, as a proxy does.
      answer.on('aborted', () => response.destroy());
      answer.on('error', () => response.destroy());
    });
    upstream.on('error', () => {
      if (response.headersSent) response.destroy();
      else response.writeHead(502, { 'content-type': 'text/html' }).end(BAD_GATEWAY);
    });
    request.pipe(upstream);
  };
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/api/')) return proxy(request, response);
    const file = resolve(dist, `.${path === '/' ? '/index.html' : path}`);
    if (!file.startsWith(dist)) return void response.writeHead(403).end();
    readFile(file)
      .then((body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body))
      .catch(() => response.writeHead(404).end());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export { freePort };
