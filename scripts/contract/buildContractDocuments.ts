/**
 * The HTTP contract as documents: a JSON Schema per entity (docs/api/schemas/) and an OpenAPI 3.1
 * description of the endpoints (docs/api/openapi.json), generated from the zod schemas the app
 * validates with, so the documents cannot drift from the code (a test fails when they are stale).
 */
import { z } from '../../src/domain/z';
import { ENTITY_KINDS, ENTITY_SCHEMAS, type EntityKind } from '../../src/domain/entities/entityKinds';
import { capabilitiesResponseSchema, errorResponseSchema, healthResponseSchema } from '../../src/domain/wire';
import { ACTION_PATHS, errorResponse, json, ref } from './actionOperations';

const ENTITY_TITLES: Record<EntityKind, { title: string; description: string }> = {
  station: { title: 'Station', description: 'A police station, office, joint workstation, control centre, eco-police office, shared court or checkpoint.' },
  alert: { title: 'Alert', description: 'A watchlist hit (布控预警): one side sets the control, the other may hit it (一地布控、两域双查).' },
  gridEvent: { title: 'GridEvent', description: 'A cross-province grid event run as a closed loop: discover → analyze → command → handle → feedback → closed.' },
  assistRequest: { title: 'AssistRequest', description: 'A cross-province assistance request (协查请求) with its service-level time.' },
  patrolTrack: { title: 'PatrolTrack', description: 'A drone or vehicle patrol as timestamped WGS84 positions.' },
  kpiSeries: { title: 'KpiSeries', description: 'A KPI with monthly values this year and last; clients derive the year-on-year change.' },
  grid: { title: 'Grid', description: 'A cross-province grid (跨省网格) spanning both sides of the border.' },
  controlOrder: { title: 'ControlOrder', description: 'A control order (布控): the side that set it, the sides that check for its subject, and its hits so far.' },
};

type JsonObject = Record<string, unknown>;

function jsonSchemaOf(schema: z.ZodType): JsonObject {
  // `input`: what a backend sends (before the client derives fields such as yearOnYear).
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as JsonObject;
  return rest;
}

/** Each entity kind's JSON Schema (what a backend may send), keyed by kind. */
export function entityJsonSchemas(): Record<EntityKind, JsonObject> {
  const schemas = {} as Record<EntityKind, JsonObject>;
  for (const kind of ENTITY_KINDS) schemas[kind] = { ...ENTITY_TITLES[kind], ...jsonSchemaOf(ENTITY_SCHEMAS[kind]) };
  return schemas;
}

