/**
 * A replay steered from a wall's console: every screen loads the same window and puts its playhead
 * where the wall's state says it is now on the backend's clock, so the screens show the same
 * moment of the past; a return to live on the console returns every screen to live.
 *
 * The screen does not run its own playback clock here (two clocks would drift apart); it seeks to
 * the wall's playhead on every tick instead.
 */
import { onScopeDispose, type Ref, type ShallowRef, watch } from 'vue';
import { type WallState, wallPlayhead } from '../domain/wall/wallState';
import type { usePlayback } from './usePlayback';

type Playback = Pick<ReturnType<typeof usePlayback>, 'active' | 'load' | 'seek' | 'setSpeed' | 'pause' | 'backToLive' | 'error'> & { playing: Ref<boolean> };

export interface WallPlaybackDeps {
  state: ShallowRef<WallState | null> | Ref<WallState | null>;
  serverNow: () => number;
  playback: Playback;
  recordError(source: string, error: unknown): void;
}

/** How often the playhead is put where the wall's is: as often as the playback's own tick. */
const FOLLOW_EVERY_MS = 250;

/** A screen that could not load the wall's replay (its source not up yet) asks again this often. */
const RETRY_MS = 2000;

export function useWallPlayback(deps: WallPlaybackDeps) {
  /** The window this screen loaded for the wall, or null when the wall is live. */
  let loaded: string | null = null;
  let loading: string | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  /** A window already reported as failing: retried quietly. */
  let reported: string | null = null;
  const current = () => deps.state.value?.playback ?? null;

  function follow(): void {
    const replay = current();
    if (!replay || loaded !== replay.window || !deps.playback.active.value) return;
    deps.playback.seek(wallPlayhead(replay, deps.serverNow()));
  }

  async function sync(): Promise<void> {
    clearTimeout(retry);
    const replay = current();
    if (replay === null) {
      if (loaded !== null || loading !== null) {
        loaded = loading = null;
        deps.playback.backToLive();
      }
      return;
    }
    // A severe alert took this screen back to live by itself (the wall looks at it): the console's
    // next command brings the screen into the wall's replay again, not a replay it no longer shows.
    if (loaded !== null && !deps.playback.active.value) loaded = null;
    if (replay.window !== loaded) {
      if (replay.window === loading) return;
      loading = replay.window;
      const ok = await deps.playback.load(replay.window, wallPlayhead(replay, deps.serverNow()), { keepOutOfUrl: true });
      // The console moved on while the window loaded: the newer state has its own sync.
      if (loading !== replay.window) return;
      loading = null;
      if (!ok) {
        // Why, as the playback says (no reason: another load on this screen took its place).
        const why = deps.playback.error.value ?? 'another load on this screen took its place';
        if (reported !== `${replay.window} ${why}`) deps.recordError('wall', `the wall's replay of ${replay.window} could not be loaded on this screen (${why}); trying again`);
        reported = `${replay.window} ${why}`;
        retry = setTimeout(() => void sync(), RETRY_MS);
        return;
      }
      loaded = replay.window;
    }
    // What the wall says now, not when the load began: the console may have paused meanwhile.
    const now = current();
    if (now === null || now.window !== loaded) return void sync();
    deps.playback.pause();
    deps.playback.setSpeed(now.speed);
    // Shown as playing or paused as the wall is; the position comes from follow(), not a local clock.
    deps.playback.playing.value = now.playing;
    follow();
  }

  watch(current, () => void sync(), { immediate: true });
  const timer = setInterval(follow, FOLLOW_EVERY_MS);
  onScopeDispose(() => {
    clearInterval(timer);
    clearTimeout(retry);
  });
}
