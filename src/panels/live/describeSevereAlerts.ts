/**
 * The severe-alert banner: live alerts at or above the focus severity that nobody has answered
 * yet, however the screen is busy (a tour scene, a briefing slide, a replay of yesterday). A 4级
 * alert pins the banner until it is acknowledged somewhere (by the backend, another desk, or on
 * this screen); the most severe and newest is named, the rest counted.
 */
import { type Alert, isAlertOpen } from '../../domain/entities/alert';
import { describeAlertTicker, type IsAcknowledged, type TickerItem } from './describeAlertTicker';

/** Always banner-worthy, whatever the focus setting: the "pinned until acknowledged". */
const PINNED_SEVERITY = 4;
/** Named on the banner; the rest are counted. */
const NAMED = 3;

export interface SevereAlerts {
  /** Unanswered alerts at or above the threshold. */
  waiting: number;
  /** Of those, how many are 4级. */
  pinned: number;
  /** The first few, most severe and newest first. */
  items: TickerItem[];
  /** Every waiting alert's id, to tell one that just arrived. */
  ids: string[];
}

/** `minSeverity` is the camera's focus severity; null (focus off) still banners 4级. */
export function describeSevereAlerts(alerts: Iterable<Alert>, minSeverity: number | null, isAcknowledged: IsAcknowledged): SevereAlerts {
  const threshold = Math.min(minSeverity ?? PINNED_SEVERITY, PINNED_SEVERITY);
  let waiting = 0;
  let pinned = 0;
  const severe: Alert[] = [];
  for (const alert of alerts) {
    if (alert.severity < threshold || !isAlertOpen(alert.status) || isAcknowledged(alert)) continue;
    waiting += 1;
    if (alert.severity >= PINNED_SEVERITY) pinned += 1;
    severe.push(alert);
  }
  return { waiting, pinned, items: describeAlertTicker(severe, NAMED, isAcknowledged), ids: severe.map((alert) => alert.id) };
}
