/**
 * The walls' shared state over HTTP: `GET /walls/{id}` (made on first read: the default tour from
 * now), `POST /walls/{id}/commands` from a console, and `GET /walls/{id}/stream`, an event stream
 * that sends the state at once and again on every change. The state is kept in the store's
 * database, so a reloaded screen, a new screen or a restarted backend finds the wall as it was.
 *
 * Every answer carries the backend's clock (`serverTime`): screens reckon the tour's scene on that
 * clock, not their own, so two browsers whose clocks differ still change scene together.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatIssues } from '../src/domain/formatIssues';
import { type WallState, applyWallCommand, initialWallState, wallCommandSchema, wallStateSchema } from '../src/domain/wall/wallState';
import { wallIdSchema } from '../src/domain/wall/wallLayout';
import { readJsonBody, sendError, sendJson } from './httpHelpers';
import type { ChangeStore } from './store/changeStore';

export interface WallRouteOptions {
  store: ChangeStore;
  /** The deployment's sign-in header naming the operator; without it the console's `by`. */
  authUserHeader?: string;
  /** Real time: a wall's tour runs on the clock on the wall, not on a simulator's. */
  now?: () => number;
}

export interface WallMessage {
  state: WallState;
  serverTime: number;
}

export interface WallRoutes {
  /** Answers the request when it is a wall's; false when it is not. */
  route(request: IncomingMessage, response: ServerResponse, path: string, params: URLSearchParams): Promise<boolean>;
  /** Ends every wall stream (a backend going down, a test dropping connections). */
  dropStreams(): void;
  /**
   * Hands `listener` every wall state this backend has read or written, now and on every change,
   * until the returned function is called: the MQTT bridge publishes them as retained messages.
   */
  follow(listener: (state: WallState) => void): () => void;
}

const DEFAULT_TOUR = 'wall-tour';
const HEARTBEAT_MS = 15_000;
/**
 * Walls one backend run makes: each is a row kept for good, and anyone who can reach the
 * backend can name a new id, so a flood of made-up ids stops here instead of in the database.
 */
const MAX_NEW_WALLS = 64;
/** Screens that may steer a wall; a duty desk or a wall screen itself may not. */
const STEERING_SCREENS = new Set(['console']);

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
};

class TooManyWalls extends Error {
  constructor(id: string) {
    super(`wall "${id}" is not made: this backend has made ${MAX_NEW_WALLS} walls since it started (is a screen asking for a mistyped id?)`);
  }
}

