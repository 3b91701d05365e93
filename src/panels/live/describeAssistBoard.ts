/**
 * The assistance board: open cross-border requests, the one closest to (or furthest past) its
 * SLA first, with the minutes left counted down (negative once overdue).
 */
import { type AssistRequest, assistMinutesLeft } from '../../domain/entities/assistRequest';

export interface AssistRow {
  id: string;
  from: string;
  to: string;
  summary: string;
  /** Whole minutes left, rounded towards the deadline (0 in its last minute); negative when overdue. */
  minutesLeft: number;
  overdue: boolean;
  position: readonly [number, number];
}

export function describeAssistBoard(requests: Iterable<AssistRequest>, stationName: (id: string) => string, now: Date, limit = 12): AssistRow[] {
  const rows: AssistRow[] = [];
  for (const request of requests) {
    const left = assistMinutesLeft(request, now);
    if (left === null) continue;
    rows.push({
      id: request.id,
      from: stationName(request.fromStationId),
      to: stationName(request.toStationId),
      summary: request.subject.summary,
      minutesLeft: left >= 0 ? Math.floor(left) : -Math.ceil(-left),
      overdue: left < 0,
      position: request.position,
    });
  }
  return rows.sort((a, b) => a.minutesLeft - b.minutesLeft || (a.id < b.id ? -1 : 1)).slice(0, limit);
}
