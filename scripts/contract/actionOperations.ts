/**
 * The officers' actions as OpenAPI operations (acknowledge, assistance, instructions, handoffs,
 * control orders, the audit trail), with the headers and answers they share.
 */
import { ENTITY_KINDS } from '../../src/domain/entities/entityKinds';

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: unknown) => ({ 'application/json': { schema } });
export const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });

/** The headers every officer's action takes. */
const actionHeaders = [
  { name: 'Idempotency-Key', in: 'header', required: false, description: 'A key the client makes once per submit and repeats on a retry', schema: { type: 'string', maxLength: 200 } },
  { name: 'X-Screen', in: 'header', required: false, description: 'Which screen acts (`duty`); `wall`, `briefing` and `console` are refused', schema: { type: 'string', maxLength: 40 } },
  { name: 'X-Desk', in: 'header', required: true, description: 'The station the desk acts for: its side of the border', schema: { type: 'string', maxLength: 128 } },
];

function actionResponses(done: string, records: readonly string[] = ['AssistRequest']) {
  const record = records.length === 1 ? ref(records[0]!) : { oneOf: records.map(ref) };
  return {
    200: { description: `${done} (the change also appears in the stream)`, content: json({ type: 'object', required: ['record'], properties: { record } }) },
    400: errorResponse('The body, the desk or the unit is wrong, or the step lacks its note or outcome; the message names what'),
    401: errorResponse('The backend takes the officer from a sign-in header (AUTH_USER_HEADER) and the request has none'),
    403: errorResponse('`forbidden`: a read-only screen, the other side\'s step, or another origin'),
    404: errorResponse('No such request or step'),
    409: errorResponse('`conflict`: the request changed since the desk saw it, or is past this step; `changedBy` names who changed it'),
  };
}

