/**
 * The officers' actions over HTTP: acknowledging an alert, the assistance-request workflow,
 * instructions to units on alerts and grid events, grid events handed across the border and
 * accepted, control orders set and lifted, and each record's audit trail. Who acts comes from the deployment's authentication header when
 * `authUserHeader` is set (a reverse proxy's `X-Remote-User`, say: the body cannot override it),
 * else from the duty screen's configuration (`by` in the body); the desk's station from `X-Desk`;
 * the screen from `X-Screen`, and a wall, briefing or console screen is refused: they show, they
 * never act. `Idempotency-Key` makes a retried submit answer as the first did.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from '../src/domain/z';
import { ASSIST_OUTCOMES } from '../src/domain/entities/assistRequest';
import { isEntityKind } from '../src/domain/entities/entityKinds';
import { nameSchema } from '../src/domain/entities/entityBase';
import { acknowledgeAlert } from './actions/acknowledgeAlert';
import { type ActionAnswer, type Actor, READ_ONLY_SCREENS } from './actions/actor';
import { ASSIST_STEPS, type AssistStep, raiseAssist, stepAssist } from './actions/assistActions';
import { INSTRUCTION_STAGES, type InstructionStage } from '../src/domain/entities/instruction';
import { advanceInstruction, dispatchInstruction, type InstructedKind } from './actions/instructionActions';
import { acceptHandoff, handOffGridEvent } from './actions/handoffActions';
import { liftControlOrder, setControlOrder } from './actions/controlOrderActions';
import { alertSubjectSchema } from '../src/domain/entities/alert';
import { readJsonBody, sendError, sendJson } from './httpHelpers';
import type { ChangeStore } from './store/changeStore';

export interface ActionRouteOptions {
  store: ChangeStore;
  /** The backend's clock (the simulator's, for the bundled backend). */
  now(): number;
  /** A header set by the deployment's authentication in front of the backend, naming the officer. */
  authUserHeader?: string;
  /**
   * A header the same authentication sets with the officer's station id: the desk's side then
   * comes from the sign-in, and a desk cannot act for another station by changing its URL.
   */
  authDeskHeader?: string;
}

const DEFAULT_OFFICER = '值班民警';

const raiseSchema = z.object({
  by: nameSchema.optional(),
  toStationId: z.string().min(1).max(128),
  subject: z.object({ type: z.enum(['person', 'vehicle', 'item']), summary: nameSchema, details: z.string().max(2000).optional() }),
  slaMinutes: z.number().int().min(1).max(7 * 24 * 60),
});

const stepSchema = z.object({
  by: nameSchema.optional(),
  expectedVersion: z.number().int().nonnegative().optional(),
  note: nameSchema.optional(),
  outcome: z.enum(ASSIST_OUTCOMES).optional(),
});

const dispatchSchema = z.object({
  by: nameSchema.optional(),
  unitId: z.string().min(1).max(128),
  text: nameSchema,
  expectedVersion: z.number().int().nonnegative().optional(),
});

const advanceSchema = z.object({
  by: nameSchema.optional(),
  note: nameSchema.optional(),
  expectedVersion: z.number().int().nonnegative().optional(),
});

const handoffSchema = z.object({
  by: nameSchema.optional(),
  toSide: z.string().regex(/^[a-z]{2,8}$/, 'toSide is a province id such as jx'),
  note: nameSchema.optional(),
});

const controlSchema = z.object({
  by: nameSchema.optional(),
  watchlist: nameSchema,
  severity: z.number().int().min(1).max(4),
  subject: alertSubjectSchema,
  checkSides: z.array(z.string().regex(/^[a-z]{2,8}$/, 'a side is a province id such as jx')).min(1).max(8).optional(),
  hours: z.number().int().min(1).max(90 * 24).default(72),
});

const liftSchema = z.object({ by: nameSchema.optional(), expectedVersion: z.number().int().nonnegative().optional() });

const INSTRUCTED: Record<string, InstructedKind> = { alerts: 'alert', gridEvents: 'gridEvent' };

const headerOf = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
};

