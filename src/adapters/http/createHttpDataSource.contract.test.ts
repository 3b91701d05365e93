/** The http adapter against the real mock server over loopback: SSE, WebSocket and polling. */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { type MockBackend, createMockBackend } from '../../../mock/server/createMockBackend';
import { type ContractHarness, describeDataSourceContract } from '../../../tests/contract/dataSourceContract';
import { loadTestRegion } from '../../../tests/contract/loadTestRegion';
import { createHttpDataSource } from './createHttpDataSource';
import type { WebSocketConstructor } from './openWebSocketStream';

const MINUTE = 60_000;
const START = Date.parse('2026-11-23T02:00:00Z');

function newBackend(seed: number): MockBackend {
  const backend = createMockBackend({ region: loadTestRegion(), seed, speed: 1, heartbeatMs: 250, logLimit: 3000, start: START });
  // The test drives simulated time itself, so every run sees the same changes.
  backend.clock.setPaused(true);
  return backend;
}

/** A loopback server whose backend can be swapped, as a restart with another history would. */
async function startServer(): Promise<{ current: () => MockBackend; replace: () => void; outage: (ms: number) => void; server: Server; baseUrl: string }> {
  let backend = newBackend(7);
  let downUntil = 0;
  const server = createServer((request, response) => {
    if (Date.now() < downUntil) {
      response.writeHead(503).end();
      return;
    }
    backend.handle(request, response);
  });
  server.on('upgrade', (request, socket, head) => {
    if (!backend.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    current: () => backend,
    replace: () => {
      backend.close();
      backend = newBackend(8);
      server.closeAllConnections();
    },
    outage: (ms) => {
      downUntil = Date.now() + ms;
    },
    server,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`,
  };
}

for (const stream of ['sse', 'websocket', 'none'] as const) {
  describeDataSourceContract(`http (${stream === 'none' ? 'polling' : stream}) against the mock server`, async (): Promise<ContractHarness> => {
    const { current, replace, outage, server, baseUrl } = await startServer();
    const polling = stream === 'none';
    const source = createHttpDataSource(
      { id: 'contract-test', baseUrl, stream, crs: 'wgs84', heartbeatTimeoutMs: 3000, pollIntervalMs: 100 },
      { WebSocket: WebSocket as unknown as WebSocketConstructor },
    );
    return {
      source,
      async produceChanges() {
        current().simulator.advanceTo(current().simulator.now + 20 * MINUTE);
      },
      async truth() {
        return new Map(current().simulator.snapshot().records.map(({ kind, record }) => [`${kind}:${(record as { id: string }).id}`, (record as { version: number }).version]));
      },
      // Polling holds no connection to drop: an outage is the backend failing for a moment.
      async dropConnections() {
        if (polling) outage(400);
        current().dropConnections();
        server.closeAllConnections();
      },
      // The malformed fault rides on stream messages; polling reads the log, which holds none.
      ...(polling
        ? {}
        : {
            async injectMalformed() {
              current().injectMalformed(10);
            },
          }),
      async outrunLog() {
        const missedFrom = current().simulator.log.latestSeq;
        while (current().simulator.log.oldestSeq <= missedFrom + 1) current().simulator.advanceTo(current().simulator.now + 20 * MINUTE);
      },
      async logAfter(seq) {
        return current().simulator.log.after(seq).map((change) => change.seq);
      },
      async replaceHistory() {
        replace();
      },
      async close() {
        source.close();
        current().close();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  });
}
