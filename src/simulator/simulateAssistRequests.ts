/**
 * Cross-province assistance requests (协查请求): one every 30–60 minutes by day and every hour or
 * an hour and a half at night (China Standard Time), from a police station on one side to one
 * across the border, answered within minutes and mostly settled within the hour. Every two to
 * three hours the seeds' own case comes round: a fleeing white car, 双明派出所 asks 球川派出所
 * (or the reverse) and the car is stopped 15 minutes after the request. Two requests are left
 * open at the simulator's start and one story settled just before it, so a fresh board shows both
 * at any hour, however short the warm-up. A fleeing car or person is searched for by a drone
 * while its request is worked.
 */
import type { StationSeed } from './buildWorld';
import { startDroneSearch } from './simulateDroneSearch';
import { DAY, HOUR, MINUTE, type SimulationContext } from './simulationContext';

const CST_OFFSET_MS = 8 * HOUR;
/** Minutes from the fleeing car's request to its interception, as the seed reports it. */
const INTERCEPTED_AFTER_MINUTES = 15;
const SUBJECTS = [
  { type: 'vehicle', summary: '白色轿车，涉嫌盗窃汽车电瓶后逃窜', slaMinutes: 30, answerMinutes: [2, 10] },
  { type: 'vehicle', summary: '无牌摩托车，涉嫌抢夺', slaMinutes: 30, answerMinutes: [2, 10] },
  { type: 'person', summary: '在逃人员，疑往边界方向', slaMinutes: 60, answerMinutes: [5, 25] },
  { type: 'person', summary: '走失老人，身穿蓝色外套', slaMinutes: 60, answerMinutes: [5, 25] },
  { type: 'item', summary: '被盗农机具', slaMinutes: 240, answerMinutes: [15, 90] },
] as const;
type Subject = (typeof SUBJECTS)[number];

interface Plan {
  from: StationSeed;
  to: StationSeed;
  subject: Subject;
  /** Minutes from the request to the answer, and to the outcome. */
  answerAfter: number;
  settleAfter: number;
  outcome: string;
}

/** Gap to the next request: busier by day (07:00–22:00 local) than at night. */
function gapMs(context: SimulationContext): number {
  const hour = Math.floor(((context.now() + CST_OFFSET_MS) % DAY) / HOUR);
  const day = hour >= 7 && hour < 22;
  return context.random.between(day ? 30 : 60, day ? 60 : 90) * MINUTE;
}

/** The police stations of the seed's case, when the region has them: 双明 (玉山) and 球川 (常山). */
function storyPair(stations: StationSeed[]): [StationSeed, StationSeed] | undefined {
  const shuangming = stations.find((s) => s.name.startsWith('双明'));
  const qiuchuan = stations.find((s) => s.name.startsWith('球川'));
  return shuangming && qiuchuan && shuangming.province !== qiuchuan.province ? [shuangming, qiuchuan] : undefined;
}

/**
 * Starts the stream of requests; returns a way to raise one now (the control endpoint's `inject`),
 * drawing on `drills`' own randomness so a drill leaves the seeded stream as it was.
 */
