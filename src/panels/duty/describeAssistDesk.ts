/**
 * A duty desk's assistance requests: those its side raised and those asked of it, each with the
 * steps this desk may take now (the backend enforces the same rules), the countdown to the other
 * side's answer and whether it ran past it. Requests waiting on this desk come first, the most
 * urgent on top; then its own requests in flight; then the last few settled.
 */
import { isoMs } from '../../domain/isoMs';
import { type AssistRequest, assistMinutesLeft } from '../../domain/entities/assistRequest';
import type { AssistStep } from '../../adapters/contract';

export interface AssistDeskRow {
  id: string;
  version: number;
  /** `incoming`: asked of this desk's side; `outgoing`: raised by it. */
  direction: 'incoming' | 'outgoing';
  status: AssistRequest['status'];
  from: string;
  to: string;
  summary: string;
  subjectType: AssistRequest['subject']['type'];
  /** Whole minutes left for the answer, negative once overdue; null once answered. */
  minutesLeft: number | null;
  overdue: boolean;
  outcome: AssistRequest['outcome'] | null;
  /** The latest progress note, as `by: text`. */
  lastNote: { by: string; text: string } | null;
  steps: AssistStep[];
  position: readonly [number, number];
}

const SETTLED_SHOWN = 3;

function stepsFor(request: AssistRequest, direction: AssistDeskRow['direction']): AssistStep[] {
  if (direction === 'incoming') {
    if (request.status === 'open') return ['accept', 'decline'];
    if (request.status === 'responded') return ['progress', 'complete'];
    return [];
  }
  if (request.status === 'open' || request.status === 'responded') return ['progress', 'withdraw'];
  return [];
}

export function describeAssistDesk(requests: Iterable<AssistRequest>, side: string, stationName: (id: string) => string, now: Date, limit = 12): AssistDeskRow[] {
  const waiting: AssistDeskRow[] = [];
  const mine: AssistDeskRow[] = [];
  const settled: (AssistDeskRow & { settledAt: number })[] = [];
  for (const request of requests) {
    const direction = request.toSide === side ? 'incoming' : request.fromSide === side ? 'outgoing' : null;
    if (direction === null) continue;
    const left = assistMinutesLeft(request, now);
    const note = request.notes?.[request.notes.length - 1];
    const row: AssistDeskRow = {
      id: request.id,
      version: request.version,
      direction,
      status: request.status,
      from: stationName(request.fromStationId),
      to: stationName(request.toStationId),
      summary: request.subject.summary,
      subjectType: request.subject.type,
      minutesLeft: left === null ? null : left >= 0 ? Math.floor(left) : -Math.ceil(-left),
      overdue: left !== null && left < 0,
      outcome: request.outcome ?? null,
      lastNote: note ? { by: note.by, text: note.text } : null,
      steps: stepsFor(request, direction),
      position: request.position,
    };
    if (request.status === 'completed' || request.status === 'declined') {
      settled.push({ ...row, settledAt: isoMs(request.completedAt ?? request.respondedAt ?? request.updatedAt) });
    } else if (direction === 'incoming') waiting.push(row);
    else mine.push(row);
  }
  const urgency = (a: AssistDeskRow, b: AssistDeskRow) =>
    (a.status === 'open' ? 0 : 1) - (b.status === 'open' ? 0 : 1) || (a.minutesLeft ?? Infinity) - (b.minutesLeft ?? Infinity) || (a.id < b.id ? -1 : 1);
  const last = settled
    .sort((a, b) => b.settledAt - a.settledAt || (a.id < b.id ? -1 : 1))
    .slice(0, SETTLED_SHOWN)
    .map(({ settledAt: _settledAt, ...row }) => row);
  return [...waiting.sort(urgency), ...mine.sort(urgency), ...last].slice(0, limit);
}
