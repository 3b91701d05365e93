/**
 * The bundled backend: a real HTTP implementation of the documented contract
 * (docs/api/openapi.json) over a change store in PostgreSQL (server/store: embedded PGlite by
 * default, a server by DATABASE_URL), fed by the running simulator through the same validated
 * ingest as a deployment's source systems (feedSimulator.ts). Framework-free request and upgrade
 * handlers, so the same backend runs standalone (`npm run mock`) and inside Vite's dev and preview
 * servers (`npm run dev`, `npm start`).
 *
 * Endpoints, under /api/v1: GET health, capabilities, snapshot, changes, history (time playback,
 * read from the database), stream (SSE); WebSocket ws; POST ingest (source systems, with
 * `ingestToken`); POST alerts/{id}/acknowledge and the assistance workflow (server/actionRoutes.ts); POST control (pause, speed, faults) and GET
 * control when `control` is on. The same data as OGC API – Features under /ogc/v1 (see
 * ogcFeaturesRoutes.ts).
 *
 * Safe on a shared host: writes are same-origin JSON only (refuseUnsafeWrite.ts), a WebSocket
 * from another origin is refused (another site's page could otherwise read the stream: WebSockets
 * are not bound by CORS), there are no CORS headers, and every answer carries the security
 * headers of securityHeaders.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { RegionPack } from '../../src/domain/regionPack';
import type { CapabilitiesResponse, HealthResponse, HistoryResponse, WireChange } from '../../src/domain/wire';
import { ENTITY_KINDS, type EntityKind } from '../../src/domain/entities/entityKinds';
import { BorderSimulator } from '../../src/simulator/borderSimulator';
import { SimulationClock, driveSimulation } from '../../src/simulator/simulationClock';
import { readJsonBody, sendError, sendJson } from '../../server/httpHelpers';
import { handleControl } from './handleControl';
import { foreignOrigin, refuseUnsafeWrite } from './refuseUnsafeWrite';
import { setApiSecurityHeaders } from './securityHeaders';
import { malformedChanges } from './malformedChanges';
import { matchesSnapshotQuery } from '../../src/domain/matchesSnapshotQuery';
import { parseAfter, parseHistoryQuery, parseRecordQuery } from './parseQuery';
import { OGC_PREFIX, type OgcFeaturesRoutes, createOgcFeaturesRoutes } from './ogcFeaturesRoutes';
import type { ChangeStore } from '../../server/store/changeStore';
import { type StoreLocation, openChangeStore } from '../../server/store/openChangeStore';
import { ingestChanges } from '../../server/ingestChanges';
import { feedSimulator } from './feedSimulator';
import { routeActions } from '../../server/actionRoutes';
import { type WallRoutes, createWallRoutes } from '../../server/wallRoutes';

export const API_PREFIX = '/api/v1';

export interface MockBackendOptions {
  region: RegionPack;
  seed?: number;
  /** Simulated seconds per real second. */
  speed?: number;
  /** Simulated "now" at start; defaults to the wall clock. */
  start?: number;
  heartbeatMs?: number;
  tickMs?: number;
  /** Simulated history before `start` (the simulator's 24 h unless set; the server's settings give 7 days). */
  warmUpMs?: number;
  /** How far back GET /history reaches (7 days unless set). */
  historyRetentionMs?: number;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  token?: string;
  /**
   * Serves /control (pause, speed, faults, injected alerts): whoever reaches it steers what every
   * screen shows, so it is off unless asked for (`npm run mock` asks; MOCK_CONTROL=on elsewhere).
   */
  control?: boolean;
  /** Where the log is kept (see server/store/openChangeStore.ts); in memory when neither is set. */
  storage?: StoreLocation;
  /** When set, source systems may POST /api/v1/ingest with `X-Ingest-Token: <ingestToken>`. */
  ingestToken?: string;
  /**
   * A header the deployment's authentication sets, naming the signed-in officer (`X-Remote-User`):
   * actions then take the officer from it, never from the request body.
   */
  authUserHeader?: string;
  /** The header the same sign-in sets with the officer's station id (else the desk's X-Desk). */
  authDeskHeader?: string;
}

