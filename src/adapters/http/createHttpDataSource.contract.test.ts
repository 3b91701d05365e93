/** The http adapter against the real mock server over loopback, with both stream transports. */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { type MockBackend, createMockBackend } from '../../../mock/server/createMockBackend';
import { type ContractHarness, describeDataSourceContract } from '../../../tests/contract/dataSourceContract';
import { loadTestRegion } from '../../../tests/contract/loadTestRegion';
import { createHttpDataSource } from './createHttpDataSource';
import type { WebSocketConstructor } from './openWebSocketStream';

const MINUTE = 60_000;

async function startBackend(): Promise<{ backend: MockBackend; server: Server; baseUrl: string }> {
  const backend = createMockBackend({ region: loadTestRegion(), seed: 7, speed: 1, heartbeatMs: 250, logLimit: 3000, start: Date.parse('2026-11-23T02:00:00Z') });
  // The test drives simulated time itself, so every run sees the same changes.
  backend.clock.setPaused(true);
  const server = createServer((request, response) => backend.handle(request, response));
  server.on('upgrade', (request, socket, head) => {
    if (!backend.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { backend, server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1` };
}

for (const stream of ['sse', 'websocket'] as const) {
  describeDataSourceContract(`http (${stream}) against the mock server`, async (): Promise<ContractHarness> => {
    const { backend, server, baseUrl } = await startBackend();
    const source = createHttpDataSource(
      { id: 'contract-test', baseUrl, stream, crs: 'wgs84', heartbeatTimeoutMs: 3000 },
      { WebSocket: WebSocket as unknown as WebSocketConstructor },
    );
    return {
      source,
      async produceChanges() {
        backend.simulator.advanceTo(backend.simulator.now + 20 * MINUTE);
      },
      async truth() {
        return new Map(backend.simulator.snapshot().records.map(({ kind, record }) => [`${kind}:${(record as { id: string }).id}`, (record as { version: number }).version]));
      },
      async dropConnections() {
        backend.dropConnections();
      },
      async injectMalformed() {
        backend.injectMalformed(10);
      },
      async outrunLog() {
        const missedFrom = backend.simulator.log.latestSeq;
        while (backend.simulator.log.oldestSeq <= missedFrom + 1) backend.simulator.advanceTo(backend.simulator.now + 20 * MINUTE);
      },
      async close() {
        source.close();
        backend.close();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  });
}
