import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useThrottledTick } from './useThrottledTick';

describe('useThrottledTick', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('moves at once on the first change, then at most once per interval, ending on the last change', async () => {
    const source = ref(0);
    const scope = effectScope();
    const tick = scope.run(() => useThrottledTick(() => source.value, 1000))!;
    source.value = 1;
    await nextTick();
    expect(tick.value).toBe(1);
    for (let i = 2; i <= 50; i++) {
      source.value = i;
      await nextTick();
    }
    expect(tick.value).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(tick.value).toBe(2);
    vi.advanceTimersByTime(5000);
    expect(tick.value).toBe(2);
    scope.stop();
  });

  it('leaves no timer behind when its scope ends', async () => {
    const source = ref(0);
    const scope = effectScope();
    const tick = scope.run(() => useThrottledTick(() => source.value, 1000))!;
    source.value = 1;
    await nextTick();
    source.value = 2;
    await nextTick();
    scope.stop();
    vi.advanceTimersByTime(2000);
    expect(tick.value).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