/** Proxies percent-encode names that are not Latin-1 (`%E5%BC%A0…`); plain ASCII passes as is. */
function decodeHeader(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

type ActorOrRefusal = { actor: Actor } | { status: number; error: 'unauthorized' | 'forbidden'; message: string };

function actorOf(request: IncomingMessage, path: string, body: { by?: string | undefined }, options: ActionRouteOptions): ActorOrRefusal {
  const screen = (headerOf(request, 'x-screen') ?? 'unknown').slice(0, 40);
  if (READ_ONLY_SCREENS.has(screen)) return { status: 403, error: 'forbidden', message: `a ${screen} screen shows and does not act: act from a duty screen` };
  let by = body.by?.trim().slice(0, 200) ?? DEFAULT_OFFICER;
  if (options.authUserHeader !== undefined) {
    const authenticated = headerOf(request, options.authUserHeader);
    if (authenticated === undefined) return { status: 401, error: 'unauthorized', message: `no ${options.authUserHeader} header: actions need the deployment's sign-in` };
    by = decodeHeader(authenticated).slice(0, 200);
  }
  // A key answers again only for the same call: reused on another record or action, it is a new submit.
  const sent = headerOf(request, 'idempotency-key')?.slice(0, 200);
  const key = sent === undefined ? undefined : `${request.method ?? 'POST'} ${path} ${sent}`;
  let desk = headerOf(request, 'x-desk')?.slice(0, 128);
  if (options.authDeskHeader !== undefined) {
    desk = headerOf(request, options.authDeskHeader)?.slice(0, 128);
    if (desk === undefined) return { status: 401, error: 'unauthorized', message: `no ${options.authDeskHeader} header: actions need the officer's station from the sign-in` };
  }
  return { actor: { by, screen, ...(key !== undefined ? { key } : {}), ...(desk !== undefined ? { desk } : {}) } };
}

function answer(response: ServerResponse, result: ActionAnswer): void {
  if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
  sendJson(response, result.status, result.body);
}

const firstIssue = (error: z.ZodError) => {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || 'body'}: ${issue.message}`;
};

/** Answers the request when it is an action or an audit read; false when it is neither. */
export async function routeActions(request: IncomingMessage, response: ServerResponse, path: string, options: ActionRouteOptions): Promise<boolean> {
  const method = request.method ?? 'GET';
  const acknowledge = /^\/alerts\/([^/]+)\/acknowledge$/.exec(path);
  const raise = path === '/assistRequests' && method === 'POST';
  const step = /^\/assistRequests\/([^/]+)\/([a-z]+)$/.exec(path);
  const dispatch = /^\/(alerts|gridEvents)\/([^/]+)\/instructions$/.exec(path);
  const advance = /^\/(alerts|gridEvents)\/([^/]+)\/instructions\/([^/]+)\/([a-z-]+)$/.exec(path);
  const handoff = /^\/gridEvents\/([^/]+)\/handoff$/.exec(path);
  const acceptance = /^\/gridEvents\/([^/]+)\/handoffs\/(\d{1,3})\/accept$/.exec(path);
  const control = path === '/controlOrders';
  const lift = /^\/controlOrders\/([^/]+)\/lift$/.exec(path);
  if ((acknowledge || raise || step || dispatch || advance || handoff || acceptance || control || lift) && method === 'POST') {
    const body = await readJsonBody(request);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendError(response, 400, 'bad-request', 'the body must be a JSON object');
      return true;
    }
    const raw = body as Record<string, unknown>;
    const by = typeof raw.by === 'string' && raw.by.trim() !== '' ? raw.by : undefined;
    const who = actorOf(request, path, { by }, options);
    if (!('actor' in who)) {
      sendError(response, who.status, who.error, who.message);
      return true;
    }
    if (acknowledge) {
      answer(response, await acknowledgeAlert(options.store, decodeURIComponent(acknowledge[1]!), who.actor, options.now()));
      return true;
    }
    if (handoff) {
      const input = handoffSchema.safeParse(raw);
      if (!input.success) sendError(response, 400, 'bad-request', firstIssue(input.error));
      else answer(response, await handOffGridEvent(options.store, decodeURIComponent(handoff[1]!), { toSide: input.data.toSide, ...(input.data.note !== undefined ? { note: input.data.note } : {}) }, who.actor, options.now()));
      return true;
    }
    if (control) {
      const input = controlSchema.safeParse(raw);
      if (!input.success) sendError(response, 400, 'bad-request', firstIssue(input.error));
      else {
        const { by: _by, checkSides, ...rest } = input.data;
        answer(response, await setControlOrder(options.store, { ...rest, ...(checkSides ? { checkSides } : {}) }, who.actor, options.now()));
      }
      return true;
    }
    if (lift) {
      const input = liftSchema.safeParse(raw);
      if (!input.success) sendError(response, 400, 'bad-request', firstIssue(input.error));
      else answer(response, await liftControlOrder(options.store, decodeURIComponent(lift[1]!), input.data.expectedVersion !== undefined ? { expectedVersion: input.data.expectedVersion } : {}, who.actor, options.now()));
      return true;
    }
    if (acceptance) {
      answer(response, await acceptHandoff(options.store, decodeURIComponent(acceptance[1]!), Number(acceptance[2]), who.actor, options.now()));
      return true;
    }
    if (dispatch) {
      const input = dispatchSchema.safeParse(raw);
      if (!input.success) sendError(response, 400, 'bad-request', firstIssue(input.error));
      else {
        const { by: _by, ...dispatchInput } = input.data;
        answer(response, await dispatchInstruction(options.store, INSTRUCTED[dispatch[1]!]!, decodeURIComponent(dispatch[2]!), dispatchInput, who.actor, options.now()));
      }
      return true;
    }
    if (advance) {
      const stage = advance[4]!;
      const input = advanceSchema.safeParse(raw);
      if (!(INSTRUCTION_STAGES as readonly string[]).includes(stage) || stage === 'sent') sendError(response, 404, 'not-found', `no step ${stage.slice(0, 40)}: received, en-route, handled, feedback`);
      else if (!input.success) sendError(response, 400, 'bad-request', firstIssue(input.error));
      else {
        const { by: _by, ...rest } = input.data;
        const kind = INSTRUCTED[advance[1]!]!;
        answer(response, await advanceInstruction(options.store, kind, decodeURIComponent(advance[2]!), decodeURIComponent(advance[3]!), { ...rest, stage: stage as InstructionStage }, who.actor, options.now()));
      }
      return true;
    }
    if (raise) {
      const input = raiseSchema.safeParse(raw);
      if (!input.success) sendError(response, 400, 'bad-request', firstIssue(input.error));
      else answer(response, await raiseAssist(options.store, input.data, who.actor, options.now()));
      return true;
    }
    const name = step![2]!;
    if (!(ASSIST_STEPS as readonly string[]).includes(name)) {
      sendError(response, 404, 'not-found', `no step ${name.slice(0, 40)}: ${ASSIST_STEPS.join(', ')}`);
      return true;
    }
    const input = stepSchema.safeParse(raw);
    if (!input.success) sendError(response, 400, 'bad-request', firstIssue(input.error));
    else {
      const { by: _by, ...stepInput } = input.data;
      answer(response, await stepAssist(options.store, decodeURIComponent(step![1]!), name as AssistStep, stepInput, who.actor, options.now()));
    }
    return true;
  }
  const audit = /^\/audit\/([^/]+)\/([^/]+)$/.exec(path);
  if (audit && method === 'GET') {
    const kind = decodeURIComponent(audit[1]!);
    if (!isEntityKind(kind)) sendError(response, 400, 'bad-request', `unknown kind: ${kind.slice(0, 40)}`);
    else {
      const entries = await options.store.auditTrail(kind, decodeURIComponent(audit[2]!));
      sendJson(response, 200, { entries: entries.map(({ at, actor, screen, action, status }) => ({ at: new Date(at).toISOString(), actor, screen, action, status })) });
    }
    return true;
  }
  return false;
}
