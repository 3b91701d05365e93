/**
 * The duty officer's queue: open alerts, those waiting for an answer first (most severe, then
 * newest; an acknowledgement made on this screen counts), narrowed by the officer's filters
 * (severity at least, the side involved, the town), each marked with how it was acknowledged.
 * A local acknowledgement (the backend cannot take write-back) is marked as such, never passed
 * off as the backend's.
 */
import { type Alert, isAlertOpen } from '../../domain/entities/alert';
import { type TickerItem, describeAlertTicker } from '../live/describeAlertTicker';

export interface DutyFilters {
  minSeverity: number;
  /** Province ids; an alert matches when it was set or hit on one of them. Empty: any. */
  sides: readonly string[];
  /** Town ids. Empty: any. */
  towns: readonly string[];
}

type DutyAcknowledgement = 'none' | 'backend' | 'local';

export interface DutyRow extends TickerItem {
  acknowledged: DutyAcknowledgement;
}

const DUTY_QUEUE_LENGTH = 200;

export function matchesDutyFilters(alert: Alert, filters: DutyFilters): boolean {
  if (alert.severity < filters.minSeverity) return false;
  if (filters.sides.length > 0 && !filters.sides.includes(alert.hitSide) && !filters.sides.includes(alert.controlSide)) return false;
  if (filters.towns.length > 0 && (alert.town === undefined || !filters.towns.includes(alert.town))) return false;
  return true;
}

function* openMatching(alerts: Iterable<Alert>, filters: DutyFilters): Generator<Alert> {
  for (const alert of alerts) if (isAlertOpen(alert.status) && matchesDutyFilters(alert, filters)) yield alert;
}

export function describeDutyQueue(alerts: Iterable<Alert>, filters: DutyFilters, localAcks: ReadonlySet<string>, limit = DUTY_QUEUE_LENGTH): DutyRow[] {
  const acknowledged = (alert: Alert) => alert.status !== 'new' || localAcks.has(alert.id);
  return describeAlertTicker(openMatching(alerts, filters), limit, acknowledged).map((item) => ({
    ...item,
    acknowledged: item.status !== 'new' ? 'backend' : localAcks.has(item.id) ? 'local' : 'none',
  }));
}
