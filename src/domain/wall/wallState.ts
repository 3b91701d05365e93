/**
 * What a wall of screens shows, kept by the backend so that no browser owns it: the tour and where
 * it stands, a held scene, the live layers, a blanked wall, the alert the console pointed at, and
 * who changed it last. Screens follow it; consoles change it with commands, the last one winning.
 *
 * The tour is an anchor, not a ticking counter: "scene N began at T" on the backend's clock, so a
 * screen that opens, reloads or wakes later works out the same scene as its neighbours from the
 * deck's dwell times alone, and no one has to keep it running.
 */
import { z } from '../z';
import { LAYER_IDS } from '../layerIds';
import { nameSchema } from '../entities/entityBase';
import { deckIdSchema } from '../scenes/sceneDeck';
import { PLAYBACK_SPEEDS, playbackWindowSchema, resolvePlaybackWindow } from '../modeConfig';
import { startTour, tickTour } from '../scenes/tourScheduler';
import { wallIdSchema } from './wallLayout';

const sceneIndexSchema = z.number().int().min(0).max(199);

/** A window of the past that every screen replays together: absolute, so "24h" means the same hours everywhere. */
const absoluteWindowSchema = playbackWindowSchema.refine((window) => window.includes('~'), 'a wall replays an absolute window, from~to (ISO 8601), not 24h or 7d');
const speedSchema = z.literal(PLAYBACK_SPEEDS);

/**
 * A replay on the wall, as an anchor like the tour: the playhead stood at `atMs` when the backend's
 * clock read `anchorMs`, and moves at `speed` while `playing`.
 */
const wallPlaybackSchema = z.strictObject({
  window: absoluteWindowSchema,
  atMs: z.number().int().nonnegative(),
  anchorMs: z.number().int().nonnegative(),
  speed: speedSchema,
  playing: z.boolean(),
});
export type WallPlayback = z.infer<typeof wallPlaybackSchema>;

export const wallStateSchema = z.strictObject({
  wallId: wallIdSchema,
  version: z.number().int().nonnegative(),
  tour: deckIdSchema,
  /** Scene `anchorScene` of the tour began at `anchorMs` (epoch ms, the backend's clock). */
  anchorScene: sceneIndexSchema,
  anchorMs: z.number().int().nonnegative(),
  /** The tour held on a scene by a console; null while it runs. */
  paused: z.strictObject({ scene: sceneIndexSchema }).nullable(),
  /** The live layers shown over every scene's own; null: each scene's. */
  layers: z.array(z.enum(LAYER_IDS)).nullable(),
  /** The wall dark (a visit, a screen test), everything kept running behind. */
  blank: z.boolean(),
  /** The alert a console pointed the wall at, and when (each new focus flies again). */
  focus: z.strictObject({ alertId: z.string().min(1).max(128), at: z.number().int().nonnegative() }).nullable(),
  /** A replay the console started; null: live. (States kept before replays existed read as live.) */
  playback: wallPlaybackSchema.nullable().default(null),
  /** Who made the last change, and when (epoch ms). */
  changedBy: nameSchema,
  changedAt: z.number().int().nonnegative(),
});
export type WallState = z.infer<typeof wallStateSchema>;

export const wallCommandSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('tour'), tour: deckIdSchema }),
  z.strictObject({ action: z.literal('scene'), scene: sceneIndexSchema }),
  z.strictObject({ action: z.literal('pause'), scene: sceneIndexSchema }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('layers'), layers: z.array(z.enum(LAYER_IDS)).max(LAYER_IDS.length).nullable() }),
  z.strictObject({ action: z.literal('blank'), blank: z.boolean() }),
  z.strictObject({ action: z.literal('focus'), alertId: z.string().min(1).max(128).nullable() }),
  /** Start, move, pause or change the speed of the wall's replay: the playhead is where it is now. */
  z.strictObject({ action: z.literal('playback'), window: absoluteWindowSchema, at: z.number().int().nonnegative(), speed: speedSchema, playing: z.boolean() }),
  z.strictObject({ action: z.literal('live') }),
]);
export type WallCommand = z.infer<typeof wallCommandSchema>;

/** A wall no console has touched: the default tour from its first scene, from now. */
export function initialWallState(wallId: string, tour: string, nowMs: number): WallState {
  return { wallId, version: 0, tour, anchorScene: 0, anchorMs: nowMs, paused: null, layers: null, blank: false, focus: null, playback: null, changedBy: 'system', changedAt: nowMs };
}

/** The state after a console's command; every command is a new version, named after who sent it. */
export function applyWallCommand(state: WallState, command: WallCommand, by: string, nowMs: number): WallState {
  const next = { ...state, version: state.version + 1, changedBy: by, changedAt: nowMs };
  switch (command.action) {
    // A tour, a scene or a resumed tour takes the wall off the alert it was pointed at.
    case 'tour':
      return { ...next, tour: command.tour, anchorScene: 0, anchorMs: nowMs, paused: null, focus: null };
    case 'scene':
      // A picked scene starts its full dwell now; on a held tour it is the scene held.
      return { ...next, anchorScene: command.scene, anchorMs: nowMs, paused: state.paused ? { scene: command.scene } : null, focus: null };
    case 'pause':
      return { ...next, paused: { scene: command.scene } };
    case 'resume':
      return state.paused ? { ...next, anchorScene: state.paused.scene, anchorMs: nowMs, paused: null, focus: null } : next;
    case 'layers':
      return { ...next, layers: command.layers };
    case 'blank':
      return { ...next, blank: command.blank };
    case 'focus':
      return { ...next, focus: command.alertId === null ? null : { alertId: command.alertId, at: nowMs } };
    case 'playback': {
      const { from, to } = resolvePlaybackWindow(command.window, nowMs);
      return { ...next, playback: { window: command.window, atMs: Math.min(Math.max(command.at, from), to), anchorMs: nowMs, speed: command.speed, playing: command.playing } };
    }
    case 'live':
      return { ...next, playback: null };
  }
}

/** Where the wall's playhead is at `nowMs` on the backend's clock: within the window, stopped at its end. */
export function wallPlayhead(playback: WallPlayback, nowMs: number): number {
  const { to } = resolvePlaybackWindow(playback.window, nowMs);
  const moved = playback.playing ? Math.max(0, nowMs - playback.anchorMs) * playback.speed : 0;
  return Math.min(playback.atMs + moved, to);
}

/**
 * The scene on the wall at `nowMs` and when it ends (null while held), from the tour's dwell
 * times: the same answer on every screen that reads the same state and the same clock.
 */
export function wallScene(state: Pick<WallState, 'anchorScene' | 'anchorMs' | 'paused'>, dwellsMs: readonly number[], nowMs: number): { index: number; endsAt: number | null } {
  const count = dwellsMs.length;
  if (state.paused) return { index: state.paused.scene % count, endsAt: null };
  const tick = tickTour(startTour(dwellsMs, state.anchorMs, state.anchorScene), Math.max(nowMs, state.anchorMs));
  return { index: tick.state.index, endsAt: tick.state.sceneEndsAt };
}
