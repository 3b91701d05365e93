/**
 * The mock backend (its store in memory) on a loopback HTTP server for adapter contract tests, paused so the test drives
 * simulated time and every run sees the same changes; its backend can be swapped, as a restart
 * with another history would, and it counts requests by path.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MockBackend, createMockBackend } from '../../mock/server/createMockBackend';
import { loadTestRegion } from './loadTestRegion';

const START = Date.parse('2026-11-23T02:00:00Z');

async function newTestBackend(seed: number): Promise<MockBackend> {
  const backend = await createMockBackend({ region: loadTestRegion(), seed, speed: 1, heartbeatMs: 250, start: START });
  backend.clock.setPaused(true);
  await backend.advanceTo(backend.clock.now());
  return backend;
}

export interface MockServer {
  current(): MockBackend;
  /** Swaps in a backend with another seed (another epoch), cutting every connection. */
  replace(): Promise<void>;
  /**
   * Answers 503 to the next `requests` requests: an outage counted in requests, not milliseconds,
   * so a client that polls late on a busy machine still meets it.
   */
  refuse(requests: number): void;
  /** Requests so far whose path (after /api/v1) is `path`, e.g. `/changes`. */
  requests(path: string): number;
  server: Server;
  origin: string;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startMockServer(): Promise<MockServer> {
  let backend = await newTestBackend(7);
  let refusing = 0;
  const counts = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://mock.local').pathname.replace(/^\/api\/v1/, '');
    counts.set(path, (counts.get(path) ?? 0) + 1);
    if (refusing > 0) {
      refusing -= 1;
      response.writeHead(503).end();
      return;
    }
    backend.handle(request, response);
  });
  server.on('upgrade', (request, socket, head) => {
    if (refusing > 0) {
      refusing -= 1;
      socket.destroy();
      return;
    }
    if (!backend.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    current: () => backend,
    async replace() {
      const old = backend;
      backend = await newTestBackend(8);
      server.closeAllConnections();
      await old.close();
    },
    refuse: (requests) => {
      refusing = requests;
    },
    requests: (path) => counts.get(path) ?? 0,
    server,
    origin,
    baseUrl: `${origin}/api/v1`,
    async close() {
      await backend.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
