/**
 * The mqtt adapter against a real Mosquitto broker: the mock server for REST, the mock's MQTT
 * bridge publishing its stream, and a WebSocket relay on loopback between the adapter and the
 * broker (the path a browser takes). The shared contract suite first, then what is particular to
 * a broker: the persistent session, order across kind topics, and payloads that are not changes.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type MqttClient, connectAsync } from 'mqtt';
import { mqttSourceSchema } from '../../domain/appConfig';
import type { WireChange } from '../../domain/wire';
import type { Change, Rejection, StreamStatus, Subscription } from '../contract';
import { type MqttBridge, startMqttBridge } from '../../../mock/server/startMqttBridge';
import { type ContractHarness, describeDataSourceContract, waitFor } from '../../../tests/contract/dataSourceContract';
import { type MockServer, startMockServer } from '../../../tests/contract/startMockServer';
import { type Mosquitto, mosquittoMissing, startMosquitto } from '../../../tests/contract/startMosquitto';
import { type StandaloneWebSocketRelay, startWebSocketRelay } from '../../../tests/contract/startWebSocketRelay';
import { createMqttDataSource } from './createMqttDataSource';

const MINUTE = 60_000;
/**
 * The broker's per-client queue in these tests: far above what an outage in the suite publishes
 * (one message per kind per batch), low enough that outrunning it takes a second, not a minute.
 */
const BROKER_QUEUE = 200;

const missing = mosquittoMissing();
let broker: Promise<Mosquitto> | undefined;
const theBroker = () => (broker ??= startMosquitto({ maxQueuedMessages: BROKER_QUEUE }));
afterAll(async () => {
  if (broker) await (await broker).stop();
});

let prefixes = 0;

interface Rig {
  server: MockServer;
  relay: StandaloneWebSocketRelay;
  bridge: () => MqttBridge;
  topicPrefix: string;
  /** Ranges the REST change log filled, as the adapter reported them. */
  catchUps: Array<[number, number]>;
  source: ReturnType<typeof createMqttDataSource>;
  replaceHistory(): Promise<void>;
  close(): Promise<void>;
}

/** One isolated set-up: its own REST server, bridge, relay and topic prefix on the shared broker. */
async function startRig(overrides: Record<string, unknown> = {}): Promise<Rig> {
  const mosquitto = await theBroker();
  const server = await startMockServer();
  const relay = await startWebSocketRelay(mosquitto.port);
  prefixes += 1;
  const topicPrefix = `safe-border-test/${process.pid}-${prefixes}`;
  let bridge = await startMqttBridge(server.current(), { brokerUrl: mosquitto.url, topicPrefix });
  const catchUps: Array<[number, number]> = [];
  const settings = mqttSourceSchema.parse({ type: 'mqtt', id: 'contract-test', topicPrefix, heartbeatTimeoutMs: 3000, gapWaitMs: 200, sessionExpirySeconds: 60, ...overrides });
  const source = createMqttDataSource(settings, { origin: server.origin, brokerUrl: relay.url, onCatchUp: (from, to) => catchUps.push([from, to]) });
  return {
    server,
    relay,
    bridge: () => bridge,
    topicPrefix,
    catchUps,
    source,
    async replaceHistory() {
      await bridge.close();
      await server.replace();
      bridge = await startMqttBridge(server.current(), { brokerUrl: mosquitto.url, topicPrefix });
    },
    async close() {
      source.close();
      await bridge.close();
      await relay.close();
      await server.close();
    },
  };
}

const truthOf = async (server: MockServer) => {
  await server.current().settled();
  return new Map(server.current().store.snapshot().records.map(({ kind, record }) => [`${kind}:${(record as { id: string }).id}`, (record as { version: number }).version]));
};

/** Runs the simulation on and returns the changes it made, as the store numbered them. */
const advance = async (server: MockServer, minutes = 20): Promise<WireChange[]> => {
  const before = server.current().store.latestSeq;
  await server.current().advanceTo(server.current().simulator.now + minutes * MINUTE);
  return server.current().store.changesAfter(before, Number.MAX_SAFE_INTEGER);
};

