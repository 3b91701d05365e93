/**
 * Watches the live store, never the playback timeline, for severe alerts nobody has answered:
 * the banner every mode shows, and the moment a new one arrives (a wall replaying yesterday
 * must still learn of it within seconds). Alerts already in the store when it first fills are
 * the backlog, not news: only those that come after are announced.
 */
import { computed, onScopeDispose, watch } from 'vue';
import type { EntityReader } from '../stores/entityStore';
import type { TickerItem } from '../panels/live/describeAlertTicker';
import { describeSevereAlerts } from '../panels/live/describeSevereAlerts';
import { useThrottledTick } from './useThrottledTick';

/** Well inside the 2 s a severe alert has to reach the screen, yet a burst is read once. */
const READ_EVERY_MS = 400;

export interface LiveAlertWatchDeps {
  /** The live store as received, whatever the screen shows. */
  live: EntityReader;
  /** Bumped by the live store whenever alerts change. */
  revision: () => number;
  /** The camera's focus severity (null: focus off; 4级 still banners). */
  minSeverity: () => number | null;
  /** Acknowledged on this screen (a backend without write-back). */
  acknowledgedHere: (id: string) => boolean;
  /** A severe alert arrived after the store first filled. */
  onArrival(item: TickerItem): void;
  intervalMs?: number;
}

export function useLiveAlertWatch(deps: LiveAlertWatchDeps) {
  const tick = useThrottledTick(deps.revision, deps.intervalMs ?? READ_EVERY_MS);
  const severe = computed(() => {
    void tick.value;
    return describeSevereAlerts(deps.live.each('alert'), deps.minSeverity(), (alert) => alert.status !== 'new' || deps.acknowledgedHere(alert.id));
  });
  let seen: Set<string> | null = null;
  const stop = watch(
    severe,
    (next) => {
      if (deps.revision() === 0) return;
      const arrived = seen ? next.ids.filter((id) => !seen!.has(id)) : [];
      // Only the waiting ones are remembered (an answered alert never waits again): a wall running
      // for months keeps a handful of ids, not every alert it ever saw.
      seen = new Set(next.ids);
      // The most severe and newest of what arrived together is the one to look at.
      const first = next.items.find((item) => arrived.includes(item.id)) ?? (arrived.length > 0 ? describeOne(arrived[0]!) : undefined);
      if (first) deps.onArrival(first);
    },
    { immediate: true },
  );
  function describeOne(id: string): TickerItem | undefined {
    const alert = deps.live.peek('alert', id);
    return alert ? describeSevereAlerts([alert], 1, () => false).items[0] : undefined;
  }
  onScopeDispose(stop);
  return { severe };
}
