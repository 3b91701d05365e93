/**
 * The control-order board (布控): a table of the last 24 hours between the provinces (orders set
 * by each side, and the hits on them seen on the setting side and across the border), and the
 * orders in force, the latest news (a hit, or the setting) first, with who set them, which sides
 * check and their hits. Hits are counted from alerts, which every backend sends with their control
 * and hit sides, so the table holds whether or not a backend links alerts to orders. An order past
 * its expiry is not in force, whether or not its backend has marked it expired yet.
 */
import { isoMs } from '../../domain/isoMs';
import type { Alert } from '../../domain/entities/alert';
import type { ControlOrder } from '../../domain/entities/controlOrder';

const DAY_MS = 24 * 60 * 60_000;

export interface ControlOrderRow {
  id: string;
  watchlist: string;
  /** The plate of a vehicle, else the person's name or ID number, as masking left them. */
  subject: string;
  severity: number;
  setSide: string;
  setStationId: string;
  setBy?: string;
  setAt: string;
  /** The sides that check; `checkedEverywhere` when every side on the map does (两域双查). */
  checkSides: readonly string[];
  checkedEverywhere: boolean;
  hits: number;
  lastHitAt?: string;
  version: number;
  position: readonly [number, number];
}

interface SideTally {
  side: string;
  /** Orders of this side in force now. */
  active: number;
  /** Orders this side set in the last 24 hours. */
  setToday: number;
  /** Hits in the last 24 hours on this side's orders, seen on its own side and across the border. */
  hitsHome: number;
  hitsAcross: number;
}

export interface ControlOrderBoard {
  tallies: SideTally[];
  rows: ControlOrderRow[];
}

function subjectOf(order: ControlOrder): string {
  const subject = order.subject;
  return (subject.type === 'vehicle' ? subject.plate : (subject.name ?? subject.idNumber)) ?? subject.description ?? '';
}

interface Linked {
  count: number;
  lastAt: number;
}

/** Latest activity: the last hit (the order's own, or the latest alert naming it), else the setting. */
function latestOf(order: ControlOrder, linked: Linked | undefined): number {
  return Math.max(order.lastHitAt ? isoMs(order.lastHitAt) : 0, linked?.lastAt ?? 0, isoMs(order.setAt));
}

export function describeControlOrders(orders: Iterable<ControlOrder>, alerts: Iterable<Alert>, sides: readonly string[], now: Date, limit = 20): ControlOrderBoard {
  const since = now.getTime() - DAY_MS;
  const tallies = new Map(sides.map((side) => [side, { side, active: 0, setToday: 0, hitsHome: 0, hitsAcross: 0 }]));
  const tally = (side: string) => tallies.get(side) ?? tallies.set(side, { side, active: 0, setToday: 0, hitsHome: 0, hitsAcross: 0 }).get(side)!;
  const linked = new Map<string, Linked>();
  for (const alert of alerts) {
    const at = isoMs(alert.hit.at);
    if (alert.controlOrderId !== undefined) {
      const known = linked.get(alert.controlOrderId);
      linked.set(alert.controlOrderId, { count: (known?.count ?? 0) + 1, lastAt: Math.max(known?.lastAt ?? 0, at) });
    }
    if (at < since || at > now.getTime()) continue;
    const side = tally(alert.controlSide);
    if (alert.hitSide === alert.controlSide) side.hitsHome += 1;
    else side.hitsAcross += 1;
  }
  const rows: (ControlOrderRow & { latest: number })[] = [];
  for (const order of orders) {
    const setAt = isoMs(order.setAt);
    if (setAt >= since && setAt <= now.getTime()) tally(order.province).setToday += 1;
    if (order.status !== 'active' || (order.expiresAt !== undefined && isoMs(order.expiresAt) <= now.getTime())) continue;
    const link = linked.get(order.id);
    tally(order.province).active += 1;
    rows.push({
      id: order.id,
      watchlist: order.watchlist,
      subject: subjectOf(order),
      severity: order.severity,
      setSide: order.province,
      setStationId: order.setStationId,
      ...(order.setBy !== undefined ? { setBy: order.setBy } : {}),
      setAt: order.setAt,
      checkSides: order.checkSides,
      checkedEverywhere: sides.every((side) => order.checkSides.includes(side)),
      // The order's own count when its backend keeps one; the alerts on record may hold more.
      hits: Math.max(order.hitCount ?? 0, link?.count ?? 0),
      ...(order.lastHitAt !== undefined ? { lastHitAt: order.lastHitAt } : {}),
      version: order.version,
      position: order.position,
      latest: latestOf(order, link),
    });
  }
  rows.sort((a, b) => b.latest - a.latest || b.severity - a.severity || a.id.localeCompare(b.id));
  return { tallies: [...tallies.values()], rows: rows.slice(0, limit).map(({ latest: _latest, ...row }) => row) };
}
