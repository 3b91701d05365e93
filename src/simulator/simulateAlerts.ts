/**
 * Watchlist hits (布控预警) and their handling: about two an hour across the border, most of them
 * set by one side and hit on the other (一地布控、两域双查), acknowledged within minutes,
 * dispatched, then intercepted, released or closed. Closed alerts leave the feed after a day.
 */
import { destination, point } from '@turf/turf';
import { type AlertStatus, canTransitionAlert } from '../domain/entities/alert';
import type { StationSeed } from './buildWorld';
import { randomIdNumber, randomMobile, randomName, randomPlate } from './chineseIdentity';
import { DAY, MINUTE, type SimRecord, type SimulationContext } from './simulationContext';

const MEAN_GAP_MS = 30 * MINUTE;
const WATCHLISTS = {
  person: ['在逃人员', '涉诈重点人员', '吸毒前科人员', '失踪人员', '重点管控人员'],
  vehicle: ['盗抢车辆', '肇事逃逸车辆', '涉案车辆', '套牌车辆'],
} as const;
const SEVERITY_WEIGHTS: [number, number][] = [[1, 35], [2, 35], [3, 22], [4, 8]];
const COUNTY_ADCODES = ['330822', '361123', '330881', '361103', '330824'];

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

function createAlert(context: SimulationContext, id: string, severity?: number): SimRecord {
  const { random, world } = context;
  const sides = [...new Set(world.stations.map((s) => s.province))];
  const controlSide = random.pick(sides);
  const hitSide = random.chance(0.6) ? random.pick(sides.filter((s) => s !== controlSide)) : controlSide;
  const subjectType = random.chance(0.55) ? 'vehicle' : 'person';
  const checkpoints = stationsOf(context, hitSide, ['checkpoint']);
  const viaCheckpoint = checkpoints.length > 0 && random.chance(0.5);
  const device = viaCheckpoint ? random.pick(checkpoints) : random.pick(stationsOf(context, hitSide, ['police-station', 'border-workstation', 'police-office']));
  const hitPosition = viaCheckpoint
    ? device.position
    : (destination(point(device.position), random.between(0.5, 3), random.between(0, 360), { units: 'kilometers' }).geometry.coordinates.map((v) => Math.round(v * 1e6) / 1e6) as [number, number]);
  const controlStation = random.pick(stationsOf(context, controlSide, ['police-station', 'joint-control-centre']));
  const now = context.iso();
  const subject =
    subjectType === 'vehicle'
      ? { type: 'vehicle', plate: randomPlate(random, random.chance(0.7) ? controlSide : hitSide), ...(random.chance(0.5) ? { name: randomName(random) } : {}) }
      : { type: 'person', name: randomName(random), idNumber: randomIdNumber(random, random.pick(COUNTY_ADCODES)), phone: randomMobile(random) };
  return context.put('alert', {
    id,
    province: hitSide,
    county: device.county,
    ...(device.town ? { town: device.town } : {}),
    position: hitPosition,
    severity: severity ?? random.weighted(SEVERITY_WEIGHTS),
    watchlist: random.pick(WATCHLISTS[subjectType]),
    subject,
    hit: { at: now, via: viaCheckpoint ? 'checkpoint' : 'camera', deviceId: viaCheckpoint ? device.id : `camera-${device.id}`, deviceName: viaCheckpoint ? device.name : `${device.name}周边视频` },
    controlSide,
    hitSide,
    controlStationId: controlStation.id,
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
export function startAlerts(context: SimulationContext, drills: SimulationContext = context): (severity: number) => SimRecord {
  let sequence = 0;
  let injected = 0;
  const next = () => {
    context.schedule(context.now() + context.random.exponential(MEAN_GAP_MS), () => {
      runLifecycle(context, createAlert(context, `alert-${String(++sequence).padStart(6, '0')}`));
      next();
    });
  };
  next();
  return (severity) => {
    const alert = createAlert(drills, `alert-injected-${++injected}`, severity);
    runLifecycle(drills, alert);
    return alert;
  };
}
