/**
 * A source's freshness badge: how long since it last said anything (data or heartbeat), amber
 * past one heartbeat interval, red past two (the source's `staleAfterMs`) or whenever it is not
 * live, so a stale number never looks live.
 */
import type { SourceStatus } from '../../stores/sourceStore';

type FreshnessLevel = 'fresh' | 'amber' | 'red';

export interface Freshness {
  id: string;
  /** The configured display name; null: the HUD names the kind of source (`type`). */
  name: string | null;
  type: string;
  level: FreshnessLevel;
  /** Whole seconds since the source last said anything; null before it ever did. */
  ageSeconds: number | null;
  state: SourceStatus['state'];
}

export type FreshnessInput = Pick<SourceStatus, 'id' | 'name' | 'type' | 'state' | 'lastMessageAt' | 'staleAfterMs'>;

/** `fallbackStaleAfterMs`: for a source that has not said how long its silences may last. */
export function describeFreshness(status: FreshnessInput, now: number, fallbackStaleAfterMs: number): Freshness {
  const staleAfterMs = status.staleAfterMs ?? fallbackStaleAfterMs;
  const last = status.lastMessageAt === null ? Number.NaN : Date.parse(status.lastMessageAt);
  const age = Number.isFinite(last) ? Math.max(0, now - last) : null;
  let level: FreshnessLevel;
  if (status.state !== 'live' || age === null || age > staleAfterMs) level = 'red';
  else if (age > staleAfterMs / 2) level = 'amber';
  else level = 'fresh';
  return { id: status.id, name: status.name, type: status.type, level, ageSeconds: age === null ? null : Math.floor(age / 1000), state: status.state };
}
