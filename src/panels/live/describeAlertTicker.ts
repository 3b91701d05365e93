/**
 * The live alert ticker: severity first. Alerts nobody has acknowledged come first, the most
 * severe of them on top and the newest within a severity; acknowledged ones follow, newest
 * first. A 4级 hit from this morning stays above a stream of 2级 ones until someone answers it.
 * Each item is coloured by severity and names the subject (a plate or a name, already masked on
 * its way into the store unless a duty screen may show it), where it hit and the two sides.
 */
import { isoMs } from '../../domain/isoMs';
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

/** An alert is waiting for someone while the backend still has it new (a screen may add its own acknowledgements). */
export type IsAcknowledged = (alert: Alert) => boolean;
const acknowledgedByBackend: IsAcknowledged = (alert) => alert.status !== 'new';

function subjectOf(alert: Alert): string {
  const { subject } = alert;
  if (subject.type === 'vehicle' && subject.plate) return subject.plate;
  return subject.name ?? '—';
}

interface Entry {
  alert: Alert;
  at: number;
  waiting: boolean;
}

/** Negative when `a` comes first: waiting before answered, then severity (waiting only), then newer, then id. */
function before(a: Entry, b: Entry): number {
  if (a.waiting !== b.waiting) return a.waiting ? -1 : 1;
  if (a.waiting && a.alert.severity !== b.alert.severity) return b.alert.severity - a.alert.severity;
  return b.at - a.at || (a.alert.id < b.alert.id ? -1 : a.alert.id > b.alert.id ? 1 : 0);
}

export function describeAlertTicker(alerts: Iterable<Alert>, limit = TICKER_LENGTH, isAcknowledged: IsAcknowledged = acknowledgedByBackend): TickerItem[] {
  // One pass keeping the first `limit`: a year of alerts is not sorted to show thirty.
  const first: Entry[] = [];
  for (const alert of alerts) {
    const entry = { alert, at: isoMs(alert.hit.at), waiting: !isAcknowledged(alert) };
    if (first.length === limit && before(entry, first[limit - 1]!) >= 0) continue;
    let index = first.length;
    while (index > 0 && before(entry, first[index - 1]!) < 0) index -= 1;
    first.splice(index, 0, entry);
    if (first.length > limit) first.pop();
  }
  return first.map(({ alert, at }) => ({
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
