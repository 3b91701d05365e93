import { describe, expect, it } from 'vitest';
import { type TourState, currentScene, interruptTour, msUntilNextChange, startTour, tickTour } from './tourScheduler';

const T0 = 1_700_000_000_000;
const s = (seconds: number) => seconds * 1000;

/** Ticks at `atSeconds` after T0 and returns the new state, asserting whether the scene changed. */
function tickAt(state: TourState, atSeconds: number, expectChanged: boolean): TourState {
  const tick = tickTour(state, T0 + s(atSeconds));
  expect(tick.changed).toBe(expectChanged);
  return tick.state;
}

describe('tour scheduler', () => {
  it('starts at the scene asked for, for that scene’s dwell, wrapping a number past the end', () => {
    const tour = startTour([s(20), s(30), s(10)], T0, 2);
    expect(currentScene(tour)).toBe(2);
    expect(msUntilNextChange(tour, T0)).toBe(s(10));
    expect(currentScene(tickTour(tour, T0 + s(10)).state)).toBe(0);
    expect(currentScene(startTour([s(20), s(30), s(10)], T0, 4))).toBe(1);
  });

  it('shows each scene for its dwell, in order, and loops', () => {
    let tour = startTour([s(20), s(30), s(10)], T0);
    expect(currentScene(tour)).toBe(0);
    expect(msUntilNextChange(tour, T0)).toBe(s(20));

    tour = tickAt(tour, 19.999, false);
    expect(currentScene(tour)).toBe(0);
    tour = tickAt(tour, 20, true);
    expect(currentScene(tour)).toBe(1);
    expect(msUntilNextChange(tour, T0 + s(20))).toBe(s(30));
    tour = tickAt(tour, 50, true);
    expect(currentScene(tour)).toBe(2);
    tour = tickAt(tour, 60, true);
    expect(currentScene(tour)).toBe(0);
    expect(msUntilNextChange(tour, T0 + s(60))).toBe(s(20));
  });

  it('keeps to the schedule when a tick fires late', () => {
    let tour = startTour([s(20), s(30)], T0);
    tour = tickAt(tour, 23, true);
    expect(currentScene(tour)).toBe(1);
    // Scene 1 still ends 30 s after scene 0 was due to end, not 30 s after the late tick.
    expect(msUntilNextChange(tour, T0 + s(23))).toBe(s(27));
  });

  it('jumps over several dwells at once when the clock jumped', () => {
    let tour = startTour([s(20), s(30), s(10)], T0);
    tour = tickAt(tour, 55, true);
    expect(currentScene(tour)).toBe(2);
    expect(msUntilNextChange(tour, T0 + s(55))).toBe(s(5));

    // A wall asleep for a day and a bit lands where the loop would be: 86,415 s is 1440 loops and 15 s.
    tour = startTour([s(20), s(30), s(10)], T0);
    tour = tickAt(tour, 86_415, true);
    expect(currentScene(tour)).toBe(0);
    expect(msUntilNextChange(tour, T0 + s(86_415))).toBe(s(5));
  });

  it('comes back round to the only scene of a one-scene tour, so the camera is re-centred', () => {
    let tour = startTour([s(30)], T0);
    tour = tickAt(tour, 30, true);
    expect(currentScene(tour)).toBe(0);
    expect(msUntilNextChange(tour, T0 + s(30))).toBe(s(30));
  });

  it('pauses the dwell while an alert holds the camera and resumes the same scene with the dwell it had left', () => {
    let tour = startTour([s(20), s(30)], T0);
    tour = tickAt(tour, 20, true);
    // 10 s into scene 1 (30 s dwell), an alert takes the camera for 15 s.
    tour = interruptTour(tour, T0 + s(30), T0 + s(45));
    expect(msUntilNextChange(tour, T0 + s(30))).toBe(s(15));
    // Scene 1's dwell would have ended at 50 s; held, nothing changes.
    tour = tickAt(tour, 44, false);
    tour = tickAt(tour, 50, true);
    expect(currentScene(tour)).toBe(1);
    tour = tickAt(tour, 51, false);
    // Back on scene 1 with the 20 s it had left.
    expect(msUntilNextChange(tour, T0 + s(50))).toBe(s(15));
    tour = tickAt(tour, 65, true);
    expect(currentScene(tour)).toBe(0);
  });

  it('resumes on time even when the tick after the hold comes late', () => {
    let tour = startTour([s(20), s(30)], T0);
    tour = interruptTour(tour, T0 + s(5), T0 + s(10));
    // The hold ended at 10 s with 15 s left, so scene 0 ends at 25 s and scene 1 is due by 26 s.
    tour = tickAt(tour, 26, true);
    expect(currentScene(tour)).toBe(1);
    expect(msUntilNextChange(tour, T0 + s(26))).toBe(s(29));
  });

  it('extends the hold when a second alert arrives during it, and never shortens it', () => {
    let tour = startTour([s(20), s(30)], T0);
    tour = interruptTour(tour, T0 + s(5), T0 + s(15));
    tour = interruptTour(tour, T0 + s(10), T0 + s(25));
    expect(msUntilNextChange(tour, T0 + s(10))).toBe(s(15));
    tour = interruptTour(tour, T0 + s(12), T0 + s(14));
    tour = tickAt(tour, 20, false);
    tour = tickAt(tour, 25, true);
    expect(currentScene(tour)).toBe(0);
    // The 15 s left at the first alert, counted from the end of the extended hold.
    expect(msUntilNextChange(tour, T0 + s(25))).toBe(s(15));
  });

  it('returns after an alert to the scene that was due, not one whose dwell had already ended', () => {
    let tour = startTour([s(20), s(30)], T0);
    // Nobody ticked at 20 s; the alert at 22 s finds scene 1 due with 28 s of its dwell left.
    tour = interruptTour(tour, T0 + s(22), T0 + s(32));
    expect(currentScene(tour)).toBe(1);
    tour = tickAt(tour, 32, true);
    expect(currentScene(tour)).toBe(1);
    expect(msUntilNextChange(tour, T0 + s(32))).toBe(s(28));
  });

  it('ignores an alert hold that has already ended, leaving any due change to be reported', () => {
    let tour = startTour([s(20), s(30)], T0);
    tour = interruptTour(tour, T0 + s(22), T0 + s(21));
    tour = tickAt(tour, 22, true);
    expect(currentScene(tour)).toBe(1);
  });

  it('refuses an empty tour and a dwell that is not a positive duration', () => {
    expect(() => startTour([], T0)).toThrow('a tour needs at least one scene');
    expect(() => startTour([s(20), 0], T0)).toThrow('scene 1 of the tour has dwell 0 ms');
    expect(() => startTour([Number.NaN], T0)).toThrow(RangeError);
    expect(() => startTour([Number.POSITIVE_INFINITY], T0)).toThrow(RangeError);
  });

  it('never asks for a negative delay', () => {
    const tour = startTour([s(20)], T0);
    expect(msUntilNextChange(tour, T0 + s(60))).toBe(0);
  });
});