/** What a database remembers of the simulator that fed it, so a restart goes on with the same history. */
interface SimulatorSettings {
  seed: number;
  start: number;
  warmUpMs: number | null;
}

/** Simulated history older than this is folded away, and patrol reports older than the second thinned. */
const RETENTION_MS = 7 * 24 * 3_600_000;
const THIN_AFTER_MS = 15 * 60_000;
const PRUNE_EVERY_MS = 60_000;


/**
 * Something that republishes the backend's stream elsewhere (the MQTT bridge): it gets every batch,
 * the malformed fault included, and every heartbeat, and is not cut by `dropConnections` (it is
 * the backend's own outlet, not a client).
 */
interface StreamFollower {
  /** `extra`: raw JSON texts of malformed entries to carry beside the valid changes. */
  changes(changes: readonly WireChange[], seq: number, extra: readonly string[]): void;
  heartbeat(beat: { at: string; seq: number; epoch: string; intervalMs: number }): void;
}

export interface MockBackend {
  readonly simulator: BorderSimulator;
  /** The log, the state, the epoch and the sequence: what every screen is served. */
  readonly store: ChangeStore;
  /** Resolves once every change the simulator has made so far is in the store. */
  settled(): Promise<void>;
  /** Runs the simulator to simulated time `ms` and waits until what it made is in the store (tests, drills). */
  advanceTo(ms: number): Promise<void>;
  /** Which history the log belongs to (see the contract's `epoch`). */
  readonly epoch: string;
  readonly clock: SimulationClock;
  /** The same data as OGC API – Features, under /ogc/v1. */
  readonly ogc: OgcFeaturesRoutes;
  /** The walls' shared states (GET/POST /walls/...); the MQTT bridge follows them. */
  readonly walls: WallRoutes;
  /** Handles /api/v1 (and /ogc/v1) requests; calls `next` (or answers 404) for anything else. */
  handle(request: IncomingMessage, response: ServerResponse, next?: () => void): void;
  /** Handles WebSocket upgrades to /api/v1/ws; returns false for other paths. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Hands every batch and heartbeat to `follower` until the returned function is called. */
  follow(follower: StreamFollower): () => void;
  /** Drops every stream connection, as a network outage would. */
  dropConnections(): void;
  /** Slips `count` malformed records into the next batch of changes. */
  injectMalformed(count: number): void;
  close(): Promise<void>;
}

interface Subscriber {
  kinds: ReadonlySet<EntityKind>;
  /** `extra`: raw JSON texts appended to the changes array (the malformed fault). */
  sendChanges(changes: readonly WireChange[], seq: number, extra?: readonly string[]): void;
  heartbeat(seq: number): void;
  drop(): void;
}

const MAX_BATCH = 500;
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const AUTH_TIMEOUT_MS = 5000;
/** An ingest batch of 5,000 changes with long texts fits; a runaway upload does not. */
const INGEST_MAX_BYTES = 32 * 1024 * 1024;

