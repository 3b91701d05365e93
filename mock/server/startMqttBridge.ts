/**
 * Publishes the mock backend's stream to an MQTT broker, the way a backend feeding EMQX or
 * Mosquitto for Safe Border does (docs/integrating.md): every batch split by entity kind, one
 * message per kind on `<prefix>/changes/<kind>` at QoS 1, never retained, the payload the same
 * `{ seq, epoch, changes }` envelope as GET /changes; a heartbeat `{ at, seq, epoch, intervalMs }` on
 * `<prefix>/heartbeat` at QoS 0 (a missed heartbeat is harmless, and a queued stale one useless).
 *
 * Walls of screens: each wall's shared state, retained at QoS 1 on `<prefix>/walls/<id>/state`
 * (`{ state, serverTime }`, as the backend's wall stream sends it), so a screen in any command
 * centre on this broker gets the wall as it is the moment it subscribes; and the backend's clock,
 * `{ serverTime }` on `<prefix>/walls/clock` at QoS 0 with every heartbeat, for screens to reckon
 * the tour on (a retained state's `serverTime` is as old as the state).
 */
import { connect } from 'mqtt';
import type { WireChange } from '../../src/domain/wire';
import type { MockBackend } from './createMockBackend';

export interface MqttBridgeOptions {
  /** e.g. `mqtt://127.0.0.1:1883`. */
  brokerUrl: string;
  topicPrefix?: string;
  username?: string;
  password?: string;
}

export interface MqttBridge {
  /** Change messages handed to the broker so far. */
  readonly messages: number;
  /** Of those, the ones the broker has acknowledged (PUBACK): it holds them for every session. */
  readonly acknowledged: number;
  /** The sequence number of the last change published. */
  readonly lastSeq: number;
  close(): Promise<void>;
}

export const DEFAULT_TOPIC_PREFIX = 'safe-border/v1';

/** Starts publishing once connected; resolves when the broker has accepted the connection. */
export async function startMqttBridge(backend: MockBackend, options: MqttBridgeOptions): Promise<MqttBridge> {
  const prefix = options.topicPrefix ?? DEFAULT_TOPIC_PREFIX;
  const client = connect(options.brokerUrl, {
    protocolVersion: 5,
    clientId: `safe-border-mock-${Math.random().toString(36).slice(2, 10)}`,
    reconnectPeriod: 1000,
    connectTimeout: 5000,
    ...(options.username !== undefined ? { username: options.username } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  // After the first connection, errors are the reconnect loop's business: a broker restart must
  // not crash the mock.
  client.on('error', () => undefined);

  let messages = 0;
  let acknowledged = 0;
  let lastSeq = 0;
  const stopWalls = backend.walls.follow((state) => {
    client.publish(`${prefix}/walls/${state.wallId}/state`, JSON.stringify({ state, serverTime: Date.now() }), { qos: 1, retain: true });
  });
  const stopFollowing = backend.follow({
    changes(changes, seq, extra) {
      const byKind = new Map<string, WireChange[]>();
      for (const change of changes) (byKind.get(change.kind) ?? byKind.set(change.kind, []).get(change.kind)!).push(change);
      // The malformed fault rides with the kind that carries the batch's last change, so its
      // entries reach a client in the same message as a valid change with their sequence number.
      const lastKind = changes[changes.length - 1]?.kind;
      for (const [kind, group] of byKind) {
        const entries = group.map((change) => JSON.stringify(change));
        if (kind === lastKind) entries.push(...extra);
        const body = `{"seq":${group[group.length - 1]!.seq},"epoch":"${backend.epoch}","changes":[${entries.join(',')}]}`;
        client.publish(`${prefix}/changes/${kind}`, body, { qos: 1, retain: false }, (error) => {
          if (!error) acknowledged += 1;
        });
        messages += 1;
      }
      lastSeq = Math.max(lastSeq, seq);
    },
    heartbeat(beat) {
      client.publish(`${prefix}/heartbeat`, JSON.stringify(beat), { qos: 0, retain: false });
      client.publish(`${prefix}/walls/clock`, JSON.stringify({ serverTime: Date.now() }), { qos: 0, retain: false });
    },
  });

  return {
    get messages() {
      return messages;
    },
    get acknowledged() {
      return acknowledged;
    },
    get lastSeq() {
      return lastSeq;
    },
    close() {
      stopFollowing();
      stopWalls();
      return new Promise<void>((resolve) => client.end(false, {}, () => resolve()));
    },
  };
}
