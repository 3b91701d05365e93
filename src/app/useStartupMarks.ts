/**
 * Marks the moments of the page's start the app itself sees (see domain/startupMarks.ts): the first
 * snapshot in the store, the HUD painted with it, the page ready. The HUD's moment is also
 * `data-hud="data"` on <html>, set once Vue has rendered the panels from the snapshot (nextTick)
 * and the browser is about to paint them (the next animation frame).
 */
import { nextTick, ref } from 'vue';
import type { EntityReader } from '../stores/entityStore';
import { markStartup } from '../domain/startupMarks';

export interface StartupMarksDeps {
  live: Pick<EntityReader, 'onDiff'>;
  /** The page's `data-*` marks (`document.documentElement.dataset`). */
  marks: Record<string, string | undefined>;
  /** The next frame before a paint; injected by tests. */
  frame?(run: () => void): void;
}

export function useStartupMarks(deps: StartupMarksDeps) {
  const frame = deps.frame ?? ((run: () => void) => void requestAnimationFrame(run));
  const hudPainted = ref(false);
  const stop = deps.live.onDiff((diff) => {
    if (!Object.values(diff).some((change) => change.added.length + change.updated.length > 0)) return;
    stop();
    markStartup('snapshot');
    void nextTick(() =>
      frame(() => {
        deps.marks.hud = 'data';
        markStartup('hud');
        hudPainted.value = true;
      }),
    );
  });
  return {
    /** The HUD's panels have painted the first snapshot's data. */
    hudPainted,
    /** The page is ready (`data-ready="true"` just set). */
    ready: () => markStartup('ready'),
  };
}