/** The action paths of openapi.json, keyed by path. */
export const ACTION_PATHS = {
  '/alerts/{id}/acknowledge': {
    post: {
      summary: 'A duty officer acknowledges a new alert (write-back, when /capabilities says acknowledgeAlert)',
      description:
        'Recorded in the audit trail (GET /audit/alert/{id}) with the officer, the screen and the outcome, refusals included. ' +
        'A submit repeated with the same `Idempotency-Key` is answered with the first answer (header `Idempotent-Replayed: true`) and acts no second time.',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'Idempotency-Key', in: 'header', required: false, description: 'A key the client makes once per submit and repeats on a retry', schema: { type: 'string', maxLength: 200 } },
        { name: 'X-Screen', in: 'header', required: false, description: 'Which screen acts (`duty`), for the audit trail', schema: { type: 'string', maxLength: 40 } },
      ],
      requestBody: { required: true, content: json({ type: 'object', properties: { by: { type: 'string', maxLength: 200 } } }) },
      responses: {
        200: { description: 'The acknowledged alert (the change also appears in the stream)', content: json({ type: 'object', required: ['record'], properties: { record: ref('Alert') } }) },
        403: errorResponse('`forbidden`: the request came from another origin (`Origin` not this host, or `Sec-Fetch-Site` not same-origin)'),
        404: errorResponse('No such alert'),
        409: errorResponse('The alert is no longer new'),
        415: errorResponse('`unsupported-media-type`: the body is not sent as `Content-Type: application/json`'),
      },
    },
  },
  '/assistRequests': {
    post: {
      summary: 'A duty desk raises an assistance request to a station across the border (when /capabilities says assistWorkflow)',
      description:
        'The desk\'s station (`X-Desk`) gives the raising side; the target must be on the other side. The record (status `open`) also appears in the stream. ' +
        'Idempotent by `Idempotency-Key`; audited (GET /audit/assistRequest/{id}). Walls, briefings and consoles (`X-Screen`) are refused with 403.',
      parameters: actionHeaders,
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['toStationId', 'subject', 'slaMinutes'],
          properties: {
            by: { type: 'string', maxLength: 200, description: 'The officer, as the duty screen names them; ignored when the backend takes it from the sign-in header (AUTH_USER_HEADER)' },
            toStationId: { type: 'string' },
            subject: { type: 'object', required: ['type', 'summary'], properties: { type: { type: 'string', enum: ['person', 'vehicle', 'item'] }, summary: { type: 'string', maxLength: 200 }, details: { type: 'string', maxLength: 2000 } } },
            slaMinutes: { type: 'integer', minimum: 1, maximum: 10080, description: 'Minutes the other side has to answer' },
          },
        }),
      },
      responses: actionResponses('The request raised'),
    },
  },
  '/assistRequests/{id}/{step}': {
    post: {
      summary: 'A duty desk takes a step on an assistance request: accept, decline, progress, complete, withdraw',
      description:
        'accept, decline (with a note) and complete (with an outcome: intercepted, located, not-found) are the receiving side\'s; withdraw is the raising side\'s; ' +
        'progress (a note) is either side\'s. With `expectedVersion`, a request changed meanwhile is refused with 409 naming who changed it (`changedBy`).',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'step', in: 'path', required: true, schema: { type: 'string', enum: ['accept', 'decline', 'progress', 'complete', 'withdraw'] } },
        ...actionHeaders,
      ],
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          properties: {
            by: { type: 'string', maxLength: 200 },
            expectedVersion: { type: 'integer', minimum: 0, description: 'The version the desk acted on' },
            note: { type: 'string', maxLength: 200 },
            outcome: { type: 'string', enum: ['intercepted', 'located', 'not-found'] },
          },
        }),
      },
      responses: actionResponses('The request after the step'),
    },
  },
  '/{kinds}/{id}/instructions': {
    post: {
      summary: 'A duty desk instructs a unit (指令) about an alert (`alerts`) or a grid event (`gridEvents`), when /capabilities says instructions',
      description:
        'The instruction is added to the record (`instructions`, stage `sent`); an alert not yet dispatched becomes `dispatched`, a grid event before ' +
        'its command stage reaches `command`. The unit is a station, checkpoint or patrol id. Idempotent by `Idempotency-Key`; audited as `instruct`.',
      parameters: [
        { name: 'kinds', in: 'path', required: true, schema: { type: 'string', enum: ['alerts', 'gridEvents'] } },
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        ...actionHeaders,
      ],
      requestBody: {
        required: true,
        content: json({ type: 'object', required: ['unitId', 'text'], properties: { by: { type: 'string', maxLength: 200 }, unitId: { type: 'string' }, text: { type: 'string', maxLength: 200 }, expectedVersion: { type: 'integer', minimum: 0 } } }),
      },
      responses: actionResponses('The alert or grid event with the instruction', ['Alert', 'GridEvent']),
    },
  },
  '/{kinds}/{id}/instructions/{instructionId}/{stage}': {
    post: {
      summary: 'The instructed unit\'s side reports the next step: received, en-route, handled, feedback (with a note)',
      description: 'Steps go in order; a step out of order or reported twice is refused with 409 saying which step is next. Only a desk on the unit\'s side reports.',
      parameters: [
        { name: 'kinds', in: 'path', required: true, schema: { type: 'string', enum: ['alerts', 'gridEvents'] } },
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'instructionId', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'stage', in: 'path', required: true, schema: { type: 'string', enum: ['received', 'en-route', 'handled', 'feedback'] } },
        ...actionHeaders,
      ],
      requestBody: { required: true, content: json({ type: 'object', properties: { by: { type: 'string', maxLength: 200 }, note: { type: 'string', maxLength: 200 }, expectedVersion: { type: 'integer', minimum: 0 } } }) },
      responses: actionResponses('The record after the step', ['Alert', 'GridEvent']),
    },
  },
  '/gridEvents/{id}/handoff': {
    post: {
      summary: 'The side that owns a grid event hands it across the border (跨省交办), when /capabilities says handoffs',
      description: 'Adds a handoff `{ at, fromSide, toSide, by, note }` waiting to be accepted; only the owning side may, and one waiting handoff at a time.',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...actionHeaders],
      requestBody: { required: true, content: json({ type: 'object', required: ['toSide'], properties: { by: { type: 'string', maxLength: 200 }, toSide: { type: 'string' }, note: { type: 'string', maxLength: 200 } } }) },
      responses: actionResponses('The grid event with the handoff', ['GridEvent']),
    },
  },
  '/gridEvents/{id}/handoffs/{index}/accept': {
    post: {
      summary: 'A desk on the receiving side accepts a handoff (接收): the event is that side\'s from now',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'index', in: 'path', required: true, schema: { type: 'integer', minimum: 0 } }, ...actionHeaders],
      requestBody: { required: false, content: json({ type: 'object', properties: { by: { type: 'string', maxLength: 200 } } }) },
      responses: actionResponses('The grid event with the handoff accepted', ['GridEvent']),
    },
  },
  '/controlOrders': {
    post: {
      summary: 'A desk sets a control order (布控) for its side, when /capabilities says controlOrders',
      description: 'The order is set for the desk\'s station and checked on `checkSides` (both sides of the border when left out: 一地布控、两域双查). A vehicle needs its plate, a person a name or ID number. Idempotent by `Idempotency-Key`; audited (GET /audit/controlOrder/{id}).',
      parameters: actionHeaders,
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          required: ['watchlist', 'severity', 'subject'],
          properties: {
            by: { type: 'string', maxLength: 200 },
            watchlist: { type: 'string', maxLength: 200 },
            severity: { type: 'integer', minimum: 1, maximum: 4 },
            subject: { $ref: '#/components/schemas/ControlOrder/properties/subject' },
            checkSides: { type: 'array', items: { type: 'string', pattern: '^[a-z]{2,8}$' }, minItems: 1, maxItems: 8 },
            hours: { type: 'integer', minimum: 1, maximum: 2160, default: 72, description: 'How long it runs before it expires' },
          },
        }),
      },
      responses: actionResponses('The control order as set', ['ControlOrder']),
    },
  },
  '/controlOrders/{id}/lift': {
    post: {
      summary: 'The side that set a control order lifts it (撤控)',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...actionHeaders],
      requestBody: { required: false, content: json({ type: 'object', properties: { by: { type: 'string', maxLength: 200 }, expectedVersion: { type: 'integer', minimum: 0 } } }) },
      responses: actionResponses('The control order, lifted', ['ControlOrder']),
    },
  },
  '/audit/{kind}/{id}': {
    get: {
      summary: 'A record\'s audit trail: every officer\'s action on it, oldest first',
      parameters: [
        { name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: [...ENTITY_KINDS] } },
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      ],
      responses: {
        200: {
          description: 'Who acted, from which screen, when, and the status answered (2xx done, 4xx refused)',
          content: json({
            type: 'object',
            required: ['entries'],
            properties: {
              entries: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['at', 'actor', 'screen', 'action', 'status'],
                  properties: { at: { type: 'string', format: 'date-time' }, actor: { type: 'string' }, screen: { type: 'string' }, action: { type: 'string' }, status: { type: 'integer' } },
                },
              },
            },
          }),
        },
        400: errorResponse('Not a kind of the contract'),
      },
    },
  },
};
