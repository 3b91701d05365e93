/**
 * 布控 as the two sides run it: each side sets a few control orders a day on people and vehicles,
 * most checked by both sides (一地布控、两域双查), a few by the setting side only; an order lasts
 * days, then expires, and leaves the feed a day later. Watchlist hits (simulateAlerts) are hits on
 * these orders, so every alert names its order. The orders carry no hit count: a count would move
 * an order's version with every hit, and a simulator replaying its seed after a restart would
 * then outrun (and undo) a desk's lift. The screens count hits from the alerts.
 */
import type { StationSeed } from './buildWorld';
import { randomIdNumber, randomMobile, randomName, randomPlate } from './chineseIdentity';
import { DAY, HOUR, type SimRecord, type SimulationContext } from './simulationContext';

const MEAN_GAP_MS = 3 * HOUR;
/** Orders already running when the simulation starts, set over the days before. */
const STANDING_ORDERS = 18;
const WATCHLISTS = {
  person: ['在逃人员', '涉诈重点人员', '吸毒前科人员', '失踪人员', '重点管控人员'],
  vehicle: ['盗抢车辆', '肇事逃逸车辆', '涉案车辆', '套牌车辆'],
} as const;
const SEVERITY_WEIGHTS: [number, number][] = [[1, 35], [2, 35], [3, 22], [4, 8]];
const COUNTY_ADCODES = ['330822', '361123', '330881', '361103', '330824'];
const SETTING_KINDS: StationSeed['stationKind'][] = ['police-station', 'joint-control-centre'];

function createOrder(context: SimulationContext, id: string, setAt: number): SimRecord | undefined {
  const { random, world } = context;
  const setters = world.stations.filter((s) => SETTING_KINDS.includes(s.stationKind));
  if (setters.length === 0) return undefined;
  const station = random.pick(setters);
  const sides = [...new Set(world.stations.map((s) => s.province))];
  const subjectType = random.chance(0.55) ? 'vehicle' : 'person';
  const subject =
    subjectType === 'vehicle'
      ? { type: 'vehicle', plate: randomPlate(random, random.chance(0.7) ? station.province : random.pick(sides)), ...(random.chance(0.5) ? { name: randomName(random) } : {}) }
      : { type: 'person', name: randomName(random), idNumber: randomIdNumber(random, random.pick(COUNTY_ADCODES)), phone: randomMobile(random) };
  const lifetime = random.between(3, 14) * DAY;
  return context.put('controlOrder', {
    id,
    province: station.province,
    county: station.county,
    ...(station.town ? { town: station.town } : {}),
    position: station.position,
    setStationId: station.id,
    setAt: context.iso(setAt),
    severity: random.weighted(SEVERITY_WEIGHTS),
    watchlist: random.pick(WATCHLISTS[subjectType]),
    subject,
    checkSides: random.chance(0.85) ? sides : [station.province],
    status: 'active',
    expiresAt: context.iso(setAt + lifetime),
  });
}

function scheduleExpiry(context: SimulationContext, order: SimRecord): void {
  const expiresAt = Date.parse(String(order.expiresAt));
  context.schedule(expiresAt, () => {
    const current = context.get('controlOrder', order.id);
    // A desk may have lifted it already: that ending stands.
    if (current?.status === 'active') context.put('controlOrder', { ...current, status: 'expired' });
  });
  context.schedule(expiresAt + DAY, () => {
    if (context.get('controlOrder', order.id)?.status !== 'active') context.remove('controlOrder', order.id);
  });
}

/**
 * The orders a hit may answer: those set and not yet past their expiry, whatever their status.
 * Chosen by time, not status, so the seeded stream of hits is the same whether or not a desk has
 * lifted an order meanwhile (a simulator rebuilt after a restart learns of a lift only later).
 */
export function ordersInTerm(context: SimulationContext): SimRecord[] {
  const now = context.now();
  const orders: SimRecord[] = [];
  for (const order of context.all('controlOrder')) if (Date.parse(String(order.setAt)) <= now && now < Date.parse(String(order.expiresAt))) orders.push(order);
  return orders;
}

export function startControlOrders(context: SimulationContext): void {
  let sequence = 0;
  const nextId = () => `control-${String(++sequence).padStart(6, '0')}`;
  for (let index = 0; index < STANDING_ORDERS; index++) {
    const order = createOrder(context, nextId(), context.now() - context.random.between(0.2, 3) * DAY);
    if (order) scheduleExpiry(context, order);
  }
  const next = () => {
    context.schedule(context.now() + context.random.exponential(MEAN_GAP_MS), () => {
      const order = createOrder(context, nextId(), context.now());
      if (order) scheduleExpiry(context, order);
      next();
    });
  };
  next();
}
