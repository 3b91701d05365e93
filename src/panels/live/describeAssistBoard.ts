/**
 * The assistance board: open cross-border requests, the one closest to (or furthest past) its
 * SLA first, with the minutes left counted down (negative once overdue), then those accepted and
 * in hand across the border with the minutes since they were raised; then the last few
 * settled ones with their outcome and how long they took, so the board tells how requests end
 * (a fleeing car intercepted 15 minutes after the request) and is never an empty panel.
 */
import { isoMs } from '../../domain/isoMs';
import { type AssistRequest, assistMinutesLeft } from '../../domain/entities/assistRequest';

interface AssistRowBase {
  id: string;
  from: string;
  to: string;
  summary: string;
  position: readonly [number, number];
}

interface OpenAssistRow extends AssistRowBase {
  kind: 'open';
  /** Accepted by the other side and being worked on: the countdown to an answer is over. */
  accepted: boolean;
  /** Accepted: whole minutes since the request was raised. */
  minutesSince: number;
  /** Whole minutes left, rounded towards the deadline (0 in its last minute); negative when overdue. */
  minutesLeft: number;
  overdue: boolean;
}

interface SettledAssistRow extends AssistRowBase {
  kind: 'settled';
  /** How it ended; `declined` when the other side turned it down. */
  outcome: NonNullable<AssistRequest['outcome']> | 'declined';
  /** Whole minutes from the request to its outcome. */
  minutesTaken: number;
}

export type AssistRow = OpenAssistRow | SettledAssistRow;

/** Settled requests shown under the open ones: enough to tell the story, few enough to leave room. */
const SETTLED_SHOWN = 3;

export function describeAssistBoard(requests: Iterable<AssistRequest>, stationName: (id: string) => string, now: Date, limit = 12): AssistRow[] {
  const open: OpenAssistRow[] = [];
  const settled: (SettledAssistRow & { completedAt: number })[] = [];
  for (const request of requests) {
    const base = {
      id: request.id,
      from: stationName(request.fromStationId),
      to: stationName(request.toStationId),
      summary: request.subject.summary,
      position: request.position,
    };
    const left = assistMinutesLeft(request, now);
    const minutesSince = Math.max(0, Math.floor((now.getTime() - isoMs(request.requestedAt)) / 60_000));
    if (left !== null) {
      open.push({ ...base, kind: 'open', accepted: false, minutesSince, minutesLeft: left >= 0 ? Math.floor(left) : -Math.ceil(-left), overdue: left < 0 });
    } else if (request.status === 'responded') {
      open.push({ ...base, kind: 'open', accepted: true, minutesSince, minutesLeft: Number.POSITIVE_INFINITY, overdue: false });
    } else if (request.status === 'declined' && request.respondedAt) {
      const respondedAt = isoMs(request.respondedAt);
      if (respondedAt > now.getTime()) continue;
      settled.push({ ...base, kind: 'settled', outcome: 'declined', minutesTaken: Math.round((respondedAt - isoMs(request.requestedAt)) / 60_000), completedAt: respondedAt });
    } else if (request.status === 'completed' && request.completedAt && request.outcome) {
      const completedAt = isoMs(request.completedAt);
      // A record from a playback or a skewed source may say it was completed after "now": not yet.
      if (completedAt > now.getTime()) continue;
      const minutesTaken = Math.round((completedAt - isoMs(request.requestedAt)) / 60_000);
      settled.push({ ...base, kind: 'settled', outcome: request.outcome, minutesTaken, completedAt });
    }
  }
  const lastSettled = settled
    .sort((a, b) => b.completedAt - a.completedAt || (a.id < b.id ? -1 : 1))
    .slice(0, Math.min(SETTLED_SHOWN, limit))
    .map(({ completedAt: _completedAt, ...row }) => row);
  const urgent = open.sort((a, b) => a.minutesLeft - b.minutesLeft || (a.id < b.id ? -1 : 1)).slice(0, limit - lastSettled.length);
  return [...urgent, ...lastSettled];
}
