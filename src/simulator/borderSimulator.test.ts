import { beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_KINDS, ENTITY_SCHEMAS } from '../domain/entities/entityKinds';
import type { KpiSeries } from '../domain/entities/kpiSeries';
import type { RegionPack } from '../domain/regionPack';
import { loadTestRegion } from '../../tests/contract/loadTestRegion';
import { BorderSimulator } from './borderSimulator';

const START = Date.parse('2026-11-23T02:00:00Z');
const HOUR = 3_600_000;
let region: RegionPack;
beforeAll(() => {
  region = loadTestRegion();
});

describe('BorderSimulator', () => {
  it('replays exactly the same border for the same seed, however it is ticked', () => {
    const coarse = new BorderSimulator({ seed: 5, region, start: START });
    const fine = new BorderSimulator({ seed: 5, region, start: START });
    coarse.advanceTo(START + 2 * HOUR);
    for (let t = START; t <= START + 2 * HOUR; t += 7_000) fine.advanceTo(t);
    // 7 s steps stop 4 s short of two hours: both runs must end at the same instant to compare.
    fine.advanceTo(START + 2 * HOUR);
    expect(JSON.stringify(fine.snapshot())).toBe(JSON.stringify(coarse.snapshot()));
    const other = new BorderSimulator({ seed: 6, region, start: START });
    expect(JSON.stringify(other.snapshot())).not.toBe(JSON.stringify(coarse.snapshot()));
  });

  it('makes the same seeded border with or without drills, so a simulator rebuilt from its seed after a restart agrees with the store', () => {
    const drilled = new BorderSimulator({ seed: 5, region, start: START });
    const plain = new BorderSimulator({ seed: 5, region, start: START });
    drilled.advanceTo(START + HOUR);
    plain.advanceTo(START + HOUR);
    expect(drilled.injectAlert(4)!.id).toMatch(/injected/);
    expect(drilled.injectAssistRequest()?.id).toMatch(/injected/);
    drilled.advanceTo(START + 4 * HOUR);
    plain.advanceTo(START + 4 * HOUR);
    // Stations are left out: their counters (interceptions today) rightly count a drill's interception too.
    const seeded = (simulator: BorderSimulator) =>
      simulator
        .snapshot()
        .records.filter(({ kind, record }) => kind !== 'station' && !/injected/.test((record as { id: string }).id))
        .map(({ kind, record }) => `${kind}:${JSON.stringify(record)}`);
    expect(seeded(drilled)).toEqual(seeded(plain));
    expect(drilled.snapshot().records.length).toBeGreaterThan(plain.snapshot().records.length);
  });

  it('emits only records the dashboard accepts', () => {
    const simulator = new BorderSimulator({ seed: 9, region, start: START });
    const changes = simulator.advanceTo(START + 6 * HOUR);
    for (const change of changes) {
      if (change.op !== 'upsert') continue;
      const result = ENTITY_SCHEMAS[change.kind].safeParse(change.record);
      expect(result.success, `${change.kind} ${JSON.stringify(result.error?.issues[0])}`).toBe(true);
    }
  });

  it('places stations on both sides of the border, checkpoints and a joint workstation on each', () => {
    const simulator = new BorderSimulator({ seed: 1, region, start: START });
    const stations = simulator.world.stations;
    for (const side of ['zj', 'jx']) {
      expect(stations.filter((s) => s.province === side && s.stationKind === 'checkpoint').length).toBeGreaterThanOrEqual(3);
      expect(stations.some((s) => s.province === side && s.stationKind === 'border-workstation')).toBe(true);
    }
    expect(stations.map((s) => s.name)).toEqual(expect.arrayContaining(['球川派出所', '白石派出所', '双明派出所', '岩瑞派出所', '常玉联合布控预警中心', '跨省共享法庭', '省际生态警务室']));
  });

  it('gives every station its own name where one county faces several neighbours (the four-province pack)', () => {
    const simulator = new BorderSimulator({ seed: 1, region: loadTestRegion('quzhou-four-province'), start: START, warmUpMs: 0 });
    const names = simulator.world.stations.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const workstations = simulator.world.stations.filter((s) => s.stationKind === 'border-workstation').map((s) => s.name);
    expect(workstations).toHaveLength(16);
    expect(workstations).toEqual(expect.arrayContaining(['开化—休宁边界警务融治工作站', '休宁—开化边界警务融治工作站', '廿八都—浦城边界警务融治工作站']));
    expect(new Set(simulator.world.stations.map((s) => s.province))).toEqual(new Set(['zj', 'jx', 'ah', 'fj']));
  }, 30_000);

  it('runs at plausible rates: alerts every half hour, grid events hourly, an assistance request every half hour to hour and a half', () => {
    const simulator = new BorderSimulator({ seed: 3, region, start: START, warmUpMs: 0 });
    const changes = simulator.advanceTo(START + 48 * HOUR);
    const created = (kind: string) =>
      new Set(changes.flatMap((c) => (c.kind === kind && c.op === 'upsert' && (c.record as { version: number }).version === 1 ? [(c.record as { id: string }).id] : []))).size;
    expect(created('alert')).toBeGreaterThan(60);
    expect(created('alert')).toBeLessThan(140);
    expect(created('gridEvent')).toBeGreaterThan(30);
    expect(created('gridEvent')).toBeLessThan(75);
    expect(created('assistRequest')).toBeGreaterThan(48 / 1.5);
    expect(created('assistRequest')).toBeLessThan(48 * 2 + 48 / 2);
    // Closed items are deleted a day later, so the server's state stays bounded.
    expect(changes.some((c) => c.op === 'delete' && c.kind === 'alert')).toBe(true);
  });

  it('moves alerts along their lifecycle and lets a duty officer acknowledge a new one', () => {
    const simulator = new BorderSimulator({ seed: 4, region, start: START });
    const alerts = () => simulator.snapshot(['alert']).records.map((r) => r.record as { id: string; status: string; statusTimes: Record<string, string> });
    let fresh = alerts().find((a) => a.status === 'new');
    for (let t = START; !fresh && t < START + 6 * HOUR; t += 60_000) {
      simulator.advanceTo(t);
      fresh = alerts().find((a) => a.status === 'new');
    }
    expect(fresh).toBeDefined();
    const acknowledged = simulator.acknowledgeAlert(fresh!.id, '张警官');
    expect(acknowledged).toMatchObject({ ok: true, record: { status: 'acknowledged', acknowledgedBy: '张警官' } });
    expect(simulator.acknowledgeAlert(fresh!.id, '张警官')).toMatchObject({ ok: false, code: 'conflict' });
    expect(simulator.acknowledgeAlert('no-such-alert', '张警官')).toMatchObject({ ok: false, code: 'not-found' });
    // Three hours on, it has been dispatched and settled, every step timed.
    simulator.advanceTo(simulator.now + 3 * HOUR);
    const later = alerts().find((a) => a.id === fresh!.id)!;
    expect(['intercepted', 'released', 'closed']).toContain(later.status);
    expect(Object.keys(later.statusTimes)).toEqual(expect.arrayContaining(['new', 'acknowledged']));
  });

  it('reports the published KPI changes to their published precision', () => {
    const simulator = new BorderSimulator({ seed: 2, region, start: START });
    const kpis = simulator.snapshot(['kpiSeries']).records.map((r) => ENTITY_SCHEMAS.kpiSeries.parse(r.record) as KpiSeries);
    const headline = (id: string) => kpis.find((k) => k.metricId === id && k.scope === 'border')!;
    // Each series says how many decimals its change is published with.
    const change = (id: string) => headline(id).yearOnYear.changePercent!.toFixed(headline(id).changeDecimals);
    expect(change('border-incidents')).toBe('-50.4');
    expect(change('public-order-criminal-incidents')).toBe('-19.7');
    expect(change('dispute-incidents')).toBe('-27.83');
    expect(change('border-towns-incidents')).toBe('-12.8');
    expect(change('interception-minutes')).toBe('-71.4');
    const resolution = headline('enterprise-dispute-resolution');
    expect(resolution.yearOnYear.current).toBe(100);
    // November: ten months completed, the month in progress left empty.
    expect(resolution.months.filter((m) => m.thisYear !== null)).toHaveLength(10);
  });

  it('splits the border-wide incident counts into the two sides, which add up to the published figure', () => {
    const simulator = new BorderSimulator({ seed: 3, region, start: START });
    const kpis = simulator.snapshot(['kpiSeries']).records.map((r) => ENTITY_SCHEMAS.kpiSeries.parse(r.record) as KpiSeries);
    const sides = kpis.filter((k) => k.metricId === 'border-incidents' && k.scope === 'side');
    expect(sides.map((k) => k.province).sort()).toEqual(['jx', 'zj']);
    const border = kpis.find((k) => k.metricId === 'border-incidents' && k.scope === 'border')!;
    border.months.forEach((month, i) => {
      const sum = (key: 'thisYear' | 'lastYear') => (month[key] === null ? null : sides.reduce((total, side) => total + side.months[i]![key]!, 0));
      expect({ thisYear: sum('thisYear'), lastYear: sum('lastYear') }, `month ${i + 1}`).toEqual(month);
    });
    // The sides move differently: each has its own year-on-year change.
    expect(sides[0]!.yearOnYear.changePercent).not.toBeCloseTo(sides[1]!.yearOnYear.changePercent!, 1);
    // County-wide figures (one county's police) have no other side.
    expect(kpis.filter((k) => k.metricId === 'public-order-criminal-incidents')).toHaveLength(1);
  });

  it('keeps every kind in its snapshot and its log in sequence', () => {
    const simulator = new BorderSimulator({ seed: 8, region, start: START });
    const counts = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, simulator.count(kind)]));
    for (const kind of ENTITY_KINDS) expect(counts[kind], kind).toBeGreaterThan(0);
    const seqs = simulator.log.after(0).map((c) => c.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
  });
});
