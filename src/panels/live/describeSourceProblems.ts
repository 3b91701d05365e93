/**
 * What is wrong with each data source, in words a person at the wall can act on: which source
 * (by its display name), what happened (unreachable, the server's status and its own message,
 * unauthorized, not data, no answer, silent) and what the screen does about it (reconnecting,
 * attempt N). A backend that restarted is announced once it is resynchronised, for a while.
 * Pure: the component turns each problem into the user's language.
 */
import type { EntityKind } from '../../domain/entities/entityKinds';
import type { SourceStatus } from '../../stores/sourceStore';

type SourceProblemKey =
  | 'unreachable'
  | 'http'
  | 'unauthorized'
  | 'notFound'
  | 'notJson'
  | 'invalid'
  | 'timeout'
  | 'silent'
  | 'waiting'
  | 'resyncing'
  | 'failed'
  | 'restarted';

export interface SourceProblem {
  sourceId: string;
  name: string | null;
  type: string;
  /** The message, under `sourceProblems.` in the locale files. */
  key: SourceProblemKey;
  /** `error`: no live data from this source; `notice`: it is live again, something worth knowing happened. */
  severity: 'error' | 'notice';
  status?: number;
  /** The server's own words, plain text, already masked by the caller's policy. */
  detail?: string;
  seconds?: number;
  /** Reconnection attempts so far (0 before the first retry). */
  attempt?: number;
  /** When a restarted backend was resynchronised, ISO 8601. */
  at?: string;
}

export type SourceHealthInput = Pick<
  SourceStatus,
  'id' | 'name' | 'type' | 'state' | 'stateSince' | 'attempt' | 'lastError' | 'lastMessageAt' | 'staleAfterMs' | 'lastResync' | 'capabilities'
>;

/** Waiting longer than this for a first answer is worth saying: a stalled server says nothing else. */
const WAITING_NOTICE_MS = 5000;
/** How long "the backend restarted; resynchronised at 14:02" stays up. */
const RESTART_NOTICE_MS = 10 * 60_000;

const keyForCode: Record<string, SourceProblemKey> = {
  network: 'unreachable',
  http: 'http',
  unauthorized: 'unauthorized',
  'not-found': 'notFound',
  'not-json': 'notJson',
  invalid: 'invalid',
  timeout: 'timeout',
  'cursor-expired': 'resyncing',
  'history-changed': 'resyncing',
};

const secondsBetween = (fromIso: string | null, nowMs: number) => {
  const from = fromIso === null ? Number.NaN : Date.parse(fromIso);
  return Number.isFinite(from) ? Math.max(0, Math.floor((nowMs - from) / 1000)) : undefined;
};

/** Ages of silence past the source's limit are stale even while the socket says it is open. */
function isSilent(status: SourceHealthInput, nowMs: number, fallbackStaleAfterMs: number): boolean {
  const last = status.lastMessageAt === null ? Number.NaN : Date.parse(status.lastMessageAt);
  return Number.isFinite(last) && nowMs - last > (status.staleAfterMs ?? fallbackStaleAfterMs);
}

function describeSourceProblem(
  status: SourceHealthInput,
  nowMs: number,
  fallbackStaleAfterMs: number,
  maskText: (text: string) => string = (text) => text,
): SourceProblem[] {
  const base = { sourceId: status.id, name: status.name, type: status.type };
  const problems: SourceProblem[] = [];
  const error = status.lastError;
  if (status.state !== 'live' && status.state !== 'closed') {
    if (error) {
      problems.push({
        ...base,
        key: keyForCode[error.code] ?? 'failed',
        severity: 'error',
        attempt: status.attempt,
        ...(error.status !== undefined ? { status: error.status } : {}),
        ...(error.detail ? { detail: maskText(error.detail) } : error.code === 'invalid' || keyForCode[error.code] === undefined ? { detail: maskText(error.reason) } : {}),
      });
    } else {
      const waited = secondsBetween(status.stateSince, nowMs);
      if (waited !== undefined && waited * 1000 >= WAITING_NOTICE_MS) problems.push({ ...base, key: 'waiting', severity: 'error', seconds: waited, attempt: status.attempt });
    }
  } else if (status.state === 'live' && isSilent(status, nowMs, fallbackStaleAfterMs)) {
    problems.push({ ...base, key: 'silent', severity: 'error', seconds: secondsBetween(status.lastMessageAt, nowMs) ?? 0 });
  }
  const resync = status.lastResync;
  if (resync?.replaced && nowMs - Date.parse(resync.at) < RESTART_NOTICE_MS) problems.push({ ...base, key: 'restarted', severity: 'notice', at: resync.at });
  return problems;
}

/** Every source's problems, errors first. */
export function describeSourceProblems(
  statuses: readonly SourceHealthInput[],
  nowMs: number,
  fallbackStaleAfterMs: number,
  maskText?: (text: string) => string,
): SourceProblem[] {
  const all = statuses.flatMap((status) => describeSourceProblem(status, nowMs, fallbackStaleAfterMs, maskText));
  return [...all.filter((p) => p.severity === 'error'), ...all.filter((p) => p.severity === 'notice')];
}

/**
 * How long the data of each kind has been without a live source behind it: the kinds a stale or
 * disconnected source delivers (its declared kinds; every kind before it declared any), with the
 * seconds since it last said anything. A kind another live source also delivers is still stale:
 * part of what the panel shows has stopped. Sources that never connected are left to the
 * panels' "waiting" placeholders.
 */
export function staleKinds(
  statuses: readonly SourceHealthInput[],
  nowMs: number,
  fallbackStaleAfterMs: number,
  allKinds: readonly EntityKind[],
): Map<EntityKind, number> {
  const stale = new Map<EntityKind, number>();
  for (const status of statuses) {
    if (status.lastMessageAt === null) continue;
    const silent = isSilent(status, nowMs, fallbackStaleAfterMs);
    if (status.state === 'live' && !silent) continue;
    const seconds = secondsBetween(status.lastMessageAt, nowMs) ?? 0;
    for (const kind of status.capabilities?.kinds ?? allKinds) stale.set(kind, Math.max(stale.get(kind) ?? 0, seconds));
  }
  return stale;
}
