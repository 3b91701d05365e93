/**
 * Watchlist hits (布控预警) and their handling: about two an hour across the border, most of them
 * set by one side and hit on the other (一地布控、两域双查), acknowledged within minutes,
 * dispatched, then intercepted, released or closed. Closed alerts leave the feed after a day.
 */
import { destination, point } from '@turf/turf';
import { type AlertStatus, canTransitionAlert } from '../domain/entities/alert';
import type { StationSeed } from './buildWorld';
import { ordersInTerm } from './simulateControlOrders';
import { DAY, MINUTE, type SimRecord, type SimulationContext } from './simulationContext';

const MEAN_GAP_MS = 30 * MINUTE;

function stationsOf(context: SimulationContext, side: string, kinds: StationSeed['stationKind'][]): StationSeed[] {
  return context.world.stations.filter((s) => s.province === side && kinds.includes(s.stationKind));
}

/** Moves an alert on if it is still where the schedule expected (an operator may have moved it already). */
function advance(context: SimulationContext, id: string, to: AlertStatus, extra: Record<string, unknown> = {}): SimRecord | undefined {
  const alert = context.get('alert', id);
  if (!alert || !canTransitionAlert(alert.status as AlertStatus, to)) return undefined;
  const statusTimes = { ...(alert.statusTimes as Record<string, string>), [to]: context.iso() };
  return context.put('alert', { ...alert, ...extra, status: to, statusTimes });
}

function setCheckpoint(context: SimulationContext, stationId: string, status: 'open' | 'intercepting', intercepted = false): void {
  const station = context.get('station', stationId);
  const checkpoint = station?.checkpoint as { status: string; interceptionsToday: number } | undefined;
  if (!station || !checkpoint) return;
  context.put('station', {
    ...station,
    checkpoint: { status, interceptionsToday: checkpoint.interceptionsToday + (intercepted ? 1 : 0) },
  });
}

/** Where a hit on `side` is seen: a checkpoint or a camera near a station of that side. */
function hitDevice(context: SimulationContext, side: string) {
  const { random } = context;
  const checkpoints = stationsOf(context, side, ['checkpoint']);
  const viaCheckpoint = checkpoints.length > 0 && random.chance(0.5);
  const device = viaCheckpoint ? random.pick(checkpoints) : random.pick(stationsOf(context, side, ['police-station', 'border-workstation', 'police-office']));
  const position = viaCheckpoint
    ? device.position
    : (destination(point(device.position), random.between(0.5, 3), random.between(0, 360), { units: 'kilometers' }).geometry.coordinates.map((v) => Math.round(v * 1e6) / 1e6) as [number, number]);
  return { device, viaCheckpoint, position };
}

/** The order hit and the side whose device saw it: mostly the other side of the border. */
function pickHit(context: SimulationContext): { order: SimRecord; hitSide: string } | undefined {
  const { random } = context;
  const orders = ordersInTerm(context);
  if (orders.length === 0) return undefined;
  const order = random.pick(orders);
  const checkSides = order.checkSides as string[];
  const across = checkSides.filter((side) => side !== order.province);
  const hitSide = across.length > 0 && random.chance(0.6) ? random.pick(across) : random.pick(checkSides);
  // A custom region may lack stations of a kind on the side that checks.
  return stationsOf(context, hitSide, ['police-station', 'border-workstation', 'police-office']).length > 0 ? { order, hitSide } : undefined;
}

/**
 * A hit on an order in force. Every draw is made whether or not the order is still active, and a
 * hit on an order a desk lifted is then dropped: the seeded stream stays the same either way.
 */
function createAlert(context: SimulationContext, id: string, severity?: number): SimRecord | undefined {
  const picked = pickHit(context);
  if (!picked) return undefined;
  const { order, hitSide } = picked;
  const { device, viaCheckpoint, position } = hitDevice(context, hitSide);
  if (order.status !== 'active') return undefined;
  const now = context.iso();
  return context.put('alert', {
    id,
    province: hitSide,
    county: device.county,
    ...(device.town ? { town: device.town } : {}),
    position,
    severity: severity ?? order.severity,
    watchlist: order.watchlist,
    subject: order.subject,
    hit: { at: now, via: viaCheckpoint ? 'checkpoint' : 'camera', deviceId: viaCheckpoint ? device.id : `camera-${device.id}`, deviceName: viaCheckpoint ? device.name : `${device.name}周边视频` },
    controlSide: order.province,
    hitSide,
    controlStationId: order.setStationId,
    controlOrderId: order.id,
    status: 'new',
    statusTimes: { new: now },
  });
}

function runLifecycle(context: SimulationContext, alert: SimRecord): void {
  const { random } = context;
  const id = alert.id;
  const hit = alert.hit as { via: string; deviceId: string };
  const checkpointId = hit.via === 'checkpoint' ? hit.deviceId : undefined;
  let at = context.now() + random.between(1, 8) * MINUTE;
  context.schedule(at, () => advance(context, id, 'acknowledged', { acknowledgedBy: '值班民警' }));
  at += random.between(2, 15) * MINUTE;
  context.schedule(at, () => {
    if (advance(context, id, 'dispatched') && checkpointId) setCheckpoint(context, checkpointId, 'intercepting');
  });
  at += random.between(5, 60) * MINUTE;
  const outcome = random.weighted<AlertStatus>([['intercepted', 50], ['released', 35], ['closed', 15]]);
  context.schedule(at, () => {
    const moved = advance(context, id, outcome);
    if (moved && checkpointId) setCheckpoint(context, checkpointId, 'open', outcome === 'intercepted');
  });
  at += random.between(10, 120) * MINUTE;
  context.schedule(at, () => advance(context, id, 'closed'));
  // The feed keeps a closed alert for a day, then forgets it.
  context.schedule(at + DAY, () => context.remove('alert', id));
}

/**
 * Starts the stream of watchlist hits; returns a way to raise one now (the control endpoint's
 * `inject`), drawing on `drills`' own randomness: a drill leaves the seeded stream as it was, so
 * a simulator rebuilt from its seed after a restart makes the same border again.
 */
export function startAlerts(context: SimulationContext, drills: SimulationContext = context): (severity: number) => SimRecord | undefined {
  let sequence = 0;
  let injected = 0;
  const next = () => {
    context.schedule(context.now() + context.random.exponential(MEAN_GAP_MS), () => {
      // The id is used up even when the hit is dropped: ids stay where the seed put them.
      const alert = createAlert(context, `alert-${String(++sequence).padStart(6, '0')}`);
      if (alert) runLifecycle(context, alert);
      next();
    });
  };
  next();
  return (severity) => {
    // Stamped with the simulated time: a simulator restarted on a database that holds earlier
    // drills counts from 1 again, and a reused id would be a stale change that shows nothing.
    const alert = createAlert(drills, `alert-injected-${drills.now().toString(36)}-${injected + 1}`, severity);
    if (alert) {
      injected++;
      runLifecycle(drills, alert);
    }
    return alert;
  };
}
