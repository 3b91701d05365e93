/**
 * Where the simulated day starts for the e2e servers that run the simulator fast (the outage and
 * MQTT tests): the next 10:00 China Standard Time at or after `now`.
 *
 * Pinned to a time of day, so a run at 03:00 sees the same simulated hours as one at 15:00. The
 * start's hour decides where the 08:00 and 20:00 shift changes fall, and each draws from the
 * simulator's one random stream, so a start at another hour is a different run: other sorties,
 * other alerts, other quiet spells. From 10:00 a test has the rest of the simulated day (14 h, two
 * minutes at 400×) before midnight or a month's end brings the KPI rebuild.
 *
 * Not before `now`: the page ages records by the later of its own clock and the backend's, so a
 * simulated day ahead of the wall clock is what a fast simulator gives anyway; one behind it
 * would let the page age out records the backend still lists.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 10:00 in China Standard Time (UTC+8) is 02:00 UTC. */
const START_UTC_MS_OF_DAY = 2 * HOUR;

export function simulatedStart(now = Date.now()): number {
  const today = now - (now % DAY) + START_UTC_MS_OF_DAY;
  return today >= now ? today : today + DAY;
}
