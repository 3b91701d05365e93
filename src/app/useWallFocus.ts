/**
 * The alert a console points the wall at: each new focus (a new alert, or the same one pointed at
 * again) flies every screen there once. A screen that joins later flies there too while the
 * console holds the tour (the wall is still looking at it); on a running tour the scenes have
 * moved on since.
 */
import { type Ref, watch } from 'vue';
import type { WallState } from '../domain/wall/wallState';

export interface WallFocusDeps {
  state: Ref<WallState | null>;
  /** Bumped as alerts arrive: a screen that joins before its store has the alert flies once it has. */
  revision: () => number;
  find(alertId: string): { position: readonly [number, number] } | undefined;
  /** False when there is no map to fly yet (the screen still starting): tried again later. */
  flyTo(position: readonly [number, number]): boolean;
}

export function useWallFocus(deps: WallFocusDeps): void {
  /** The focus this screen has flown to (or, on a running tour it joined, let go by). */
  let seen: number | null = null;
  watch([deps.state, deps.revision], ([state], [before]) => {
    const focus = state?.focus ?? null;
    if (!focus || focus.at === seen) return;
    // Joined while the tour runs: the scenes have moved on from that alert.
    if ((before === null || before === undefined) && !state?.paused && seen === null && state?.changedAt !== focus.at) {
      seen = focus.at;
      return;
    }
    const alert = deps.find(focus.alertId);
    if (alert && deps.flyTo(alert.position)) seen = focus.at;
  });
}
