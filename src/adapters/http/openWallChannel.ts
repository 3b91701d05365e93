/**
 * A screen's line to its wall's shared state on the backend: an event stream that brings the state
 * at once and on every change (EventSource reconnects by itself after a drop or a backend restart,
 * and the first message after it is the state as it is then), and the console's commands.
 *
 * The backend's clock comes with every message. The screen keeps the largest recent difference
 * between it and its own clock (a message is never early, only late, so the largest is the least
 * delayed), and reckons the tour on that: two browsers whose clocks differ change scene together.
 */
import { type WallCommand, type WallState, wallStateSchema } from '../../domain/wall/wallState';

export interface WallChannel {
  /** The backend's clock now, as well as this screen can tell. */
  serverNow(): number;
  close(): void;
}

export interface WallChannelHandlers {
  state(state: WallState): void;
  /** The line is down or a message could not be read, in words; null once it is up again. */
  problem(text: string | null): void;
}

/** Clock samples kept: enough to ride out one slow message, few enough to follow a changed clock. */
const SAMPLES = 8;

const wallPath = (baseUrl: string, wallId: string) => `${baseUrl.replace(/\/$/, '')}/walls/${encodeURIComponent(wallId)}`;

export function openWallChannel(baseUrl: string, wallId: string, tour: string, handlers: WallChannelHandlers, now: () => number = Date.now): WallChannel {
  const offsets: number[] = [];
  const sample = (serverTime: unknown) => {
    if (typeof serverTime !== 'number' || !Number.isFinite(serverTime)) return;
    offsets.push(serverTime - now());
    if (offsets.length > SAMPLES) offsets.shift();
  };
  const source = new EventSource(`${wallPath(baseUrl, wallId)}/stream?tour=${encodeURIComponent(tour)}`);
  source.addEventListener('wall', (event) => {
    let message: { state?: unknown; serverTime?: unknown };
    try {
      message = JSON.parse((event as MessageEvent<string>).data) as typeof message;
    } catch {
      handlers.problem(`wall ${wallId}: a state message was not JSON`);
      return;
    }
    sample(message.serverTime);
    const parsed = wallStateSchema.safeParse(message.state);
    if (!parsed.success) {
      handlers.problem(`wall ${wallId}: the backend sent a state this screen cannot read (${parsed.error.issues[0]?.message ?? 'invalid'})`);
      return;
    }
    handlers.problem(null);
    handlers.state(parsed.data);
  });
  source.addEventListener('heartbeat', (event) => {
    try {
      sample((JSON.parse((event as MessageEvent<string>).data) as { serverTime?: unknown }).serverTime);
    } catch {
      // A heartbeat that cannot be read only loses one clock sample.
    }
  });
  source.addEventListener('error', () => handlers.problem(`wall ${wallId}: the line to the backend is down; the wall goes on with its last state`));
  return {
    serverNow: () => now() + (offsets.length > 0 ? Math.max(...offsets) : 0),
    close: () => source.close(),
  };
}

/** A console's command; the answer is the new state, or an error naming why it was refused. */
export async function sendWallCommand(baseUrl: string, wallId: string, command: WallCommand, by: string): Promise<WallState> {
  const response = await fetch(`${wallPath(baseUrl, wallId)}/commands`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Screen': 'console' },
    body: JSON.stringify({ ...command, by }),
  });
  const body = (await response.json().catch(() => ({}))) as { state?: unknown; message?: string };
  if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
  return wallStateSchema.parse(body.state);
}
