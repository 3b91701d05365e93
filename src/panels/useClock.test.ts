import { describe, expect, it } from 'vitest';
import { formatClock } from './useClock';

describe('formatClock', () => {
  it('writes the date, weekday and 24-hour time in Chinese', () => {
    const clock = formatClock(new Date(2026, 10, 23, 9, 5, 7));
    expect(clock.time).toBe('09:05:07');
    expect(clock.date).toBe('2026/11/23 星期一');
  });

  it('writes them in English when asked', () => {
    const clock = formatClock(new Date(2026, 10, 23, 21, 5, 7), 'en-GB');
    expect(clock.time).toBe('21:05:07');
    expect(clock.date).toBe('23/11/2026 Monday');
  });
});
