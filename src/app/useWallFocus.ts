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
  find(alertId: string): { position: readonly [number, number] } | undefined;
  flyTo(position: readonly [number, number]): void;
}

export function useWallFocus(deps: WallFocusDeps): void {
  let seen: number | null = null;
  watch(deps.state, (state, before) => {
    const focus = state?.focus ?? null;
    if (!focus || focus.at === seen) return;
    seen = focus.at;
    if ((before === null || before === undefined) && !state?.paused) return;
    const alert = deps.find(focus.alertId);
    if (alert) deps.flyTo(alert.position);
  });
}
