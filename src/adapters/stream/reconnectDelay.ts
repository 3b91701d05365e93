/**
 * How long to wait before reconnecting attempt `attempt` (1, 2, …): exponential backoff with
 * full jitter, capped, so a wall of screens does not reconnect in lockstep after an outage and
 * none waits more than `maxMs`.
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random, baseMs = 500, maxMs = 10_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  // Never quite zero: an instant retry against a server that just refused only burns a request.
  return Math.max(baseMs / 4, Math.round(random() * ceiling));
}
