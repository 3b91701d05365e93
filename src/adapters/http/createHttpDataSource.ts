/**
 * The `http` adapter: REST for snapshots, history, health, capabilities and write-back, through
 * the one request path (../request); live changes over server-sent events or a WebSocket, or by
 * polling the change log, resumed by sequence number (../stream).
 */
import type { CrsId } from '../../domain/crs';
import type { EntityKind } from '../../domain/entities/entityKinds';
import type { Alert } from '../../domain/entities/alert';
import type { EntityByKind } from '../../domain/entities/entityKinds';
import { auditResponseSchema, capabilitiesResponseSchema, changesResponseSchema, healthResponseSchema, historyResponseSchema, snapshotResponseSchema } from '../../domain/wire';
import { formatIssues } from '../../domain/formatIssues';
import {
  type AlertAcknowledger,
  type AssistWorkflow,
  type AuditReader,
  type DataSource,
  type HandoffWorkflow,
  type ControlOrderWorkflow,
  type InstructionWorkflow,
  type DeskIdentity,
  type History,
  type HistoryQuery,
  type HistoryReader,
  type Result,
  type Snapshot,
  type SnapshotQuery,
  failure,
  success,
} from '../contract';
import { validateRecord, validateRecords } from '../validateRecords';
import { createRequester } from '../request/createRequester';
import { openEventStream } from './openEventStream';
import { StreamFailure } from '../stream/StreamFailure';
import type { StreamMessage } from '../stream/streamMessage';
import { type WebSocketConstructor, openWebSocketStream } from './openWebSocketStream';
import { startResumableStream } from '../stream/startResumableStream';
import { validateHistory } from '../validateHistory';

export interface HttpSourceConfig {
  id: string;
  /** The API root, e.g. `/api/v1` (same origin) or a full URL in tests. */
  baseUrl: string;
  stream: 'sse' | 'websocket' | 'none';
  crs: CrsId;
  kinds?: readonly EntityKind[];
  /** An Authorization-style header for every request; never put into a URL. */
  auth?: { header: string; value: string };
  timeoutMs?: number;
  heartbeatTimeoutMs?: number;
  /** `stream: 'none'` only: how often to ask for changes. */
  pollIntervalMs?: number;
}

/** A page of the change log as GET /changes gives it: the changes are still to be validated. */
export interface ChangesPage {
  /** The sequence number the page ends at, filtered out or not: the next page starts after it. */
  seq: number;
  epoch: string | undefined;
  changes: unknown[];
}

/** The change log over REST, for stream transports that fill gaps from it (the mqtt adapter). */
export interface ChangeLogReader {
  changesAfter(after: number, kinds: string | undefined, signal?: AbortSignal): Promise<Result<ChangesPage>>;
}

export interface HttpEnvironment {
  /** What requests and the SSE stream go through: the page's fetch by default, a scripted server's in tests. */
  fetch?: typeof fetch;
  WebSocket?: WebSocketConstructor;
  /** Where relative URLs resolve from; the page's location in a browser. */
  origin?: string;
}

const invalid = (what: string, issues: string[]): Result<never> => failure('invalid', `${what}: ${issues.join('; ')}`);

