/**
 * The video wall's tour: each scene for its dwell time, round and round, with no one touching
 * it. A new high-severity alert takes the camera; the tour holds its place meanwhile and goes on
 * with the time the scene had left. One timer, set to the next change, never a polling loop.
 */
import { onScopeDispose, ref, shallowRef } from 'vue';
import type { Scene, SceneDeck } from '../domain/scenes/sceneDeck';
import { type TourState, currentScene, interruptTour, msUntilNextChange, startTour, tickTour } from '../domain/scenes/tourScheduler';
import { type WallState, wallScene } from '../domain/wall/wallState';

const DEFAULT_DWELL_SECONDS = 20;

const dwellsOf = (deck: SceneDeck, dwellSeconds?: number) => deck.scenes.map((scene) => (dwellSeconds ?? scene.dwellSeconds ?? DEFAULT_DWELL_SECONDS) * 1000);

/** The longest a wall screen goes without reckoning its scene again on the backend's clock. */
const RECKON_AGAIN_MS = 5000;

export function useWallTour(apply: (scene: Scene) => void) {
  const index = ref(-1);
  const count = ref(0);
  /** The scene on screen, whose title the wall shows large while it is up. */
  const scene = shallowRef<Scene | null>(null);
  /** The tour's scenes, in order (the console lists them to pick from). */
  const scenes = shallowRef<readonly Scene[]>([]);
  let deck: SceneDeck | null = null;
  let state: TourState | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Monotonic: a clock stepped back by a time sync must not hold a scene for hours.
  const now = () => performance.now();

  function show(): void {
    if (!deck || !state) return;
    index.value = currentScene(state);
    scene.value = deck.scenes[index.value]!;
    apply(scene.value);
  }

  function schedule(): void {
    clearTimeout(timer);
    if (!state) return;
    timer = setTimeout(() => {
      if (!state) return;
      const tick = tickTour(state, now());
      state = tick.state;
      if (tick.changed) show();
      schedule();
    }, Math.max(50, msUntilNextChange(state, now())));
  }

  onScopeDispose(() => clearTimeout(timer));

  /** A wall of screens: the tour as the backend's shared state has it, on the backend's clock. */
  let shared: { state: Pick<WallState, 'anchorScene' | 'anchorMs' | 'paused'>; dwellsMs: number[]; now: () => number } | null = null;
  let sharedAnchor = '';

  function followShared(): void {
    clearTimeout(timer);
    if (!deck || !shared) return;
    const { state: wall, dwellsMs, now: serverNow } = shared;
    const { index: next, endsAt } = wallScene(wall, dwellsMs, serverNow());
    // A new anchor (a scene picked, the tour resumed) flies to its scene again, even the same one;
    // holding the scene on screen does not (the camera may be on an alert the console pointed at).
    const anchor = `${wall.anchorScene}@${wall.anchorMs}`;
    if (next !== index.value || anchor !== sharedAnchor) {
      sharedAnchor = anchor;
      index.value = next;
      scene.value = deck.scenes[next]!;
      apply(scene.value);
    }
    // Woken at the scene's end on the backend's clock; early by a little, it simply sleeps again.
    // At least every few seconds: the reading of that clock improves as samples come (a screen on
    // the broker has none until the first clock message), and a scene must not wait on a bad one.
    if (endsAt !== null) timer = setTimeout(followShared, Math.min(RECKON_AGAIN_MS, Math.max(0, endsAt - serverNow()) + 1));
  }

  return {
    index,
    count,
    scene,
    scenes,
    /** `firstScene` is 0-based (a wall resumed at a scene after a reload, or shown one scene). */
    start(next: SceneDeck, dwellSeconds?: number, firstScene = 0): void {
      deck = next;
      count.value = next.scenes.length;
      scenes.value = next.scenes;
      state = startTour(
        dwellsOf(next, dwellSeconds),
        now(),
        firstScene,
      );
      show();
      schedule();
    },
    /**
     * Shows the scene the wall's shared state has up now, and each next one when its time comes;
     * call again whenever the state changes. Every screen of the wall reckons the same scene.
     */
    follow(next: SceneDeck, wall: Pick<WallState, 'anchorScene' | 'anchorMs' | 'paused'>, serverNow: () => number, dwellSeconds?: number): void {
      if (deck !== next) sharedAnchor = '';
      deck = next;
      state = null;
      count.value = next.scenes.length;
      scenes.value = next.scenes;
      shared = { state: wall, dwellsMs: dwellsOf(next, dwellSeconds), now: serverNow };
      followShared();
    },
    /**
     * The scene a wall's state has up at the backend's `now`, on this tour's dwell times: what a
     * console holds when it pauses, whether or not this page has flown there yet.
     */
    sceneOf(wall: Pick<WallState, 'anchorScene' | 'anchorMs' | 'paused'>, now: number): number {
      return deck ? wallScene(wall, dwellsOf(deck), now).index : Math.max(0, index.value);
    },
    /** The camera is elsewhere for `ms`: the scene's clock stops until then (not on a wall of screens, whose clock is shared). */
    interrupt(ms: number): void {
      if (!state) return;
      state = interruptTour(state, now(), now() + ms);
      schedule();
    },
    stop(): void {
      clearTimeout(timer);
      state = null;
      shared = null;
    },
  };
}