export function createWallRoutes(options: WallRouteOptions): WallRoutes {
  const now = options.now ?? Date.now;
  const streams = new Map<string, Set<ServerResponse>>();
  /** Commands on one wall are applied one after another, each on the state the last one left. */
  const queues = new Map<string, Promise<unknown>>();

  /** The walls read or written in this run, for followers that join late. */
  const known = new Map<string, WallState>();
  const listeners = new Set<(state: WallState) => void>();
  let made = 0;

  const metaKey = (id: string) => `wall:${id}`;

  function stored(id: string): WallState | undefined {
    const text = options.store.meta(metaKey(id));
    if (text === undefined) return undefined;
    const parsed = wallStateSchema.safeParse(JSON.parse(text));
    // A state written by an older version that no longer parses is replaced, not served broken.
    if (!parsed.success) return undefined;
    if (!known.has(id)) {
      known.set(id, parsed.data);
      for (const listener of listeners) listener(parsed.data);
    }
    return parsed.data;
  }

  async function save(state: WallState): Promise<void> {
    await options.store.append([], { [metaKey(state.wallId)]: JSON.stringify(state) });
    known.set(state.wallId, state);
    for (const listener of listeners) listener(state);
    const message = `event: wall\ndata: ${JSON.stringify({ state, serverTime: now() } satisfies WallMessage)}\n\n`;
    for (const response of streams.get(state.wallId) ?? []) response.write(message);
  }

  function serialized<T>(id: string, task: () => Promise<T>): Promise<T> {
    const run = (queues.get(id) ?? Promise.resolve()).then(task, task);
    queues.set(id, run.catch(() => undefined));
    return run;
  }

  /** The wall's state, made and kept on first read. */
  function stateOf(id: string, tour: string | null): Promise<WallState> {
    return serialized(id, async () => {
      const existing = stored(id);
      if (existing) return existing;
      if (++made > MAX_NEW_WALLS) throw new TooManyWalls(id);
      const fresh = initialWallState(id, tour && /^[a-z0-9][a-z0-9._-]{0,63}$/i.test(tour) ? tour : DEFAULT_TOUR, now());
      await save(fresh);
      return fresh;
    });
  }

  function openStream(id: string, response: ServerResponse, state: WallState): void {
    // Gone while its state was read (a reconnect burst after a restart): nothing to follow.
    if (response.destroyed || response.socket === null || response.socket.destroyed) return;
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    response.write(`retry: 1000\n\nevent: wall\ndata: ${JSON.stringify({ state, serverTime: now() } satisfies WallMessage)}\n\n`);
    const set = streams.get(id) ?? new Set();
    streams.set(id, set);
    set.add(response);
    const heartbeat = setInterval(() => response.write(`event: heartbeat\ndata: ${JSON.stringify({ serverTime: now() })}\n\n`), HEARTBEAT_MS);
    response.on('close', () => {
      clearInterval(heartbeat);
      set.delete(response);
    });
  }

  return {
    async route(request, response, path, params) {
      const match = /^\/walls\/([^/]+)(\/commands|\/stream)?$/.exec(path);
      if (!match) return false;
      const method = request.method ?? 'GET';
      const id = decodeURIComponent(match[1]!);
      if (!wallIdSchema.safeParse(id).success) {
        sendError(response, 400, 'bad-request', `"${id}" is not a wall id: letters, digits, dot, dash or underscore, up to 64`);
        return true;
      }
      if (method === 'GET' && (match[2] === undefined || match[2] === '/stream')) {
        let state: WallState;
        try {
          state = await stateOf(id, params.get('tour'));
        } catch (error) {
          if (!(error instanceof TooManyWalls)) throw error;
          sendError(response, 409, 'conflict', error.message);
          return true;
        }
        if (match[2] === undefined) sendJson(response, 200, { state, serverTime: now() } satisfies WallMessage);
        else openStream(id, response, state);
        return true;
      }
      if (match[2] === '/commands' && method === 'POST') {
        const screen = header(request, 'x-screen') ?? 'unknown';
        if (!STEERING_SCREENS.has(screen)) {
          sendError(response, 403, 'forbidden', `a ${screen} screen does not steer a wall: steer it from a console (?mode=console)`);
          return true;
        }
        let body: unknown;
        try {
          body = await readJsonBody(request);
        } catch (error) {
          sendError(response, 400, 'bad-request', error instanceof Error ? error.message : String(error));
          return true;
        }
        const { by, ...command } = (typeof body === 'object' && body !== null ? body : {}) as { by?: unknown };
        const parsed = wallCommandSchema.safeParse(command);
        if (!parsed.success) {
          sendError(response, 400, 'bad-request', `not a wall command: ${formatIssues(parsed.error).join('; ')}`);
          return true;
        }
        let operator = typeof by === 'string' && by.trim() !== '' ? by.trim().slice(0, 200) : '控制台';
        if (options.authUserHeader !== undefined) {
          const signedIn = header(request, options.authUserHeader);
          if (signedIn === undefined) {
            sendError(response, 401, 'unauthorized', `no ${options.authUserHeader} header: steering a wall needs the deployment's sign-in`);
            return true;
          }
          operator = signedIn.slice(0, 200);
        }
        let state: WallState;
        try {
          state = await serialized(id, async () => {
            let current = stored(id);
            if (!current) {
              if (++made > MAX_NEW_WALLS) throw new TooManyWalls(id);
              current = initialWallState(id, DEFAULT_TOUR, now());
            }
            const next = applyWallCommand(current, parsed.data, operator, now());
            await save(next);
            return next;
          });
        } catch (error) {
          if (!(error instanceof TooManyWalls)) throw error;
          sendError(response, 409, 'conflict', error.message);
          return true;
        }
        sendJson(response, 200, { state, serverTime: now() } satisfies WallMessage);
        return true;
      }
      sendError(response, 405, 'bad-request', `${method} ${path}: a wall answers GET /walls/{id}, GET /walls/{id}/stream and POST /walls/{id}/commands`);
      return true;
    },
    follow(listener) {
      listeners.add(listener);
      for (const state of known.values()) listener(state);
      return () => listeners.delete(listener);
    },
    dropStreams() {
      for (const set of streams.values()) for (const response of set) response.destroy();
      streams.clear();
    },
  };
}
