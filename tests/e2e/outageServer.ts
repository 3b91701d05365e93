/**
 * The built dashboard and a mock backend on one origin, on a server the test can take down and
 * bring back on the same port: a real outage (connections refused), not a 503.
 */
import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { type MockBackend, createMockBackend } from '../../mock/server/createMockBackend';
import { loadRegionForMock } from '../../mock/server/loadRegionForMock';
import { simulatedStart } from './simulatedStart';

const dist = resolve(import.meta.dirname, '..', '..', 'dist');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.wasm': 'application/wasm' };

export interface OutageServer {
  backend: MockBackend;
  baseUrl: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startOutageServer(options: { speed: number; heartbeatMs: number }): Promise<OutageServer> {
  // The simulated day starts at a pinned time of day, so a run sees the same simulated hours
  // whatever the hour it runs at (see simulatedStart.ts).
  const backend = await createMockBackend({ region: loadRegionForMock(), speed: options.speed, heartbeatMs: options.heartbeatMs, warmUpMs: 3_600_000, start: simulatedStart() });
  const serve = (request: IncomingMessage, response: ServerResponse) =>
    backend.handle(request, response, () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const file = resolve(dist, `.${path === '/' ? '/index.html' : path}`);
      if (!file.startsWith(dist)) return void response.writeHead(403).end();
      readFile(file)
        .then((body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body))
        .catch(() => response.writeHead(404).end());
    });
  let server: Server = createServer(serve);
  const listen = (port: number) =>
    new Promise<void>((done) => {
      server = createServer(serve);
      server.on('upgrade', (request, socket, head) => {
        if (!backend.handleUpgrade(request, socket, head)) socket.destroy();
      });
      server.listen(port, '127.0.0.1', done);
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const down = () =>
    new Promise<void>((done) => {
      backend.dropConnections();
      server.closeAllConnections();
      server.close(() => done());
    });
  return {
    backend,
    baseUrl: `http://127.0.0.1:${port}/`,
    stop: down,
    start: () => listen(port),
    close: async () => {
      await down();
      backend.close();
    },
  };
}