export function buildContractDocuments(): Record<string, JsonObject> {
  const documents: Record<string, JsonObject> = {};
  const components: Record<string, unknown> = {};
  const entitySchemas = entityJsonSchemas();
  for (const kind of ENTITY_KINDS) {
    const { title } = ENTITY_TITLES[kind];
    const schema = entitySchemas[kind];
    components[title] = schema;
    documents[`schemas/${title}.json`] = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `${title}.json`, ...schema };
  }
  const kindRecord = (kind: EntityKind) => ({
    type: 'object',
    required: ['kind', 'record'],
    properties: { kind: { const: kind }, record: ref(ENTITY_TITLES[kind].title) },
  });
  components.EntityRecord = { description: 'One record tagged with its kind.', oneOf: ENTITY_KINDS.map(kindRecord) };
  components.Change = {
    description: 'One change from the backend’s change log. `seq` increases by one per change; a client resumes after the last it applied.',
    oneOf: [
      ...ENTITY_KINDS.map((kind) => ({
        type: 'object',
        required: ['seq', 'kind', 'op', 'record'],
        properties: { seq: { type: 'integer', minimum: 0 }, kind: { const: kind }, op: { const: 'upsert' }, record: ref(ENTITY_TITLES[kind].title) },
      })),
      {
        type: 'object',
        required: ['seq', 'kind', 'op', 'id', 'version'],
        properties: {
          seq: { type: 'integer', minimum: 0 },
          kind: { type: 'string', enum: [...ENTITY_KINDS] },
          op: { const: 'delete' },
          id: { type: 'string', minLength: 1, maxLength: 128 },
          version: { type: 'integer', minimum: 0, description: 'Greater than the last version upserted.' },
        },
      },
    ],
  };
  components.Snapshot = {
    type: 'object',
    required: ['seq', 'records'],
    properties: {
      seq: { type: 'integer', minimum: 0, description: 'The last change the snapshot includes: stream after it.' },
      epoch: ref('Epoch'),
      records: { type: 'array', items: ref('EntityRecord') },
    },
  };
  components.Epoch = {
    type: 'string',
    minLength: 1,
    maxLength: 64,
    description: 'Which history sequence numbers belong to; a new epoch means the log restarted and clients start over from a snapshot.',
  };
  components.Changes = {
    type: 'object',
    required: ['seq', 'changes'],
    properties: { seq: { type: 'integer', minimum: 0 }, epoch: ref('Epoch'), changes: { type: 'array', items: ref('Change') } },
  };
  components.History = {
    description: 'A window of the past for time playback: the state at `from`, then every change up to `to` in sequence order.',
    type: 'object',
    required: ['from', 'to', 'records', 'changes'],
    properties: {
      from: { type: 'string', format: 'date-time', description: 'The start served: the one asked for, or the oldest time the backend still keeps if that is later.' },
      to: { type: 'string', format: 'date-time', description: 'The end served.' },
      epoch: ref('Epoch'),
      records: { type: 'array', items: ref('EntityRecord'), description: 'The state at `from`.' },
      changes: {
        type: 'array',
        description: 'Every change after `from` up to and including `to`, in sequence order.',
        items: {
          type: 'object',
          required: ['at', 'change'],
          properties: { at: { type: 'string', format: 'date-time', description: 'When the backend made the change.' }, change: ref('Change') },
        },
      },
    },
  };
  components.Heartbeat = {
    type: 'object',
    required: ['at', 'seq'],
    properties: {
      at: { type: 'string', format: 'date-time', description: 'The backend clock. A clock that goes back tells clients the backend restarted.' },
      seq: { type: 'integer', minimum: 0, description: 'The newest sequence number in the log. Below what a client applied, it tells the client the backend restarted.' },
      epoch: ref('Epoch'),
      intervalMs: {
        type: 'integer',
        minimum: 100,
        description: 'How often this backend sends heartbeats: clients mark the source stale after two intervals of silence instead of a configured guess.',
      },
    },
  };
  components.Health = jsonSchemaOf(healthResponseSchema);
  components.Capabilities = jsonSchemaOf(capabilitiesResponseSchema);
  components.Error = jsonSchemaOf(errorResponseSchema);

  const kindsParameter = {
    name: 'kinds',
    in: 'query',
    description: 'Comma-separated entity kinds; all when absent.',
    schema: { type: 'string', example: 'station,alert' },
  };
  const afterParameter = { name: 'after', in: 'query', description: 'The last sequence number the client applied.', schema: { type: 'integer', minimum: 0 } };
  documents['openapi.json'] = {
    openapi: '3.1.0',
    info: {
      title: 'Safe Border data contract',
      version: '1.0.0',
      description:
        'What a backend serves so the Safe Border dashboard can show it: a snapshot of current state, a change log streamed over ' +
        'server-sent events or a WebSocket and resumable by sequence number, health, capabilities, alert acknowledgement and ' +
        'history for time playback. ' +
        'Positions are WGS84 unless /capabilities declares another CRS; timestamps are ISO 8601 with a time zone; every record has a ' +
        'monotonic `version`. Generated from the dashboard’s own schemas (npm run contract).',
    },
    servers: [{ url: '/api/v1' }],
    security: [{}, { bearer: [] }],
    paths: {
      '/health': { get: { summary: 'Liveness, the backend clock and the change log’s range', responses: { 200: { description: 'OK', content: json(ref('Health')) } } } },
      '/capabilities': {
        get: { summary: 'What this backend offers: kinds, stream transports, write-back, history, CRS', responses: { 200: { description: 'OK', content: json(ref('Capabilities')) } } },
      },
      '/snapshot': {
        get: {
          summary: 'Current state, consistent with the change log up to `seq`',
          parameters: [
            kindsParameter,
            { name: 'bbox', in: 'query', description: 'west,south,east,north in degrees', schema: { type: 'string', example: '118.1,28.6,118.6,29.0' } },
            { name: 'from', in: 'query', description: 'Only records updated at or after', schema: { type: 'string', format: 'date-time' } },
            { name: 'to', in: 'query', description: 'Only records updated at or before', schema: { type: 'string', format: 'date-time' } },
          ],
          responses: { 200: { description: 'OK', content: json(ref('Snapshot')) }, 400: errorResponse('A bad parameter') },
        },
      },
      '/changes': {
        get: {
          summary: 'A page of the change log after a sequence number (polling, and catching up)',
          parameters: [afterParameter, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 } }],
          responses: {
            200: { description: 'OK', content: json(ref('Changes')) },
            410: errorResponse('`cursor-expired`: changes that old are no longer kept; take a new snapshot'),
          },
        },
      },
      '/history': {
        get: {
          summary: 'A window of the past for time playback (when /capabilities says history): the state at `from` and every change up to `to`',
          description:
            'A backend keeps a bounded history: a `from` older than that is served from the oldest time kept, and the answer says so. ' +
            'Records and changes are those of /snapshot and /changes, each with the time it was made.',
          parameters: [
            { name: 'from', in: 'query', required: true, description: 'The start of the window, before `to`', schema: { type: 'string', format: 'date-time' } },
            { name: 'to', in: 'query', required: true, description: 'The end of the window, at most 31 days after `from`', schema: { type: 'string', format: 'date-time' } },
            kindsParameter,
          ],
          responses: {
            200: { description: 'OK', content: json(ref('History')) },
            400: errorResponse('`from` or `to` missing or not an ISO 8601 time, `from` not before `to`, a window over 31 days, or an unknown kind'),
          },
        },
      },
      '/stream': {
        get: {
          summary: 'Live changes as server-sent events',
          description:
            'Events: `changes` (data: Changes; the SSE id is the last seq) and `heartbeat` (data: Heartbeat) at least every 5 s. ' +
            'Resume with `after` or the Last-Event-ID header. Credentials go in headers, never in the URL.',
          parameters: [afterParameter, kindsParameter],
          responses: {
            200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            410: errorResponse('`cursor-expired`: take a new snapshot'),
          },
        },
      },
      '/ws': {
        get: {
          summary: 'Live changes over a WebSocket',
          description:
            'Messages: `{"type":"changes",…Changes}`, `{"type":"heartbeat",…Heartbeat}`, `{"type":"error","error","message"}`. ' +
            'When the backend requires credentials, the client’s first message is `{"type":"auth","authorization":"Bearer …"}`. ' +
            'Close code 4410 means cursor-expired.',
          parameters: [afterParameter, kindsParameter],
          responses: { 101: { description: 'Switching protocols' } },
        },
      },
      ...ACTION_PATHS,
      '/ingest': {
        post: {
          summary: 'A source system sends a batch of changes (the bundled backend: with `X-Ingest-Token`, when started with INGEST_TOKEN)',
          description:
            'Each change is checked against its kind\'s schema; a bad one is rejected alone, by its place in the batch and its id, and the rest ' +
            'are committed in one transaction. A change whose version is not above the stored record\'s is stale and changes nothing, so a ' +
            'batch can be resent after a lost answer. `at` (ISO 8601) is when the change was made at its source, for playback; an upsert ' +
            'without it is placed at its `updatedAt`.',
          parameters: [{ name: 'X-Ingest-Token', in: 'header', required: true, schema: { type: 'string' } }],
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['changes'],
              properties: {
                changes: {
                  type: 'array',
                  maxItems: 5000,
                  items: {
                    type: 'object',
                    required: ['kind', 'op'],
                    properties: {
                      kind: { type: 'string', enum: [...ENTITY_KINDS] },
                      op: { type: 'string', enum: ['upsert', 'delete'] },
                      record: { type: 'object', description: 'For an upsert: the whole record, as its kind\'s schema says' },
                      id: { type: 'string', description: 'For a delete' },
                      version: { type: 'integer', minimum: 1, description: 'For a delete: the version the delete makes' },
                      at: { type: 'string', format: 'date-time' },
                    },
                  },
                },
              },
            }),
          },
          responses: {
            200: {
              description: 'What was committed, what was stale and what was rejected',
              content: json({
                type: 'object',
                required: ['seq', 'applied', 'stale', 'rejected'],
                properties: {
                  seq: { type: 'integer', minimum: 0, description: 'The log\'s newest sequence number after the batch' },
                  applied: { type: 'integer', minimum: 0 },
                  stale: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, id: { type: 'string' }, version: { type: 'integer' }, storedVersion: { type: 'integer' } } } },
                  rejected: { type: 'array', items: { type: 'object', required: ['index', 'reason'], properties: { index: { type: 'integer' }, id: { type: 'string' }, reason: { type: 'string' } } } },
                },
              }),
            },
            400: errorResponse('The body is not a batch (`{"changes": [...]}`, at most 5000)'),
            401: errorResponse('No or a wrong `X-Ingest-Token`'),
            403: errorResponse('Ingest is off (no INGEST_TOKEN), or the request came from another origin'),
            415: errorResponse('`unsupported-media-type`: the body is not sent as `Content-Type: application/json`'),
          },
        },
      },
    },
    components: { schemas: components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
  return documents;
}

/** Stable text for a document: what is written to docs/api and compared by the staleness test. */
export const documentText = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;