if (missing) {
  describe.skip(`mqtt adapter against Mosquitto (${missing})`, () => {
    it('runs only where the broker is installed', () => undefined);
  });
} else {
  describeDataSourceContract('mqtt over WebSocket against Mosquitto and the mock server', async (): Promise<ContractHarness> => {
    const rig = await startRig();
    const { server } = rig;
    return {
      source: rig.source,
      async produceChanges() {
        await advance(server);
      },
      async truth() {
        return truthOf(server);
      },
      async dropConnections() {
        rig.relay.dropConnections();
      },
      async injectMalformed() {
        server.current().injectMalformed(10);
      },
      // What a screen missed is kept twice over: by the broker's session and by the change log.
      // Outrunning both means more messages than the broker queues, and more changes than the
      // log keeps after the last one it could queue.
      async outrunLog() {
        const store = server.current().store;
        const startMessages = rig.bridge().messages;
        let lastQueuable: number | undefined;
        // The screen stays away meanwhile: the loop awaits the store, and a screen reconnecting
        // early would take every message live and miss nothing.
        rig.relay.hold(true);
        try {
          while (lastQueuable === undefined || store.oldestSeq <= lastQueuable + 1) {
            await advance(server);
            // The store keeps its log until pruned: folding history up to now moves the resume floor.
            await store.prune({ retainFromMs: server.current().simulator.now, thinBeforeMs: server.current().simulator.now });
            if (lastQueuable === undefined && rig.bridge().messages - startMessages > BROKER_QUEUE + 50) lastQueuable = rig.bridge().lastSeq;
          }
          // Away until the broker holds every message: published late, they would arrive live.
          await waitFor(() => rig.bridge().acknowledged >= rig.bridge().messages, 15_000, 'the broker to take every message');
        } finally {
          rig.relay.hold(false);
        }
      },
      async logAfter(seq) {
        return (await server.current().store.changesAfter(seq, Number.MAX_SAFE_INTEGER)).map((change) => change.seq);
      },
      replaceHistory: () => rig.replaceHistory(),
      close: () => rig.close(),
    };
  });

  /** A screen: the snapshot, then the stream, recording what it was told. */
  async function follow(rig: Rig) {
    const snapshot = await rig.source.snapshot();
    if (!snapshot.ok) throw new Error(snapshot.error.reason);
    const applied: Change[] = [];
    const rejected: Rejection[] = [];
    const statuses: StreamStatus[] = [];
    const subscription: Subscription = rig.source.subscribe(
      {
        onChanges: (changes) => applied.push(...changes),
        onRejected: (rejections) => rejected.push(...rejections),
        onStatus: (status) => statuses.push(status),
      },
      { cursor: snapshot.value.cursor, ...(snapshot.value.epoch ? { epoch: snapshot.value.epoch } : {}) },
    );
    const live = () => statuses.at(-1)?.state === 'live';
    await waitFor(live, 10_000, 'the stream to go live');
    // The first connection has no session to resume: the adapter asks the change log once.
    await waitFor(() => rig.server.requests('/changes') >= 1, 5000, 'the first catch-up');
    return { cursor: snapshot.value.cursor, applied, rejected, statuses, live, subscription };
  }

  const seqsOf = (changes: readonly Change[]) => changes.map((change) => change.seq);

  describe('mqtt adapter: what a broker adds', { timeout: 30_000 }, () => {
    let rig: Rig | undefined;
    let publisher: MqttClient | undefined;
    let subscription: Subscription | undefined;
    afterEach(async () => {
      subscription?.close();
      await publisher?.endAsync();
      await rig?.close();
      rig = publisher = subscription = undefined;
    });

    it('asks for a persistent session and QoS 1, and gets what was published while away from it, not from the change log', async () => {
      rig = await startRig();
      const screen = await follow(rig);
      subscription = screen.subscription;
      const mosquitto = await theBroker();
      // What the broker saw: MQTT 5 with clean start off, and every kind's topic at QoS 1.
      expect(mosquitto.log()).toMatch(/as sb-contract-test-\w+ \(p5, c0, k30\)/);
      expect(mosquitto.log()).toContain(` 1 ${rig.topicPrefix}/changes/alert`);
      expect(mosquitto.log()).toContain(` 1 ${rig.topicPrefix}/heartbeat`);

      await advance(rig.server);
      await waitFor(() => screen.applied.length > 0 && screen.applied.at(-1)!.seq === rig!.server.current().store.latestSeq, 10_000, 'the first batch');
      const restBefore = rig.server.requests('/changes');
      const catchUpsBefore = rig.catchUps.length;
      rig.relay.dropConnections();
      await advance(rig.server);
      await advance(rig.server);
      const latest = rig.server.current().store.latestSeq;
      await waitFor(() => screen.applied.at(-1)?.seq === latest && screen.live(), 15_000, 'the changes made while away');

      expect(seqsOf(screen.applied)).toEqual((await rig.server.current().store.changesAfter(screen.cursor, Number.MAX_SAFE_INTEGER)).map((change) => change.seq));
      expect(screen.statuses.some((status) => status.state === 'reconnecting')).toBe(true);
      expect(rig.relay.accepted).toBeGreaterThanOrEqual(2);
      // The broker's queue delivered them: the change log was not asked again.
      expect(rig.server.requests('/changes')).toBe(restBefore);
      expect(rig.catchUps.length).toBe(catchUpsBefore);
    });

    it('fills from the change log what a broker without the session lost, none lost and none twice', async () => {
      // No session expiry: the broker forgets the screen at once and queues nothing for it.
      rig = await startRig({ sessionExpirySeconds: 0 });
      const screen = await follow(rig);
      subscription = screen.subscription;
      rig.relay.dropConnections();
      await advance(rig.server);
      await advance(rig.server);
      const latest = rig.server.current().store.latestSeq;
      await waitFor(() => screen.applied.at(-1)?.seq === latest && screen.live(), 15_000, 'the changes made while away');
      expect(seqsOf(screen.applied)).toEqual((await rig.server.current().store.changesAfter(screen.cursor, Number.MAX_SAFE_INTEGER)).map((change) => change.seq));
      expect(rig.catchUps.some(([, to]) => to === latest)).toBe(true);
    });

    /** Publishes changes straight to the kind topics, as a backend would, one message each. */
    async function publishEach(changes: readonly WireChange[], epoch: string) {
      for (const change of changes) {
        await publisher!.publishAsync(`${rig!.topicPrefix}/changes/${change.kind}`, JSON.stringify({ seq: change.seq, epoch, changes: [change] }), { qos: 1 });
      }
    }

    it('applies changes crossing on different kind topics in sequence order, without the change log', async () => {
      rig = await startRig({ gapWaitMs: 5000, heartbeatTimeoutMs: 20_000 });
      const screen = await follow(rig);
      subscription = screen.subscription;
      // The bridge steps aside: this test publishes the log itself, newest first.
      await rig.bridge().close();
      publisher = await connectAsync((await theBroker()).url, { protocolVersion: 5 });
      const made = await advance(rig.server, 60);
      const kinds = new Set(made.map((change) => change.kind));
      expect(kinds.size).toBeGreaterThan(1);
      await publishEach([...made].reverse(), rig.server.current().epoch);
      await waitFor(() => screen.applied.length === made.length, 4000, 'every change');
      expect(seqsOf(screen.applied)).toEqual(made.map((change) => change.seq));
      expect(rig.catchUps).toEqual([]);
    });

    it('fetches a change the broker never delivered from the change log, after the gap wait', async () => {
      rig = await startRig({ gapWaitMs: 200, heartbeatTimeoutMs: 20_000 });
      const screen = await follow(rig);
      subscription = screen.subscription;
      await rig.bridge().close();
      publisher = await connectAsync((await theBroker()).url, { protocolVersion: 5 });
      const made = await advance(rig.server, 60);
      expect(made.length).toBeGreaterThan(2);
      await publishEach([made[0]!, ...made.slice(2)], rig.server.current().epoch);
      await waitFor(() => screen.applied.length === made.length && rig!.catchUps.length > 0, 5000, 'the missing change');
      expect(seqsOf(screen.applied)).toEqual(made.map((change) => change.seq));
      expect(rig.catchUps).toEqual([[made[0]!.seq, made.at(-1)!.seq]]);
    });

    it('rejects payloads that are not changes, with reasons, and applies the valid changes after them', async () => {
      rig = await startRig();
      const screen = await follow(rig);
      subscription = screen.subscription;
      publisher = await connectAsync((await theBroker()).url, { protocolVersion: 5 });
      const topic = `${rig.topicPrefix}/changes/alert`;
      await publisher.publishAsync(topic, '{"seq": 1, "changes": [', { qos: 1 });
      await publisher.publishAsync(topic, '{"seq": 1, "changes": "none"}', { qos: 1 });
      await publisher.publishAsync(`${rig.topicPrefix}/heartbeat`, 'ping', { qos: 1 });
      rig.server.current().injectMalformed(3);
      await advance(rig.server);
      const truth = await truthOf(rig.server);
      const latest = rig.server.current().store.latestSeq;
      await waitFor(() => screen.applied.at(-1)?.seq === latest, 10_000, 'the valid changes');
      await waitFor(() => screen.rejected.length >= 6, 5000, 'the rejections');
      const reasons = screen.rejected.map((rejection) => rejection.reason).join('\n');
      expect(reasons).toMatch(/changes message is not valid JSON/);
      expect(reasons).toMatch(/without a changes array/);
      expect(reasons).toMatch(/heartbeat message is not valid JSON/);
      expect(reasons).toMatch(/^alert: /m);
      expect(reasons).toMatch(/^station: position\[\]: longitude/m);
      const applied = new Map<string, number>();
      for (const change of screen.applied) if (change.op === 'upsert') applied.set(`${change.kind}:${(change.record as { id: string }).id}`, (change.record as { version: number }).version);
      for (const [key, version] of applied) expect(truth.get(key)).toBe(version);
      expect([...applied.keys()].some((key) => /bad-/.test(key))).toBe(false);
    });
  });

  describe('mqtt adapter: broker credentials', { timeout: 30_000 }, () => {
    it('connects with the configured user, and reports a refused one as unauthorized', async () => {
      const mosquitto = await startMosquitto({ users: { wall: 's3cret' } });
      const server = await startMockServer();
      const relay = await startWebSocketRelay(mosquitto.port);
      const subscriptions: Subscription[] = [];
      const open = (credentials: { username: string; password: string }) => {
        const settings = mqttSourceSchema.parse({ type: 'mqtt', id: 'auth-test', ...credentials });
        const source = createMqttDataSource(settings, { origin: server.origin, brokerUrl: relay.url });
        const statuses: StreamStatus[] = [];
        subscriptions.push(source.subscribe({ onChanges: () => undefined, onStatus: (status) => statuses.push(status) }, { cursor: server.current().store.latestSeq }));
        return statuses;
      };
      try {
        const admitted = open({ username: 'wall', password: 's3cret' });
        const refused = open({ username: 'wall', password: 'wrong' });
        await waitFor(() => admitted.at(-1)?.state === 'live', 10_000, 'the admitted screen to go live');
        await waitFor(() => refused.some((status) => status.lastError !== undefined), 10_000, 'the refused screen to say why');
        const error = refused.find((status) => status.lastError)!.lastError!;
        expect(error.code).toBe('unauthorized');
        expect(error.reason).toMatch(/not authori[sz]ed|bad user ?name or password/i);
        expect(refused.some((status) => status.state === 'live')).toBe(false);
      } finally {
        for (const subscription of subscriptions) subscription.close();
        await relay.close();
        await server.close();
        await mosquitto.stop();
      }
    });
  });
}
