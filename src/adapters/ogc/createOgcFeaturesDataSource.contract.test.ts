/**
 * The ogc-features adapter against the mock server's OGC API – Features (/ogc/v1) over loopback:
 * the simulator's records as collections, paged (a small limit, so every poll follows `next`
 * links), requested in CRS84, polled for changes: reading everything every poll, and reading only
 * what changed (`datetime` on updatedAt) between full polls.
 */
import { createMockBackend } from '../../../mock/server/createMockBackend';
import { OGC_COLLECTIONS } from '../../../mock/server/ogcFeaturesRoutes';
import { type ContractHarness, describeDataSourceContract } from '../../../tests/contract/dataSourceContract';
import { loadTestRegion } from '../../../tests/contract/loadTestRegion';
import { startLoopbackServer } from '../../../tests/contract/startLoopbackServer';
import { createOgcFeaturesDataSource } from './createOgcFeaturesDataSource';

const MINUTE = 60_000;
const START = Date.parse('2026-11-23T02:00:00Z');
const SERVED_KINDS = new Set<string>(OGC_COLLECTIONS.map((collection) => collection.kind));

for (const fullPollEvery of [1, 3]) {
  describeDataSourceContract(`ogc-features against the mock server${fullPollEvery > 1 ? `, reading only changes between every ${fullPollEvery}th poll` : ''}`, async (): Promise<ContractHarness> => {
    const backend = await createMockBackend({ region: loadTestRegion(), seed: 7, speed: 1, start: START });
    // The test drives simulated time itself, so every run sees the same changes.
    backend.clock.setPaused(true);
    await backend.advanceTo(backend.clock.now());
    let down = false;
    const server = await startLoopbackServer((request, response) => {
      if (down) {
        // Back once the client, having failed a read, asks for the landing page again: by then
        // that request has failed too, so the client has had a failed poll, whatever the timing.
        if (/^\/ogc\/v1\/?$/.test((request.url ?? '/').split('?')[0]!)) down = false;
        response.writeHead(503, { 'Content-Type': 'application/json' }).end('{"code":"Unavailable","description":"down for a moment"}');
        return;
      }
      backend.handle(request, response);
    });
    const source = createOgcFeaturesDataSource(
      { type: 'ogc-features', id: 'ogc-contract', baseUrl: '/ogc/v1', collections: [], crs: 'gcj02', limit: 40, maxPages: 100, pollIntervalMs: 100, fullPollEvery, timeoutMs: 5000 },
      { origin: server.origin },
    );
    return {
      source,
      async produceChanges() {
        await backend.advanceTo(backend.simulator.now + 20 * MINUTE);
      },
      async truth() {
        return new Map(
          backend.simulator
            .snapshot()
            .records.filter(({ kind }) => SERVED_KINDS.has(kind))
            .map(({ kind, record }) => [`${kind}:${(record as { id: string }).id}`, (record as { version: number }).version]),
        );
      },
      // Polling holds no connection to drop: an outage is the server failing requests. It ends on
      // what the client did, not after a 400 ms window: on a busy machine a poll (many pages)
      // could start after the window closed, and the case then saw no `reconnecting` status.
      async dropConnections() {
        down = true;
      },
      async injectMalformed() {
        backend.ogc.setMalformed(true);
      },
      async close() {
        source.close();
        await backend.close();
        await server.close();
      },
    };
  });
}
