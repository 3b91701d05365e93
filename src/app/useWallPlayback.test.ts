import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computed, effectScope, nextTick, ref, shallowRef } from 'vue';
import { type WallState, applyWallCommand, initialWallState } from '../domain/wall/wallState';
import { useWallPlayback } from './useWallPlayback';

const T0 = Date.parse('2026-12-07T02:00:00Z');
const WINDOW = '2026-12-06T02:00:00.000Z~2026-12-07T02:00:00.000Z';
const FROM = Date.parse('2026-12-06T02:00:00Z');

/** A screen's playback as the wall drives it: what was loaded, where it was put, and live or not. */
function fakePlayback() {
  const loads: string[] = [];
  const position = ref<number | null>(null);
  const timeline = ref<string | null>(null);
  let answer: (ok: boolean) => void = () => undefined;
  return {
    loads,
    position,
    answer: (ok: boolean) => answer(ok),
    playback: {
      active: computed(() => timeline.value !== null),
      playing: ref(false),
      error: ref<string | null>(null),
      load: vi.fn((window: string, at?: number) => {
        loads.push(window);
        return new Promise<boolean>((resolve) => {
          answer = (ok) => {
            if (ok) {
              timeline.value = window;
              position.value = at ?? null;
            }
            resolve(ok);
          };
        });
      }),
      seek: vi.fn((ms: number) => void (position.value = ms)),
      setSpeed: vi.fn(),
      pause: vi.fn(),
      backToLive: vi.fn(() => {
        timeline.value = null;
        position.value = null;
      }),
    },
  };
}

/** A screen following a live wall on a backend whose clock is this screen's; the errors it records. */
function followingWall() {
  const state = shallowRef<WallState | null>(initialWallState('w', 'wall-tour', T0));
  const fake = fakePlayback();
  const errors: unknown[] = [];
  const scope = effectScope();
  scope.run(() => useWallPlayback({ state, serverNow: () => Date.now(), playback: fake.playback, recordError: (_, error) => errors.push(error) }));
  return { state, fake, scope, errors };
}

describe('useWallPlayback', () => {
  beforeEach(() => vi.useFakeTimers({ now: T0 }));
  afterEach(() => vi.useRealTimers());

  it('puts the screen at the wall playhead on the backend clock, follows the console, and returns to live', async () => {
    const state = shallowRef<WallState | null>(initialWallState('w', 'wall-tour', T0));
    const fake = fakePlayback();
    const errors: unknown[] = [];
    // The backend's clock runs 5 s ahead of this screen's.
    const scope = effectScope();
    scope.run(() => useWallPlayback({ state, serverNow: () => Date.now() + 5000, playback: fake.playback, recordError: (_, error) => errors.push(error) }));
    expect(fake.loads).toEqual([]);

    state.value = applyWallCommand(state.value!, { action: 'playback', window: WINDOW, at: FROM, speed: 60, playing: true }, 'console', T0);
    await nextTick();
    expect(fake.loads).toEqual([WINDOW]);
    fake.answer(true);
    await vi.advanceTimersByTimeAsync(1000);
    // 6 s after the anchor on the backend's clock, at 60×: six minutes into the window.
    expect(fake.position.value).toBe(FROM + 6000 * 60);
    expect(fake.playback.playing.value).toBe(true);

    // The console pauses: the screen stays where the wall's state says, however long it waits.
    state.value = applyWallCommand(state.value!, { action: 'playback', window: WINDOW, at: FROM + 3_600_000, speed: 60, playing: false }, 'console', Date.now() + 5000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.position.value).toBe(FROM + 3_600_000);
    expect(fake.playback.playing.value).toBe(false);
    expect(fake.loads).toHaveLength(1);

    state.value = applyWallCommand(state.value!, { action: 'live' }, 'console', Date.now());
    await nextTick();
    expect(fake.playback.backToLive).toHaveBeenCalledTimes(1);
    expect(fake.position.value).toBeNull();
    expect(errors).toEqual([]);
    scope.stop();
  });

  it('rejoins the wall replay on the console’s next command after a severe alert took the screen live', async () => {
    const { state, fake, scope } = followingWall();
    state.value = applyWallCommand(state.value!, { action: 'playback', window: WINDOW, at: FROM, speed: 60, playing: true }, 'console', T0);
    await nextTick();
    fake.answer(true);
    await vi.advanceTimersByTimeAsync(1000);
    // A 4级 alert: the screen goes live to look at it; the wall's state still replays.
    fake.playback.backToLive();
    await vi.advanceTimersByTimeAsync(5000);
    expect(fake.playback.active.value).toBe(false);
    expect(fake.loads).toHaveLength(1);
    // The console pauses the replay at an hour in: the screen loads the day again and stands there.
    state.value = applyWallCommand(state.value!, { action: 'playback', window: WINDOW, at: FROM + 3_600_000, speed: 60, playing: false }, 'console', Date.now());
    await nextTick();
    expect(fake.loads).toEqual([WINDOW, WINDOW]);
    fake.answer(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.playback.active.value).toBe(true);
    expect(fake.position.value).toBe(FROM + 3_600_000);
    scope.stop();
  });

  it('says so when the window cannot be loaded, and leaves a live screen live', async () => {
    const { state, fake, scope, errors } = followingWall();
    state.value = applyWallCommand(state.value!, { action: 'playback', window: WINDOW, at: FROM, speed: 60, playing: true }, 'console', T0);
    await nextTick();
    fake.answer(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toEqual([`the wall's replay of ${WINDOW} could not be loaded on this screen (another load on this screen took its place); trying again`]);
    expect(fake.playback.seek).not.toHaveBeenCalled();
    // The screen's source comes up: the next attempt loads, and the screen joins the replay.
    await vi.advanceTimersByTimeAsync(2000);
    expect(fake.loads).toEqual([WINDOW, WINDOW]);
    fake.answer(true);
    await vi.advanceTimersByTimeAsync(500);
    expect(fake.playback.active.value).toBe(true);
    expect(errors).toHaveLength(1);
    scope.stop();
  });

  it('takes the wall as it is once a slow load ends, not as it was when the load began', async () => {
    const { state, fake, scope } = followingWall();
    state.value = applyWallCommand(state.value!, { action: 'playback', window: WINDOW, at: FROM, speed: 60, playing: true }, 'console', T0);
    await nextTick();
    // Paused at 3600× by the console while this screen still loads the day.
    state.value = applyWallCommand(state.value!, { action: 'playback', window: WINDOW, at: FROM + 7_200_000, speed: 3600, playing: false }, 'console', T0 + 1000);
    await nextTick();
    fake.answer(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.loads).toEqual([WINDOW]);
    expect(fake.playback.playing.value).toBe(false);
    expect(fake.playback.setSpeed).toHaveBeenLastCalledWith(3600);
    expect(fake.position.value).toBe(FROM + 7_200_000);
    scope.stop();
  });
});
