/**
 * A source's freshness badge: how long since it last said anything (data or heartbeat), amber
 * once that is longer than one heartbeat interval, red past two or when it is not connected,
 * so a stale number never looks live.
 */
import type { SourceStatus } from '../../stores/sourceStore';

export type FreshnessLevel = 'fresh' | 'amber' | 'red';

export interface Freshness {
  id: string;
  level: FreshnessLevel;
  /** Whole seconds since the source last said anything; null before it ever did. */
  ageSeconds: number | null;
  state: SourceStatus['state'];
}

export function describeFreshness(status: Pick<SourceStatus, 'id' | 'state' | 'lastMessageAt'>, now: number, heartbeatMs: number): Freshness {
  const last = status.lastMessageAt === null ? Number.NaN : Date.parse(status.lastMessageAt);
  const age = Number.isFinite(last) ? Math.max(0, now - last) : null;
  let level: FreshnessLevel;
  if (status.state !== 'live' || age === null || age > 2 * heartbeatMs) level = 'red';
  else if (age > heartbeatMs) level = 'amber';
  else level = 'fresh';
  return { id: status.id, level, ageSeconds: age === null ? null : Math.floor(age / 1000), state: status.state };
}
