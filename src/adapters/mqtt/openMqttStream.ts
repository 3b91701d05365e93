/**
 * One connection to an MQTT broker over WebSocket, as a transport for the resumable stream
 * (../http/startResumableStream.ts, which owns reconnecting, the silence watchdog, validation and
 * the resync): it settles when the connection ends, and is opened again with the cursor reached.
 *
 * Resuming without loss takes two things. The broker keeps a persistent session (clean start off,
 * a session expiry, QoS 1), so what is published while the screen is away waits for it. And
 * because order holds only within a topic, changes are put back in sequence
 * (./changeSequencer.ts); a hole that stays open longer than `gapWaitMs`, or a session the broker
 * no longer had, is filled from the REST change log. A change delivered twice is dropped by its
 * sequence number.
 */
// The default import: mqtt.js's browser build exports nothing else.
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { EntityKind } from '../../domain/entities/entityKinds';
import type { Failure, Result } from '../contract';
import type { ChangesPage } from '../http/createHttpDataSource';
import { StreamFailure } from '../stream/StreamFailure';
import { type StreamMessage, decodeStreamMessage } from '../stream/streamMessage';
import { ChangeSequencer, sequenceOf } from './changeSequencer';

export interface MqttStreamSettings {
  /** ws:// or wss:// */
  url: string;
  clientId: string;
  topicPrefix: string;
  kinds: readonly EntityKind[];
  sessionExpirySeconds: number;
  username?: string;
  password?: string;
  connectTimeoutMs: number;
  /** How long a hole in the sequence may stay open before the REST change log fills it. */
  gapWaitMs: number;
  /** The history the stream follows (updated by resyncs): a message from another is not held back. */
  epoch(): string | undefined;
  changesAfter(after: number, signal: AbortSignal): Promise<Result<ChangesPage>>;
  /** Told whenever the REST change log filled a hole (diagnostics, tests). */
  onCatchUp?(from: number, to: number): void;
}

/**
 * Changes held behind a hole before the connection is given up and started over: a hole the change
 * log cannot fill (a backend whose REST side lags its broker) must not grow memory without end.
 */
const MAX_HELD = 20_000;

/** MQTT 5 reason codes (and MQTT 3 return codes) that mean "who you are is not accepted". */
const UNAUTHORIZED_CODES = new Set([4, 5, 134, 135, 138, 140]);

function failureOf(error: Error & { code?: unknown }, what: string): Failure {
  const code = typeof error.code === 'number' && UNAUTHORIZED_CODES.has(error.code) ? 'unauthorized' : 'network';
  return { code, reason: `stream: ${what}: ${error.message}` };
}

