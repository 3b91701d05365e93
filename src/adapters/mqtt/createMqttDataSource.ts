/**
 * The `mqtt` adapter, for deployments whose events flow through a broker cluster (EMQX,
 * Mosquitto): live changes arrive over MQTT on WebSocket, one topic per entity kind, QoS 1 in a
 * persistent session; everything else (snapshot, catch-up from the change log, health,
 * capabilities, history, acknowledgement) is the REST contract the `http` adapter already speaks,
 * so this adapter composes one instead of repeating it. Loaded on first use: a deployment without
 * a broker never downloads mqtt.js.
 */
import type { MqttSourceSettings } from '../../domain/appConfig';
import { ENTITY_KINDS } from '../../domain/entities/entityKinds';
import { type AlertAcknowledger, type AssistWorkflow, type AuditReader, type DataSource, type ControlOrderWorkflow, type HandoffWorkflow, type HistoryReader, type InstructionWorkflow, success } from '../contract';
import { type HttpEnvironment, createHttpDataSource } from '../http/createHttpDataSource';
import { startResumableStream } from '../stream/startResumableStream';
import { openMqttStream } from './openMqttStream';
import { type KeyValueStorage, screenClientId } from './screenClientId';

export interface MqttEnvironment extends HttpEnvironment {
  /**
   * The broker's full WebSocket URL, instead of the config's same-origin path: for Node, where
   * there is no page to be same-origin with (tests).
   */
  brokerUrl?: string;
  /** Where the client id is kept across reloads (the tab's sessionStorage by default). */
  storage?: KeyValueStorage;
  /** Told whenever the REST change log filled a hole in the broker's stream. */
  onCatchUp?(from: number, to: number): void;
}

/** `/mqtt` on the page's origin, as ws: or wss: to match the page. */
export function webSocketUrl(path: string, origin: string): string {
  const url = new URL(path, origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export function createMqttDataSource(settings: MqttSourceSettings, environment: MqttEnvironment = {}): DataSource & AlertAcknowledger & AssistWorkflow & InstructionWorkflow & HandoffWorkflow & ControlOrderWorkflow & AuditReader & HistoryReader {
  const origin = environment.origin ?? (typeof location === 'undefined' ? 'http://127.0.0.1' : location.href);
  const rest = createHttpDataSource(
    {
      id: settings.id,
      baseUrl: settings.baseUrl,
      stream: 'none',
      crs: settings.crs,
      ...(settings.kinds ? { kinds: settings.kinds } : {}),
      ...(settings.auth ? { auth: settings.auth } : {}),
      timeoutMs: settings.timeoutMs,
    },
    environment,
  );
  const url = environment.brokerUrl ?? webSocketUrl(settings.brokerUrl, origin);
  const clientId = settings.clientId ?? screenClientId(settings.id, environment.storage);
  let subscriptions = 0;

  return {
    id: settings.id,
    type: 'mqtt',
    async capabilities() {
      const capabilities = await rest.capabilities();
      return capabilities.ok ? success({ ...capabilities.value, stream: true }) : capabilities;
    },
    health: () => rest.health(),
    snapshot: (query) => rest.snapshot(query),
    history: (query) => rest.history(query),
    acknowledgeAlert: (id, by) => rest.acknowledgeAlert(id, by),
    raiseAssist: (input, desk) => rest.raiseAssist(input, desk),
    stepAssist: (id, step, input, desk) => rest.stepAssist(id, step, input, desk),
    auditTrail: (kind, id) => rest.auditTrail(kind, id),
    dispatchInstruction: (kind, id, input, desk) => rest.dispatchInstruction(kind, id, input, desk),
    handOffGridEvent: (id, input, desk) => rest.handOffGridEvent(id, input, desk),
    acceptHandoff: (id, index, desk) => rest.acceptHandoff(id, index, desk),
    setControlOrder: (input, desk) => rest.setControlOrder(input, desk),
    liftControlOrder: (id, input, desk) => rest.liftControlOrder(id, input, desk),
    advanceInstruction: (kind, id, instructionId, stage, input, desk) => rest.advanceInstruction(kind, id, instructionId, stage, input, desk),
    subscribe(handlers, options) {
      const narrowed = options.kinds?.length ? options.kinds : settings.kinds?.length ? settings.kinds : undefined;
      const kindsParam = narrowed?.join(',');
      let epoch = options.epoch;
      // Each subscription is its own broker session: two connections under one client id would
      // take the session from each other in turn.
      subscriptions += 1;
      const sessionId = subscriptions === 1 ? clientId : `${clientId}-${subscriptions}`;
      return startResumableStream({
        cursor: options.cursor,
        ...(options.epoch !== undefined ? { epoch: options.epoch } : {}),
        handlers,
        validation: { source: settings.id, crs: settings.crs },
        heartbeatTimeoutMs: settings.heartbeatTimeoutMs,
        // The transport holds changes back by history: it must know when a resync moved to another.
        takeSnapshot: async () => {
          const snapshot = await rest.snapshot({ ...(options.kinds ? { kinds: options.kinds } : {}) });
          if (snapshot.ok) epoch = snapshot.value.epoch;
          return snapshot;
        },
        open: (after, signal, onMessage, onOpen) =>
          openMqttStream(
            {
              url,
              clientId: sessionId,
              topicPrefix: settings.topicPrefix,
              kinds: narrowed ?? ENTITY_KINDS,
              sessionExpirySeconds: settings.sessionExpirySeconds,
              ...(settings.username !== undefined ? { username: settings.username } : {}),
              ...(settings.password !== undefined ? { password: settings.password } : {}),
              connectTimeoutMs: settings.timeoutMs,
              gapWaitMs: settings.gapWaitMs,
              epoch: () => epoch,
              changesAfter: (cursor, signal) => rest.changesAfter(cursor, kindsParam, signal),
              ...(environment.onCatchUp ? { onCatchUp: environment.onCatchUp } : {}),
            },
            after,
            signal,
            onMessage,
            onOpen,
          ),
      });
    },
    close() {
      rest.close();
    },
  };
}
