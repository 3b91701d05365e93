/**
 * A wall screen's line to its wall's shared state through the MQTT broker, for walls in several
 * command centres that follow one console: the backend that keeps the wall publishes its state
 * retained on `<prefix>/walls/<id>/state`, so the broker hands it to a screen the moment it
 * subscribes and again on every change; the backend's clock comes on `<prefix>/walls/clock`.
 *
 * A screen here only reads: it never asks a backend to make the wall (a screen in another centre
 * could otherwise start a second wall of the same name on its own backend). Until the wall's
 * backend has published a state, the screen says so and runs as a screen of its own.
 */
// The default import: mqtt.js's browser build exports nothing else.
import mqtt, { type MqttClient } from 'mqtt';
import { type WallChannel, type WallChannelHandlers, createServerClock, readWallMessage } from '../http/openWallChannel';

export interface MqttWallSettings {
  /** ws:// or wss:// */
  url: string;
  topicPrefix: string;
  username?: string;
  password?: string;
  connectTimeoutMs: number;
}

/** How long a subscribed screen waits for the retained state before it says there is none. */
const NO_STATE_AFTER_MS = 5000;

export function openMqttWallChannel(settings: MqttWallSettings, wallId: string, handlers: WallChannelHandlers, now: () => number = Date.now): WallChannel {
  const clock = createServerClock(now);
  const stateTopic = `${settings.topicPrefix}/walls/${wallId}/state`;
  const clockTopic = `${settings.topicPrefix}/walls/clock`;
  let first = true;
  let noStateTimer: ReturnType<typeof setTimeout> | undefined;
  const client: MqttClient = mqtt.connect(settings.url, {
    protocolVersion: 5,
    // No session to keep: the retained state is the whole story, delivered on every subscribe.
    clean: true,
    clientId: `sb-wall-${Math.random().toString(36).slice(2, 12)}`,
    reconnectPeriod: 2000,
    connectTimeout: settings.connectTimeoutMs,
    ...(settings.username !== undefined ? { username: settings.username } : {}),
    ...(settings.password !== undefined ? { password: settings.password } : {}),
  });
  client.on('connect', () => {
    first = true;
    clearTimeout(noStateTimer);
    client.subscribe([stateTopic, clockTopic], { qos: 1 }, (error) => {
      if (error) handlers.problem(`wall ${wallId}: the broker refused the subscription to ${stateTopic}: ${error.message}`, 'down');
    });
    noStateTimer = setTimeout(() => {
      if (first) handlers.problem(`wall ${wallId}: the broker has no state for this wall on ${stateTopic} yet (its backend publishes it once a console or a screen has opened the wall there)`, 'missing');
    }, NO_STATE_AFTER_MS);
  });
  client.on('message', (topic, payload, packet) => {
    const text = new TextDecoder().decode(payload);
    if (topic === clockTopic) {
      try {
        clock.sample((JSON.parse(text) as { serverTime?: unknown }).serverTime);
      } catch {
        // A clock message that cannot be read only loses one sample.
      }
      return;
    }
    if (topic !== stateTopic) return;
    const message = readWallMessage(wallId, text);
    if ('problem' in message) {
      handlers.problem(message.problem, 'unreadable');
      return;
    }
    // A retained copy's clock is as old as the state; only a message sent just now tells the time.
    if (!packet.retain) clock.sample(message.serverTime);
    handlers.problem(null);
    handlers.state(message.state, first);
    first = false;
  });
  client.on('close', () => {
    clock.reset();
    handlers.problem(`wall ${wallId}: the line to the broker is down; the wall goes on with its last state`, 'down');
  });
  // Reconnecting is mqtt.js's loop here; its errors are reported by 'close' above.
  client.on('error', () => undefined);
  return {
    serverNow: clock.serverNow,
    close: () => {
      clearTimeout(noStateTimer);
      client.end(true);
    },
  };
}