export function openMqttStream(
  settings: MqttStreamSettings,
  after: number,
  signal: AbortSignal,
  onMessage: (message: StreamMessage) => void,
  onOpen: () => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const sequencer = new ChangeSequencer(after);
    const decoder = new TextDecoder();
    const changesTopic = `${settings.topicPrefix}/changes/`;
    const heartbeatTopic = `${settings.topicPrefix}/heartbeat`;
    let settled = false;
    let failed: Failure | undefined;
    let gapTimer: ReturnType<typeof setTimeout> | undefined;
    let filling = false;

    const options: IClientOptions = {
      protocolVersion: 5,
      clientId: settings.clientId,
      // A persistent session: the broker queues QoS 1 messages while the screen is away. MQTT 5
      // ends a session at disconnect unless it is given an expiry.
      clean: false,
      properties: { sessionExpiryInterval: settings.sessionExpirySeconds },
      // Reconnecting (with backoff and jitter) is the resumable stream's job, not mqtt.js's.
      reconnectPeriod: 0,
      connectTimeout: settings.connectTimeoutMs,
      keepalive: 30,
      // mqtt.js otherwise runs its keepalive timer in a blob: worker, which the page's CSP refuses:
      // keepalives would stop without a word and the broker would drop the screen.
      timerVariant: 'native',
      resubscribe: false,
      ...(settings.username !== undefined ? { username: settings.username } : {}),
      ...(settings.password !== undefined ? { password: settings.password } : {}),
    };
    const client: MqttClient = mqtt.connect(settings.url, options);

    const settle = (failure?: Failure) => {
      if (settled) return;
      settled = true;
      clearTimeout(gapTimer);
      signal.removeEventListener('abort', abort);
      client.end(true);
      if (failure) reject(new StreamFailure(failure));
      else resolve();
    };
    // Ending without a DISCONNECT packet keeps the session on the broker for the next connection.
    const abort = () => settle();
    signal.addEventListener('abort', abort, { once: true });

    const forward = (message: StreamMessage) => {
      if (!settled) onMessage(message);
    };
    const forwardReleased = (released: { entries: unknown[]; seq: number } | undefined, epoch: string | undefined) => {
      if (released) forward({ type: 'changes', seq: released.seq, epoch, changes: released.entries });
    };

    /** Fills holes from the REST change log, page by page, up to what it holds. */
    const catchUp = async () => {
      if (filling || settled) return;
      filling = true;
      clearTimeout(gapTimer);
      gapTimer = undefined;
      const from = sequencer.cursor;
      try {
        for (;;) {
          const before = sequencer.cursor;
          const page = await settings.changesAfter(before, signal);
          if (settled) return;
          if (!page.ok) {
            // An expired cursor is the resync's business; any other failure leaves completeness
            // unproven, so the connection starts over (with backoff) rather than carry on with a hole.
            settle({ ...page.error, reason: `stream: catching up from the change log: ${page.error.reason}` });
            return;
          }
          const known = settings.epoch();
          if (page.value.epoch !== undefined && known !== undefined && page.value.epoch !== known) {
            forward({ type: 'changes', ...page.value });
            return;
          }
          forwardReleased(sequencer.fill(page.value.changes, page.value.seq), page.value.epoch);
          if (sequencer.cursor <= before) {
            // The change log answered and holds nothing newer: the backend is there, which is
            // what a heartbeat says (a quiet broker may carry none for a while).
            forward({ type: 'heartbeat', seq: sequencer.cursor, epoch: page.value.epoch, at: undefined });
            break;
          }
        }
        if (sequencer.cursor > from) settings.onCatchUp?.(from, sequencer.cursor);
      } finally {
        filling = false;
        watchGap();
      }
    };

    /** Starts the gap timer when something is missing, stops it once nothing is. */
    function watchGap() {
      if (settled) return;
      if (!sequencer.hasGap) {
        clearTimeout(gapTimer);
        gapTimer = undefined;
        return;
      }
      if (gapTimer === undefined && !filling) gapTimer = setTimeout(() => void catchUp(), settings.gapWaitMs);
    }

    const onChangesPayload = (text: string) => {
      const message = decodeStreamMessage('changes', text);
      if (message.type !== 'changes') return forward(message);
      const known = settings.epoch();
      // Another history: the stream must see it at once to start over, not wait behind a hole.
      if (message.epoch !== undefined && known !== undefined && message.epoch !== known) return forward(message);
      const unnumbered = message.changes.filter((entry) => sequenceOf(entry) === undefined);
      // Without a sequence number an entry cannot be placed: straight to the gate, which says why.
      if (unnumbered.length > 0) forward({ type: 'changes', seq: undefined, epoch: message.epoch, changes: unnumbered });
      forwardReleased(sequencer.add(message.changes), message.epoch);
      if (sequencer.held > MAX_HELD) {
        return settle({ code: 'network', reason: `stream: more than ${MAX_HELD} changes held behind change ${sequencer.cursor + 1}, which neither the broker nor the change log delivers` });
      }
      watchGap();
    };

    client.on('message', (topic, payload) => {
      if (settled) return;
      const text = decoder.decode(payload);
      if (topic === heartbeatTopic) {
        const message = decodeStreamMessage('heartbeat', text);
        if (message.type === 'heartbeat' && message.seq !== undefined && (message.epoch === undefined || message.epoch === settings.epoch())) {
          sequencer.noteLatest(message.seq);
          watchGap();
        }
        return forward(message);
      }
      if (topic.startsWith(changesTopic)) onChangesPayload(text);
    });

    client.on('connect', (connack) => {
      // A kept session has its subscriptions and queue: it is live at once, and what it queued
      // follows. Without one, live means caught up: the change log has what was published before
      // the subscriptions stood.
      if (connack.sessionPresent) onOpen();
      const topics = [...settings.kinds.map((kind) => `${changesTopic}${kind}`), heartbeatTopic];
      client.subscribe(topics, { qos: 1 }, (error, granted) => {
        if (settled) return;
        if (error) return settle(failureOf(error, 'subscribing'));
        const refused = (granted ?? []).filter((grant) => grant.qos >= 0x80);
        if (refused.length > 0) {
          return settle({ code: 'unauthorized', reason: `stream: the broker refused ${refused.map((grant) => grant.topic).join(', ')}` });
        }
        if (connack.sessionPresent) return watchGap();
        void catchUp().then(() => {
          if (!settled) onOpen();
        });
      });
    });
    client.on('disconnect', (packet) => {
      failed ??= { code: 'network', reason: `stream: the broker disconnected (reason code ${packet.reasonCode ?? 'none'})` };
    });
    client.on('error', (error) => {
      failed ??= failureOf(error, `broker ${settings.url}`);
      settle(failed);
    });
    client.on('close', () => settle(failed ?? { code: 'network', reason: 'stream: the broker connection closed' }));
  });
}
