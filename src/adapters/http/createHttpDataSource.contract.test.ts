/** The http adapter against the real mock server over loopback: SSE, WebSocket and polling. */
import { WebSocket } from 'ws';
import { expect, it } from 'vitest';
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
        await current().advanceTo(current().simulator.now + 20 * MINUTE);
      },
      async truth() {
        await current().settled();
        return new Map(current().store.snapshot().records.map(({ kind, record }) => [`${kind}:${(record as { id: string }).id}`, (record as { version: number }).version]));
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
      // The store keeps its log until it is pruned: history folded up to now moves the resume floor.
      // The client stays away meanwhile (its reconnects refused): the loop awaits the store, and a
      // client back before the first prune would miss nothing.
      async outrunLog() {
        const missedFrom = current().store.latestSeq;
        refuse(Number.MAX_SAFE_INTEGER);
        try {
          while (current().store.oldestSeq <= missedFrom + 1) {
            await current().advanceTo(current().simulator.now + 20 * MINUTE);
            await current().store.prune({ retainFromMs: current().simulator.now, thinBeforeMs: current().simulator.now });
          }
        } finally {
          refuse(0);
        }
      },
      async logAfter(seq) {
        return (await current().store.changesAfter(seq, Number.MAX_SAFE_INTEGER)).map((change) => change.seq);
      },
      async replaceHistory() {
        await replace();
      },
      async close() {
        source.close();
        await close();
      },
    };
  });
}

it('acknowledges an alert through the backend, which audits it as the duty screen\'s, once', async () => {
  const { current, baseUrl, close } = await startMockServer();
  const source = createHttpDataSource({ id: 'duty-test', baseUrl, stream: 'none', crs: 'wgs84' }, { WebSocket: WebSocket as unknown as WebSocketConstructor });
  try {
    const alert = current().simulator.injectAlert(4)!;
    await current().settled();
    const answer = await source.acknowledgeAlert(alert.id, '球川派出所 李警官');
    expect(answer).toMatchObject({ ok: true, value: { status: 'acknowledged', acknowledgedBy: '球川派出所 李警官' } });
    const trail = (await (await fetch(`${baseUrl}/audit/alert/${alert.id}`)).json()) as { entries: { actor: string; screen: string; status: number }[] };
    expect(trail.entries.map(({ actor, screen, status }) => [actor, screen, status])).toEqual([['球川派出所 李警官', 'duty', 200]]);
  } finally {
    source.close();
    await close();
  }
});

it('sets and lifts a control order through the backend from a desk, declared in its capabilities, the record checked on the way back', async () => {
  const { current, baseUrl, close } = await startMockServer();
  const source = createHttpDataSource({ id: 'desk-test', baseUrl, stream: 'none', crs: 'wgs84' }, { WebSocket: WebSocket as unknown as WebSocketConstructor });
  try {
    expect(await source.capabilities()).toMatchObject({ ok: true, value: { controlOrders: true } });
    const station = [...current().store.all('station')].find((record) => record.province === 'zj' && record.stationKind === 'police-station')!;
    const desk = { station: station.id, officer: '球川派出所 李警官' };
    const set = await source.setControlOrder({ watchlist: '盗抢车辆', severity: 3, subject: { type: 'vehicle', plate: '浙H·3K291' }, hours: 24 }, desk);
    expect(set).toMatchObject({ ok: true, value: { province: 'zj', setBy: '球川派出所 李警官', status: 'active', checkSides: ['zj', 'jx'] } });
    const id = set.ok ? set.value.id : '';
    expect(await source.liftControlOrder(id, { expectedVersion: 1 }, { station: [...current().store.all('station')].find((record) => record.province === 'jx')!.id, officer: '双明派出所 陈警官' })).toMatchObject({ ok: false, error: { code: 'unauthorized', detail: expect.stringContaining('only the side that set') } });
    expect(await source.liftControlOrder(id, { expectedVersion: 1 }, desk)).toMatchObject({ ok: true, value: { status: 'lifted', liftedBy: '球川派出所 李警官' } });
  } finally {
    source.close();
    await close();
  }
});
