import { describe, expect, it } from 'vitest';
import { ApplyQueue } from './applyQueue';

function queueWithClock() {
  let ms = 0;
  const applied: string[] = [];
  const queue = new ApplyQueue<'station' | 'alert'>(['station', 'alert'], (kind, id) => void applied.push(`${kind}:${id}`), () => ms);
  return { queue, applied, advance: (by: number) => (ms += by), at: () => ms };
}

describe('ApplyQueue', () => {
  it('applies each waiting id once, stations before alerts whatever came first', () => {
    const { queue, applied } = queueWithClock();
    queue.add('alert', 'a1');
    queue.add('station', 's1');
    queue.add('alert', 'a1');
    queue.add('alert', 'a2');
    expect(queue.size).toBe(3);
    expect(queue.drain(Number.POSITIVE_INFINITY)).toBe(3);
    expect(applied).toEqual(['station:s1', 'alert:a1', 'alert:a2']);
    expect(queue.size).toBe(0);
  });

  it('stops once its budget is spent, checking the clock every 32 records, and goes on where it stopped', () => {
    let ms = 0;
    const applied: string[] = [];
    // Each record takes 0.1 ms of the pinned clock.
    const queue = new ApplyQueue<'alert'>(['alert'], (_kind, id) => ((ms += 0.1), void applied.push(id)), () => ms);
    for (let i = 0; i < 100; i++) queue.add('alert', `a${i}`);
    expect(queue.drain(3)).toBe(32);
    expect(queue.drain(3)).toBe(32);
    expect(queue.drain(Number.POSITIVE_INFINITY)).toBe(36);
    expect(applied).toEqual(Array.from({ length: 100 }, (_, i) => `a${i}`));
  });

  it('allows a frame more the longer changes have waited, never less than the minimum', () => {
    const { queue, advance } = queueWithClock();
    expect(queue.budget(3, 0.2)).toBe(3);
    queue.add('alert', 'a1');
    advance(10);
    expect(queue.budget(3, 0.2)).toBe(3);
    advance(990);
    expect(queue.budget(3, 0.2)).toBe(200);
    queue.drain(Number.POSITIVE_INFINITY);
    expect(queue.budget(3, 0.2)).toBe(3);
  });
});
