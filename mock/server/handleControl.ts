/**
 * The mock's /control endpoint: pause and speed of simulated time, faults (dropped connections,
 * malformed records) and injected alerts or assistance requests, for drills and tests. Off unless
 * the backend was started with it (whoever reaches it steers what every screen shows).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BorderSimulator } from '../../src/simulator/borderSimulator';
import type { SimulationClock } from '../../src/simulator/simulationClock';
import type { ChangeStore } from '../../server/store/changeStore';
import { readJsonBody, sendError, sendJson } from '../../server/httpHelpers';

/** What a request to /control is told while the endpoint is off. */
export const CONTROL_OFF_MESSAGE =
  'the control endpoint is off: `npm run mock` serves it, or start `npm start` / `npm run dev` with MOCK_CONTROL=on (never on a shared or production host)';

const MAX_SPEED = 100_000;

export interface ControlTarget {
  enabled: boolean;
  clock: SimulationClock;
  simulator: BorderSimulator;
  store: ChangeStore;
  /** Resolves once what the simulator made is in the store. */
  settled(): Promise<void>;
  streams(): number;
  dropConnections(): void;
  injectMalformed(count: number): void;
}

export async function handleControl(request: IncomingMessage, response: ServerResponse, target: ControlTarget): Promise<void> {
  const { clock, simulator, store } = target;
  if (!target.enabled) return sendError(response, 403, 'forbidden', CONTROL_OFF_MESSAGE);
  const state = () => ({ paused: clock.paused, speed: clock.speed, simTime: new Date(simulator.now).toISOString(), seq: store.latestSeq });
  if (request.method === 'GET') return sendJson(response, 200, { ...state(), streams: target.streams() });
  if (request.method !== 'POST') return sendError(response, 404, 'not-found', `no ${request.method} /control`);
  const body = (await readJsonBody(request)) as {
    paused?: unknown;
    speed?: unknown;
    fault?: { type?: unknown; count?: unknown };
    inject?: { kind?: unknown; severity?: unknown };
  };
  if (typeof body.paused === 'boolean') {
    clock.setPaused(body.paused);
    // Catch up to the moment of the pause now, not at the next tick: once the answer says
    // paused, the log and every snapshot stay exactly as they are until resumed.
    if (body.paused) {
      simulator.advanceTo(clock.now());
      await target.settled();
    }
  }
  if (body.speed !== undefined) {
    if (typeof body.speed !== 'number' || !(body.speed > 0) || body.speed > MAX_SPEED) {
      return sendError(response, 400, 'bad-request', `speed is a number above 0 and at most ${MAX_SPEED}`);
    }
    clock.setSpeed(body.speed);
  }
  if (body.fault?.type === 'drop-connections') target.dropConnections();
  if (body.fault?.type === 'malformed') target.injectMalformed(Math.min(1000, Math.max(1, Number(body.fault.count) || 10)));
  const injected =
    body.inject?.kind === 'alert'
      ? simulator.injectAlert(Number(body.inject.severity) || 4)
      : body.inject?.kind === 'assistRequest'
        ? simulator.injectAssistRequest()
        : undefined;
  // A drill with nothing to hit says so, rather than answering as if it had raised one.
  if (body.inject?.kind === 'alert' && !injected) return sendJson(response, 409, { error: 'conflict', message: 'no control order is in force for a drill hit', ...state() });
  // Answered once the injected record is in the store: a snapshot taken next holds it.
  await target.settled();
  return sendJson(response, 200, { ...state(), ...(injected ? { injected: { kind: body.inject!.kind, id: injected.id } } : {}) });
}
