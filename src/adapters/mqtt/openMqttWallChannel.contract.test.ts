/**
 * Walls followed through a real Mosquitto, as screens in a second command centre would: the
 * bundled backend keeps the wall and its bridge publishes the state retained, so a screen that
 * subscribes later gets it at once, a console's command reaches every screen, and a message that
 * is not a wall state is reported without losing the state the screen has.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockBackend, createMockBackend } from '../../../mock/server/createMockBackend';
import { loadRegionForMock } from '../../../mock/server/loadRegionForMock';
import { type MqttBridge, startMqttBridge } from '../../../mock/server/startMqttBridge';
import { type Mosquitto, mosquittoMissing, startMosquitto } from '../../../tests/contract/startMosquitto';
import { type StandaloneWebSocketRelay, startWebSocketRelay } from '../../../tests/contract/startWebSocketRelay';
import type { WallState } from '../../domain/wall/wallState';
import type { WallChannel } from '../http/openWallChannel';
import { openMqttWallChannel } from './openMqttWallChannel';

const missing = mosquittoMissing();
const topicPrefix = `safe-border-test/walls-${process.pid}`;
let broker: Mosquitto;
let relay: StandaloneWebSocketRelay;
let backend: MockBackend;
let bridge: MqttBridge;
let server: Server;
let api: string;
const channels: WallChannel[] = [];

interface Screen {
  states: Array<{ state: WallState; first: boolean }>;
  problems: Array<string | null>;
  channel: WallChannel;
}

function openScreen(wallId: string): Screen {
  const screen: Omit<Screen, 'channel'> = { states: [], problems: [] };
  const channel = openMqttWallChannel({ url: relay.url, topicPrefix, connectTimeoutMs: 5000 }, wallId, {
    state: (state, first) => screen.states.push({ state, first }),
    problem: (text) => screen.problems.push(text),
  });
  channels.push(channel);
  return { ...screen, channel };
}

async function command(wallId: string, body: object): Promise<WallState> {
  const response = await fetch(`${api}/api/v1/walls/${wallId}/commands`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Screen': 'console' }, body: JSON.stringify({ ...body, by: '值班长' }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { state: WallState }).state;
}

describe.skipIf(missing !== undefined)('walls on the broker (a retained state per wall)', () => {
  beforeAll(async () => {
    broker = await startMosquitto();
    relay = await startWebSocketRelay(broker.port);
    backend = await createMockBackend({ region: loadRegionForMock(), warmUpMs: 60_000, heartbeatMs: 200 });
    server = createServer((request, response) => backend.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    bridge = await startMqttBridge(backend, { brokerUrl: broker.url, topicPrefix });
  });
  afterAll(async () => {
    for (const channel of channels) channel.close();
    await bridge?.close();
    await relay?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await backend?.close();
    await broker?.stop();
  });

  it('hands a screen the wall as it is when it subscribes, and every console command after', async () => {
    const opened = (await (await fetch(`${api}/api/v1/walls/centre-a?tour=wall-tour`)).json()) as { state: WallState };
    const early = openScreen('centre-a');
    await expect.poll(() => early.states.length, { timeout: 10_000 }).toBe(1);
    expect(early.states[0]).toEqual({ state: opened.state, first: true });

    const picked = await command('centre-a', { action: 'scene', scene: 2 });
    await expect.poll(() => early.states.at(-1)?.state.version, { timeout: 10_000 }).toBe(picked.version);
    expect(early.states.at(-1)).toEqual({ state: picked, first: false });

    // A screen in another centre, opened later, starts from the console's last command at once.
    const late = openScreen('centre-a');
    await expect.poll(() => late.states.length, { timeout: 10_000 }).toBe(1);
    expect(late.states[0]!.state).toEqual(picked);
    expect(late.states[0]!.state.changedBy).toBe('值班长');
  });

  it('reckons on the backend clock from the broker, not from the time in a retained copy', async () => {
    // This screen's own clock runs an hour slow: only the broker's clock messages can put it right.
    const slow = () => Date.now() - 3_600_000;
    const channel = openMqttWallChannel({ url: relay.url, topicPrefix, connectTimeoutMs: 5000 }, 'centre-b', { state: () => undefined, problem: () => undefined }, slow);
    channels.push(channel);
    await expect.poll(() => Math.abs(channel.serverNow() - Date.now()), { timeout: 10_000 }).toBeLessThan(1000);

    // A retained state whose time is a day ahead (kept by a broker from a backend whose clock was
    // wrong): a screen that took its time would run the tour a day ahead.
    const opened = (await (await fetch(`${api}/api/v1/walls/centre-d`)).json()) as { state: WallState };
    const publisher = connect(broker.url);
    await new Promise<void>((resolve) => publisher.once('connect', () => resolve()));
    await publisher.publishAsync(`${topicPrefix}/walls/centre-d/state`, JSON.stringify({ state: opened.state, serverTime: Date.now() + 86_400_000 }), { qos: 1, retain: true });
    await publisher.endAsync();
    const states: WallState[] = [];
    const later = openMqttWallChannel({ url: relay.url, topicPrefix, connectTimeoutMs: 5000 }, 'centre-d', { state: (state) => void states.push(state), problem: () => undefined });
    channels.push(later);
    await expect.poll(() => states.length, { timeout: 10_000 }).toBe(1);
    // Clock messages keep coming; the retained copy's day-ahead time is never taken.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(Math.abs(later.serverNow() - Date.now())).toBeLessThan(1000);
  });

  it('reports a message that is not a wall state and keeps the state it has', async () => {
    await fetch(`${api}/api/v1/walls/centre-c`);
    const screen = openScreen('centre-c');
    await expect.poll(() => screen.states.length, { timeout: 10_000 }).toBe(1);
    const publisher = connect(broker.url);
    await new Promise<void>((resolve) => publisher.once('connect', () => resolve()));
    await publisher.publishAsync(`${topicPrefix}/walls/centre-c/state`, JSON.stringify({ state: { wallId: 'centre-c', version: '<img src=x onerror=alert(1)>' } }), { qos: 1 });
    await publisher.publishAsync(`${topicPrefix}/walls/centre-c/state`, JSON.stringify({ state: { ...screen.states[0]!.state, wallId: 'another' } }), { qos: 1 });
    await publisher.endAsync();
    await expect.poll(() => screen.problems.filter((text) => text !== null).length, { timeout: 10_000 }).toBe(2);
    expect(screen.problems.filter((text) => text !== null)).toEqual([expect.stringMatching(/^wall centre-c: the backend sent a state this screen cannot read/), 'wall centre-c: the backend sent the state of wall another']);
    expect(screen.states).toHaveLength(1);
  });
});