export async function createMockBackend(options: MockBackendOptions): Promise<MockBackend> {
  const store = await openChangeStore(options.storage);
  // A database fed before goes on with the history it holds: the simulator is rebuilt from the
  // settings it was started with, and what it makes again is stale to the store (same versions).
  const stored = store.meta('simulator');
  const settings: SimulatorSettings = stored
    ? (JSON.parse(stored) as SimulatorSettings)
    : { seed: options.seed ?? 20_240_430, start: options.start ?? Date.now(), warmUpMs: options.warmUpMs ?? null };
  if (!stored) await store.append([], { simulator: JSON.stringify(settings) });
  else if ((options.seed !== undefined && options.seed !== settings.seed) || (options.start !== undefined && options.start !== settings.start)) {
    console.warn(`mock: this database was fed by the simulator with seed ${settings.seed} from ${new Date(settings.start).toISOString()}; going on with that history (a new database starts another)`);
  }
  const simulator = new BorderSimulator({
    seed: settings.seed,
    region: options.region,
    start: settings.start,
    ...(settings.warmUpMs !== null ? { warmUpMs: settings.warmUpMs } : {}),
    ...(options.historyRetentionMs !== undefined ? { historyRetentionMs: options.historyRetentionMs } : {}),
  });
  const epoch = store.epoch;
  // Simulated time goes on from where the database left it, never back.
  const clock = new SimulationClock(Math.max(options.start ?? Date.now(), settings.start, store.latestAt), options.speed ?? 1);
  // Up to the clock before feeding (after a restart: through the time the backend was down), so
  // what the store holds from the last run is never ahead of the simulator's own records.
  simulator.advanceTo(clock.now());
  const walls = createWallRoutes({ store, ...(options.authUserHeader !== undefined ? { authUserHeader: options.authUserHeader } : {}) });
  const feeder = feedSimulator(simulator, store, (error) => console.error(`mock: feeding the store failed: ${error instanceof Error ? error.message : String(error)}`));
  const stopDriving = driveSimulation(simulator, clock, options.tickMs ?? 100);
  const subscribers = new Set<Subscriber>();
  const followers = new Set<StreamFollower>();
  const webSockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const retentionMs = options.historyRetentionMs ?? RETENTION_MS;
  const pruning = setInterval(() => {
    const now = simulator.now;
    store.prune({ retainFromMs: now - retentionMs, thinBeforeMs: now - THIN_AFTER_MS }).catch((error: unknown) => console.error(`mock: pruning history failed: ${String(error)}`));
  }, PRUNE_EVERY_MS);

  /** Malformed records to slip into the next batch, beside its valid changes. */
  let malformedNext = 0;
  const stopListening = store.onChanges((changes) => {
    const seq = changes[changes.length - 1]!.seq;
    const extra = malformedNext > 0 ? malformedChanges(malformedNext, seq) : undefined;
    malformedNext = 0;
    for (const subscriber of subscribers) subscriber.sendChanges(changes, seq, extra);
    for (const follower of followers) follower.changes(changes, seq, extra ?? []);
  });
  const heartbeatMs = options.heartbeatMs ?? 5000;
  const heartbeat = setInterval(() => {
    for (const subscriber of subscribers) subscriber.heartbeat(store.latestSeq);
    if (followers.size === 0) return;
    const beat = { at: new Date(simulator.now).toISOString(), seq: store.latestSeq, epoch, intervalMs: heartbeatMs };
    for (const follower of followers) follower.heartbeat(beat);
  }, heartbeatMs);

  const authorized = (header: string | undefined) => options.token === undefined || header === `Bearer ${options.token}`;
  const ogc = createOgcFeaturesRoutes({ records: store, now: () => simulator.now, authorized });

  /**
   * Replays the log after `after` from the database, then follows live changes; false when the
   * cursor is too old. Changes committed while the backlog is read are held back and sent after
   * it, each once.
   */
  async function subscribe(subscriber: Subscriber, after: number): Promise<boolean> {
    if (!store.canResumeAfter(after)) return false;
    // Held with their malformed extras (the fault), which must reach the client as any batch's do.
    const held: { changes: WireChange[]; extra: readonly string[] | undefined }[] = [];
    const holding: Subscriber = { ...subscriber, sendChanges: (changes, _seq, extra) => void held.push({ changes: [...changes], extra }) };
    subscribers.add(holding);
    let sent = after;
    try {
      for (;;) {
        const backlog = await store.changesAfter(sent, MAX_BATCH);
        if (backlog.length === 0) break;
        sent = backlog[backlog.length - 1]!.seq;
        subscriber.sendChanges(backlog, sent);
      }
    } finally {
      subscribers.delete(holding);
    }
    for (const { changes, extra } of held) {
      const fresh = changes.filter((change) => change.seq > sent);
      if (fresh.length === 0 && !extra) continue;
      if (fresh.length > 0) sent = fresh[fresh.length - 1]!.seq;
      subscriber.sendChanges(fresh, sent, extra);
    }
    subscriber.heartbeat(store.latestSeq);
    subscribers.add(subscriber);
    return true;
  }

  /** The changes message body as text, so malformed raw entries can sit beside valid changes. */
  const changesBody = (kinds: ReadonlySet<EntityKind>, changes: readonly WireChange[], seq: number, extra: readonly string[] = []) => {
    const entries = [...changes.filter((change) => kinds.has(change.kind)).map((change) => JSON.stringify(change)), ...extra];
    return `"seq":${seq},"epoch":"${epoch}","changes":[${entries.join(',')}]`;
  };

  function openEventStream(request: IncomingMessage, response: ServerResponse, params: URLSearchParams): void {
    const after = parseAfter(params.get('after') ?? (request.headers['last-event-id'] as string | undefined));
    const query = parseRecordQuery(params);
    if (typeof after === 'object') return sendError(response, 400, 'bad-request', after.error);
    if ('error' in query) return sendError(response, 400, 'bad-request', query.error);
    if (after !== undefined && !store.canResumeAfter(after)) {
      return sendError(response, 410, 'cursor-expired', `changes after ${after} are no longer kept (oldest is ${store.oldestSeq}); take a new snapshot`);
    }
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 1000\n\n');
    // A client that stops reading must not make the server buffer without end: past the limit it
    // is dropped, and resumes from its cursor when it can read again.
    const write = (text: string) => {
      if (response.writableLength > MAX_BUFFERED_BYTES) response.destroy();
      else response.write(text);
    };
    const kinds = new Set(query.kinds);
    const subscriber: Subscriber = {
      kinds,
      sendChanges(changes, seq, extra) {
        // The id moves on even when nothing here matched the kinds, so a resume starts after it.
        write(`id: ${seq}\nevent: changes\ndata: {${changesBody(kinds, changes, seq, extra)}}\n\n`);
      },
      heartbeat(seq) {
        write(`event: heartbeat\ndata: ${JSON.stringify({ at: new Date(simulator.now).toISOString(), seq, epoch, intervalMs: heartbeatMs })}\n\n`);
      },
      drop: () => response.destroy(),
    };
    let closed = false;
    request.on('close', () => {
      closed = true;
      subscribers.delete(subscriber);
    });
    void subscribe(subscriber, after ?? store.latestSeq).then(() => {
      if (closed) subscribers.delete(subscriber);
    });
  }

  function openWebSocket(socket: WebSocket, params: URLSearchParams): void {
    const after = parseAfter(params.get('after'));
    const query = parseRecordQuery(params);
    const fail = (code: string, message: string) => {
      socket.send(JSON.stringify({ type: 'error', error: code, message }));
      socket.close(code === 'cursor-expired' ? 4410 : 4400, code);
    };
    if (typeof after === 'object') return fail('bad-request', after.error);
    if ('error' in query) return fail('bad-request', query.error);
    const kinds = new Set(query.kinds);
    const subscriber: Subscriber = {
      kinds,
      sendChanges: (changes, seq, extra) => {
        if (socket.bufferedAmount > MAX_BUFFERED_BYTES) socket.terminate();
        else socket.send(`{"type":"changes",${changesBody(kinds, changes, seq, extra)}}`);
      },
      heartbeat: (seq) => socket.send(JSON.stringify({ type: 'heartbeat', at: new Date(simulator.now).toISOString(), seq, epoch, intervalMs: heartbeatMs })),
      drop: () => socket.terminate(),
    };
    let closed = false;
    const begin = () => {
      void subscribe(subscriber, after ?? store.latestSeq).then((ok) => {
        if (!ok) fail('cursor-expired', `changes after ${after} are no longer kept (oldest is ${store.oldestSeq}); take a new snapshot`);
        else if (closed) subscribers.delete(subscriber);
      });
    };
    socket.on('close', () => {
      closed = true;
      subscribers.delete(subscriber);
    });
    if (options.token === undefined) return begin();
    // Browsers cannot set headers on a WebSocket: the first message carries the credentials.
    const authTimer = setTimeout(() => fail('unauthorized', 'no credentials within 5 s'), AUTH_TIMEOUT_MS);
    socket.once('message', (data) => {
      clearTimeout(authTimer);
      let message: { type?: unknown; authorization?: unknown } = {};
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        /* handled as unauthorized below */
      }
      if (message.type === 'auth' && authorized(String(message.authorization))) begin();
      else fail('unauthorized', 'send {"type":"auth","authorization":"Bearer …"} first');
    });
  }

  async function route(request: IncomingMessage, response: ServerResponse, path: string, params: URLSearchParams): Promise<void> {
    const method = request.method ?? 'GET';
    if (path === '/health' && method === 'GET') {
      const body: HealthResponse = { status: 'ok', time: new Date(simulator.now).toISOString(), seq: store.latestSeq, oldestSeq: store.oldestSeq, epoch };
      return sendJson(response, 200, body);
    }
    if (path === '/capabilities' && method === 'GET') {
      const body: CapabilitiesResponse = { kinds: [...ENTITY_KINDS], streams: ['sse', 'websocket'], acknowledgeAlert: true, history: true, assistWorkflow: true, audit: true, instructions: true, handoffs: true, controlOrders: true, crs: 'wgs84' };
      return sendJson(response, 200, body);
    }
    if (path === '/snapshot' && method === 'GET') {
      const query = parseRecordQuery(params);
      if ('error' in query) return sendError(response, 400, 'bad-request', query.error);
      const snapshot = store.snapshot(query.kinds);
      return sendJson(response, 200, { seq: snapshot.seq, epoch, records: snapshot.records.filter((r) => matchesSnapshotQuery({ kind: r.kind, record: r.record as { position?: unknown; updatedAt?: unknown } }, query)) });
    }
    if (path === '/changes' && method === 'GET') {
      const after = parseAfter(params.get('after'));
      const limit = Math.min(10_000, Math.max(1, Number(params.get('limit') ?? 1000) || 1000));
      if (typeof after === 'object') return sendError(response, 400, 'bad-request', after.error);
      const from = after ?? 0;
      if (!store.canResumeAfter(from)) {
        return sendError(response, 410, 'cursor-expired', `changes after ${from} are no longer kept (oldest is ${store.oldestSeq})`);
      }
      const query = parseRecordQuery(params);
      if ('error' in query) return sendError(response, 400, 'bad-request', query.error);
      const page = await store.changesAfter(from, limit);
      const kinds = new Set(query.kinds);
      // `seq` covers the whole page, filtered out or not, so the next page starts after it.
      return sendJson(response, 200, { seq: page[page.length - 1]?.seq ?? from, epoch, changes: page.filter((change) => kinds.has(change.kind)) });
    }
    if (path === '/history' && method === 'GET') {
      const query = parseHistoryQuery(params);
      if ('error' in query) return sendError(response, 400, 'bad-request', query.error);
      const now = simulator.now;
      const window = await store.history(Math.min(query.fromMs, now), Math.min(query.toMs, now), query.kinds);
      const body: HistoryResponse = {
        from: new Date(window.fromMs).toISOString(),
        to: new Date(window.toMs).toISOString(),
        epoch,
        records: window.base,
        changes: window.changes.map(({ at, change }) => ({ at: new Date(at).toISOString(), change })),
      };
      return sendJson(response, 200, body);
    }
    if (path === '/stream' && method === 'GET') return openEventStream(request, response, params);
    if (path === '/ingest' && method === 'POST') {
      if (options.ingestToken === undefined) return sendError(response, 403, 'forbidden', 'ingest is off: start the backend with INGEST_TOKEN set, and send X-Ingest-Token: <that token> (docs/integrating.md)');
      if (request.headers['x-ingest-token'] !== options.ingestToken) return sendError(response, 401, 'unauthorized', 'send X-Ingest-Token: <INGEST_TOKEN>');
      return sendJson(response, 200, await ingestChanges(store, await readJsonBody(request, INGEST_MAX_BYTES), simulator.now));
    }
    if (await walls.route(request, response, path, params)) return;
    if (await routeActions(request, response, path, { store, now: () => simulator.now, ...(options.authUserHeader !== undefined ? { authUserHeader: options.authUserHeader } : {}), ...(options.authDeskHeader !== undefined ? { authDeskHeader: options.authDeskHeader } : {}) })) return;
    if (path === '/control') {
      return handleControl(request, response, {
        enabled: options.control === true,
        clock,
        simulator,
        store,
        settled: () => feeder.settled(),
        streams: () => subscribers.size,
        dropConnections: () => backend.dropConnections(),
        injectMalformed: (count) => backend.injectMalformed(count),
      });
    }
    return sendError(response, 404, 'not-found', `no ${method} ${API_PREFIX}${path}`);
  }

  const backend: MockBackend = {
    simulator,
    store,
    settled: () => feeder.settled(),
    advanceTo(ms) {
      simulator.advanceTo(ms);
      return feeder.settled();
    },
    epoch,
    clock,
    ogc,
    handle(request, response, next) {
      const url = new URL(request.url ?? '/', 'http://mock.local');
      const isOgc = url.pathname === OGC_PREFIX || url.pathname.startsWith(`${OGC_PREFIX}/`);
      if (!isOgc && !url.pathname.startsWith(API_PREFIX) && next) return next();
      setApiSecurityHeaders(response);
      if (isOgc) return ogc.handle(request, response, url);
      if (!url.pathname.startsWith(API_PREFIX)) return sendError(response, 404, 'not-found', `no ${url.pathname}; the API is under ${API_PREFIX}`);
      const refusal = refuseUnsafeWrite(request);
      if (refusal) return sendError(response, refusal.status, refusal.error, refusal.message);
      if (!authorized(request.headers.authorization)) return sendError(response, 401, 'unauthorized', 'send Authorization: Bearer <token>');
      route(request, response, url.pathname.slice(API_PREFIX.length), url.searchParams).catch((error: unknown) => {
        if (!response.headersSent) sendError(response, 400, 'bad-request', error instanceof Error ? error.message : String(error));
        else response.destroy();
      });
    },
    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', 'http://mock.local');
      if (url.pathname !== `${API_PREFIX}/ws`) return false;
      const refusal = foreignOrigin(request, 'open the stream');
      if (refusal) {
        socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\na WebSocket ${refusal}\n`);
        return true;
      }
      webSockets.handleUpgrade(request, socket, head, (ws) => openWebSocket(ws, url.searchParams));
      return true;
    },
    walls,
    follow(follower) {
      followers.add(follower);
      return () => followers.delete(follower);
    },
    dropConnections() {
      for (const subscriber of subscribers) subscriber.drop();
      subscribers.clear();
    },
    injectMalformed(count) {
      malformedNext = count;
    },
    async close() {
      walls.dropStreams();
      stopDriving();
      feeder.stop();
      stopListening();
      clearInterval(heartbeat);
      clearInterval(pruning);
      followers.clear();
      backend.dropConnections();
      for (const client of webSockets.clients) client.terminate();
      webSockets.close();
      await feeder.settled();
      await store.close();
    },
  };
  return backend;
}
