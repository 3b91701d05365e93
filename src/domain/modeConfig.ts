/**
 * How a screen is used, all of it settable from the URL so a wall is configured by its URL alone:
 * `mode=` (standard, wall, briefing, duty, console), the wall's tour and the briefing's deck, the duty
 * queue's filters and time playback. Whether a duty screen may show personal data whole is a
 * deployment's policy, so it lives in config.json only: a URL anyone can type must not unmask.
 */
import { z } from './z';
import { defaultReloadWindow, reloadWindowSchema } from './scenes/reloadWindow';
import { MAX_SCENES } from './scenes/sceneDeck';

const MODES = ['standard', 'wall', 'briefing', 'duty', 'console'] as const;
export type Mode = (typeof MODES)[number];

const deckIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'a deck id uses letters, digits, dot, dash or underscore');

/** `24h`, `7d`, or a custom `from~to` window (ISO 8601). */
export const playbackWindowSchema = z.union([
  z.literal('24h'),
  z.literal('7d'),
  z
    .string()
    .regex(/^[^~]+~[^~]+$/, 'a playback window is 24h, 7d or from~to (ISO 8601)')
    .refine((value) => {
      const [from, to] = value.split('~').map((part) => Date.parse(part));
      return Number.isFinite(from) && Number.isFinite(to) && from! < to!;
    }, 'a custom window needs two ISO 8601 times, the first before the second'),
]);
export type PlaybackWindow = z.infer<typeof playbackWindowSchema>;

export const PLAYBACK_SPEEDS = [1, 10, 60, 300, 900, 3600] as const;

export const modeConfigShape = {
  /** `mode=`: the plain dashboard, the video wall, a briefing, or the duty officer's screen. */
  mode: z.enum(MODES).default('standard'),
  /**
   * `wall=` and `screen=`: one screen of a wall of screens (public/walls/<id>.json), at column,row;
   * on a console (`mode=console`), the wall it steers.
   */
  wall: z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'a wall id uses letters, digits, dot, dash or underscore'), screen: z.string().regex(/^\d{1,2},\d{1,2}$/, 'screen= is column,row, from 0,0 at the top left').optional() }).optional(),
  /** `tour=`: the wall's tour of scenes (public/decks/<id>.json). */
  tour: deckIdSchema.default('wall-tour'),
  /** `diag=1`: the diagnostics overlay open at start (Ctrl+Shift+D toggles it). */
  diag: z.boolean().default(false),
  /** `dwell=`: seconds each tour scene stays, over the deck's own dwell times. */
  dwellSeconds: z.number().int().min(3).max(600).optional(),
  /** The wall's daily self-reload, a last safety net (off by default; `reload=HH:MM` turns it on). */
  reload: reloadWindowSchema.default(defaultReloadWindow),
  /** `deck=`: the briefing's deck of scenes (public/decks/<id>.json). */
  deck: deckIdSchema.default('changshan-yushan'),
  /** `slide=`: the briefing's scene to open on, from 1 (absent: the start screen); on a wall, the tour's first scene. */
  /** Up to one past the last scene: the end screen. */
  slide: z.number().int().min(1).max(MAX_SCENES + 1).optional(),
  /**
   * config.json only, and only with `"mode": "duty"` in the same file: that duty screen may show
   * names, ID numbers, phones and plates whole. A URL can neither set it nor switch a screen to it.
   */
  privacy: z.object({ unmaskInDuty: z.boolean().default(false) }).default({ unmaskInDuty: false }),
  /** The duty queue's filters (`severity=`, `sides=`, `towns=`), and who the desk is. */
  duty: z
    .object({
      minSeverity: z.number().int().min(1).max(4).default(1),
      sides: z.array(z.string().regex(/^[a-z]{2,8}$/, 'a side is a province id such as zj')).default([]),
      towns: z.array(z.string().min(1).max(64)).default([]),
      /**
       * The station this desk acts for (`desk=`): its side of the border raises and answers
       * assistance requests. Without it the desk acknowledges alerts and follows requests only.
       */
      station: z.string().min(1).max(128).optional(),
      /**
       * The officer named on the desk's actions. A deployment behind a sign-in sets the backend's
       * AUTH_USER_HEADER instead, and the backend takes the name from there (docs/integrating.md).
       */
      officer: z.string().min(1).max(200).regex(/\S/, 'an officer name cannot be blank').optional(),
    })
    .default({ minSeverity: 1, sides: [], towns: [] }),
  /** Time playback (`playback=24h|7d|from~to`, `speed=`, `at=`); absent: live. */
  playback: z
    .object({
      window: playbackWindowSchema,
      speed: z.number().int().min(1).max(3600).default(60),
      /** Where the playhead is, ISO 8601 (default: the window's start). */
      at: z.iso.datetime({ offset: true }).optional(),
    })
    .optional(),
};

/** Whether a screen shows personal data whole: only duty mode, and only where config allows. */
export function showsPersonalData(config: { mode: Mode; privacy: { unmaskInDuty: boolean } }): boolean {
  return config.mode === 'duty' && config.privacy.unmaskInDuty;
}

/** The window in epoch ms, relative to `nowMs` for 24h and 7d. */
export function resolvePlaybackWindow(window: PlaybackWindow, nowMs: number): { from: number; to: number } {
  if (window === '24h') return { from: nowMs - 24 * 3_600_000, to: nowMs };
  if (window === '7d') return { from: nowMs - 7 * 24 * 3_600_000, to: nowMs };
  const [from, to] = window.split('~').map((part) => Date.parse(part));
  return { from: from!, to: to! };
}
