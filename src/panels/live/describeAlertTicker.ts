/**
 * The live alert ticker: newest hit first, coloured by severity, the subject masked (a plate or a
 * name is never shown whole on a wall), where it hit and the two sides involved.
 */
import type { Alert } from '../../domain/entities/alert';
import { maskName, maskPlate } from '../../domain/maskPersonalData';

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

export const TICKER_LENGTH = 30;

function maskedSubject(alert: Alert): string {
  const { subject } = alert;
  if (subject.type === 'vehicle' && subject.plate) return maskPlate(subject.plate);
  if (subject.name) return maskName(subject.name);
  return '—';
}

export function describeAlertTicker(alerts: Iterable<Alert>, limit = TICKER_LENGTH): TickerItem[] {
  const newest: { alert: Alert; at: number }[] = [];
  for (const alert of alerts) newest.push({ alert, at: Date.parse(alert.hit.at) });
  newest.sort((a, b) => b.at - a.at || (a.alert.id < b.alert.id ? -1 : 1));
  return newest.slice(0, limit).map(({ alert, at }) => ({
    id: alert.id,
    severity: alert.severity as 1 | 2 | 3 | 4,
    hitAt: at,
    watchlist: alert.watchlist,
    subject: maskedSubject(alert),
    place: alert.hit.deviceName,
    controlSide: alert.controlSide,
    hitSide: alert.hitSide,
    status: alert.status,
    position: alert.position,
  }));
}
