import { type Ref, onBeforeUnmount, ref, watch } from 'vue';

/**
 * A number that eases to each new value (a KPI changing on the wall is noticed, not missed),
 * on requestAnimationFrame, cancelled with its component. Null passes straight through.
 */
export function useTweenedNumber(source: () => number | null, durationMs = 800): Ref<number | null> {
  const shown = ref<number | null>(source());
  let frame = 0;
  watch(source, (target) => {
    cancelAnimationFrame(frame);
    const from = shown.value;
    if (target === null || from === null || durationMs <= 0) {
      shown.value = target;
      return;
    }
    const started = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - started) / durationMs);
      const eased = 1 - (1 - t) ** 3;
      shown.value = from + (target - from) * eased;
      if (t < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
  });
  onBeforeUnmount(() => cancelAnimationFrame(frame));
  return shown;
}
