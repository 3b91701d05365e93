import { onScopeDispose, ref, watch, type Ref } from 'vue';

/**
 * A counter that follows `source` but moves at most once per `intervalMs`: the HUD panels read
 * the store through it, so a burst of thousands of changes redraws them once a second rather
 * than once per message (re-sorting 60k alerts per stream message would starve the globe).
 * The last change is never lost: a change inside the interval is applied when it ends.
 */
export function useThrottledTick(source: () => unknown, intervalMs: number, clock: () => number = () => Date.now()): Ref<number> {
  const tick = ref(0);
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    last = clock();
    tick.value += 1;
  };
  watch(source, () => {
    if (timer !== undefined) return;
    const wait = last + intervalMs - clock();
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  });
  onScopeDispose(() => clearTimeout(timer));
  return tick;
}
