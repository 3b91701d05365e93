/**
 * Time playback: load a window of the past from the backend, move a playhead through it at 1× to
 * 3600×, and let layers and panels read the state at the playhead instead of the live store. One
 * call returns to live. The window, speed and playhead are kept in the URL.
 */
import { computed, onBeforeUnmount, ref, shallowRef } from 'vue';
import type { Connections } from './connectDataSources';
import { type PlaybackWindow, resolvePlaybackWindow } from '../domain/modeConfig';
import { maskRecordForDisplay } from '../domain/maskRecordForDisplay';
import { PlaybackTimeline } from '../stores/playbackTimeline';
import type { EntityReader } from '../stores/entityStore';
import { replaceUrlParams } from './urlState';

/** The playhead moves and the screen follows this often; layers diff, so small steps are cheap. */
const TICK_MS = 250;
/** The URL is rewritten at most this often while playing. */
const URL_EVERY_MS = 2000;

export interface PlaybackOptions {
  connections: () => Connections | undefined;
  live: EntityReader;
  /** Whether the screen shows personal data whole (duty mode where allowed): the past follows the same rule. */
  showPersonalData: () => boolean;
}

export function usePlayback(options: PlaybackOptions) {
  const timeline = shallowRef<PlaybackTimeline | null>(null);
  const range = ref<PlaybackWindow | null>(null);
  const playing = ref(false);
  const speed = ref(60);
  const position = ref(0);
  const loading = ref(false);
  const error = ref<string | null>(null);
  /** Bumped on every seek: panels recompute from the timeline then. */
  const revision = ref(0);
  let timer: ReturnType<typeof setInterval> | undefined;
  let lastTickAt = 0;
  let lastUrlAt = 0;

  const active = computed(() => timeline.value !== null);
  const reader = computed<EntityReader>(() => timeline.value?.reader ?? options.live);

  function syncUrl(force = false): void {
    if (!inUrl) return;
    if (!force && Date.now() - lastUrlAt < URL_EVERY_MS) return;
    lastUrlAt = Date.now();
    replaceUrlParams(
      timeline.value && range.value
        ? { playback: range.value, speed: String(speed.value), at: new Date(position.value).toISOString() }
        : { playback: null, speed: null, at: null },
    );
  }

  function seek(ms: number): void {
    const current = timeline.value;
    if (!current) return;
    current.seek(ms);
    position.value = current.position;
    revision.value += 1;
    syncUrl();
  }

  function tick(): void {
    const now = performance.now();
    const elapsed = now - lastTickAt;
    lastTickAt = now;
    const current = timeline.value;
    if (!current || !playing.value) return;
    seek(current.position + elapsed * speed.value);
    if (current.position >= current.toMs) pause();
  }

  function play(): void {
    const current = timeline.value;
    if (!current) return;
    if (current.position >= current.toMs) seek(current.fromMs);
    playing.value = true;
    lastTickAt = performance.now();
    clearInterval(timer);
    timer = setInterval(tick, TICK_MS);
  }

  function pause(): void {
    playing.value = false;
    clearInterval(timer);
    syncUrl(true);
  }

  /** Bumped by every load and by the return to live: an answer to an older request is dropped. */
  let generation = 0;
  /** Playback a scene started (wall, briefing) stays out of the URL: a reload must not reopen it. */
  let inUrl = true;

  /** Loads a window and puts the playhead at `at` (default its start); true when it is on screen. */
  async function load(next: PlaybackWindow, at?: number, options_: { keepOutOfUrl?: boolean } = {}): Promise<boolean> {
    const mine = ++generation;
    const connections = options.connections();
    const { from, to } = resolvePlaybackWindow(next, Date.now());
    const request = connections?.readHistory({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
    if (!request) {
      error.value = 'unsupported';
      return false;
    }
    loading.value = true;
    error.value = null;
    const result = await request;
    // The presenter moved on (or went back to live) while this window loaded.
    if (mine !== generation) return false;
    loading.value = false;
    if (!result.ok) {
      error.value = result.error.reason;
      return false;
    }
    pause();
    const history = result.value;
    timeline.value = new PlaybackTimeline(
      { fromMs: Date.parse(history.from), toMs: Date.parse(history.to), base: history.base, changes: history.changes },
      options.showPersonalData() ? undefined : maskRecordForDisplay,
    );
    range.value = next;
    inUrl = !options_.keepOutOfUrl;
    seek(at ?? timeline.value.fromMs);
    syncUrl(true);
    return true;
  }

  /**
   * For a URL that opens in playback: the sources' capabilities answer a moment after start-up,
   * so ask until one declares history (or give up after `attempts`).
   */
  async function loadWhenReady(next: PlaybackWindow, at?: number, attempts = 40): Promise<void> {
    for (let attempt = 0; attempt < attempts; attempt++) {
      if ((await load(next, at)) || error.value !== 'unsupported') return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  function setSpeed(next: number): void {
    speed.value = next;
    syncUrl(true);
  }

  function backToLive(): void {
    generation += 1;
    loading.value = false;
    pause();
    timeline.value = null;
    range.value = null;
    error.value = null;
    revision.value += 1;
    syncUrl(true);
    inUrl = true;
  }

  onBeforeUnmount(() => clearInterval(timer));

  return { active, reader, timeline, range, playing, speed, position, loading, error, revision, load, loadWhenReady, play, pause, seek, setSpeed, backToLive };
}
