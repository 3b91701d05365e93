/**
 * A wall that runs for weeks reloads itself once a day in a quiet hour, to shed whatever a
 * long-lived page accumulates. Each wall picks its own moment inside the window (the jitter) so
 * a room of walls does not hit the server, and go blank, in the same second.
 */
import { z } from '../z';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export const reloadWindowSchema = z.object({
  enabled: z.boolean().default(false),
  /** When the window opens, on the 24-hour clock in the zone below. */
  at: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day is HH:MM on the 24-hour clock, e.g. 04:00')
    .default('04:00'),
  /**
   * The zone `at` is read in, as minutes east of UTC: China Standard Time by default. Fixed rather
   * than the browser's, because a wall PC's own clock is often left on UTC.
   */
  timeZoneOffsetMinutes: z.number().int().min(-720, 'a time zone is between −720 and 840 minutes').max(840, 'a time zone is between −720 and 840 minutes').default(480),
  windowMinutes: z.number().int().min(1, 'a window is 1–180 minutes').max(180, 'a window is 1–180 minutes').default(30),
});
export type ReloadWindow = z.infer<typeof reloadWindowSchema>;

export const defaultReloadWindow: ReloadWindow = reloadWindowSchema.parse({});

/**
 * The epoch ms of the next reload: `jitter` (in [0, 1)) of the way into the next window that has
 * not yet opened, today's or tomorrow's; null when reloading is off. A page started inside a
 * window waits for the next day's, so a wall that has just reloaded does not reload again.
 */
export function nextReloadAt(nowMs: number, config: ReloadWindow, jitter: number): number | null {
  if (!config.enabled) return null;
  if (!(jitter >= 0 && jitter < 1)) throw new RangeError(`jitter must be in [0, 1), got ${jitter}`);
  const [hours, minutes] = config.at.split(':').map(Number) as [number, number];
  const offsetMs = config.timeZoneOffsetMinutes * MINUTE_MS;
  // Midnight of the local day `nowMs` falls in, as epoch ms.
  const localMidnight = Math.floor((nowMs + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
  let opens = localMidnight + (hours * 60 + minutes) * MINUTE_MS;
  if (opens <= nowMs) opens += DAY_MS;
  return opens + Math.floor(jitter * config.windowMinutes * MINUTE_MS);
}
