/**
 * MQTT over WebSocket in front of a broker's plain TCP listener, on loopback: the path a browser
 * takes to the broker (a same-origin `/mqtt` proxy in production), and a switch to cut every
 * connection as an outage would.
 */
import { type IncomingMessage, createServer } from 'node:http';
import { type Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

export interface WebSocketRelay {
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Takes a WebSocket upgrade (to whatever path the caller routes here) and relays it. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Cuts every open connection at once, both sides, without a goodbye. */
  dropConnections(): void;
  /** While on, refuses new connections too: an outage that lasts until it is turned off. */
  hold(on: boolean): void;
  close(): void;
}

/** A relay for an HTTP server of the caller's (the e2e dashboard server routes `/mqtt` to it). */
export function createWebSocketRelay(brokerPort: number): WebSocketRelay {
  const server = new WebSocketServer({
    noServer: true,
    // mqtt.js asks for the `mqtt` subprotocol and gives up on a server that does not choose it.
    handleProtocols: (protocols) => (protocols.has('mqtt') ? 'mqtt' : false),
  });
  const pairs = new Set<{ socket: WebSocket; tcp: Socket }>();
  let accepted = 0;
  let holding = false;
  const relay = (socket: WebSocket) => {
    accepted += 1;
    const tcp = connect(brokerPort, '127.0.0.1');
    const pair = { socket, tcp };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      socket.terminate();
      tcp.destroy();
    };
    socket.on('message', (data) => tcp.write(data as Buffer));
    tcp.on('data', (data) => socket.send(data));
    socket.on('close', end);
    socket.on('error', end);
    tcp.on('close', end);
    tcp.on('error', end);
  };
  const dropConnections = () => {
    for (const { socket, tcp } of [...pairs]) {
      tcp.destroy();
      socket.terminate();
    }
    pairs.clear();
  };
  return {
    get accepted() {
      return accepted;
    },
    handleUpgrade: (request, socket, head) => (holding ? socket.destroy() : server.handleUpgrade(request, socket, head, relay)),
    dropConnections,
    hold(on) {
      holding = on;
    },
    close() {
      dropConnections();
      server.close();
    },
  };
}

export interface StandaloneWebSocketRelay extends Omit<WebSocketRelay, 'handleUpgrade' | 'close'> {
  /** `ws://127.0.0.1:<port>/mqtt` */
  url: string;
  close(): Promise<void>;
}

/** A relay on a loopback port of its own, at `/mqtt`. */
export async function startWebSocketRelay(brokerPort: number): Promise<StandaloneWebSocketRelay> {
  const relay = createWebSocketRelay(brokerPort);
  const server = createServer((_request, response) => response.writeHead(426).end());
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://relay.local').pathname === '/mqtt') relay.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/mqtt`,
    get accepted() {
      return relay.accepted;
    },
    dropConnections: () => relay.dropConnections(),
    hold: (on) => relay.hold(on),
    async close() {
      relay.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
