/** The http adapter against the real mock server over loopback: SSE, WebSocket and polling. */
import { WebSocket } from 'ws';
import { type ContractHarness, describeDataSourceContract } from '../../../tests/contract/dataSourceContract';
import { startMockServer } from '../../../tests/contract/startMockServer';
import { createHttpDataSource } from './createHttpDataSource';
import type { WebSocketConstructor } from './openWebSocketStream';

const MINUTE = 60_000;

for (const stream of ['sse', 'websocket', 'none'] as const) {
  describeDataSourceContract(`http (${stream === 'none' ? 'polling' : stream}) against the mock server`, async (): Promise<ContractHarness> => {
    const { current, replace, refuse, server, baseUrl, close } = await startMockServer();
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
      // Polling holds no connection to drop: an outage is the backend failing the next polls.
      // Counted in requests, not a time window, so a poll that a busy machine delays past the
      // window cannot miss the outage (the ogc case did, and saw no `reconnecting`).
      async dropConnections() {
        if (polling) refuse(2);
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
        await close();
      },
    };
  });
}
