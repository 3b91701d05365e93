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
  /**
   * A state from the backend. `first` is the first after the line (re)opened: it stands whatever
   * its version, since a backend that lost its state (a new database) counts versions again from 0.
   */
  state(state: WallState, first: boolean): void;
  /**
   * The line is down or a message could not be read, in words (for diagnostics) and by kind (for
   * the screen's own words); null once it is up again.
   */
  problem(text: string | null, kind?: WallLineProblem): void;
}

/** Why a screen cannot follow its wall: the line down, a state it cannot read, none published yet. */
export type WallLineProblem = 'down' | 'unreadable' | 'missing';

/** Clock samples kept: enough to ride out one slow message, few enough to follow a changed clock. */
const SAMPLES = 8;
/** EventSource gives up for good on an HTTP error (a proxy's 502 while the backend restarts): open it again. */
const REOPEN_MS = [1000, 2000, 5000, 10_000] as const;

/** The backend's clock as this screen can tell it, from the `serverTime` of fresh messages. */
export function createServerClock(now: () => number = Date.now) {
  const offsets: number[] = [];
  return {
    sample(serverTime: unknown): void {
      if (typeof serverTime !== 'number' || !Number.isFinite(serverTime)) return;
      offsets.push(serverTime - now());
      if (offsets.length > SAMPLES) offsets.shift();
    },
    /** Forget the samples: the backend on the other end of a reopened line may be another. */
    reset(): void {
      offsets.length = 0;
    },
    serverNow: () => now() + (offsets.length > 0 ? Math.max(...offsets) : 0),
  };
}

/** A wall message's state, or the problem with it in words. */
export function readWallMessage(wallId: string, text: string): { state: WallState; serverTime: unknown } | { problem: string } {
  let message: { state?: unknown; serverTime?: unknown };
  try {
    message = JSON.parse(text) as typeof message;
  } catch {
    return { problem: `wall ${wallId}: a state message was not JSON` };
  }
  const parsed = wallStateSchema.safeParse(message?.state);
  if (!parsed.success) return { problem: `wall ${wallId}: the backend sent a state this screen cannot read (${parsed.error.issues[0]?.message ?? 'invalid'})` };
  if (parsed.data.wallId !== wallId) return { problem: `wall ${wallId}: the backend sent the state of wall ${parsed.data.wallId}` };
  return { state: parsed.data, serverTime: message.serverTime };
}

const wallPath = (baseUrl: string, wallId: string) => `${baseUrl.replace(/\/$/, '')}/walls/${encodeURIComponent(wallId)}`;

export function openWallChannel(baseUrl: string, wallId: string, tour: string, handlers: WallChannelHandlers, now: () => number = Date.now): WallChannel {
  const clock = createServerClock(now);
  let source: EventSource | null = null;
  let reopenTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let closed = false;
  /** The next state is the first on this connection. */
  let first = true;

  function open(): void {
    source = new EventSource(`${wallPath(baseUrl, wallId)}/stream?tour=${encodeURIComponent(tour)}`);
    source.addEventListener('open', () => {
      first = true;
    });
    source.addEventListener('wall', (event) => {
      const message = readWallMessage(wallId, (event as MessageEvent<string>).data);
      if ('problem' in message) {
        handlers.problem(message.problem, 'unreadable');
        return;
      }
      clock.sample(message.serverTime);
      failures = 0;
      handlers.problem(null);
      handlers.state(message.state, first);
      first = false;
    });
    source.addEventListener('heartbeat', (event) => {
      try {
        clock.sample((JSON.parse((event as MessageEvent<string>).data) as { serverTime?: unknown }).serverTime);
      } catch {
        // A heartbeat that cannot be read only loses one clock sample.
      }
    });
    source.addEventListener('error', () => {
      handlers.problem(`wall ${wallId}: the line to the backend is down; the wall goes on with its last state`, 'down');
      if (closed || source?.readyState !== EventSource.CLOSED) return;
      // The backend's clock may differ after a restart elsewhere: sample it afresh.
      clock.reset();
      reopenTimer = setTimeout(open, REOPEN_MS[Math.min(failures++, REOPEN_MS.length - 1)]);
    });
  }
  open();
  return {
    serverNow: clock.serverNow,
    close: () => {
      closed = true;
      clearTimeout(reopenTimer);
      source?.close();
    },
  };
}

const COMMAND_TIMEOUT_MS = 8000;

/** A console's command; the answer is the new state, or an error naming why it was refused. */
export async function sendWallCommand(baseUrl: string, wallId: string, command: WallCommand, by: string): Promise<WallState> {
  const response = await fetch(`${wallPath(baseUrl, wallId)}/commands`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Screen': 'console' },
    body: JSON.stringify({ ...command, by }),
    // A backend that hangs must not leave the console's buttons disabled for good.
    signal: AbortSignal.timeout(COMMAND_TIMEOUT_MS),
  });
  const body = (await response.json().catch(() => ({}))) as { state?: unknown; message?: string };
  if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
  return wallStateSchema.parse(body.state);
}
