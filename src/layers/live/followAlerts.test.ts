import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../domain/entities/alert';
import { type AlertCamera, followAlerts } from './followAlerts';

const alert = (id: string, severity: number, status: Alert['status'] = 'new') => ({ id, severity, status, position: [118.3, 28.8] }) as unknown as Alert;

/** A camera on a line: a view is a number, flights land at once or when the test says. */
function fakeCamera() {
  const flights: string[] = [];
  let at = 0;
  let pending: (() => void) | undefined;
  const camera: AlertCamera<number> = {
    where: () => at,
    flyToAlert: (target, arrived) => {
      flights.push(target.id);
      pending = () => {
        at = Number(target.id.slice(1));
        arrived(at);
      };
    },
    movedSince: (landed) => at !== landed,
    flyBack: (view) => {
      flights.push(`back to ${view}`);
      at = view;
    },
  };
  return { camera, flights, land: () => pending?.(), pan: (to: number) => (at = to) };
}

describe('followAlerts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const settings = () => ({ minSeverity: 4, dwellSeconds: 10 });

  it('looks at a severe new alert, then goes back to where it was after the dwell', () => {
    const { camera, flights, land } = fakeCamera();
    const focus = followAlerts(camera, settings, () => ({ active: true, followAlerts: true }));
    expect(focus.focus(alert('a5', 4))).toBe(true);
    land();
    vi.advanceTimersByTime(9_999);
    expect(flights).toEqual(['a5']);
    vi.advanceTimersByTime(1);
    expect(flights).toEqual(['a5', 'back to 0']);
  });

  it('goes back to before the first of a run of alerts, and leaves the camera with whoever moved it', () => {
    const { camera, flights, land, pan } = fakeCamera();
    const focus = followAlerts(camera, settings, () => ({ active: true, followAlerts: true }));
    focus.focus(alert('a5', 4));
    land();
    focus.focus(alert('a7', 5));
    land();
    vi.advanceTimersByTime(10_000);
    expect(flights).toEqual(['a5', 'a7', 'back to 0']);
    focus.focus(alert('a9', 4));
    land();
    pan(3);
    vi.advanceTimersByTime(10_000);
    expect(flights.at(-1)).toBe('a9');
  });

  it('ignores minor, handled and replayed alerts, a hidden view, and everything when focus is off', () => {
    let state = { active: true, followAlerts: true };
    let minSeverity: number | null = 4;
    const { camera, flights } = fakeCamera();
    const focus = followAlerts(camera, () => ({ minSeverity, dwellSeconds: 10 }), () => state);
    expect([focus.focus(alert('a1', 3)), focus.focus(alert('a2', 4, 'acknowledged'))]).toEqual([false, false]);
    state = { active: true, followAlerts: false };
    expect(focus.wants(alert('a3', 5))).toBe(false);
    state = { active: false, followAlerts: true };
    expect(focus.wants(alert('a3', 5))).toBe(false);
    state = { active: true, followAlerts: true };
    minSeverity = null;
    expect(focus.wants(alert('a3', 5))).toBe(false);
    expect(flights).toEqual([]);
  });

  it('does not fly back once cancelled (the view was hidden)', () => {
    const { camera, flights, land } = fakeCamera();
    const focus = followAlerts(camera, settings, () => ({ active: true, followAlerts: true }));
    focus.focus(alert('a5', 4));
    land();
    focus.cancel();
    vi.advanceTimersByTime(60_000);
    expect(flights).toEqual(['a5']);
  });
});
