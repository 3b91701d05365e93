/**
 * MQTT over WebSocket in front of a broker's plain TCP listener, bound to 127.0.0.1: the path a
 * browser takes to the broker (a same-origin `/mqtt` proxy in production), and a switch to cut
 * every connection as an outage would.
 */
import { type Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface WebSocketRelay {
  /** `ws://127.0.0.1:<port>/mqtt` */
  url: string;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Cuts every open connection at once, both sides, without a goodbye. */
  dropConnections(): void;
  close(): Promise<void>;
}

export async function startWebSocketRelay(brokerPort: number): Promise<WebSocketRelay> {
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    path: '/mqtt',
    // mqtt.js asks for the `mqtt` subprotocol and gives up on a server that does not choose it.
    handleProtocols: (protocols) => (protocols.has('mqtt') ? 'mqtt' : false),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const pairs = new Set<{ socket: WebSocket; tcp: Socket }>();
  let accepted = 0;
  server.on('connection', (socket) => {
    accepted += 1;
    const tcp = connect(brokerPort, '127.0.0.1');
    const pair = { socket, tcp };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      socket.terminate();
      tcp.destroy();
    };
    socket.on('message', (data: Buffer) => tcp.write(data));
    tcp.on('data', (data) => socket.send(data));
    socket.on('close', end);
    socket.on('error', end);
    tcp.on('close', end);
    tcp.on('error', end);
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/mqtt`,
    get accepted() {
      return accepted;
    },
    dropConnections() {
      for (const { socket, tcp } of [...pairs]) {
        tcp.destroy();
        socket.terminate();
      }
      pairs.clear();
    },
    close() {
      for (const { socket, tcp } of pairs) {
        tcp.destroy();
        socket.terminate();
      }
      pairs.clear();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
