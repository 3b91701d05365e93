/**
 * Who acts, as the backend knows them: the officer (from the deployment's authentication header
 * when one is configured, else as the duty screen's own configuration names them), the desk's
 * unit (a station id, which gives the side of the border it acts for), which screen acted, and the
 * client's idempotency key. Walls and briefing screens show, they never act.
 */
export interface Actor {
  /** The acting officer as the desk names them (unit and officer). */
  by: string;
  /** Which screen acted. */
  screen: string;
  /** The client's idempotency key for this submit. */
  key?: string;
  /** The station the desk acts for, when it said (X-Desk). */
  desk?: string;
}

export interface ActionAnswer {
  status: number;
  /** `{ record }` when done, `{ error, message }` when refused. */
  body: unknown;
  /** True when this was a retry answered from the audit trail. */
  replayed: boolean;
}

/** Screens that show and never act: an action from one is refused whoever sends it. */
export const READ_ONLY_SCREENS: ReadonlySet<string> = new Set(['wall', 'briefing', 'console']);

/** The audit entry and answer of a refusal. */
export function refusal(status: number, error: string, message: string, extra: Record<string, unknown> = {}) {
  return { status, response: { error, message, ...extra } };
}
