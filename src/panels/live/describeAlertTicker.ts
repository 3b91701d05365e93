/**
 * The live alert ticker: newest hit first, coloured by severity, the subject (a plate or a name,
 * already masked on its way into the store unless a duty screen may show it), where it hit and
 * the two sides involved.
 */
import type { Alert } from '../../domain/entities/alert';

export interface TickerItem {
  id: string;
  severity: 1 | 2 | 3 | 4;
  hitAt: number;
  watchlist: string;
  subject: string;
  place: string;
  controlSide: string;
  hitSide: string;
  status: Alert['status'];
  position: readonly [number, number];
}

const TICKER_LENGTH = 30;

function subjectOf(alert: Alert): string {
  const { subject } = alert;
  if (subject.type === 'vehicle' && subject.plate) return subject.plate;
  return subject.name ?? '—';
}

/** Newer first; the same instant by id, so the order is stable. */
const newer = (a: { at: number; alert: Alert }, b: { at: number; alert: Alert }) => b.at - a.at || (a.alert.id < b.alert.id ? -1 : 1);

export function describeAlertTicker(alerts: Iterable<Alert>, limit = TICKER_LENGTH): TickerItem[] {
  // One pass keeping the newest `limit`: a year of alerts is not sorted to show thirty.
  const newest: { alert: Alert; at: number }[] = [];
  for (const alert of alerts) {
    const entry = { alert, at: Date.parse(alert.hit.at) };
    if (newest.length === limit && newer(entry, newest[limit - 1]!) >= 0) continue;
    let index = newest.length;
    while (index > 0 && newer(entry, newest[index - 1]!) < 0) index -= 1;
    newest.splice(index, 0, entry);
    if (newest.length > limit) newest.pop();
  }
  return newest.map(({ alert, at }) => ({
    id: alert.id,
    severity: alert.severity as 1 | 2 | 3 | 4,
    hitAt: at,
    watchlist: alert.watchlist,
    subject: subjectOf(alert),
    place: alert.hit.deviceName,
    controlSide: alert.controlSide,
    hitSide: alert.hitSide,
    status: alert.status,
    position: alert.position,
  }));
}
