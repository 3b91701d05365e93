/**
 * The built dashboard as a broker deployment serves it: one origin with the page (under its
 * Content-Security-Policy header), the REST contract (the mock backend), a config.json naming an
 * `mqtt` source, and `/mqtt` relayed to a real Mosquitto that the mock's bridge publishes to.
 */
import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { type MockBackend, createMockBackend } from '../../mock/server/createMockBackend';
import { loadRegionForMock } from '../../mock/server/loadRegionForMock';
import { type MqttBridge, startMqttBridge } from '../../mock/server/startMqttBridge';
import { contentSecurityPolicyHeader } from '../../scripts/contentSecurityPolicy';
import { type Mosquitto, startMosquitto } from '../contract/startMosquitto';
import { type WebSocketRelay, createWebSocketRelay } from '../contract/startWebSocketRelay';
import { simulatedStart } from './simulatedStart';

const dist = resolve(import.meta.dirname, '..', '..', 'dist');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.wasm': 'application/wasm' };

export interface MqttDashboardServer {
  backend: MockBackend;
  broker: Mosquitto;
  relay: WebSocketRelay;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startMqttDashboardServer(options: { speed: number; heartbeatMs: number }): Promise<MqttDashboardServer> {
  const broker = await startMosquitto();
  // A pinned simulated time of day, so the run does not depend on the hour (see simulatedStart.ts).
  const backend = await createMockBackend({ region: loadRegionForMock(), speed: options.speed, heartbeatMs: options.heartbeatMs, warmUpMs: 3_600_000, start: simulatedStart() });
  let bridge: MqttBridge | undefined;
  const relay = createWebSocketRelay(broker.port);
  const config = JSON.stringify({ sources: [{ type: 'mqtt', id: 'broker', baseUrl: '/api/v1', brokerUrl: '/mqtt', heartbeatTimeoutMs: 4 * options.heartbeatMs }] });
  const serve = (request: IncomingMessage, response: ServerResponse) =>
    backend.handle(request, response, () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      if (path === '/config.json') return void response.writeHead(200, { 'content-type': 'application/json' }).end(config);
      const file = resolve(dist, `.${path === '/' ? '/index.html' : path}`);
      if (!file.startsWith(dist)) return void response.writeHead(403).end();
      readFile(file)
        .then((body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': contentSecurityPolicyHeader }).end(body))
        .catch(() => response.writeHead(404).end());
    });
  const server = createServer(serve);
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://x').pathname === '/mqtt') relay.handleUpgrade(request, socket, head);
    else if (!backend.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const close = async () => {
    await bridge?.close();
    relay.close();
    backend.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    await broker.stop();
  };
  try {
    bridge = await startMqttBridge(backend, { brokerUrl: broker.url });
  } catch (error) {
    await close();
    throw error;
  }
  return { backend, broker, relay, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close };
}
