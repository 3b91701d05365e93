import { describe, expect, it } from 'vitest';
import { ChangeLog } from './changeLog';
import { EventQueue } from './eventQueue';
import { apportion, baseForExactChange } from './buildKpiSeries';
import { SimulationClock } from './simulationClock';
import { idCheckDigit } from './chineseIdentity';

const change = (id: string) => ({ kind: 'station' as const, op: 'delete' as const, id, version: 1 });

describe('ChangeLog', () => {
  it('numbers changes from 1 and replays what came after a cursor', () => {
    const log = new ChangeLog(10);
    for (const id of ['a', 'b', 'c']) log.append(change(id));
    expect(log.latestSeq).toBe(3);
    expect(log.after(1).map((c) => c.seq)).toEqual([2, 3]);
    expect(log.after(3)).toEqual([]);
    expect(log.after(0, 2).map((c) => c.seq)).toEqual([1, 2]);
  });

  it('forgets the oldest changes past its limit and says when a cursor is too old', () => {
    const log = new ChangeLog(3);
    for (let i = 0; i < 10; i++) log.append(change(String(i)));
    expect(log.oldestSeq).toBe(8);
    expect(log.canResumeAfter(7)).toBe(true);
    expect(log.canResumeAfter(6)).toBe(false);
    expect(log.canResumeAfter(11)).toBe(false);
    expect(log.after(7).map((c) => c.seq)).toEqual([8, 9, 10]);
  });
});

describe('EventQueue', () => {
  it('runs events in time order, and same-time events in the order they were scheduled', () => {
    const queue = new EventQueue();
    const ran: string[] = [];
    for (const [at, name] of [[5, 'e'], [1, 'a'], [3, 'c1'], [3, 'c2'], [2, 'b']] as const) queue.schedule(at, () => ran.push(name));
    for (let event = queue.takeDue(4); event; event = queue.takeDue(4)) event.run();
    expect(ran).toEqual(['a', 'b', 'c1', 'c2']);
    expect(queue.size).toBe(1);
  });
});

describe('KPI series arithmetic', () => {
  it('splits a total by weights into whole numbers that add up exactly', () => {
    const parts = apportion(250, [0.8, 0.7, 0.9, 1, 1.1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(250);
    expect(parts.every(Number.isInteger)).toBe(true);
  });

  it('finds whole-number totals whose change rounds to the published figure', () => {
    const { last, current } = baseForExactChange(-27.83, 2, 1000);
    expect((((current - last) / last) * 100).toFixed(2)).toBe('-27.83');
    expect(last).toBeGreaterThanOrEqual(1000);
  });
});

describe('SimulationClock', () => {
  it('runs at its speed, pauses, and never jumps when the speed changes', () => {
    let real = 1000;
    const clock = new SimulationClock(0, 10, () => real);
    real += 100;
    expect(clock.now()).toBe(1000);
    clock.setSpeed(2);
    expect(clock.now()).toBe(1000);
    real += 100;
    expect(clock.now()).toBe(1200);
    clock.setPaused(true);
    real += 1000;
    expect(clock.now()).toBe(1200);
    expect(() => clock.setSpeed(0)).toThrow(RangeError);
  });
});

describe('made-up identities', () => {
  it('gives resident ID numbers a valid GB 11643 check digit', () => {
    // A published example of the check-digit rule.
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idCheckDigit('44052418800101001')).toBe('4');
  });
});
