/**
 * The video-wall tour's clock, as pure functions of the time passed in, so the wall schedules a
 * single setTimeout for `msUntilNextChange` and calls `tickTour` when it fires (or whenever it
 * likes: a late or early tick is harmless).
 *
 * The schedule is kept on absolute times rather than restarted at each tick, so a tick that
 * fires late does not stretch the tour, and a wall that was asleep or in a background tab
 * catches up to where the tour would be instead of replaying every scene it missed.
 *
 * Times are milliseconds on one clock; a monotonic one (`performance.now()`) is best, since a wall
 * clock stepped back by a time sync would hold the current scene for as long as it stepped.
 *
 * A high-severity alert takes the camera away (`interruptTour`): the current scene's countdown
 * stops until the alert's hold ends, then the same scene comes back with the dwell it had left.
 */

export interface TourState {
  /** How long each scene is shown, in order; the tour loops. */
  readonly dwellsMs: readonly number[];
  /** The scene on screen, or the one to return to after an interruption. */
  readonly index: number;
  /** When the current scene's dwell ends (epoch ms); meaningless while interrupted. */
  readonly sceneEndsAt: number;
  /** While an alert holds the camera: when it lets go, and the dwell the scene had left. */
  readonly interruption: { readonly untilMs: number; readonly remainingMs: number } | null;
}

export interface TourTick {
  readonly state: TourState;
  /** The scene to show is different (or must be shown again after an interruption): apply it. */
  readonly changed: boolean;
}

/**
 * Starts at scene `first` (0-based; out of range wraps, so a stale `slide=` still lands on a
 * scene). Throws on an empty tour or a dwell that is not a positive duration, which would make
 * the tour spin.
 */
export function startTour(dwellsMs: readonly number[], now: number, first = 0): TourState {
  if (dwellsMs.length === 0) throw new RangeError('a tour needs at least one scene');
  dwellsMs.forEach((dwell, index) => {
    if (!Number.isFinite(dwell) || dwell <= 0) {
      throw new RangeError(`scene ${index} of the tour has dwell ${dwell} ms; every dwell must be a positive number of milliseconds`);
    }
  });
  const index = ((Math.trunc(first) % dwellsMs.length) + dwellsMs.length) % dwellsMs.length;
  return { dwellsMs: [...dwellsMs], index, sceneEndsAt: now + dwellsMs[index]!, interruption: null };
}

export function currentScene(state: TourState): number {
  return state.index;
}

/** Moves on past every dwell that has ended by `now`, from scene `index` whose dwell ends at `endsAt`. */
function advance(dwellsMs: readonly number[], index: number, endsAt: number, now: number): { index: number; endsAt: number } {
  if (now < endsAt) return { index, endsAt };
  // Whole loops add nothing but time: skip them at once so a wall asleep for a week wakes quickly.
  const loopMs = dwellsMs.reduce((sum, dwell) => sum + dwell, 0);
  let end = endsAt + Math.floor((now - endsAt) / loopMs) * loopMs;
  let i = index;
  do {
    i = (i + 1) % dwellsMs.length;
    end += dwellsMs[i]!;
  } while (end <= now);
  return { index: i, endsAt: end };
}

/**
 * Brings the tour up to `now`. `changed` is true when at least one dwell ended (the tour moved
 * on, possibly by several scenes, or round to the same scene in a one-scene tour) or when an
 * interruption ended (the same scene must be flown back to).
 */
export function tickTour(state: TourState, now: number): TourTick {
  if (state.interruption !== null) {
    const { untilMs, remainingMs } = state.interruption;
    if (now < untilMs) return { state, changed: false };
    // Resumed from when the interruption ended, not from this (possibly late) tick.
    const resumed = advance(state.dwellsMs, state.index, untilMs + remainingMs, now);
    return { state: { ...state, index: resumed.index, sceneEndsAt: resumed.endsAt, interruption: null }, changed: true };
  }
  if (now < state.sceneEndsAt) return { state, changed: false };
  const moved = advance(state.dwellsMs, state.index, state.sceneEndsAt, now);
  return { state: { ...state, index: moved.index, sceneEndsAt: moved.endsAt }, changed: true };
}

/**
 * An alert holds the camera until `untilMs`: the current scene's countdown stops at `now`. A
 * second alert during the hold extends it to the later of the two ends; it never shortens it.
 * An interruption that has already ended by `now` changes nothing.
 */
export function interruptTour(state: TourState, now: number, untilMs: number): TourState {
  // Returned untouched so the caller's next tick still reports any scene change that is due.
  if (untilMs <= now) return state;
  // Catch up first: a dwell or an earlier hold that ended before this alert arrived is over.
  const current = tickTour(state, now).state;
  if (current.interruption !== null) {
    return untilMs > current.interruption.untilMs ? { ...current, interruption: { ...current.interruption, untilMs } } : current;
  }
  return { ...current, interruption: { untilMs, remainingMs: current.sceneEndsAt - now } };
}

/** How long until `tickTour` will report a change: the delay for the wall's one setTimeout (0 when overdue). */
export function msUntilNextChange(state: TourState, now: number): number {
  const at = state.interruption !== null ? state.interruption.untilMs : state.sceneEndsAt;
  return Math.max(0, at - now);
}
