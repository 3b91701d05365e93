/**
 * The video wall's tour: each scene for its dwell time, round and round, with no one touching
 * it. A new high-severity alert takes the camera; the tour holds its place meanwhile and goes on
 * with the time the scene had left. One timer, set to the next change, never a polling loop.
 */
import { onScopeDispose, ref, shallowRef } from 'vue';
import type { Scene, SceneDeck } from '../domain/scenes/sceneDeck';
import { type TourState, currentScene, interruptTour, msUntilNextChange, startTour, tickTour } from '../domain/scenes/tourScheduler';

const DEFAULT_DWELL_SECONDS = 20;

export function useWallTour(apply: (scene: Scene) => void) {
  const index = ref(-1);
  const count = ref(0);
  /** The scene on screen, whose title the wall shows large while it is up. */
  const scene = shallowRef<Scene | null>(null);
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

  return {
    index,
    count,
    scene,
    /** `firstScene` is 0-based (a wall resumed at a scene after a reload, or shown one scene). */
    start(next: SceneDeck, dwellSeconds?: number, firstScene = 0): void {
      deck = next;
      count.value = next.scenes.length;
      state = startTour(
        next.scenes.map((scene) => (dwellSeconds ?? scene.dwellSeconds ?? DEFAULT_DWELL_SECONDS) * 1000),
        now(),
        firstScene,
      );
      show();
      schedule();
    },
    /** The camera is elsewhere for `ms`: the scene's clock stops until then. */
    interrupt(ms: number): void {
      if (!state) return;
      state = interruptTour(state, now(), now() + ms);
      schedule();
    },
    stop(): void {
      clearTimeout(timer);
      state = null;
    },
  };
}