export function startAssistRequests(context: SimulationContext, liveFrom: number, drills: SimulationContext = context): () => string | undefined {
  const { random, world } = context;
  const policeStations = world.stations.filter((s) => s.stationKind === 'police-station' && s.town);
  const sides = [...new Set(policeStations.map((s) => s.province))];
  if (sides.length < 2) return () => undefined;

  const ordinaryPlan = (random = context.random): Plan => {
    const fromSide = random.pick(sides);
    const from = random.pick(policeStations.filter((s) => s.province === fromSide));
    const to = random.pick(policeStations.filter((s) => s.province !== fromSide));
    const subject = random.pick(SUBJECTS);
    // One in ten is answered late, past a short SLA.
    const answerAfter = random.between(subject.answerMinutes[0], subject.answerMinutes[1]) * (random.chance(0.1) ? 4 : 1);
    const settleAfter = answerAfter + random.between(5, 80);
    const outcome = random.weighted<string>([['intercepted', 45], ['located', 30], ['not-found', 20], ['withdrawn', 5]]);
    return { from, to, subject, answerAfter, settleAfter, outcome };
  };
  const pair = storyPair(policeStations);
  const storyPlan = (): Plan => {
    // A region without 双明 and 球川 tells the same story between any two stations across its border.
    const fallback = pair ? undefined : ordinaryPlan();
    const stations = pair ?? ([fallback!.from, fallback!.to] as const);
    const [from, to] = random.chance(0.5) ? stations : [stations[1], stations[0]];
    return { from, to, subject: SUBJECTS[0], answerAfter: random.between(1, 4), settleAfter: INTERCEPTED_AFTER_MINUTES, outcome: 'intercepted' };
  };

  const raise = (id: string, plan: Plan, by: SimulationContext = context) => {
    const { from, to, subject } = plan;
    const requestedAt = context.now();
    context.put('assistRequest', {
      id,
      province: to.province,
      county: to.county,
      ...(to.town ? { town: to.town } : {}),
      position: to.position,
      fromStationId: from.id,
      toStationId: to.id,
      fromSide: from.province,
      toSide: to.province,
      subject: { type: subject.type, summary: subject.summary },
      requestedAt: context.iso(requestedAt),
      slaMinutes: subject.slaMinutes,
      status: 'open',
    });
    context.schedule(requestedAt + plan.answerAfter * MINUTE, () => {
      const current = context.get('assistRequest', id);
      // A desk may have answered it first (accepted, declined, withdrawn): theirs stands.
      if (current?.status === 'open') context.put('assistRequest', { ...current, status: 'responded', respondedAt: context.iso() });
    });
    const settledAt = requestedAt + plan.settleAfter * MINUTE;
    context.schedule(settledAt, () => {
      const current = context.get('assistRequest', id);
      if (current?.status === 'open' || current?.status === 'responded') {
        context.put('assistRequest', { ...current, status: 'completed', completedAt: context.iso(), outcome: plan.outcome, respondedAt: current.respondedAt ?? context.iso() });
      }
    });
    context.schedule(settledAt + DAY, () => context.remove('assistRequest', id));
    if (subject.type !== 'item') startDroneSearch(by, { requestId: id, station: to, from: requestedAt, until: settledAt, liveFrom: liveFrom - 10 * MINUTE });
    return id;
  };

  let sequence = 0;
  const nextId = () => `assist-${String(++sequence).padStart(5, '0')}`;
  const ordinary = () => {
    context.schedule(context.now() + gapMs(context), () => {
      raise(nextId(), ordinaryPlan());
      ordinary();
    });
  };
  // Whole seconds, so the 15 minutes read exactly from the two timestamps.
  const story = () => {
    context.schedule(Math.round((context.now() + random.between(120, 200) * MINUTE) / 1000) * 1000, () => {
      raise(nextId(), storyPlan());
      story();
    });
  };
  ordinary();
  story();
  // Settled just before the start, so even a short warm-up leaves the story on the board.
  context.schedule(Math.round((liveFrom - random.between(20, 60) * MINUTE) / 1000) * 1000, () => raise(nextId(), storyPlan()));
  // Still waiting for an answer when the simulator starts, whatever the hour.
  for (const minutesBefore of [random.between(2, 8), random.between(10, 20)]) {
    context.schedule(liveFrom - minutesBefore * MINUTE, () => {
      const plan = ordinaryPlan();
      const waited = (context.now() < liveFrom ? liveFrom - context.now() : 0) / MINUTE;
      raise(nextId(), { ...plan, answerAfter: waited + random.between(3, 10), settleAfter: waited + random.between(15, 60) });
    });
  }
  let injected = 0;
  // Stamped with the simulated time, as drill alerts are: ids stay new across a restart.
  return () => raise(`assist-injected-${drills.now().toString(36)}-${++injected}`, ordinaryPlan(drills.random), drills);
}