export function createHttpDataSource(
  config: HttpSourceConfig,
  environment: HttpEnvironment = {},
): DataSource & AlertAcknowledger & AssistWorkflow & InstructionWorkflow & HandoffWorkflow & ControlOrderWorkflow & AuditReader & HistoryReader & ChangeLogReader {
  const origin = environment.origin ?? (typeof location === 'undefined' ? 'http://127.0.0.1' : location.href);
  const root = new URL(config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`, origin);
  const headers: Record<string, string> = config.auth ? { [config.auth.header]: config.auth.value } : {};
  const request = createRequester({ baseUrl: root.href, headers, timeoutMs: config.timeoutMs ?? 15_000, ...(environment.fetch ? { fetch: environment.fetch } : {}) });
  const validation = { source: config.id, crs: config.crs };
  const kindsParam = config.kinds?.length ? config.kinds.join(',') : undefined;

  async function get<T>(path: string, params: Record<string, string | undefined>, what: string, signal?: AbortSignal): Promise<Result<T>> {
    const answer = await request.json({ url: path, params, what: `${config.id} ${what}`, ...(signal ? { signal } : {}) });
    return answer.ok ? success(answer.value.body as T) : answer;
  }

  /** One page of GET /changes, its envelope checked; the changes in it are checked by the stream. */
  async function changesAfter(after: number, kinds: string | undefined, signal?: AbortSignal): Promise<Result<ChangesPage>> {
    const page = await get<unknown>('changes', { after: String(after), kinds }, 'changes', signal);
    if (!page.ok) return page;
    const parsed = changesResponseSchema.safeParse(page.value);
    if (!parsed.success) return invalid(`${config.id} changes`, formatIssues(parsed.error, 1));
    return success({ seq: parsed.data.seq, epoch: parsed.data.epoch, changes: parsed.data.changes });
  }

  /**
   * For backends without a stream: page through /changes every `pollIntervalMs`, as a transport
   * for the same resumable stream (same cursor, same guarantees, slower). Aborting stops at once.
   */
  async function pollChanges(after: number, kinds: string | undefined, signal: AbortSignal, onMessage: (message: StreamMessage) => void, onOpen: () => void): Promise<void> {
    onOpen();
    let cursor = after;
    while (!signal.aborted) {
      const page = await get<unknown>('changes', { after: String(cursor), kinds }, 'changes', signal);
      if (signal.aborted) return;
      if (!page.ok) throw new StreamFailure(page.error);
      const parsed = changesResponseSchema.safeParse(page.value);
      if (!parsed.success) onMessage({ type: 'malformed', reason: `changes: ${formatIssues(parsed.error, 1).join('')}` });
      else {
        onMessage({ type: 'changes', seq: parsed.data.seq, epoch: parsed.data.epoch, changes: parsed.data.changes });
        cursor = Math.max(cursor, parsed.data.seq);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, config.pollIntervalMs ?? 2000);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        }, { once: true });
      });
    }
  }

  async function snapshot(query: SnapshotQuery = {}): Promise<Result<Snapshot>> {
    const kinds = query.kinds ?? config.kinds;
    const response = await get<unknown>('snapshot', {
      kinds: kinds?.length ? kinds.join(',') : undefined,
      bbox: query.bbox?.join(','),
      from: query.from,
      to: query.to,
    }, 'snapshot');
    if (!response.ok) return response;
    const envelope = snapshotResponseSchema.safeParse(response.value);
    if (!envelope.success) return invalid(`${config.id} snapshot`, formatIssues(envelope.error, 3));
    const { records, rejected } = validateRecords(envelope.data.records, validation);
    return success({ cursor: envelope.data.seq, ...(envelope.data.epoch ? { epoch: envelope.data.epoch } : {}), records, rejected });
  }

  async function history(query: HistoryQuery): Promise<Result<History>> {
    const kinds = query.kinds ?? config.kinds;
    const response = await get<unknown>('history', { from: query.from, to: query.to, kinds: kinds?.length ? kinds.join(',') : undefined }, 'history');
    if (!response.ok) return response;
    const envelope = historyResponseSchema.safeParse(response.value);
    if (!envelope.success) return invalid(`${config.id} history`, formatIssues(envelope.error, 3));
    const { from, to, records, changes } = envelope.data;
    return success(validateHistory({ from, to, records, changes: changes.map(({ at, change }) => ({ at: Date.parse(at), change })) }, validation));
  }

  /** An officer's action: one idempotency key per submit, the desk's station and screen named; the answer's record checked. */
  async function act<K extends 'assistRequest' | 'alert' | 'gridEvent' | 'controlOrder'>(kind: K, path: string, body: unknown, desk: DeskIdentity, what: string): Promise<Result<EntityByKind[K]>> {
    const actHeaders = { 'Idempotency-Key': submitKey(), 'X-Screen': 'duty', 'X-Desk': desk.station };
    const answer = await request.json({ url: path, body, headers: actHeaders, what: `${config.id} ${what}` });
    if (!answer.ok) return answer;
    const checked = validateRecord(kind, (answer.value.body as { record?: unknown } | null)?.record, validation);
    if (!checked.ok) return failure('invalid', `${config.id} ${what}: ${checked.rejection.reason}`);
    return success(checked.value.record as EntityByKind[K]);
  }
  const instructedPath = (kind: 'alert' | 'gridEvent', id: string) => `${kind === 'alert' ? 'alerts' : 'gridEvents'}/${encodeURIComponent(id)}/instructions`;

  return {
    id: config.id,
    type: 'http',
    async capabilities() {
      const response = await get<unknown>('capabilities', {}, 'capabilities');
      if (!response.ok) return response;
      const parsed = capabilitiesResponseSchema.safeParse(response.value);
      if (!parsed.success) return invalid(`${config.id} capabilities`, formatIssues(parsed.error, 3));
      return success({
        kinds: parsed.data.kinds,
        stream: config.stream !== 'none' && parsed.data.streams.includes(config.stream),
        acknowledgeAlert: parsed.data.acknowledgeAlert,
        history: parsed.data.history,
        assistWorkflow: parsed.data.assistWorkflow === true,
        audit: parsed.data.audit === true,
        instructions: parsed.data.instructions === true,
        handoffs: parsed.data.handoffs === true,
        controlOrders: parsed.data.controlOrders === true,
      });
    },
    async health() {
      const response = await get<unknown>('health', {}, 'health');
      if (!response.ok) return response;
      const parsed = healthResponseSchema.safeParse(response.value);
      if (!parsed.success) return invalid(`${config.id} health`, formatIssues(parsed.error, 3));
      return success({ ok: parsed.data.status === 'ok', time: parsed.data.time, latestCursor: parsed.data.seq });
    },
    snapshot,
    history,
    changesAfter,
    subscribe(handlers, options) {
      const kinds = options.kinds?.length ? options.kinds.join(',') : kindsParam;
      const streamUrl = (path: string, after: number, protocol?: 'ws:' | 'wss:') => {
        const url = new URL(path, root);
        url.searchParams.set('after', String(after));
        if (kinds) url.searchParams.set('kinds', kinds);
        if (protocol) url.protocol = protocol;
        return url.href;
      };
      const common = {
        cursor: options.cursor,
        ...(options.epoch !== undefined ? { epoch: options.epoch } : {}),
        handlers,
        validation,
        heartbeatTimeoutMs: config.heartbeatTimeoutMs ?? 15_000,
        takeSnapshot: () => snapshot({ kinds: options.kinds }),
      };
      if (config.stream === 'none') {
        return startResumableStream({ ...common, open: (after, signal, onMessage, onOpen) => pollChanges(after, kinds, signal, onMessage, onOpen) });
      }
      return startResumableStream({
        ...common,
        open: (after, signal, onMessage, onOpen) => {
          if (config.stream === 'sse') {
            return openEventStream(streamUrl('stream', after), headers, signal, onMessage, onOpen, environment.fetch ?? fetch);
          }
          const WebSocketImpl = environment.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketConstructor);
          const secure = root.protocol === 'https:';
          return openWebSocketStream(streamUrl('ws', after, secure ? 'wss:' : 'ws:'), config.auth?.value, signal, onMessage, onOpen, WebSocketImpl);
        },
      });
    },
    async acknowledgeAlert(id: string, by: string): Promise<Result<Alert>> {
      // One key per submit: a proxy or a retry that sends it again cannot acknowledge twice, and the
      // backend's audit trail names the duty screen.
      const headers = { 'Idempotency-Key': submitKey(), 'X-Screen': 'duty' };
      const answer = await request.json({ url: `alerts/${encodeURIComponent(id)}/acknowledge`, body: { by }, headers, what: `${config.id} acknowledge ${id}` });
      if (!answer.ok) return answer;
      const checked = validateRecord('alert', (answer.value.body as { record?: unknown } | null)?.record, validation);
      if (!checked.ok) return failure('invalid', `${config.id} acknowledge: ${checked.rejection.reason}`);
      return success(checked.value.record as Alert);
    },
    raiseAssist(input, desk) {
      return act('assistRequest', 'assistRequests', { ...input, by: desk.officer }, desk, `raise assistance to ${input.toStationId}`);
    },
    stepAssist(id, step, input, desk) {
      return act('assistRequest', `assistRequests/${encodeURIComponent(id)}/${step}`, { ...input, by: desk.officer }, desk, `${step} assistance ${id}`);
    },
    dispatchInstruction(kind, id, input, desk) {
      return act(kind, instructedPath(kind, id), { ...input, by: desk.officer }, desk, `instruct ${input.unitId} on ${id}`);
    },
    handOffGridEvent(id, input, desk) {
      return act('gridEvent', `gridEvents/${encodeURIComponent(id)}/handoff`, { ...input, by: desk.officer }, desk, `hand ${id} to ${input.toSide}`);
    },
    acceptHandoff(id, index, desk) {
      return act('gridEvent', `gridEvents/${encodeURIComponent(id)}/handoffs/${index}/accept`, { by: desk.officer }, desk, `accept the handoff of ${id}`);
    },
    setControlOrder(input, desk) {
      return act('controlOrder', 'controlOrders', { ...input, by: desk.officer }, desk, `set a control order on ${input.watchlist}`);
    },
    liftControlOrder(id, input, desk) {
      return act('controlOrder', `controlOrders/${encodeURIComponent(id)}/lift`, { ...input, by: desk.officer }, desk, `lift control order ${id}`);
    },
    advanceInstruction(kind, id, instructionId, stage, input, desk) {
      return act(kind, `${instructedPath(kind, id)}/${encodeURIComponent(instructionId)}/${stage}`, { ...input, by: desk.officer }, desk, `${stage} instruction ${instructionId}`);
    },
    async auditTrail(kind, id) {
      const response = await get<unknown>(`audit/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`, {}, `audit of ${id}`);
      if (!response.ok) return response;
      const parsed = auditResponseSchema.safeParse(response.value);
      if (!parsed.success) return invalid(`${config.id} audit`, formatIssues(parsed.error, 3));
      return success(parsed.data.entries);
    },
    close() {
      /* nothing pooled: subscriptions close themselves */
    },
  };
}

/** A random key for one submit; getRandomValues, unlike randomUUID, works on a wall served over plain http. */
function submitKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
