import { describe, expect, it } from 'vitest';
import { type ReloadWindow, defaultReloadWindow, nextReloadAt, reloadWindowSchema } from './reloadWindow';
import { formatIssues } from '../formatIssues';

const enabled = (overrides: Partial<ReloadWindow> = {}): ReloadWindow => ({ ...defaultReloadWindow, enabled: true, ...overrides });
/** Beijing time written as the wall's operators read it. */
const beijing = (isoLocal: string) => Date.parse(`${isoLocal}+08:00`);

describe('reload window config', () => {
  it('is off by default, at 04:00 China Standard Time for 30 minutes', () => {
    expect(defaultReloadWindow).toEqual({ enabled: false, at: '04:00', timeZoneOffsetMinutes: 480, windowMinutes: 30 });
  });

  it('says what is wrong with a bad time or window', () => {
    const parsed = reloadWindowSchema.safeParse({ enabled: true, at: '4:00', windowMinutes: 240 });
    expect(parsed.success).toBe(false);
    expect(formatIssues(parsed.error!)).toEqual(['at: a time of day is HH:MM on the 24-hour clock, e.g. 04:00', 'windowMinutes: a window is 1–180 minutes']);
    expect(reloadWindowSchema.safeParse({ at: '24:00' }).success).toBe(false);
    expect(reloadWindowSchema.safeParse({ at: '23:59' }).success).toBe(true);
  });
});

describe('nextReloadAt', () => {
  it('never reloads when disabled', () => {
    expect(nextReloadAt(beijing('2024-04-30T03:00:00'), defaultReloadWindow, 0.5)).toBeNull();
  });

  it("picks today's window while it is still ahead, spread across it by the jitter", () => {
    const now = beijing('2024-04-30T01:00:00');
    expect(nextReloadAt(now, enabled(), 0)).toBe(beijing('2024-04-30T04:00:00'));
    expect(nextReloadAt(now, enabled(), 0.5)).toBe(beijing('2024-04-30T04:15:00'));
    expect(nextReloadAt(now, enabled(), 0.999_999)).toBeLessThan(beijing('2024-04-30T04:30:00'));
  });

  it("waits for tomorrow's window once today's has passed", () => {
    expect(nextReloadAt(beijing('2024-04-30T09:00:00'), enabled(), 0.2)).toBe(beijing('2024-05-01T04:06:00'));
  });

  it('does not reload again in a window that has already started, so a freshly reloaded wall settles', () => {
    const justReloaded = beijing('2024-04-30T04:07:00');
    expect(nextReloadAt(justReloaded, enabled(), 0.9)).toBe(beijing('2024-05-01T04:27:00'));
    expect(nextReloadAt(beijing('2024-04-30T04:00:00'), enabled(), 0)).toBe(beijing('2024-05-01T04:00:00'));
  });

  it('reads the time in the configured zone, not the wall PC clock: 04:00 Beijing is 20:00 UTC the day before', () => {
    expect(nextReloadAt(Date.parse('2024-04-29T19:00:00Z'), enabled(), 0)).toBe(Date.parse('2024-04-29T20:00:00Z'));
    expect(nextReloadAt(Date.parse('2024-04-29T19:00:00Z'), enabled({ timeZoneOffsetMinutes: 0 }), 0)).toBe(Date.parse('2024-04-30T04:00:00Z'));
  });

  it('handles a window across midnight', () => {
    const lateNight = enabled({ at: '23:50', windowMinutes: 30 });
    // Before it opens: tonight's, and the jitter may land after midnight.
    expect(nextReloadAt(beijing('2024-04-30T22:00:00'), lateNight, 0.5)).toBe(beijing('2024-05-01T00:05:00'));
    // Inside it, just past midnight: the window that opens tonight, not the one still open.
    expect(nextReloadAt(beijing('2024-05-01T00:10:00'), lateNight, 0)).toBe(beijing('2024-05-01T23:50:00'));
    // An early-morning window seen from late evening is the one after midnight.
    expect(nextReloadAt(beijing('2024-04-30T23:00:00'), enabled({ at: '00:30' }), 0)).toBe(beijing('2024-05-01T00:30:00'));
  });

  it('crosses a month and a year end', () => {
    expect(nextReloadAt(beijing('2024-12-31T12:00:00'), enabled(), 0)).toBe(beijing('2025-01-01T04:00:00'));
  });

  it('refuses a jitter outside [0, 1)', () => {
    expect(() => nextReloadAt(beijing('2024-04-30T01:00:00'), enabled(), 1)).toThrow(RangeError);
    expect(() => nextReloadAt(beijing('2024-04-30T01:00:00'), enabled(), Number.NaN)).toThrow(RangeError);
  });
});
