/**
 * Cross-province assistance requests (协查请求): a few a day, from a station on one side to the
 * police station across the border, answered within minutes and mostly settled within the hour,
 * like the fleeing car stopped 15 minutes after 双明派出所 asked 球川派出所 for help.
 */
import { DAY, MINUTE, type SimulationContext } from './simulationContext';

const MEAN_GAP_MS = 6 * 60 * MINUTE;
const SUBJECTS = [
  { type: 'vehicle', summary: '白色轿车，涉嫌盗窃汽车电瓶后逃窜', slaMinutes: 30 },
  { type: 'vehicle', summary: '无牌摩托车，涉嫌抢夺', slaMinutes: 30 },
  { type: 'person', summary: '在逃人员，疑往边界方向', slaMinutes: 60 },
  { type: 'person', summary: '走失老人，身穿蓝色外套', slaMinutes: 60 },
  { type: 'item', summary: '被盗农机具', slaMinutes: 240 },
] as const;

/** Starts the stream of requests; returns a way to raise one now (the control endpoint's `inject`). */
export function startAssistRequests(context: SimulationContext): () => string | undefined {
  const { random, world } = context;
  const policeStations = world.stations.filter((s) => s.stationKind === 'police-station' && s.town);
  const sides = [...new Set(policeStations.map((s) => s.province))];
  if (sides.length < 2) return () => undefined;
  let sequence = 0;
  const raise = (id: string) => {
    const fromSide = random.pick(sides);
    const from = random.pick(policeStations.filter((s) => s.province === fromSide));
    const to = random.pick(policeStations.filter((s) => s.province !== fromSide));
    const subject = random.pick(SUBJECTS);
    const requestedAt = context.iso();
    context.put('assistRequest', {
      id,
      province: to.province,
      county: to.county,
      ...(to.town ? { town: to.town } : {}),
      position: to.position,
      fromStationId: from.id,
      toStationId: to.id,
      fromSide,
      toSide: to.province,
      subject: { type: subject.type, summary: subject.summary },
      requestedAt,
      slaMinutes: subject.slaMinutes,
      status: 'open',
    });
    // Most answer well inside the SLA; one in ten runs over it.
    const late = random.chance(0.1);
    const respondAt = context.now() + random.between(2, 12) * MINUTE * (late ? 6 : 1);
    context.schedule(respondAt, () => {
      const current = context.get('assistRequest', id);
      if (current) context.put('assistRequest', { ...current, status: 'responded', respondedAt: context.iso() });
    });
    const completeAt = respondAt + random.between(5, 80) * MINUTE;
    context.schedule(completeAt, () => {
      const current = context.get('assistRequest', id);
      if (!current) return;
      const outcome = random.weighted<string>([['intercepted', 45], ['located', 30], ['not-found', 20], ['withdrawn', 5]]);
      context.put('assistRequest', { ...current, status: 'completed', completedAt: context.iso(), outcome });
    });
    context.schedule(completeAt + DAY, () => context.remove('assistRequest', id));
    return id;
  };
  const next = () => {
    context.schedule(context.now() + random.exponential(MEAN_GAP_MS), () => {
      raise(`assist-${String(++sequence).padStart(5, '0')}`);
      next();
    });
  };
  next();
  let injected = 0;
  return () => raise(`assist-injected-${++injected}`);
}
